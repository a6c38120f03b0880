"""Config files: precedence, paths, errors naming file and line, and `briefgen config show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.config import (
    BUILTIN,
    CONFIG_DIR_ENV,
    SETTINGS,
    load_config,
    read_config_file,
    user_config_dir,
)
from briefgen.errors import ConfigError


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A fake user config folder (via BRIEFGEN_CONFIG_DIR), a working directory and elsewhere."""
    user, work, other = tmp_path / "user", tmp_path / "work", tmp_path / "other"
    for folder in (user, work, other):
        folder.mkdir()
    monkeypatch.setenv(CONFIG_DIR_ENV, str(user))
    monkeypatch.chdir(work)
    return {"user": user, "work": work, "other": other}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_defaults(places: dict[str, Path]) -> None:
    config = load_config()
    assert config["memo.from"] == "Analyst" and config["memo.to"] == "Distribution"
    assert config["memo.template"] == "memo"
    assert config["markings.portion_marks"] is None  # marked when classified
    assert config["markings.portion_mark"] == "(U)"
    assert config["markings.source_mark"] == "(U)"
    assert config["markings.classified_by"] is None
    assert config["output.formats"] == ("pdf", "docx")
    assert config["markings.classification"] is None
    assert set(config.sources.values()) == {BUILTIN}
    assert [(label, read) for label, _, read in config.files] == [
        ("user config", False), ("working directory", False)]


def test_user_config_dir_env_and_platform_default(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    assert user_config_dir() == tmp_path
    monkeypatch.delenv(CONFIG_DIR_ENV)
    import platformdirs

    assert user_config_dir() == Path(platformdirs.user_config_dir("briefgen", appauthor=False))


def test_precedence_explicit_over_working_directory_over_user(places: dict[str, Path]) -> None:
    write(places["user"] / "briefgen.toml", """
[memo]
from = "User"
to = "User To"
organization = "User Org"
[markings]
classification = "CUI"
""")
    write(places["work"] / "briefgen.toml", """
[memo]
from = "Work"
to = "Work To"
""")
    explicit = write(places["other"] / "team.toml", """
[memo]
from = "Explicit"
""")
    config = load_config(explicit)
    assert config["memo.from"] == "Explicit"
    assert config["memo.to"] == "Work To"
    assert config["memo.organization"] == "User Org"
    assert config["markings.classification"] == "CUI"
    assert config["memo.template"] == "memo"
    assert config.sources["memo.from"] == f"--config {explicit}"
    assert config.sources["memo.to"] == \
        f"working directory {places['work'].resolve() / 'briefgen.toml'}"
    assert config.sources["memo.organization"].startswith("user config ")
    assert config.sources["memo.template"] == BUILTIN
    # The command line beats them all.
    assert config.pick("memo.from", "Cli") == "Cli"
    assert config.source_of("memo.from", "Cli") == "command line"
    assert config.pick("memo.from", None) == "Explicit"


def test_paths_in_a_config_are_relative_to_the_file(places: dict[str, Path]) -> None:
    explicit = write(places["other"] / "briefgen.toml", """
[memo]
template = "mine/custom.md.j2"
[output]
directory = "memos"
reference_docx = "letterhead.docx"
theme = "a4"
formats = "pdf, json"
""")
    config = load_config(explicit)
    assert config["memo.template"] == str(places["other"] / "mine" / "custom.md.j2")
    assert config["output.directory"] == str(places["other"] / "memos")
    assert config["output.reference_docx"] == str(places["other"] / "letterhead.docx")
    assert config["output.theme"] == "a4"  # a built-in name stays a name
    assert config["output.formats"] == ("pdf", "json")


def test_missing_explicit_config(places: dict[str, Path]) -> None:
    with pytest.raises(ConfigError, match=r"config file '.*nope.toml' not found"):
        load_config(places["other"] / "nope.toml")


@pytest.mark.parametrize(("text", "fragments"), [
    ('[memo]\nfrom = "A"\nfromm = "B"\n', ("line 3", "unknown setting 'memo.fromm'",
                                            "did you mean 'memo.from'")),
    ('[memo]\nfrom = "A"\n\n[memoo]\nto = "x"\n', ("line 4", "unknown section [memoo]",
                                                   "[memo], [markings], [output]")),
    ('from = "A"\n', ("line 1", "setting 'from' is outside a section", "[memo]")),
    ('[markings]\nportion_marks = "yes"\n', ("line 2", "'markings.portion_marks' must be "
                                                        "true or false")),
    ('[markings]\nclassification = "PUBLIC"\n', ("line 2", "unknown classification 'PUBLIC'")),
    ('[markings]\nportion_mark = "(X)"\n', ("line 2", "unknown portion mark")),
    ('[output]\nformats = ["pdf", "pptx"]\n', ("line 2", "list of formats")),
    ('[output]\nformats = 3\n', ("line 2", "must be a list of strings")),
    ('[memo]\nto = 5\n', ("line 2", "'memo.to' must be a string, got 5")),
    ('[memo]\nfrom = "A\n', ("TOML syntax error", "line 2")),
    ('[memo]\n[memo]\n', ("TOML syntax error",)),
])
def test_bad_config_is_one_line_naming_file_and_line(places: dict[str, Path], text: str,
                                                     fragments: tuple[str, ...]) -> None:
    path = write(places["work"] / "briefgen.toml", text)
    with pytest.raises(ConfigError) as info:
        read_config_file(path)
    message = str(info.value)
    assert message.startswith(f"config '{path}'")
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message


def test_undecodable_config(places: dict[str, Path]) -> None:
    path = places["work"] / "briefgen.toml"
    path.write_bytes(b'[memo]\nfrom = "caf\xe9"\n')
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config()


def test_every_setting_is_documented_in_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        section, name = setting.key.split(".")
        assert f"[{section}]" in readme
        assert f"`{name}`" in readme, setting.key


# --------------------------------------------------------------------------- config show


def test_config_show_names_each_source(places: dict[str, Path]) -> None:
    write(places["user"] / "briefgen.toml", '[memo]\nfrom = "User"\n')
    write(places["work"] / "briefgen.toml", '[memo]\nto = "Work"\n')
    explicit = write(places["other"] / "x.toml", '[markings]\nportion_marks = true\n')
    result = CliRunner().invoke(app, ["config", "show", "--config", str(explicit)])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert '"User"' in lines["memo.from"] and "user config" in lines["memo.from"]
    assert '"Work"' in lines["memo.to"] and "working directory" in lines["memo.to"]
    assert "true" in lines["markings.portion_marks"] and "--config" in lines[
        "markings.portion_marks"]
    assert lines["memo.template"].endswith(BUILTIN)


def test_config_show_json(places: dict[str, Path]) -> None:
    write(places["work"] / "briefgen.toml", '[output]\nformats = ["pdf"]\ndirectory = "out"\n')
    result = CliRunner().invoke(app, ["config", "show", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["settings"]) == {s.key for s in SETTINGS}
    assert data["settings"]["output.formats"] == {
        "value": ["pdf"], "source": data["settings"]["output.formats"]["source"]}
    assert data["settings"]["output.formats"]["source"].startswith("working directory")
    assert data["settings"]["output.directory"]["value"] == str(places["work"].resolve() / "out")
    assert data["settings"]["memo.from"] == {"value": "Analyst", "source": BUILTIN}
    assert [f["read"] for f in data["files"]] == [False, True]


def test_config_show_reports_a_bad_file_in_one_line(places: dict[str, Path]) -> None:
    write(places["work"] / "briefgen.toml", '[memo]\nsender = "x"\n')
    result = CliRunner().invoke(app, ["config", "show"])
    assert result.exit_code == 11
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line == (f"briefgen: error: config '{places['work'].resolve() / 'briefgen.toml'}' "
                    "line 2: unknown setting 'memo.sender'; did you mean 'memo.from'?")
