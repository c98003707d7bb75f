"""Repair of what a naive scraper does to text: mojibake and inline fragments glued together.

A scraper that concatenates the text of adjacent inline elements produces lines such as
"TARA COPPUpdated 10:24 AM MST, October 28, 2024Share" or "…(AP Photo/Virginia Mayo)Read More";
we split them back at words that start page furniture (timestamps, share/read-more buttons,
player controls), which no sentence glues to the previous word without a space.
"""

from __future__ import annotations

import re

# UTF-8 bytes read as Latin-1/cp1252: a lead byte character followed by continuation characters.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}")
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u201e\u20ac\u2122]")

# Timestamp labels ("Updated 10:24 AM"); the first of the furniture words below.
_STAMP_LABELS = ("Updated", "Published", "Posted")
_STAMP_LABEL = "|".join(_STAMP_LABELS)
# Words that open page furniture; glued when directly preceded by a letter, digit or bracket.
# (Patterns start with their literal words, not a look-behind, so scanning a dump stays fast;
# the character before a match is checked in `_break`.)
_GLUED = re.compile(
    r"(?:" + _STAMP_LABEL + r"|Last (?:updated|modified)|Share(?! of\b)|Read [Mm]ore|"
    r"Volume \d|Listen\b|Comments?\b|Advertisement\b|Print\b|Email\b|Follow\b)(?![a-z])"
)
# "By Kent GermanDec 22, 2023", "By Ann ODec. 18": a month name glued to the word before it.
_GLUED_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b")
# "PublishedThursday 1:30PM": a timestamp label glued to the word after it.
_GLUED_LABEL = re.compile(r"^(\s*(?:" + _STAMP_LABEL + r"))(?=[A-Z0-9])", re.M)
# "Feb 28 20247:00 AM": a year glued to the time that follows it.
_YEAR_TIME = re.compile(r"((?:19|20)\d\d)(\d{1,2}:\d\d)")
# "6 December 20236 December 2023", "Dec 6, 2023Chris Price": a year glued to the next date or
# to a name.
# (The space is matched, not looked behind, so the scan can jump between spaces.)
_YEAR_GLUED = re.compile(r" ((?:19|20)\d\d)(?=\d{1,2} [A-Z][a-z]{2,} (?:19|20)\d\d|[A-Z][a-z])")


def _break(pattern: re.Pattern[str], text: str, glued: str) -> str:
    """Put a line break before each match of `pattern` whose previous character is in `glued`."""

    def sub(m: re.Match[str]) -> str:
        start = m.start()
        return "\n" + m.group(0) if start and text[start - 1] in glued else m.group(0)

    return pattern.sub(sub, text)


_WORD_END = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789)].%")
_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 decoded as Latin-1/cp1252 ("Bidenâ\\x80\\x99s" → "Biden’s"), run by run."""
    if not _MOJIBAKE_HINT.search(text):
        return text

    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        try:
            return run.encode("cp1252" if _needs_cp1252(run) else "latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return run

    return _MOJIBAKE.sub(fix, text)


def _needs_cp1252(run: str) -> bool:
    return any(ord(c) > 0xFF for c in run)


def split_glued(text: str) -> list[str]:
    """Lines of `text` with the fragments a scraper glued together split apart; whitespace
    normalised, empty lines dropped. Works on one line or a whole dump at once."""
    text = _YEAR_TIME.sub(lambda m: m.group(0) if m.start() and text[m.start() - 1].isdigit() else f"{m[1]} {m[2]}", text)
    text = _YEAR_GLUED.sub(" \\1\n", text)
    if any(label in text for label in _STAMP_LABELS):  # a cheap test before the scan
        text = _GLUED_LABEL.sub(r"\1 ", text)
    text = _break(_GLUED_MONTH, text, _LETTER)
    text = _break(_GLUED, text, _WORD_END)
    out = []
    for line in text.splitlines():
        if line:
            line = " ".join(line.split())
            if line:
                out.append(line)
    return out
