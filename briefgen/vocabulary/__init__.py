"""The word lists briefgen reads, each written once: the one place to extend a vocabulary.

- ``calendar``: month and weekday names.
- ``words``: English function words.
- ``verbs``: the verbs (and event nouns) of meetings and of reporting a stance, with ``forms``
  to inflect a regular verb.
- ``stances``: the other words of stated positions (normative objects, joint subjects ...).
- ``people``: offices, title words, ranks, honorifics, name particles.
- ``genres``: the words that mark a transcript's speakers, a record's delegates and a set of
  minutes' attendance lists, motions and decisions.

Rules (regular expressions, tests on parsed tokens) stay with the code that uses them; they
build their patterns from these lists rather than spelling the words again.
"""
