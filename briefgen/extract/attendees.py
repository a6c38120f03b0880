"""Find the people who took part in the meeting, merged across mentions, with rank and title."""

from __future__ import annotations

import re

from briefgen.extract.draft import Draft
from briefgen.extract.people import PersonMention, find_people
from briefgen.extract.syntax import ancestors, subtree
from briefgen.model import Attendee, Ref, Sentence

# Verbs whose subject or companions took part in the meeting.
MEETING_VERBS = frozenset(
    "met meet meets meeting spoke speak speaks talked talk talks called hosted host hosts held "
    "convened convene co-chaired chaired co-hosted led leads lead launched joined join joins "
    "participated participate attended attend received visited traveled travelled welcomed "
    "represented greeted greet stopped included includes provided delivered gave discussed "
    "headed heads co-led gathered".split())
# Nouns naming the meeting, whose "with" companions and possessor took part.
MEETING_NOUNS = frozenset("meeting meetings call talks conversation visit dialogue remarks "
                          "discussion discussions consultations delegation".split())
# Prepositions that move a person into another event ("during her meeting with X in May").
ELSEWHERE_PREPOSITIONS = frozenset("during since after following before like unlike under "
                                   "between".split())
NOT_PARTICIPANT_TITLES = re.compile(r"\b(?:spokes(?:person|man|woman)|press secretary)\b", re.I)


def extract_attendees(draft: Draft) -> None:
    """Collect people named as taking part and merge their mentions into attendees."""
    mentions_by_sentence = [find_people(s) for s in draft.sentences]
    taking_part: list[PersonMention] = []
    for sentence, mentions in zip(draft.sentences, mentions_by_sentence):
        if not mentions or not is_participation_sentence(sentence):
            continue
        chosen = [m for m in mentions if is_participant(sentence, m)]
        if chosen:
            draft.participation.add(sentence.index)
            taking_part.extend(chosen)
    people = merge_mentions(taking_part)
    # Later mentions of the same person ("Mr. Sullivan", "Foreign Minister Reinsalu") may carry
    # a fuller title or affiliation.
    for mentions in mentions_by_sentence:
        for m in mentions:
            for person in people:
                if is_same_person(person, m):
                    person.append(m)
                    break
    for group in people:
        best = max(group, key=lambda m: (len(m.name.split()), m.title is not None))
        title = pick_title(group)
        rank = next((m.rank for m in group if m.rank), None)
        affiliation = next((m.affiliation for m in group if m.affiliation), None)
        if title and NOT_PARTICIPANT_TITLES.search(title):
            continue
        first = group[0]
        draft.attendees.append(Attendee(name=best.name, rank=rank, title=title, party=None,
                                        source=Ref.of(first.sentence, draft.document)))
        draft.affiliations.append(affiliation or side_hint(group))


def is_participation_sentence(sentence: Sentence) -> bool:
    """Tell whether a sentence reports who took part (a meeting verb or meeting noun)."""
    return any(t.text.lower() in MEETING_VERBS and t.tag.startswith("VB")
               or t.text.lower() in MEETING_NOUNS and t.tag.startswith("NN")
               for t in sentence.tokens)


def is_participant(sentence: Sentence, mention: PersonMention) -> bool:
    """Tell whether a person named in a participation sentence took part in this meeting."""
    head = _name_head(sentence, mention)
    if head is None:
        return False
    chain = ancestors(sentence, head)
    words = [sentence.tokens[i].text.lower() for i in chain]
    if mention.possessive:
        following = sentence.text[mention.end - sentence.start:].split()
        nxt = following[1].lower().strip(",.") if len(following) > 1 else ""
        if nxt not in MEETING_NOUNS and not (following and following[0].lower().strip("’'s")
                                             in MEETING_NOUNS):
            return False
    for i, word in zip(chain, words):
        tok = sentence.tokens[i]
        if tok.tag == "IN" and word in ELSEWHERE_PREPOSITIONS:
            return False
        if (tok.tag.startswith("VB") and word in MEETING_VERBS) or \
                (tok.tag.startswith("NN") and word in MEETING_NOUNS):
            return True
        if tok.dep == "ROOT":
            break
    # A person in a list the parser attached oddly: accept when a meeting verb governs the root.
    return mention.title is not None and any(
        sentence.tokens[i].text.lower() in MEETING_VERBS and sentence.tokens[i].dep == "ROOT"
        for i in range(len(sentence.tokens)))


def _name_head(sentence: Sentence, mention: PersonMention) -> int | None:
    """Return the syntactic head token of the name (the one whose head lies outside it)."""
    idx = [i for i, t in enumerate(sentence.tokens)
           if mention.start <= t.start < mention.end]
    for i in idx:
        if sentence.tokens[i].head not in idx or sentence.tokens[i].head == i:
            return i
    return idx[-1] if idx else None


def merge_mentions(mentions: list[PersonMention]) -> list[list[PersonMention]]:
    """Group mentions of the same person (same surname, compatible first names)."""
    groups: list[list[PersonMention]] = []
    for m in mentions:
        for group in groups:
            if is_same_person(group, m):
                group.append(m)
                break
        else:
            groups.append([m])
    return groups


def is_same_person(group: list[PersonMention], m: PersonMention) -> bool:
    """Tell whether ``m`` names the person of ``group`` (never by surname alone if ambiguous)."""
    if m in group:
        return True
    names = [g.name for g in group]
    tokens = set(m.name.lower().replace(".", "").split())
    for name in names:
        other = set(name.lower().replace(".", "").split())
        if name.split()[-1] == m.name.split()[-1] and (tokens <= other or other <= tokens):
            return True
        # East Asian order: "Kishida Fumio" is later "Prime Minister Kishida".
        if len(m.name.split()) == 1 and m.name == name.split()[0] and len(name.split()) == 2:
            return True
    return False


def pick_title(group: list[PersonMention]) -> str | None:
    """Choose the fullest title among a person's mentions (the first when equally full)."""
    titles = [m.title for m in group if m.title]
    if not titles:
        return None
    return max(titles, key=lambda t: (len(t.split()) if not t.lower().startswith("the ") else 0))


def side_hint(group: list[PersonMention]) -> str | None:
    """Find the side a person stands for from delegation wording around their mentions.

    "The LNA was represented by ... X", "X led the Cuban delegation", "the Vietnamese
    delegation, led by X": the party named by the governing clause is X's party.
    """
    for m in group:
        sentence = m.sentence
        head = _name_head(sentence, m)
        if head is None:
            continue
        own = set(subtree(sentence, head))
        for a in ancestors(sentence, head)[:6]:
            word = sentence.tokens[a].text.lower()
            if word not in ("represented", "led", "leads", "lead", "headed", "delegation",
                            "included", "head", "delegations"):
                continue
            scope = [i for i in subtree(sentence, a) if i not in own]
            parent = sentence.tokens[a].head
            if word in ("represented", "led", "headed", "included") and parent != a:
                scope += [i for i in subtree(sentence, parent) if i not in own]
            for i in sorted(set(scope), key=lambda i: abs(i - head)):
                tok = sentence.tokens[i]
                if tok.ent_type in ("GPE", "NORP", "ORG") or tok.text in ("U.S.", "US"):
                    return _entity_text(sentence, i)
    return None


def _entity_text(sentence: Sentence, i: int) -> str:
    tok = sentence.tokens[i]
    for e in sentence.entities:
        if e.start <= tok.start < e.end:
            return re.sub(r"^the\s+", "", e.text, flags=re.I)
    return tok.text

