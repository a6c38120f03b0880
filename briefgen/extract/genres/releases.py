"""The genres with no layout of their own: readouts, press releases, joint statements.

They differ in wording only: a joint statement says so in its title or first paragraph, a
readout reports a meeting in its lead, and a press release is what is left.
"""

from __future__ import annotations

import re

from briefgen.extract.genres.structure import Structure
from briefgen.model import Analysis
from briefgen.vocabulary.verbs import MEETING_CORE_VERBS, MEETING_NOUNS

#: "Joint Statement", "joint declaration", "Joint Communiqué", "joint readout".
JOINT_DOCUMENT = re.compile(r"\bjoint (?:statement|declaration|communiqu|readout)", re.I)
_MEETING_WORDS = MEETING_CORE_VERBS | MEETING_NOUNS
#: Sentences of the lead read for a meeting being reported.
LEAD_SENTENCES = 3


def joint_statement_score(analysis: Analysis) -> float:
    head = f"{analysis.clean.title or ''} {analysis.paragraphs[0].text}"
    return 1.5 if JOINT_DOCUMENT.search(head) else 0.0


def readout_score(analysis: Analysis) -> float:
    """A readout reports a meeting in its title or lead ("met", "spoke with", "a call")."""
    words = {t.text.lower() for s in analysis.sentences[:LEAD_SENTENCES] for t in s.tokens}
    title = set(re.findall(r"[a-z-]+", (analysis.clean.title or "").lower()))
    return 0.8 if (words | title) & _MEETING_WORDS else 0.0


def press_release_score(analysis: Analysis) -> float:
    return 0.5  # what a document is when nothing else says otherwise


def read(analysis: Analysis) -> Structure:
    return Structure()
