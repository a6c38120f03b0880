"""Cold-start shortcuts keep behaviour: spaCy without its CLI, one tokenizer load, fast exit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from briefgen.analyze import UNUSED_COMPONENTS, import_spacy, load_model, resolve_model_name

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0ff103b2e130dde9.txt"

SPACY_PROBE = """
import json, sys
from briefgen.analyze import load_model
nlp = load_model()
doc = nlp("The Secretary met Foreign Minister Wang Yi in Beijing on July 1.")
cli_loaded = sorted(m for m in sys.modules
                    if m.split(".")[0] in ("weasel", "requests", "httpx") or m == "spacy.cli")
import spacy
info = spacy.info()
import spacy.cli
print(json.dumps({"cli_loaded": cli_loaded, "ents": [e.text for e in doc.ents],
                  "version": info["spacy_version"], "real_cli": hasattr(spacy.cli, "download")}))
"""


def test_spacy_loads_without_its_command_line_package_which_still_works_later() -> None:
    completed = subprocess.run([sys.executable, "-c", SPACY_PROBE], capture_output=True,
                               text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["cli_loaded"] == []
    assert "Wang Yi" in report["ents"]
    assert report["version"].startswith("3.")
    assert report["real_cli"] is True


def test_import_spacy_returns_the_imported_module() -> None:
    spacy = import_spacy()
    assert sys.modules["spacy"] is spacy
    assert import_spacy() is spacy


def test_the_bare_tokenizer_is_replaced_by_the_models_own() -> None:
    spacy = import_spacy()
    ours = load_model()
    plain = spacy.load(resolve_model_name(), exclude=list(UNUSED_COMPONENTS))
    assert ours.tokenizer.rules == plain.tokenizer.rules
    for attribute in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert (getattr(ours.tokenizer, attribute).__self__.pattern
                == getattr(plain.tokenizer, attribute).__self__.pattern), attribute
    text = SEED.read_text(encoding="utf-8")
    assert ([(t.text, t.tag_, t.dep_, t.ent_type_) for t in ours(text)]
            == [(t.text, t.tag_, t.dep_, t.ent_type_) for t in plain(text)])


def test_real_process_flushes_all_output_and_keeps_the_exit_code(tmp_path: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "briefgen", "extract", str(SEED), "--json"],
                        capture_output=True, text=True, timeout=120, check=False)
    assert ok.returncode == 0, ok.stderr
    brief = json.loads(ok.stdout)  # complete: the process ended after flushing stdout
    assert len(brief["attendees"]) == 6
    missing = subprocess.run([sys.executable, "-m", "briefgen", "extract",
                              str(tmp_path / "nothing.txt")],
                             capture_output=True, text=True, timeout=120, check=False)
    assert missing.returncode == 3
    assert missing.stderr.strip().startswith("briefgen: error:")


def test_the_models_multiply_through_numpy_not_blis() -> None:
    nlp = load_model()
    for name, component in nlp.pipeline:
        assert getattr(component.model.ops, "use_blis", None) is False, name
