"""Quote pairing: top-level quoted spans of a paragraph, over straight and curly marks.

Each mark is read as opening or closing from its context first (space before and a letter
after opens; punctuation or space after closes) and from its glyph only when the context is
mute, so that typographic slips ("”Letting", "’’") still pair. Marks inside an open quote are
nested quotes and are kept as text. A quote still open at the paragraph end runs on into the
next paragraph (`closed` is False).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE = re.compile(r"’’|''|``|‘‘|[\"“”„‟«»]")
_SINGLE = re.compile(r"[‘’']")
_OPEN_BEFORE = set(" \t([{—–-/“‘\"'")
_CLOSE_AFTER = set(" \t.,;:!?)]}—–-…\"'”’")


@dataclass(slots=True)
class Quote:
    """A quoted span: marks at [open, start) and [end, close); text is paragraph[start:end]."""

    open: int
    start: int
    end: int
    close: int
    closed: bool


def _direction(text: str, i: int, j: int, glyph: str) -> str:
    """'open', 'close' or 'either' for the mark text[i:j]."""
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    opens = before in _OPEN_BEFORE and not after.isspace()
    closes = after in _CLOSE_AFTER and not before.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if glyph in "“„‟«‘" or glyph in ("``", "‘‘"):
        return "open"
    if glyph in "”»’" or glyph in ("’’", "''"):
        return "close"
    return "either"


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotes of one paragraph; single marks count only where no double mark is used."""
    marks = list(_DOUBLE.finditer(text))
    if not marks:
        marks = [m for m in _SINGLE.finditer(text) if _single_is_mark(text, m.start())]
    quotes: list[Quote] = []
    open_at: tuple[int, int] | None = None
    for m in marks:
        i, j = m.start(), m.end()
        d = _direction(text, i, j, m.group())
        if open_at is None:
            if d in ("open", "either"):
                open_at = (i, j)
        elif d in ("close", "either"):
            quotes.append(Quote(open_at[0], open_at[1], i, j, True))
            open_at = None
    if open_at is not None:
        end = len(text.rstrip())
        if end > open_at[1]:
            quotes.append(Quote(open_at[0], open_at[1], end, end, False))
    return quotes


def _single_is_mark(text: str, i: int) -> bool:
    """A single quote that is not an apostrophe (don’t, Pyongyang’s, ’90s)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum()) and not (before.isspace() and after.isdigit())
