"""Remove the characters XML cannot hold, for the cleaner and for both writers."""

from __future__ import annotations

import re

# C0 controls except tab/newline/CR, DEL, lone surrogates and the two non-characters.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def make_xml_safe(text: str, replacement: str = " ") -> str:
    """Return ``text`` with every XML-illegal character replaced by ``replacement``."""
    return XML_ILLEGAL.sub(replacement, text)
