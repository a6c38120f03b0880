"""The words of outcomes: verbs of agreeing, deciding and committing, steps, deliverables."""

from __future__ import annotations

import re

from briefgen.vocabulary.verbs import EVENT_NOUNS, forms

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

# Verbs of a signing at the meeting ("signed a Memorandum of Understanding on ...").
SIGN = forms("sign", "initial", "ink")
# What a welcome can report as decided or done: "welcomed Serbia's decision to sign on to ...",
# "welcomed the signing today of ...", "welcomed the announcement of a loan guarantee".
WELCOMED_OUTCOMES = frozenset({"decision", "decisions", "signing", "announcement",
                               "establishment", "launch", "conclusion", "adoption",
                               "agreement", "commitment"})
WELCOME = forms("welcome", "applaud", "hail")
