"""The words that mark a genre's structure: speaker labels, delegates, attendance lists,
motions and decisions, and the title words that name a genre."""

from __future__ import annotations

#: Speaker labels of the press and of whoever runs a briefing: never a principal.
QUESTIONER_LABELS = frozenset({"q", "question", "questions", "journalist", "reporter", "press",
                               "audience", "audience member", "participant", "media",
                               "unidentified", "unidentified speaker", "voice", "voices"})
MODERATOR_LABELS = frozenset({"moderator", "operator", "mc", "host", "announcer", "chair",
                              "master of ceremonies", "facilitator", "interpreter",
                              "translator", "staff", "aide"})
#: Words of a title that names a transcript ("Remarks by ...", "Joint Press Conference").
TRANSCRIPT_TITLE_WORDS = ("remarks", "press conference", "news conference", "press briefing",
                          "transcript", "briefing", "interview", "stakeout", "press availability",
                          "doorstop", "q&a", "media availability", "joint press",
                          "opening statement", "statement to the press", "in conversation")
#: Openings of what a speaker says out of courtesy, not as a position ("Thank you very much",
#: "Welcome to Berlin", "It is my honour to host ...").
CEREMONIAL_OPENINGS = ("thank you", "thanks", "welcome", "good morning", "good afternoon",
                       "good evening", "ladies and gentlemen", "it is my honour", "it is my honor",
                       "it's my honour", "it's my honor", "it is a pleasure", "it's a pleasure",
                       "it is an honour", "it is an honor", "it's great to", "it is great to",
                       "great to see", "i am delighted", "i'm delighted", "i am pleased to",
                       "i'm pleased to", "let me begin", "let me start", "let me first",
                       "i would hand over", "i'll hand over", "over to you", "all right",
                       "okay", "ok", "well,", "so,", "good to", "nice to", "hello")
#: Nouns of a speaker at a multilateral meeting ("the representative of X", "X's delegate").
DELEGATE_NOUNS = frozenset({"representative", "representatives", "delegate", "delegates",
                            "delegation", "speaker", "observer", "ambassador", "minister",
                            "spokesperson"})
#: Headings of an attendance list, and whether those listed were there.
ATTENDANCE_HEADINGS = {
    "present": True, "members present": True, "members of the committee present": True,
    "councillors present": True, "councilors present": True, "acting members present": True,
    "attendees": True, "attendance": True, "in attendance": True, "also present": True,
    "also in attendance": True, "officers present": True, "staff present": True,
    "roll call": True, "members": True, "present were": True, "also present were": True,
    "witnesses": True, "were present": True, "was present": True, "were also present": True,
    "also attending": True, "attending": True, "participants": True,
    "apologies": False, "apologies for absence": False, "apologies received from": False,
    "absent": False, "absentees": False, "members absent": False, "regrets": False,
    "not present": False, "absent with apologies": False, "apologies received": False,
    "in attendance were": True, "also in attendance were": True,
}
#: Words of a set of minutes in its title or head ("Minutes of the ...", "Adopted Minutes").
MINUTES_TITLE_WORDS = ("minutes", "proceedings of the", "record of proceedings",
                       "summary of proceedings", "meeting no.")
#: Words of a meeting record's title or lead: a body in session, delegates taking the floor.
RECORD_BODY_WORDS = ("general assembly", "security council", "committee", "council", "plenary",
                     "conference", "session", "summit", "ministerial", "commission", "assembly")
#: Words of a meeting record's title or header: a summary record, a plenary in session ...
RECORD_TITLE_WORDS = ("summary record", "chair's summary", "chair’s summary", "chairman's summary",
                      "meetings coverage", "meeting coverage", "plenary meeting", "general debate",
                      "(am)", "(pm)")
#: ... and weaker ones, which count only with several delegations speaking.
RECORD_HINT_WORDS = ("speakers", "delegates", "delegations", "statements from", "hears",
                     "concludes its", "approves", "adopts", "session")
#: Formulas of a body's decision and of motions in minutes.
DECISION_WORDS = frozenset({"resolved", "ordered", "agreed", "carried", "approved", "adopted",
                            "decided", "accepted", "rejected", "defeated", "passed", "noted",
                            "endorsed", "ratified", "elected", "appointed", "deferred"})
MOTION_WORDS = frozenset({"moved", "seconded", "proposed", "motion", "resolution", "amendment",
                          "vote", "voted", "abstained", "unanimously", "nem con"})
#: Words written as an action item's head ("Action: Clerk to write ...").
ACTION_LABELS = frozenset({"action", "actions", "action item", "action point", "follow-up"})

#: The memo's section labels that follow the genre; the readout's are the default.
SECTION_LABELS: dict[str, dict[str, str]] = {
    "outcomes": {"default": "Outcomes and Next Steps", "minutes": "Decisions and Actions"},
    "positions": {"default": "Stated Positions", "transcript": "What Each Speaker Said"},
}


def section_labels(genre: str) -> dict[str, str]:
    """Each genre-dependent section's label for a memo of ``genre``."""
    return {section: labels.get(genre, labels["default"])
            for section, labels in SECTION_LABELS.items()}


#: Headings that end with a colon but are no speaker label (minutes, agendas, notes).
NOT_LABELS = frozenset({"present", "attendees", "note", "notes", "source", "subject", "date",
                        "time", "venue", "location", "place", "agenda", "apologies", "absent",
                        "update", "background", "summary", "editor's note", "contact", "media",
                        "tags", "related", "photo", "read more", "action", "resolved",
                        "in attendance", "also present", "members present", "witnesses",
                        "ordered", "it was agreed", "motion", "item", "proposed by",
                        "seconded by", "moved", "seconded", "chair", "minutes", "main topics",
                        "topics", "participants", "speakers", "statement", "question"})

#: Words that mark an attendance-list entry as a body, not a person.
BODY_WORDS = frozenset({"inc", "inc.", "ltd", "llc", "library", "institute", "council",
                        "committee", "parliament", "centre", "center", "department", "office",
                        "ministry", "agency", "association", "society", "trust", "club",
                        "group", "public", "members", "none", "no", "there", "one"})

#: Words that open the phrase before a body's name, not the name ("Minutes of the ...").
NOT_BODY_START = frozenset({"the", "minutes", "meeting", "adopted", "draft", "regular",
                            "annual", "statutory", "full", "special", "of", "a"})
