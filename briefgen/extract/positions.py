"""Find stated positions: sentences where a party affirms, urges, agrees... and which party."""

from __future__ import annotations

import re

from briefgen.extract.attendees import MEETING_VERBS
from briefgen.extract.draft import Draft
from briefgen.extract.people import OFFICE_WORDS, surname_of
from briefgen.extract.syntax import children, span_text, subject_of, subtree
from briefgen.model import JOINT, Position, Ref, Sentence


def _forms(*bases: str) -> frozenset[str]:
    """Inflect regular verbs: affirm -> affirm, affirms, affirmed, affirming."""
    out = set()
    for base in bases:
        if "|" in base:  # irregular: explicit forms
            out.update(base.split("|"))
            continue
        stem = base[:-1] if base.endswith("e") else base
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
STANCE_VERBS = _forms(
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
    "make|made|makes|making", "sign", "laud", "hail", "strengthen", "deepen",
)
#: Verbs that report a stance only with a normative object ("discussed the need to ...").
TOPIC_VERBS = _forms("discuss", "review", "exchange", "address", "talk", "consider", "explore",
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
HELD_STANCES = frozenset({"commitment", "intent", "intention", "decision", "determination",
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
    r"counterparts|members|nations)\b|"
    r"^(?:they|both|all|we all|all three|each)\b", re.I)
EVENT_NOUNS = frozenset({"dialogue", "meeting", "talks", "discussion", "discussions", "council",
                         "ministerial", "convening", "summit", "conference", "consultation",
                         "consultations", "statement", "exchange"})
FIRST_PERSON = frozenset({"we", "our", "us"})
THIRD_SINGULAR = frozenset({"he", "she"})


def extract_positions(draft: Draft) -> None:
    """Find stance sentences and attribute each to a party or to "joint"."""
    last_person_party: str | None = None
    for sentence in draft.sentences:
        found: list[tuple[str, str, int]] = []  # (party, verb, verb index)
        if is_heading(sentence):
            continue
        for v in stance_verbs(sentence):
            if _is_meeting_purpose(sentence, v):
                if sentence.tokens[v].text.lower() in PURPOSE_TOPICS:
                    continue  # "met with Y to discuss ..." names a topic, not a stance
                parties = [JOINT]  # "X met with Y to reaffirm ...": both sides' purpose
            else:
                parties = resolve_subject(draft, sentence, subject_of(sentence, v),
                                          last_person_party)
            holder = _stance_holder(draft, sentence, v)
            if holder and parties:
                word = sentence.tokens[v].text.lower()
                if word in TOPIC_VERBS and parties == [JOINT]:
                    parties = [holder]  # "They discussed U.S. support for ...": a U.S. stance
                elif word not in TOPIC_VERBS and holder not in parties:
                    parties = [*parties, holder]  # "welcomed Japan's decision to ..."
            for party in parties:
                if all(p != party for p, _, _ in found):
                    found.append((party, sentence.tokens[v].text, v))
        if not found and draft.is_joint_statement and _is_policy_statement(sentence):
            found.append((JOINT, "", -1))
        for party, verb, v in found:
            statement = _statement(sentence, v)
            draft.positions.append(Position(party=party, verb=verb, statement=statement,
                                            sentence=sentence.text,
                                            source=Ref.of(sentence, draft.document)))
        subj_party = _person_subject_party(draft, sentence)
        if subj_party is not None:
            last_person_party = subj_party


def _is_meeting_purpose(sentence: Sentence, v: int) -> bool:
    """Tell whether verb ``v`` is the purpose of a meeting with someone ("met with Y to ...")."""
    tok = sentence.tokens[v]
    while tok.dep == "conj" and tok.head != v:  # "to highlight ... and to advance ..."
        v = tok.head
        tok = sentence.tokens[v]
    if tok.dep not in ("advcl", "xcomp") or tok.head == v:
        return False
    head = sentence.tokens[tok.head]
    return head.text.lower() in MEETING_VERBS and any(
        sentence.tokens[c].text.lower() == "with" for c in children(sentence, tok.head))


def _stance_holder(draft: Draft, sentence: Sentence, v: int) -> str | None:
    """The party whose commitment, decision or support the verb's object names, if one.

    "welcomed the Prime Minister's decision to ...", "discussed U.S. support for ...": the
    decision or support is a stance of its holder.
    """
    tokens = sentence.tokens
    for j in _object_tokens(sentence, v):
        word = tokens[j].text.lower()
        if word not in HELD_STANCES or tokens[j].tag[:2] != "NN":
            if NORMATIVE.fullmatch(word):
                return None  # "the importance of ... and X's commitment": not X's stance
            continue
        mods = [c for c in children(sentence, j)
                if tokens[c].dep in ("poss", "compound", "amod", "nmod") and c < j]
        mod_words = {tokens[i].text.lower() for c in mods for i in subtree(sentence, c)}
        if not mods or mod_words & SHARED_WORDS:
            return None  # "our shared interests", "their commitment": the speakers' own
        holder = span_text(sentence, sorted({i for c in mods for i in subtree(sentence, c)}))
        parties = _part_parties(draft, holder.rstrip("’'s").strip())
        return parties[0] if len(parties) == 1 else None
    return None


def _object_tokens(sentence: Sentence, v: int) -> list[int]:
    """Tokens of what verb ``v`` is about: its complements, not its subject or conjuncts."""
    out: list[int] = []
    for c in children(sentence, v):
        tok = sentence.tokens[c]
        if c > v and tok.dep not in ("cc", "punct", "nsubj", "nsubjpass") and not (
                tok.dep == "conj" and tok.tag.startswith("VB")):
            out.extend(subtree(sentence, c))
    return sorted(set(out))


def is_heading(sentence: Sentence) -> bool:
    """A line in Title Case without final punctuation ("Supporting Haiti Remains a Priority")."""
    text = sentence.text.rstrip()
    if text.endswith((".", "!", "?", ":", ";", "”", '"', "’")):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def stance_verbs(sentence: Sentence) -> list[int]:
    """Return indexes of verbs that report a stance in ``sentence``."""
    out = []
    tokens = sentence.tokens
    for i, tok in enumerate(tokens):
        word = tok.text.lower()
        if not (tok.tag.startswith("VB") or tok.tag == "MD"):
            continue
        if word in TOPIC_VERBS:
            obj = " ".join(tokens[j].text for j in _object_tokens(sentence, i))
            says_that = i + 1 < len(tokens) and tokens[i + 1].text.lower() == "that"
            if (NORMATIVE.search(obj) or says_that) and not _in_indirect_question(sentence, i):
                out.append(i)
            continue
        if word not in STANCE_VERBS:
            continue
        base = _base(word)
        if PARTICLES.get(base):
            kids = [tokens[j].text.lower() for j in children(sentence, i)]
            nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
            if not any(p in kids or p == nxt for p in PARTICLES[base]):
                continue
        if base == "make":
            objects = [tokens[j].text.lower() for j in children(sentence, i)
                       if tokens[j].dep in ("dobj", "attr")]
            if not set(objects) & STANCE_NOUNS:
                continue
        elif base in NEEDS_STANCE_OBJECT:
            obj = " ".join(tokens[j].text for j in subtree(sentence, i) if j > i)
            if not NORMATIVE.search(obj) and not re.search(
                    r"\b(?:gratitude|appreciation|thanks|condolences|hope|regret|solidarity|"
                    r"sympathy|congratulations|confidence|optimism|concern|alarm|desire|"
                    r"willingness|intent|intention|view|views|position)\b", obj, re.I):
                continue
        if tok.tag == "MD" and tok.dep != "aux":
            continue  # "will" counts only as the auxiliary of a commitment ("will resume")
        if tok.dep in ("amod", "compound") or (tok.tag == "VBN" and tok.dep in ("acl", "relcl")):
            continue
        if _in_indirect_question(sentence, i):
            continue
        out.append(i)
    return out


def _in_indirect_question(sentence: Sentence, i: int) -> bool:
    """Tell whether verb ``i`` sits in a "how/what/whether ..." clause (a topic, not a stance)."""
    node = i
    for _ in range(4):
        if any(sentence.tokens[c].text.lower() in INDIRECT_QUESTION
               and sentence.tokens[c].tag in ("WRB", "WP", "IN") for c in children(sentence, node)):
            return True
        tok = sentence.tokens[node]
        if tok.dep not in ("conj", "aux", "xcomp") or tok.head == node:
            return False
        node = tok.head
    return False


def _base(word: str) -> str:
    for base in PARTICLES:
        if word.startswith(base[:-1] if base.endswith("e") else base):
            return base
    if word in ("stood", "said", "sought"):
        return {"stood": "stand", "said": "say", "sought": "seek"}[word]
    return word


def resolve_subject(draft: Draft, sentence: Sentence, subj: int | None,
                    last_person_party: str | None) -> list[str]:
    """Return the parties whose stance a verb's subject reports: one party, ["joint"], or
    several parties when a subset of the sides speaks together or "each" ("The Foreign
    Ministers welcomed ..." in a three-party meeting). Empty when the subject is no party.
    """
    if subj is None:
        return []
    head_word = sentence.tokens[subj].text.lower()
    if head_word in FIRST_PERSON:
        return [JOINT if draft.is_joint_statement else draft.home_party or JOINT]
    if head_word in THIRD_SINGULAR:
        return [last_person_party] if last_person_party else []
    if head_word == "it" and draft.is_joint_statement:
        return [JOINT]  # "It emphasized ...": the council or meeting the statement speaks for
    if head_word in ("it", "this", "that", "which", "who"):
        return []
    phrase = _core_phrase(sentence, subj)
    if JOINT_SUBJECT.search(phrase.strip()):
        return [JOINT]
    named: list[str] = []
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase) if p.strip()]
    for part in parts:
        if JOINT_SUBJECT.search(re.sub(r"^(?:his|her|their)\s+", "the ", part, flags=re.I)):
            return [JOINT]  # "The Secretary and his counterparts"
        for party in _part_parties(draft, part):
            if party not in named:
                named.append(party)
    if len(named) == 1:
        return named
    if len(named) >= 2:
        # "The Foreign Ministers welcomed" (some of the sides) and "X and Y each underlined"
        # give each party its stance; "X and Y agreed" is a joint stance.
        if re.search(r"\b(?:each|respectively|separately)\b", phrase + " " +
                     " ".join(t.text for t in sentence.tokens[subj:subj + 12])) or \
                not set(_sides(draft)) <= set(named):
            return named
        return [JOINT]
    if head_word in EVENT_NOUNS:
        return [JOINT]
    return []


def _core_phrase(sentence: Sentence, subj: int) -> str:
    """The subject phrase without its relative clauses: from the subject's first word to its
    verb (the parser often hangs the last of a list, "..., and Akiba expressed", elsewhere)."""
    drop: set[int] = set()
    for i in subtree(sentence, subj):
        if i != subj and sentence.tokens[i].dep in ("relcl", "acl"):
            drop.update(subtree(sentence, i))
    ids = [i for i in subtree(sentence, subj) if i not in drop]
    verb = sentence.tokens[subj].head
    if ids and verb > max(ids):
        ids = [i for i in range(min(ids), verb) if i not in drop]
        while ids and (sentence.tokens[ids[-1]].tag in ("RB", "MD", ",")
                       or sentence.tokens[ids[-1]].dep in ("aux", "auxpass", "neg")):
            ids.pop()
    return span_text(sentence, ids) if ids else sentence.tokens[subj].text


def _part_parties(draft: Draft, part: str) -> list[str]:
    """Parties one coordinated part of a subject names: a person, a title or a party."""
    if not part:
        return []
    people = _people_parties(draft, part)
    if people:
        return people
    index = draft.party_index
    party = index.resolve(part) if index is not None else None
    if party:
        return [party]
    if _is_title_phrase(part):
        words = re.sub(r"^the\s+", "", part, flags=re.I)
        if words.lower().endswith("s") and not words.lower().endswith(("affairs", "relations")):
            office = words.split()[-1][:-1].lower()  # "Foreign Ministers" -> "minister"
            return list(dict.fromkeys(a.party for a in draft.attendees
                                      if a.party and a.title and office in a.title.lower()))
        found = _party_by_title(draft, part) or draft.home_party
        return [found] if found else []
    return []


def _sides(draft: Draft) -> list[str]:
    """The parties that sent someone (or all parties when fewer than two did)."""
    sending = list(dict.fromkeys(a.party for a in draft.attendees if a.party))
    return sending if len(sending) >= 2 else [p.name for p in draft.parties]


def _is_coordinated_titles(phrase: str) -> bool:
    phrase = re.sub(r"^the\s+", "", phrase.strip(), flags=re.I)
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase)
    return len(parts) >= 2 and all(_is_title_phrase(p) for p in parts if p)


def _is_title_phrase(phrase: str) -> bool:
    return any(w.lower() in OFFICE_WORDS or w.lower()[:-1] in OFFICE_WORDS for w in phrase.split())


def _party_by_title(draft: Draft, phrase: str) -> str | None:
    """The party of the attendee a title names ("The Deputy Secretary", "the Crown Prince")."""
    words = re.sub(r"^the\s+", "", phrase.strip(), flags=re.I).lower()
    for a in draft.attendees:
        if a.title and a.title.lower() == words:
            return a.party
    for a in draft.attendees:
        if a.title and a.title.lower().startswith(words):
            return a.party
    wanted = set(re.findall(r"[a-z]+", words)) - {"and", "the", "of", "mr", "ms"}
    holders = {a.party for a in draft.attendees
               if a.title and wanted and wanted <= set(re.findall(r"[a-z]+", a.title.lower()))}
    return holders.pop() if len(holders) == 1 else None


def _people_parties(draft: Draft, phrase: str) -> list[str]:
    """Parties of attendees named in ``phrase`` (by a family name), in attendee order."""
    if draft.name_pattern is None:
        draft.name_pattern = _name_pattern(draft)
    pattern, party_of = draft.name_pattern
    if pattern is None:
        return []
    found = {party_of[m.group(0)] for m in pattern.finditer(phrase)}
    return [p for p in dict.fromkeys(a.party for a in draft.attendees if a.party)
            if any(p in parties for parties in found)]


def _name_pattern(draft: Draft) -> tuple[re.Pattern[str] | None, dict[str, frozenset[str]]]:
    """One pattern for every family name of the attendees, and the parties each name holds."""
    party_of: dict[str, set[str]] = {}
    for a in draft.attendees:
        if not a.party:
            continue
        words = [w.strip(",") for w in a.name.split()]
        # Any family name: later words ("Arévalo" of "Bernardo Arévalo de León"), or the first
        # of two in East Asian order ("Shin Wonsik" is "Advisor Shin").
        keys = {surname_of(a.name)} | {w for w in words[1:] if len(w) > 2 and w[0].isupper()
                                       and not w.endswith(".") and w not in ("II", "III")}
        if len(words) == 2:
            keys.add(words[0])
        for key in keys:
            party_of.setdefault(key, set()).add(a.party)
    if not party_of:
        return None, {}
    names = sorted(party_of, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return pattern, {k: frozenset(v) for k, v in party_of.items()}


def _person_subject_party(draft: Draft, sentence: Sentence) -> str | None:
    """The party of the person who is the main subject of ``sentence`` (for "he"/"she")."""
    root = next((i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT"), None)
    if root is None:
        return None
    subj = subject_of(sentence, root)
    if subj is None:
        return None
    phrase = span_text(sentence, subtree(sentence, subj))
    people = _people_parties(draft, phrase)
    if len(people) == 1:
        return people[0]
    if _is_title_phrase(phrase) and not re.search(r"s\b", phrase.split()[-1]):
        return _party_by_title(draft, phrase)
    return None


def _is_policy_statement(sentence: Sentence) -> bool:
    return bool(re.search(r"\b(?:must|should|cannot|can be no|will|remain|is essential|"
                          r"are essential|is critical|is required|are required|is needed|"
                          r"works to|work to|is vital|are vital)\b", sentence.text))


def _statement(sentence: Sentence, v: int) -> str:
    """The stance in the source's words: from the reporting verb to the end of the sentence."""
    if v < 0:
        return sentence.text
    start = sentence.tokens[v].start - sentence.start
    return sentence.text[start:].rstrip()
