"""briefgen: turn a meeting readout, press release or joint statement into a briefing memo."""

from __future__ import annotations

__version__ = "0.1.0"
