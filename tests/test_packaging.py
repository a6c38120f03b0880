"""A non-editable install must carry the templates, fonts and font licence inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_holds_templates_and_fonts(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(tmp_path), str(ROOT)], check=True,
                   capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("briefgen-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates").glob("*.md.j2"):
        assert f"briefgen/templates/{template.name}" in names
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt",
                 "LiberationSans-Regular.ttf", "LiberationSans-BoldItalic.ttf",
                 "LiberationSerif-Regular.ttf", "LiberationSerif-BoldItalic.ttf",
                 "LICENSE-Liberation.txt"):
        assert f"briefgen/fonts/{font}" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_package_finds_its_templates():
    from briefgen.render.templating import builtin_templates, templates_dir

    assert templates_dir().is_dir()
    assert "memo" in builtin_templates()
