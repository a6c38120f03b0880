"""Would spaCy's lemmas do for the verb lists? One command: python bench/lemmas.py

Puts every form of the verb lists (briefgen/vocabulary/verbs.py) in the frame "The minister
<form> the plan.", parses it with the model's attribute_ruler and rule lemmatizer, and lists the
forms whose lemma's regular inflections (``forms(lemma)``) do not hold them: where matching
lemmas would not give the lists' results. Figures recorded in docs/libraries.md.
"""

from __future__ import annotations

import collections

import spacy

from briefgen.analyze import DEFAULT_MODELS
from briefgen.vocabulary.verbs import (
    MEETING_VERBS,
    REPORTING_VERBS,
    STANCE_VERBS,
    TOPIC_VERBS,
    forms,
)


def load() -> spacy.language.Language:
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"none of the models {DEFAULT_MODELS} is installed")


def main() -> None:
    nlp = load()
    words = sorted(STANCE_VERBS | TOPIC_VERBS | MEETING_VERBS | REPORTING_VERBS)
    docs = nlp.pipe(f"The minister {w} the plan." for w in words)
    lemma = {w: d[2].lemma_ for w, d in zip(words, docs)}
    groups = collections.defaultdict(set)
    for word, base in lemma.items():
        groups[base].add(word)
    odd = [(w, b) for w, b in lemma.items() if w not in forms(b)]
    print(f"{len(words)} forms, {len(groups)} lemmas; {len(odd)} forms outside their lemma's "
          f"regular inflections:")
    for word, base in odd:
        print(f"  {word} -> {base}")


if __name__ == "__main__":
    main()
