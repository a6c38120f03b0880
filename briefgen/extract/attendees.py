"""Find the people who took part in the meeting, merged across mentions, with rank and title."""

from __future__ import annotations

import itertools
import re

from briefgen.extract import gazetteer
from briefgen.extract.draft import Draft
from briefgen.extract.genres.structure import PRINCIPAL
from briefgen.extract.people import PersonMention, find_people, name_words, names_match
from briefgen.extract.syntax import ancestors, children, subtree, token_at
from briefgen.model import Attendee, Ref, Sentence
from briefgen.vocabulary.people import HONORIFIC_WORDS, OFFICE_WORDS, TITLE_WORDS
from briefgen.vocabulary.verbs import MEETING_NOUNS, MEETING_VERBS, REPORTING_VERBS

# Nouns whose "of" names someone absent: "at the invitation of", "on behalf of".
ON_SOMEONES_BEHALF = frozenset({"invitation", "behalf", "request", "instruction", "direction"})
# Prepositions that move a person into another event ("during her meeting with X in May").
ELSEWHERE_PREPOSITIONS = frozenset("during since after following before like unlike under "
                                   "between".split())
NOT_PARTICIPANT_TITLES = re.compile(r"\b(?:spokes(?:person|man|woman)|press secretary)\b", re.I)


def extract_attendees(draft: Draft) -> None:
    """Collect people named as taking part and merge their mentions into attendees.

    A genre whose layout says who took part (a transcript's speakers, minutes' attendance
    list) gives the attendees itself: those merely mentioned are not.
    """
    mentions_by_sentence = [find_people(s) for s in draft.sentences]
    if structured_attendees(draft, mentions_by_sentence):
        draft.meeting_sentence = find_meeting_sentence(draft)
        return
    taking_part: list[PersonMention] = []
    for sentence, mentions in zip(draft.sentences, mentions_by_sentence):
        if not mentions or not is_participation_sentence(sentence):
            continue
        chosen = [m for m in mentions if is_participant(sentence, m)]
        if chosen:
            draft.participation.add(sentence.index)
            taking_part.extend(chosen)
    draft.meeting_sentence = find_meeting_sentence(draft)
    taking_part.extend(stance_speakers(draft, mentions_by_sentence, taking_part))
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
        best = max(group, key=lambda m: (len(given_words(m.name)), len(m.name.split()),
                                         m.title is not None))
        title = pick_title(group)
        rank = next((m.rank for m in group if m.rank), None)
        affiliation = next((m.affiliation for m in group if m.affiliation), None)
        hint, explicit = side_hint(group)
        if explicit or affiliation is None:
            affiliation = hint or affiliation
        if title and NOT_PARTICIPANT_TITLES.search(title):
            continue
        first = group[0]
        draft.attendees.append(Attendee(name=best.name, rank=rank, title=title, party=None,
                                        source=Ref.of(first.sentence, draft.document)))
        draft.affiliations.append(affiliation)


def structured_attendees(draft: Draft, mentions_by_sentence: list[list[PersonMention]]) -> bool:
    """Attendees from a genre reader's speakers or members; False when it found none."""
    structure = draft.structure
    found = False
    for speaker in structure.speakers:
        if speaker.role != PRINCIPAL or not speaker.name:
            continue
        if any(names_match(a.name, speaker.name) for a in draft.attendees):
            continue
        same = [m for mentions in mentions_by_sentence for m in mentions
                if names_match(m.name, speaker.name)]
        title = speaker.title or pick_title(same) if same else speaker.title
        if same and speaker.title and (pick_title(same) or "").lower().endswith(
                speaker.title.lower()):
            title = pick_title(same)  # "Prime Minister" -> "Prime Minister of Canada"
        rank = next((m.rank for m in same if m.rank), None)
        affiliation = speaker.affiliation or next((m.affiliation for m in same
                                                   if m.affiliation), None)
        sentence = draft.sentences[speaker.first_sentence]
        draft.attendees.append(Attendee(name=speaker.name, rank=rank, title=title, party=None,
                                        source=Ref.of(sentence, draft.document)))
        draft.affiliations.append(affiliation)
        draft.participation.add(sentence.index)
        found = True
    for member in structure.members:
        sentence = draft.sentences[member.sentence]
        person = Attendee(name=member.name, rank=None, title=member.title, party=None,
                          source=Ref(document=draft.document, paragraph=sentence.paragraph,
                                     sentence=sentence.index, start=member.start,
                                     end=member.end))
        if member.present:
            draft.attendees.append(person)
            draft.affiliations.append(member.affiliation or structure.body)
            draft.participation.add(sentence.index)
        else:
            draft.absent.append(person)
        found = True
    return found


def given_words(name: str) -> list[str]:
    """The words of a name that are names: not a style, rank or office ("Dame", "HRVP")."""
    return [w for w in name.split()
            if w.lower().strip(".,") not in TITLE_WORDS | HONORIFIC_WORDS | NOT_GIVEN]


#: Styles and offices that stand before a name and are not part of it.
NOT_GIVEN = frozenset({"dame", "sir", "lord", "dato", "dato'", "dato’", "hrvp", "hr/vp"})


def stance_speakers(draft: Draft, mentions_by_sentence: list[list[PersonMention]],
                    taking_part: list[PersonMention]) -> list[PersonMention]:
    """People who state a position in the readout itself ("Assistant Secretary X underscored
    ...") took part too, unless the clause is about another event ("during her visit in May")
    or they belong to a side that was not at the meeting ("President Putin said ...").
    """
    sides = {m.affiliation for m in taking_part}
    chosen = {id(m) for m in taking_part}
    known = {gazetteer_key(a) for a in sides if a}
    out = []
    for sentence, mentions in zip(draft.sentences, mentions_by_sentence):
        for m in mentions:
            if id(m) in chosen or m.possessive or (m.title is None and len(m.name.split()) < 2):
                continue
            head = _name_head(sentence, m)
            if head is None or sentence.tokens[head].dep not in ("nsubj", "nsubjpass"):
                continue
            verb = sentence.tokens[head].head
            if sentence.tokens[verb].text.lower() not in REPORTING_VERBS:
                continue
            if any(sentence.tokens[c].text.lower() in ELSEWHERE_PREPOSITIONS
                   for c in children(sentence, verb)):
                continue
            if m.affiliation and gazetteer_key(m.affiliation) not in known:
                continue
            out.append(m)
    return out


def gazetteer_key(text: str) -> str:
    entry = gazetteer.lookup(text)
    return entry.canonical if entry else text



def find_meeting_sentence(draft: Draft) -> int | None:
    """The sentence that reports the meeting itself: the first with a meeting verb early on."""
    for sentence in draft.sentences[:6]:
        if any(t.text.lower() in MEETING_VERBS and t.tag.startswith("VB")
               and t.text.lower() not in ("discussed", "included", "provided", "gave")
               for t in sentence.tokens):
            return sentence.index
    return min(draft.participation) if draft.participation else None


def is_participation_sentence(sentence: Sentence) -> bool:
    """Tell whether a sentence reports who took part (a meeting verb or meeting noun)."""
    return any((t.text.lower() in MEETING_VERBS and t.tag.startswith("VB"))
               or (t.text.lower() in MEETING_NOUNS and t.tag.startswith("NN"))
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
    if any(sentence.tokens[i].tag in ("IN", "VBG") and w in ELSEWHERE_PREPOSITIONS
           for i, w in zip(chain, words)):
        return False  # "during her visit to X in May", "Following X's call with Y": elsewhere
    if any(w in ON_SOMEONES_BEHALF for w in words):
        return False  # "at the invitation of President X": named, not present
    for k, (i, word) in enumerate(zip(chain, words)):
        tok = sentence.tokens[i]
        if (tok.tag.startswith("VB") and word in MEETING_VERBS) or \
                (tok.tag.startswith("NN") and word in MEETING_NOUNS):
            # "He praised ... the meeting hosted by X": a meeting the readout talks about
            # (in what the stance is about), not one it took place in ("in a meeting with").
            return not _in_stance_object(sentence, chain[k:])
        if tok.dep == "ROOT":
            break
    # A titled person in a list the parser attached oddly ("Joining the President on the call
    # were X, Y and Z"): accept when the sentence has a meeting verb.
    return mention.title is not None and any(
        t.text.lower() in MEETING_VERBS and t.tag.startswith("VB") for t in sentence.tokens)


def _in_stance_object(sentence: Sentence, path: list[int]) -> bool:
    """Tell whether the path up from a meeting word enters a reporting verb as its object."""
    for below, above in itertools.pairwise(path):
        tok = sentence.tokens[above]
        if tok.text.lower() in REPORTING_VERBS and tok.tag.startswith("VB"):
            return sentence.tokens[below].dep in ("dobj", "ccomp", "attr", "xcomp")
    return False


def _name_head(sentence: Sentence, mention: PersonMention) -> int | None:
    """Return the syntactic head token of the name (the one whose head lies outside it)."""
    idx = [i for i, t in enumerate(sentence.tokens)
           if mention.start <= t.start < mention.end]
    for i in idx:
        if sentence.tokens[i].head not in idx or sentence.tokens[i].head == i:
            return i
    return idx[-1] if idx else None


def merge_mentions(mentions: list[PersonMention]) -> list[list[PersonMention]]:
    """Group mentions of the same person (same surname, compatible first names).

    Names that match share a word, so only the groups holding one of a mention's words are
    tried (in the order the groups began): on a long transcript, trying every group for every
    mention grew with the square of the number of people.
    """
    groups: list[list[PersonMention]] = []
    groups_with: dict[str, set[int]] = {}  # name word -> the groups whose names hold it
    for m in mentions:
        words = name_words(m.name)
        for i in sorted(set().union(*(groups_with.get(w, ()) for w in words))):
            if is_same_person(groups[i], m):
                groups[i].append(m)
                break
        else:
            i = len(groups)
            groups.append([m])
        for w in words:
            groups_with.setdefault(w, set()).add(i)
    return groups


def is_same_person(group: list[PersonMention], m: PersonMention) -> bool:
    """Tell whether ``m`` names the person of ``group`` (never by surname alone if ambiguous)."""
    return any(m is g for g in group) or any(names_match(name, m.name)
                                             for name in {g.name for g in group})


def pick_title(group: list[PersonMention]) -> str | None:
    """Choose the fullest title among a person's mentions (the first when equally full)."""
    titles = [m.title for m in group if m.title]
    if not titles:
        return None
    return max(titles, key=lambda t: (len(t.split()) if not t.lower().startswith("the ") else 0))


def side_hint(group: list[PersonMention]) -> tuple[str | None, bool]:
    """Find the side a person stands for from delegation wording around their mentions.

    "The LNA was represented by ... X", "X represented the EU", "X led the Cuban delegation",
    "the Vietnamese delegation, led by X": the party named by the governing clause is X's.
    Returns the party text and whether it came from explicit representation wording, which
    outweighs the nationality in a title ("the Ambassador of France ... represented the EU").
    """
    for m in group:
        sentence = m.sentence
        head = _name_head(sentence, m)
        if head is None:
            continue
        chain = [head, *ancestors(sentence, head)]
        for step, a in enumerate(chain[1:7], start=1):
            # The person's own phrase (name, title, list companions) is the subtree of the
            # chain's node just below the cue word.
            own = set(subtree(sentence, chain[step - 1]))
            tok = sentence.tokens[a]
            word = tok.text.lower()
            if word not in SIDE_CUES:
                continue
            roots = []
            if tok.tag.startswith("VB"):
                roots = [c for c in children(sentence, a)
                         if sentence.tokens[c].dep in ("nsubj", "nsubjpass", "dobj", "attr")]
                if tok.dep in ("acl", "relcl"):
                    roots.append(tok.head)
            else:
                roots = [a]
            scope = set().union(*(subtree(sentence, r) for r in roots)) - own if roots else set()
            # "led a delegation to Panama": a destination is not a side.
            for i in list(scope):
                tok_i = sentence.tokens[i]
                if tok_i.tag == "IN" and tok_i.text.lower() in ("to", "in", "at", "with", "for"):
                    scope -= set(subtree(sentence, i))
            if word in ("led", "leads", "lead", "headed", "heads") and not any(
                    sentence.tokens[i].text.lower() in DELEGATION_WORDS for i in scope | {a}):
                continue  # "led the first U.S.-Serbia Dialogue" names no side
            found = _party_mention(sentence, scope, head)
            if found:
                return found, word.startswith("represent")
    return None, False


DELEGATION_WORDS = frozenset({"delegation", "delegations", "team", "side", "group"})
SIDE_CUES = frozenset({"represented", "represents", "represent", "led", "leads", "lead",
                       "headed", "heads", "delegation", "delegations", "included", "includes"})


def _party_mention(sentence: Sentence, scope: set[int], near: int) -> str | None:
    """The country/organisation named in tokens ``scope`` nearest to token ``near``."""
    if not scope:
        return None
    base = sentence.start
    here = sentence.tokens[near].start - base
    best: tuple[int, str] | None = None
    for s, e, _entry in gazetteer.find_mentions(sentence.text):
        i = token_at(sentence, base + s)
        distance = min(abs(here - s), abs(here - e))
        if i is not None and i in scope and (best is None or distance < best[0]):
            best = (distance, sentence.text[s:e])
    if best:
        return best[1]
    for e in sentence.entities:
        i = token_at(sentence, e.start)
        if i is not None and i in scope and e.label in ("ORG", "NORP", "GPE") and \
                len(e.text.split()) <= 5 and \
                not any(w.lower() in OFFICE_WORDS for w in e.text.split()):
            return re.sub(r"^the\s+", "", e.text, flags=re.I)
    return None
