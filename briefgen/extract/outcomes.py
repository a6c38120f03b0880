"""Find outcomes: agreements, decisions, commitments to a concrete step and planned follow-ups."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.extract.draft import Draft
from briefgen.extract.metadata import TIME_WORDS, document_date, resolve_date
from briefgen.extract.positions.subjects import person_subject_party, resolve_subject
from briefgen.extract.positions.verbs import in_indirect_question, is_heading
from briefgen.extract.positions.vocabulary import EVENT_NOUNS, NORMATIVE, forms
from briefgen.extract.syntax import children, subject_of, subtree
from briefgen.model import JOINT, Outcome, Ref, Sentence

# Verbs whose complement is what the parties settled on.
AGREE = forms("agree", "concur", "consent")
DECIDE = forms("decide", "resolve", "approve", "adopt", "elect", "appoint", "order", "ratify")
COMMIT = forms("commit", "pledge", "promise", "undertake|undertook|undertaken|undertakes|"
               "undertaking", "vow")
PLAN = forms("plan", "intend", "expect", "schedule", "aim", "set|sets|setting")
ANNOUNCE = forms("announce", "launch", "unveil", "release", "establish", "create", "form",
                 "constitute", "inaugurate", "issue")
LOOK = forms("look")
TAKE = forms("take|took|taken|takes|taking")
# Frames that make a step a wish or an opinion ("hoped that the country would ratify",
# "shared the view that exchanges should be pursued", "is willing to host").
HOPES = forms("hope", "believe", "wish", "think|thought|thinks|thinking") | frozenset(
    "view views belief hope hopes willing willingness perspective wishes".split())
INVITE = forms("invite")

# Steps that are concrete actions (a meeting, a visit, a signing, a deliverable).
STEP_VERBS = forms(
    "visit", "host", "hold|held|holds|holding", "meet|met|meets|meeting", "travel", "attend",
    "sign", "launch", "convene", "open", "send|sent|sends|sending", "provide", "deliver",
    "contribute", "establish", "create", "conclude", "join", "receive", "finalize", "finalise",
    "negotiate", "implement", "resume", "restart", "organize", "organise", "set|sets|setting",
    "form", "constitute", "submit", "report", "contact", "prepare", "publish", "release",
    "conduct", "complete", "withdraw|withdrew|withdrawn|withdraws|withdrawing", "appoint",
    "elect", "adopt", "approve", "fund", "allocate", "dispatch", "deploy", "invite",
    "pay|paid|pays|paying", "have|had|has|having", "begin|began|begun|begins|beginning",
    "start", "pursue", "include", "exchange", "reconvene", "co-host", "chair",
    "co-chair", "welcome", "preside", "participate", "lead|led|leads|leading",
    "see|saw|seen|sees|seeing", "go|went|gone|goes|going", "come|came|comes|coming", "return",
    "table", "draft", "append", "rescind", "accept", "review")
# Nouns of deliverables an announcement or agreement can name.
DELIVERABLES = frozenset(
    "fund funds funding programme programmes program programs initiative initiatives package "
    "group groups mechanism mechanisms centre center plan roadmap road strategy statement "
    "declaration communiqué communique memorandum mou agreement agreements treaty accord deal "
    "grant grants scholarship scholarships project projects framework commission committee "
    "council system office events event resolution resolutions decision decisions round "
    "session consultation consultations summit".split()) | EVENT_NOUNS
# Words that put an event in the future.
FUTURE_WORDS = re.compile(
    r"\b(?:next(?!\s+steps?\b)|upcoming|forthcoming|future|later (?:this|in the)|coming|following|"
    r"as soon as possible|soon|(?:to|would|will) be held|preparations? for)\b", re.I)
# A past date or a history marker: what happened before the meeting is background.
HISTORY = re.compile(r"\b(?:since|ago|last year|previously|in the past|earlier this year|"
                     r"had (?:agreed|decided|committed|signed|pledged))\b", re.I)
# Steps too general to be a step ("committed to deepening cooperation").
GENERAL_VERBS = forms("deepen", "strengthen", "enhance", "expand", "continue", "work",
                      "promote", "advance", "foster", "further", "broaden", "build|built|"
                      "builds|building", "intensify", "maintain", "support", "cooperate",
                      "boost", "bolster", "develop", "explore", "consider", "remain",
                      "keep|kept|keeps|keeping", "stand|stood|stands|standing", "seek|sought|"
                      "seeks|seeking", "improve", "increase", "encourage", "uphold",
                      "coordinate", "collaborate", "engage", "ensure", "help", "address",
                      "tackle", "facilitate", "preserve", "protect", "respect", "step")
MODALS = frozenset({"will", "shall", "would", "'ll"})
# Minutes' formulas: "RESOLVED:", "It was agreed that", "Ordered, That", "Motion passed".
MINUTES = re.compile(
    r"^(?:it\s+was\s+)?(?:(?:further\s+)?resolved|agreed|ordered|decided)\b\s*[,:;–—-]*\s*"
    r"(?:that\b|,|-)|^it\s+was\s+(?:also\s+|further\s+)?(?:agreed|decided|resolved)\b|"
    r"^(?:action|actions|decision|decisions|resolution|agreed)\s*:|"
    r"^(?:the\s+)?motion\s+(?:was\s+)?(?:passed|carried|adopted|approved|agreed)\b|"
    r"\bmotion\s+(?:was|has been)\s+(?:passed|carried|adopted|approved|agreed)\b|"
    r"\b(?:was|were)\s+(?:seconded|carried|adopted|approved|accepted as a (?:true|correct) "
    r"record)\b|\b(?:was|were)\s+(?:unanimously\s+)?(?:agreed|approved)\s+by\b", re.I)
# An action line of minutes: "Clerk to report to the PCSO." (a subject, "to", a verb).
ACTION_LINE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}to\s+[a-z]+\b")
# A planned follow-up named by its preparation ("discussed preparations for the summit").
PREPARATION = frozenset({"preparation", "preparations", "preparing"})


def extract_outcomes(draft: Draft) -> None:
    """Find the sentences that report an outcome, with who, what, when and the reference."""
    base = document_date(draft.analysis)
    last_person_party: str | None = None
    for sentence in draft.sentences:
        if is_heading(sentence) or sentence.text.rstrip().endswith("?"):
            continue
        found = find_outcome(sentence)
        if found is not None and all(o.sentence != sentence.text for o in draft.outcomes):
            kind, v = found
            who = _who(draft, sentence, v, last_person_party)
            when, when_iso = _when(sentence, base)
            draft.outcomes.append(Outcome(kind=kind, who=who, what=_what(sentence, v),
                                          when=when, when_iso=when_iso, sentence=sentence.text,
                                          source=Ref.of(sentence, draft.document)))
        party = person_subject_party(draft, sentence)
        if party is not None:
            last_person_party = party


def find_outcome(sentence: Sentence) -> tuple[str, int] | None:
    """The kind of outcome ``sentence`` reports and its trigger token (-1: a formula of minutes
    such as "RESOLVED, That ...", the whole sentence), or None.

    A verb of agreeing, deciding or committing counts only with a step for its complement;
    a planned follow-up is a future step (a modal, "plans to", "looks forward to", an
    invitation) whose verb or object is a concrete action or an event.
    """
    text = sentence.text.strip()
    if HISTORY.search(text):
        return None
    if MINUTES.search(text):
        return "decision", -1
    if _is_action_line(sentence):
        return "follow_up", -1
    tokens = sentence.tokens
    for i, tok in enumerate(tokens):
        word = tok.text.lower()
        if not (tok.tag.startswith("VB") or tok.tag == "MD") or (
                in_indirect_question(sentence, i) and tok.dep != "relcl"):
            continue  # "discussed how to ..." asks; "the meeting, where they agreed" tells
        if tok.dep in ("amod", "compound") or _is_wish_or_description(sentence, i):
            continue
        if word in AGREE and _has_step(sentence, i, agreement=True):
            return "agreement", i
        if word in DECIDE and (tok.tag in ("VBD", "VBZ", "VBP") or (tok.tag == "VBN" and any(
                tokens[j].dep == "auxpass" for j in children(sentence, i)))) and \
                _has_step(sentence, i, agreement=True):
            return "decision", i
        if word in TAKE and _takes_action(sentence, i):
            return "decision", i
        if word in COMMIT and _has_step(sentence, i):
            return "commitment", i
        if word in ANNOUNCE and tok.tag in ("VBD", "VBZ", "VBP", "VBN") and \
                _names_deliverable(sentence, i):
            return "decision", i
        if (word in PLAN or word in INVITE) and _has_step(sentence, i):
            return "follow_up", i
        if word in LOOK and _looks_forward_to_event(sentence, i):
            return "follow_up", i
        if word in MODALS and tok.dep == "aux" and _is_future_step(sentence, tok.head):
            return "follow_up", tok.head
    return _invitation(sentence) or _preparation(sentence)


def _preparation(sentence: Sentence) -> tuple[str, int] | None:
    """"discussed preparations for the May 2026 summit": an event being prepared."""
    tokens = sentence.tokens
    for i, tok in enumerate(tokens):
        if tok.text.lower() in PREPARATION and tok.tag.startswith("NN") and \
                not _is_wish_or_description(sentence, i):
            for p in children(sentence, i):
                if tokens[p].text.lower() == "for" and any(
                        tokens[j].text.lower() in EVENT_NOUNS for j in children(sentence, p)):
                    head = tok.head if tokens[tok.head].tag.startswith("VB") else i
                    return "follow_up", head
    return None


def _is_action_line(sentence: Sentence) -> bool:
    """An action line of minutes: a subject, "to" and a verb, and no finite verb."""
    m = ACTION_LINE.match(sentence.text.strip())
    if not m or _finite_verbs(sentence):
        return False
    last = next((i for i, t in enumerate(sentence.tokens)
                 if t.start - sentence.start >= m.end() - len(m.group(0).split()[-1])), None)
    return last is not None and sentence.tokens[last].tag == "VB" and \
        sentence.tokens[0].tag.startswith("NN")


def _is_wish_or_description(sentence: Sentence, i: int) -> bool:
    """Tell whether token ``i`` sits under a hope, a view or a willingness, or in a relative
    clause describing something ("the Quartet, which will meet tomorrow")."""
    tokens = sentence.tokens
    node = i
    for _ in range(8):
        tok = tokens[node]
        if node != i and (tok.text.lower() in HOPES or (NORMATIVE.fullmatch(tok.text.lower())
                          and tok.tag[:2] in ("JJ", "NN"))):
            return True
        if tok.dep in ("relcl", "acl") and tokens[tok.head].tag[:2] == "NN" and \
                tokens[tok.head].text.lower() not in ("invitation", "agreement", "decision") \
                and not _tells_what_happened_there(sentence, node):
            return True
        if tok.head == node:
            return False
        node = tok.head
    return False


def _tells_what_happened_there(sentence: Sentence, clause: int) -> bool:
    """A relative clause of place or time ("the meeting, where they agreed to ...", "during
    which ...") says what happened at the meeting; others describe the noun."""
    tokens = sentence.tokens
    for j in children(sentence, clause):
        if tokens[j].text.lower() in ("where", "when", "whereby") and tokens[j].tag == "WRB":
            return True
        if tokens[j].dep == "prep" and any(tokens[k].text.lower() == "which"
                                           for k in children(sentence, j)):
            return True
    return False


def _takes_action(sentence: Sentence, v: int) -> bool:
    """"took action on 12 draft resolutions": a decision of a body on texts before it."""
    tokens = sentence.tokens
    if not any(tokens[c].dep == "dobj" and tokens[c].text.lower() == "action"
               for c in children(sentence, v)):
        return False
    return any(tokens[j].text.lower() in DELIVERABLES - EVENT_NOUNS
               for j in subtree(sentence, v) if j > v)


def _root(sentence: Sentence) -> int:
    return next((i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT"), 0)


def _finite_verbs(sentence: Sentence) -> list[int]:
    return [i for i, t in enumerate(sentence.tokens) if t.tag in ("VBD", "VBZ", "VBP", "MD")]


def _complements(sentence: Sentence, v: int) -> list[int]:
    """The clauses and objects a verb governs after it (to-infinitives, that-clauses, on X)."""
    out = []
    for c in children(sentence, v):
        tok = sentence.tokens[c]
        if c > v and tok.dep in ("xcomp", "ccomp", "dobj", "prep", "advcl", "attr", "oprd"):
            out.append(c)
    return out


def _has_step(sentence: Sentence, v: int, agreement: bool = False) -> bool:
    """Tell whether verb ``v`` governs a concrete step: a to-clause or that-clause whose verb
    is a step (or, for an agreement, any action with a time or event), or an object naming
    a deliverable ("agreed on the relaunch of the council")."""
    tokens = sentence.tokens
    for c in _complements(sentence, v):
        tok = tokens[c]
        if tok.dep in ("xcomp", "ccomp", "advcl") and tok.tag.startswith("VB"):
            if _is_step_clause(sentence, c, agreement):
                return True
        elif tok.dep == "prep":
            objects = [j for j in children(sentence, c) if tokens[j].dep == "pobj"]
            if tok.text.lower() not in ("on", "upon", "to"):
                # "approved without a vote 15 draft resolutions" (a misattached object)
                if agreement and any(tokens[j].text.lower() in DELIVERABLES - EVENT_NOUNS
                                     for j in objects):
                    return True
                continue
            if any(_is_step_noun(sentence, j) for j in objects):
                return True
            clauses = [j for j in children(sentence, c) if tokens[j].dep == "pcomp"]
            if any(_is_step_clause(sentence, j, agreement) for j in clauses):
                return True
        elif tok.dep in ("dobj", "attr", "oprd") and _is_step_noun(sentence, c):
            return True
        elif tok.dep == "dobj":
            # "invited X to visit", "urged X to attend": the step is the object's clause
            clauses = [j for j in children(sentence, c) if tokens[j].dep in ("acl", "relcl")]
            if any(_is_step_clause(sentence, j, agreement) for j in clauses):
                return True
    return False


def _is_step_clause(sentence: Sentence, c: int, agreement: bool) -> bool:
    """A clause headed by ``c`` that names a step, not a stance or a state of affairs."""
    tokens = sentence.tokens
    word = tokens[c].text.lower()
    kids = children(sentence, c)
    if tokens[c].dep == "ccomp" and not any(
            tokens[j].dep == "aux" and tokens[j].text.lower() in MODALS for j in kids) and (
            tokens[c].tag in ("VBP", "VBZ", "VBD") or (tokens[c].tag == "VB" and any(
                tokens[j].dep == "nsubj" and tokens[j].tag in ("NNS", "NNPS") for j in kids))):
        # "agreed that people-to-people ties form the bedrock": a state of things, where
        # "agreed that the Committee hold hearings" (a singular subject) is a decision
        return False
    for j in kids:  # "agreed to work together to launch ...": the purpose
        if tokens[j].dep in ("xcomp", "advcl") and j > c and tokens[j].tag == "VB" and \
                tokens[j].text.lower() in STEP_VERBS:
            return True
    if word in GENERAL_VERBS:
        return _has_time_or_event(sentence, c)
    if word in ("be", "is", "are", "was", "were", "remain", "remains"):
        kids = children(sentence, c)
        future = any(tokens[j].text.lower() in MODALS for j in kids)
        # "agreed that MC12 would be held on ...", "That Cllr Porter be elected Chair".
        return future and any(tokens[j].dep in ("attr", "acomp") and
                              tokens[j].text.lower() in ("present", "held") for j in kids)
    if tokens[c].tag == "VBN" and any(tokens[j].dep == "auxpass" for j in children(sentence, c)):
        return True  # "That Cllr Porter be elected", "would be held"
    if word in STEP_VERBS:
        return True
    return agreement and tokens[c].tag.startswith("VB") and not NORMATIVE.fullmatch(word) and \
        _has_time_or_event(sentence, c)


def _is_step_noun(sentence: Sentence, j: int) -> bool:
    """An object naming a deliverable or an event, not an idea ("the importance of ...")."""
    tokens = sentence.tokens
    word = tokens[j].text.lower()
    if NORMATIVE.fullmatch(word):
        return False
    if word in DELIVERABLES or word.rstrip("s") in DELIVERABLES:
        return True
    # "the next relaunch of the council", "the signing of agreements": an action noun
    return any(tokens[k].text.lower() in DELIVERABLES or tokens[k].text.lower() in (
        "next", "signing", "relaunch", "launch", "establishment", "creation")
        for k in subtree(sentence, j) if k != j and tokens[k].tag[:2] in ("NN", "JJ", "VB"))


def _has_time_or_event(sentence: Sentence, c: int) -> bool:
    """A time, a date or a named event in the clause of ``c`` ("on the margins of #UNGA")."""
    ids = subtree(sentence, c)
    tokens = sentence.tokens
    if any(tokens[i].ent_type in ("DATE", "TIME", "EVENT") for i in ids):
        return True
    clause = " ".join(tokens[i].text for i in ids)
    return bool(FUTURE_WORDS.search(clause) or re.search(r"\b(?:margins?|sidelines?)\b",
                                                          clause))


def _names_deliverable(sentence: Sentence, v: int) -> bool:
    """"announced a fund", "launched a working group", "released as a joint statement"."""
    tokens = sentence.tokens
    for c in children(sentence, v):
        tok = tokens[c]
        if c < v or tok.dep not in ("dobj", "prep", "nsubjpass", "ccomp", "xcomp", "oprd"):
            continue
        if tok.dep == "ccomp" and tok.tag.startswith("VB"):
            # "announced that X will host ...", "... that both are negotiating the signing"
            if _is_future_step(sentence, c) or (
                    tok.tag == "VBG" and tok.text.lower() in STEP_VERBS - GENERAL_VERBS):
                return True
            continue
        heads = [c] if tok.dep == "dobj" else [j for j in children(sentence, c)
                                                if tokens[j].dep == "pobj"]
        for j in heads:
            word = tokens[j].text.lower()
            if word in DELIVERABLES and word not in EVENT_NOUNS - {"statement"}:
                return True
            if word in EVENT_NOUNS and _has_time_or_event(sentence, j):
                return True
    return False


def _is_future_step(sentence: Sentence, v: int) -> bool:
    """A future verb that is a concrete step or event ("will visit", "would be held")."""
    tokens = sentence.tokens
    if not tokens[v].tag.startswith("VB"):
        return False
    kids = children(sentence, v)
    if not any(tokens[j].text.lower() in MODALS for j in kids) and \
            tokens[v].text.lower() not in MODALS:
        return False
    if any(tokens[j].dep == "mark" and tokens[j].text.lower() in ("if", "unless", "whether")
           for j in kids):
        return False
    word = tokens[v].text.lower()
    if word in ("like", "love", "wish"):  # "would like to visit"
        return any(tokens[j].dep == "xcomp" and _is_step_clause(sentence, j, False)
                   for j in kids)
    if word in ("be", "is") and any(tokens[j].dep == "expl" for j in kids):
        # "there will be more such meetings"
        return any(tokens[j].dep == "attr" and tokens[j].text.lower() in EVENT_NOUNS | {
            "meetings", "visits", "talks"} for j in kids)
    if tokens[v].tag == "VBN" and word in STEP_VERBS:
        return True  # "will be held", "will be received"
    if word in GENERAL_VERBS:
        return False
    if word not in STEP_VERBS:
        # "will focus on concluding negotiations", "would try to conclude ...": the step below
        return any(tokens[j].dep == "xcomp" and tokens[j].text.lower() in STEP_VERBS - GENERAL_VERBS
                   for j in kids) or any(
            tokens[k].dep == "pcomp" and tokens[k].text.lower() in STEP_VERBS - GENERAL_VERBS
            for j in kids if tokens[j].dep == "prep" for k in children(sentence, j))
    if word in ("have", "has", "see", "include", "exchange", "welcome", "review", "accept",
                "go", "come", "take"):
        # light verbs: a step only with an event for object ("will have a meeting")
        return any(tokens[j].dep == "dobj" and _is_step_noun(sentence, j) for j in kids)
    return True


def _looks_forward_to_event(sentence: Sentence, v: int) -> bool:
    """"looked forward to seeing one another at the G20 Summit next month", "... to the
    next meeting"; not "looked forward to deepening cooperation"."""
    tokens = sentence.tokens
    preps = [c for c in children(sentence, v) if tokens[c].text.lower() in ("to", "forward")]
    for p in preps:
        ids = subtree(sentence, p)
        words = {tokens[i].text.lower() for i in ids}
        if "to" not in words:
            continue
        clause = " ".join(tokens[i].text for i in ids)
        if words & (EVENT_NOUNS | {"visit", "visiting", "attending", "welcoming", "hosting",
                                   "meetings", "summit"}) and (
                FUTURE_WORDS.search(clause) or any(tokens[i].ent_type in ("DATE", "EVENT")
                                                   for i in ids)
                or words & {"visit", "visiting", "attending", "hosting", "welcoming"}):
            return True
    return False


def _invitation(sentence: Sentence) -> tuple[str, int] | None:
    """"extended an invitation to X to visit", "accepted the invitation to attend"."""
    tokens = sentence.tokens
    for i, tok in enumerate(tokens):
        if tok.text.lower() in ("invitation", "invitations") and tok.tag.startswith("NN"):
            after = " ".join(t.text.lower() for t in tokens[i + 1:i + 12])
            if re.search(r"\bto (?:visit|attend|travel|come|host|take part|participate|join)\b",
                         after):
                return "follow_up", tok.head if tokens[tok.head].tag.startswith("VB") else i
    return None


def _who(draft: Draft, sentence: Sentence, v: int, last_person_party: str | None
         ) -> str | None:
    """The party (or "joint") whose outcome it is: the subject of the trigger's clause."""
    if v < 0:
        v = _root(sentence)
    parties = resolve_subject(draft, sentence, subject_of(sentence, v), last_person_party)
    if not parties:
        return None
    return parties[0] if len(parties) == 1 else JOINT


def _what(sentence: Sentence, v: int) -> str:
    """The step in the source's words: from the subject of the trigger's own clause ("President
    X will visit ..."), else from the trigger ("agreeing on the next relaunch ..."), to the end."""
    if not sentence.tokens or v < 0:
        return sentence.text.strip()  # a formula of minutes: the whole line is the decision
    tokens = sentence.tokens
    first = v
    for c in children(sentence, v):
        if tokens[c].dep in ("nsubj", "nsubjpass") and c < v:
            first = min(subtree(sentence, c))
            break
    what = sentence.text[tokens[first].start - sentence.start:].strip()
    return what if len(what.split()) >= 3 else sentence.text.strip()


def _when(sentence: Sentence, base: dt.date | None) -> tuple[str | None, str | None]:
    """The time the sentence gives for the step, as written and as a date when it is one."""
    for entity in sentence.entities:
        if entity.label in ("DATE", "TIME") and TIME_WORDS.search(entity.text) and not \
                re.fullmatch(r"(?:19|20)\d\d", entity.text):
            return resolve_date(entity.text, base)
    return None, None
