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
