"""Run the command-line interface with ``python -m briefgen``."""

from __future__ import annotations

from briefgen.cli import main

main()
