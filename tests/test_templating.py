"""templating: sandboxed, strict Jinja2 with Markdown-escaped values and located errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.document import Metadata, Paragraph, plain_text
from briefgen.errors import TemplateError
from briefgen.render.markup import parse_markdown
from briefgen.render.templating import (
    Markdown,
    builtin_templates,
    find_template,
    format_long_date,
    format_person,
    format_ref,
    format_series,
    format_upfirst,
    make_environment,
    render_template,
    templates_dir,
)


def template(tmp_path: Path, source: str, name: str = "custom.md.j2") -> str:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return str(path)


# --------------------------------------------------------------------------- finding templates


def test_templates_dir_holds_the_builtin_memo() -> None:
    folder = templates_dir()
    assert folder.is_dir()
    assert (folder / "memo.md.j2").is_file()


def test_builtin_template_list_contains_memo() -> None:
    builtins = builtin_templates()
    assert "memo" in builtins
    assert builtins["memo"] == templates_dir() / "memo.md.j2"


def test_find_template_by_name_and_by_path(tmp_path: Path) -> None:
    name, source = find_template("memo")
    assert name == "memo"
    assert "# Memorandum" in source
    path = template(tmp_path, "Hello {{ who }}\n")
    assert find_template(path) == (path, "Hello {{ who }}\n")


def test_unknown_template_lists_the_builtins() -> None:
    with pytest.raises(TemplateError, match=r"no template 'nosuch'; give a file path or one of: "
                                            r".*memo"):
        render_template("nosuch", {})


def test_undecodable_template_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md.j2"
    path.write_bytes(b"caf\xe9 {{ x }}\n")
    with pytest.raises(TemplateError, match="cannot read template"):
        render_template(str(path), {"x": 1})


# --------------------------------------------------------------------------- sandbox and errors


@pytest.mark.parametrize("expression", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ brief.__class__ }}",
    "{{ cycler.__init__.__globals__ }}",
])
def test_sandbox_refuses_reaching_into_python(tmp_path: Path, expression: str) -> None:
    path = template(tmp_path, f"# Memo\n\n{expression}\n")
    with pytest.raises(TemplateError) as info:
        render_template(path, {"brief": {"title": "x"}})
    message = str(info.value)
    assert message.startswith(f"template '{path}' line 3: not allowed in a template: ")
    assert "\n" not in message


def test_sandbox_refuses_mutating_the_context(tmp_path: Path) -> None:
    path = template(tmp_path, "{{ items.append(4) }}\n")
    with pytest.raises(TemplateError, match="not allowed in a template"):
        render_template(path, {"items": [1, 2, 3]})


def test_unknown_field_names_the_template_and_line(tmp_path: Path) -> None:
    path = template(tmp_path, "# Memo\n\nSummary:\n{{ brief.summray }}\n")
    with pytest.raises(TemplateError) as info:
        render_template(path, {"brief": {"summary": "x"}})
    message = str(info.value)
    assert message.startswith(f"template '{path}' line 4: unknown field:")
    assert "summray" in message
    assert "\n" not in message


def test_unknown_variable_inside_a_loop(tmp_path: Path) -> None:
    path = template(tmp_path, "# Memo\n{% for p in points %}\n- {{ p.txt }}\n{% endfor %}\n")
    with pytest.raises(TemplateError, match=r"line 3: unknown field: .*txt"):
        render_template(path, {"points": [{"text": "a"}]})


def test_unknown_top_level_name(tmp_path: Path) -> None:
    path = template(tmp_path, "one\ntwo\n{{ nope }}\n")
    with pytest.raises(TemplateError, match=r"line 3: unknown field: 'nope' is undefined"):
        render_template(path, {})


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = template(tmp_path, "# Memo\n\n{{ brief.title }\n\nmore\n")
    with pytest.raises(TemplateError) as info:
        render_template(path, {"brief": {"title": "x"}})
    assert str(info.value).startswith(f"template '{path}' line 3: syntax error:")


def test_unclosed_block_is_a_syntax_error(tmp_path: Path) -> None:
    path = template(tmp_path, "a\n{% if x %}\nb\n")
    with pytest.raises(TemplateError, match=r"line \d+: syntax error: .*endif"):
        render_template(path, {"x": True})


def test_render_time_type_error_is_a_template_error(tmp_path: Path) -> None:
    path = template(tmp_path, "a\n{{ 1 + brief }}\n")
    with pytest.raises(TemplateError, match="line 2"):
        render_template(path, {"brief": "text"})


# --------------------------------------------------------------------------- escaping and filters


def test_values_are_escaped_and_template_text_is_not(tmp_path: Path) -> None:
    path = template(tmp_path, "**Title:** {{ title }}\n")
    out = render_template(path, {"title": "*Not* <b>bold</b> # | & {{ x }}"})
    assert out.startswith("**Title:** ")
    document = parse_markdown(out, Metadata(title="t"))
    (block,) = document.blocks
    assert isinstance(block, Paragraph)
    assert block.content[0].bold and block.content[0].text == "Title:"
    assert plain_text(block.content) == "Title: *Not* <b>bold</b> # | & {{ x }}"
    assert not any(span.bold for span in block.content[1:])


def test_md_filter_and_markdown_values_are_not_escaped(tmp_path: Path) -> None:
    path = template(tmp_path, "{{ a | md }} {{ b }}\n")
    assert render_template(path, {"a": "**x**", "b": Markdown("*y*")}) == "**x** *y*\n"


def test_none_renders_as_nothing(tmp_path: Path) -> None:
    assert render_template(template(tmp_path, "[{{ x }}]\n"), {"x": None}) == "[]\n"


def test_ref_filter() -> None:
    assert format_ref({"document": 1, "paragraph": 4}) == r"\[¶4\]"
    # A no-break space inside: a line never breaks within "[2 ¶4]".
    assert format_ref({"document": 2, "paragraph": 4}, multi=True) == "\\[2\u00a0¶4\\]"
    assert format_ref(None) == ""
    assert isinstance(format_ref({"paragraph": 1}), Markdown)


@pytest.mark.parametrize(("value", "written"), [
    (dt.date(2020, 7, 1), "July 1, 2020"),
    (dt.datetime(2021, 12, 25, 9, 30), "December 25, 2021"),
    ("2020-07-01", "July 1, 2020"),
    ("sometime in July", "sometime in July"),
])
def test_longdate_filter(value: object, written: str) -> None:
    assert format_long_date(value) == written


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_any_value_renders_literally_through_the_environment(value: str) -> None:
    out = make_environment().from_string("- **Term:** {{ value }}\n").render(value=value)
    document = parse_markdown(out, Metadata(title="t"))
    # The same whitespace and NUL normalisation as test_markup.normalize.
    got = " ".join(" ".join(document.texts()).split())
    assert got == " ".join(f"Term: {value.replace(chr(0), chr(0xFFFD))}".split())


@pytest.mark.parametrize(("items", "written"), [
    ([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B, and C"),
    (["A", None, "", "B"], "A and B"),
])
def test_series_filter(items: list[str | None], written: str) -> None:
    assert format_series(items) == written


def test_upfirst_and_person_filters() -> None:
    assert format_upfirst("affirmed that the U.S. will") == "Affirmed that the U.S. will"
    assert format_upfirst("") == ""
    person = {"name": "Miguel Correa", "rank": "Major General", "title": "Senior Director"}
    assert format_person(person) == "Major General Miguel Correa"
    assert format_person(person, True) == "Major General Miguel Correa (Senior Director)"
    assert format_person({"name": "Henry Wooster", "rank": None, "title": None}, True) == \
        "Henry Wooster"


def test_filters_in_a_user_template(tmp_path: Path) -> None:
    path = template(tmp_path, "{{ people | map('person', True) | series }}\n")
    people = [{"name": "A *B*", "rank": None, "title": "T"}, {"name": "C", "rank": "Dr.",
                                                              "title": None}]
    out = render_template(path, {"people": people})
    document = parse_markdown(out, Metadata(title="t"))
    assert document.texts() == ["A *B* (T) and Dr. C"]


def test_a_directory_is_not_a_template(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"is a directory; give a \.md\.j2 file"):
        find_template(str(tmp_path))


def test_long_dates_ignore_the_locale() -> None:
    assert format_long_date(dt.date(2021, 2, 3)) == "February 3, 2021"
    assert format_long_date(None) == "None"
