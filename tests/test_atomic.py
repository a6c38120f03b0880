"""Outputs appear whole or not at all, with the user's usual file mode."""

from __future__ import annotations

import os
import stat

import pytest

from briefgen.errors import OutputError
from briefgen.writers import atomic_path


def test_the_file_appears_only_when_complete(tmp_path):
    target = tmp_path / "memo.pdf"
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"%PDF-1.4 whole")
        assert not target.exists()
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]


def test_a_failure_leaves_the_old_file_and_no_part(tmp_path):
    target = tmp_path / "memo.pdf"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]


def test_mode_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        with atomic_path(tmp_path / "memo.pdf") as tmp:
            tmp.write_bytes(b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "memo.pdf").stat().st_mode) == 0o640


def test_a_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(OutputError, match="cannot write"), \
            atomic_path(tmp_path / "nowhere" / "memo.pdf"):
        pass


# --- issue 17: no memo lost, nothing left behind ------------------------------------------

def _memo() -> object:
    from builders import make_document

    return make_document()


def test_a_target_created_meanwhile_is_not_replaced_without_force(tmp_path, monkeypatch):
    """Two runs at once: the one that finishes second fails instead of replacing a memo."""
    from briefgen.writers import md, write_outputs

    target = tmp_path / "memo.md"
    real_write = md.write

    def other_run_finishes_first(document, path, *args):
        target.write_text("the other run's memo", encoding="utf-8")
        return real_write(document, path, *args)

    monkeypatch.setattr(md, "write", other_run_finishes_first)
    with pytest.raises(OutputError, match="already exists"):
        write_outputs([("md", target)], document=_memo())
    assert target.read_text(encoding="utf-8") == "the other run's memo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.md"]


def test_a_full_disk_after_the_first_format_leaves_no_format(tmp_path, monkeypatch):
    import errno

    from briefgen.writers import html, write_outputs

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(html, "write", disk_full)
    targets = [("md", tmp_path / "memo.md"), ("html", tmp_path / "memo.html")]
    with pytest.raises(OutputError, match="No space left on device"):
        write_outputs(targets, document=_memo())
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    write_outputs(targets, document=_memo())  # the retry is not refused as "already exists"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.html", "memo.md"]


def test_a_failed_forced_run_puts_the_old_files_back(tmp_path, monkeypatch):
    from briefgen import writers

    targets = [("md", tmp_path / "a.md"), ("html", tmp_path / "a.html")]
    for _, path in targets:
        path.write_text(f"old {path.suffix}", encoding="utf-8")
    real_replace = os.replace
    calls = []

    def fail_on_the_second_target(src, dst):
        calls.append(dst)
        if str(dst).endswith("a.html"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(writers.os, "replace", fail_on_the_second_target)
    with pytest.raises(OutputError):
        writers.write_outputs(targets, document=_memo(), force=True)
    monkeypatch.undo()
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "old .md"
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "old .html"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "a.md"]


def test_stale_temporaries_of_a_killed_run_are_removed_on_the_next_run(tmp_path):
    import subprocess
    import sys

    from briefgen.writers import write_outputs

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    dead = int(ended.stdout)  # a pid whose process has ended
    stale = tmp_path / f".memo.pdf.{dead}-abc123.part"
    alive = tmp_path / f".memo.docx.{os.getppid()}-def456.part"  # a run still going
    foreign = tmp_path / ".notes.part"
    for path in (stale, alive, foreign):
        path.write_bytes(b"half")
    write_outputs([("md", tmp_path / "memo.md")], document=_memo())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [alive.name, foreign.name, "memo.md"])


def test_a_symlink_target_is_replaced_only_with_force_and_never_written_through(tmp_path):
    from briefgen.writers import write_outputs

    mine = tmp_path / "mine.md"
    mine.write_text("the file the link points to", encoding="utf-8")
    link = tmp_path / "memo.md"
    link.symlink_to(mine)
    with pytest.raises(OutputError, match="already exists"):
        write_outputs([("md", link)], document=_memo())
    write_outputs([("md", link)], document=_memo(), force=True)
    assert not link.is_symlink()
    assert mine.read_text(encoding="utf-8") == "the file the link points to"
    dangling = tmp_path / "gone.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(OutputError, match="already exists"):
        write_outputs([("md", dangling)], document=_memo())
