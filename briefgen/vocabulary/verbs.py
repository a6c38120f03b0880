"""The verbs of meetings and of stated positions, and the nouns that name a meeting.

Lists hold the forms as written (the parser's lemmatizer is not run: see docs/libraries.md);
``forms`` inflects a regular verb so that a list names each verb once.
"""

from __future__ import annotations

#: Regular verbs that double their last consonant ("commit" -> "committed", "committing").
DOUBLING = frozenset({"commit", "regret", "plan", "admit", "submit", "underpin", "omit"})


def forms(*bases: str) -> frozenset[str]:
    """Inflect regular verbs: affirm -> affirm, affirms, affirmed, affirming.

    A base holding ``|`` lists an irregular verb's forms itself: ``"say|said|says|saying"``.
    """
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


#: Verbs that report a meeting taking place: its subject and companions took part.
MEETING_CORE_VERBS = frozenset(
    "met meet meets meeting spoke speak speaks talked talk talks hosted host hosts held "
    "convened convene co-chaired chaired co-hosted led leads lead launched joined "
    "join joins participated participate visited traveled travelled gathered discussed headed "
    "heads co-led joining hosting".split())
#: Verbs whose subject or companions took part: the core ones, and those of attending,
#: receiving and delivering ("received the Minister", "delivered remarks").
MEETING_VERBS = MEETING_CORE_VERBS | frozenset(
    "attended attend received welcomed represented greeted greet stopped included includes "
    "provided delivered gave welcoming receiving signed".split())
#: Nouns naming the meeting, whose "with" companions and possessor took part.
MEETING_NOUNS = frozenset("meeting meetings call talks conversation visit dialogue remarks "
                          "discussion discussions consultations delegation".split())
#: Nouns naming a gathering as an event ("the summit", "a trip to ...").
EVENT_NOUNS = frozenset({"dialogue", "meeting", "talks", "discussion", "discussions", "council",
                         "visit", "ministerial", "convening", "summit", "conference",
                         "consultation", "consultations", "statement", "exchange"})
#: Verbs of one side hosting the other ("<host> received <guest>").
HOST_VERBS = forms("receive", "host", "welcome")
#: Words of travel that place a meeting where the traveller went.
TRAVEL_WORDS = frozenset({"traveled", "travelled", "trip", "visit", "visited", "delegation"})

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
#: Purposes of a meeting that name a topic, not a stance ("met ... to discuss ...").
PURPOSE_TOPICS = frozenset({"discuss", "review", "exchange", "talk", "consider", "explore",
                            "examine", "assess", "address", "cover", "focus"})
#: Reporting verbs in the past tense: a named subject of one speaks in the meeting read out.
REPORTING_VERBS = frozenset(
    "affirmed reaffirmed stressed underscored emphasized highlighted reiterated welcomed "
    "condemned urged encouraged expressed congratulated thanked proposed committed pledged "
    "announced briefed noted recognized commended applauded praised acknowledged confirmed "
    "raised called outlined detailed recalled offered shared conveyed voiced discussed said "
    "agreed underlined".split())
