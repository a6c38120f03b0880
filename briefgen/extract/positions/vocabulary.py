"""The words of stances: reporting verbs and their forms, normative objects, joint subjects."""

from __future__ import annotations

import re


def forms(*bases: str) -> frozenset[str]:
    """Inflect regular verbs: affirm -> affirm, affirms, affirmed, affirming."""
    out = set()
    for base in bases:
        if "|" in base:  # irregular: explicit forms
            out.update(base.split("|"))
            continue
        stem = base[:-1] if base.endswith("e") and not base.endswith("ee") else base
        double = base in DOUBLING
        past = base + ("d" if base.endswith("e") else (base[-1] + "ed" if double else "ed"))
        if base.endswith("y") and base[-2] not in "aeiou":
            past = base[:-1] + "ied"
        third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
        if base.endswith("y") and base[-2] not in "aeiou":
            third = base[:-1] + "ies"
        out.update({base, third, past, (base + base[-1] if double else stem) + "ing"})
    return frozenset(out)


DOUBLING = frozenset({"commit", "regret", "plan", "admit", "submit", "underpin", "omit"})


#: Verbs that report a stance by themselves.
STANCE_VERBS = forms(
    "affirm", "reaffirm", "stress", "underscore", "underline", "emphasize", "emphasise",
    "highlight", "reiterate", "welcome", "condemn", "urge", "encourage", "congratulate", "thank",
    "propose", "commit", "pledge", "intend", "plan", "decide", "agree", "announce", "brief",
    "note", "recognize", "recognise", "commend", "applaud", "praise", "acknowledge", "confirm",
    "resolve", "support", "endorse", "reject", "oppose", "deplore", "denounce", "demand",
    "insist", "warn", "caution", "assure", "state", "declare", "vow", "seek|sought|seeks|seeking",
    "hope", "appreciate", "regret", "celebrate", "outline", "detail", "recall", "offer",
    "share", "raise", "express", "call", "look", "pay", "convey", "extend", "voice", "signal",
    "say|said|says|saying", "stand|stood|stands|standing", "remain|remained|remains",
    "will|shall", "continue", "recommit", "request", "invite", "underpin", "advocate",
    "echo", "celebrate", "mourn", "honor", "honour", "salute", "deliver", "present",
    "conclude", "dedicate", "recommend", "prioritize", "prioritise", "reinforce", "advance",
    "update",
    "make|made|makes|making", "sign", "laud", "hail", "strengthen", "deepen",
)


#: Verbs that report a stance only with a normative object ("discussed the need to ...").
TOPIC_VERBS = forms("discuss", "review", "exchange", "address", "talk", "consider", "explore",
                     "focus", "examine", "assess", "cover", "reflect", "identify", "describe",
                     "speak|spoke|spoken|speaks|speaking")


NORMATIVE = re.compile(
    r"\b(?:importance|important|need|needs|necessity|urgen(?:t|cy)|imperative|commitments?|"
    r"support|concern|concerns|opposition|priority|priorities|must|should|vital|critical|"
    r"essential|shared|mutual|determination|resolve|readiness|ironclad|steadfast|"
    r"opportunit(?:y|ies)|objectives?|goals?|pledges?|committed|determined|united|resolved|"
    r"ready|prepared)\b", re.I)


# Objects that make "made a commitment" a stance.
STANCE_NOUNS = frozenset({"commitment", "commitments", "pledge", "pledges", "announcement",
                          "proposal", "appeal", "call", "statement", "promise", "decision"})


PURPOSE_TOPICS = frozenset({"discuss", "review", "exchange", "talk", "consider", "explore",
                            "examine", "assess", "address", "cover", "focus"})


SHARED_WORDS = frozenset({"our", "their", "its", "shared", "mutual", "common", "joint"})


# Nouns naming a party's own stance when a possessor is given ("Japan's decision").
# What a stance verb praises rather than reports ("thanked X for its support").
PRAISED = frozenset({"effort", "efforts", "support", "leadership"})
HELD_STANCES = frozenset({"commitment", "intent", "intention", "decision", "determination",
                          "effort", "efforts",
                          "plan", "plans", "readiness", "support", "proposal", "invitation",
                          "pledge", "resolve", "willingness"})


# Clauses that ask or describe rather than state ("to learn how the U.S. can support them").
INDIRECT_QUESTION = frozenset({"how", "what", "whether", "why", "where", "when", "if"})


# Particle verbs whose particle or object makes them a stance ("called on", "look forward").
PARTICLES = {"call": ("on", "for", "upon"), "look": ("forward",), "pay": ("tribute",),
             "stand": ("with", "by", "ready", "firm", "united"), "express": (), "raise": (),
             "share": (), "remain": (), "continue": (), "will": (), "shall": (), "deliver": (),
             "present": (), "extend": (), "offer": (), "convey": (), "voice": (), "make": ()}


# Verbs that need a stance noun as object to count ("expressed concern", "raised the importance").
NEEDS_STANCE_OBJECT = {"make", "express", "raise", "share", "extend", "offer", "convey", "voice",
                       "deliver", "present", "remain", "continue"}


JOINT_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:two|three|four|five)$|"
    r"^(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|both|all)\s+[A-Za-z]+s$|"
    r"^(?:the\s+|both\s+|all\s+)?(?:two|three|four|five|both|all|several)?\s*(?:sides|leaders|"
    r"delegations|parties|participants|officials|ministers|countries|governments|partners|"
    r"group|council|ministerial|dialogue|meeting|talks|discussions|convening|summit|"
    r"counterparts|members|nations|allies|attendees|delegates|sherpas|envoys)\b|"
    r"^(?:they|both|all|we all|all three|each)\b", re.I)


EVENT_NOUNS = frozenset({"dialogue", "meeting", "talks", "discussion", "discussions", "council",
                         "visit",
                         "ministerial", "convening", "summit", "conference", "consultation",
                         "consultations", "statement", "exchange"})


FIRST_PERSON = frozenset({"we", "our", "us"})


THIRD_SINGULAR = frozenset({"he", "she"})
