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

# Words that open page furniture; glued when directly preceded by a letter, digit or bracket.
_GLUED = re.compile(
    r"(?<=[\w\)\]\.%])(?=(?:Updated|Published|Posted|Last (?:updated|modified)|Share(?! of\b)|"
    r"Read [Mm]ore|Volume \d|Listen\b|Comments?\b|Advertisement\b|Print\b|Email\b|Follow\b)"
    r"(?![a-z]))"
)
# "By Kent GermanDec 22, 2023": a month name glued to the word before it.
_GLUED_MONTH = re.compile(
    r"(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b)"
)
# "PublishedThursday 1:30PM": a timestamp label glued to the word after it.
_GLUED_LABEL = re.compile(r"^(Updated|Published|Posted)(?=[A-Z0-9])")
# "Feb 28 20247:00 AM": a year glued to the time that follows it.
_YEAR_TIME = re.compile(r"\b((?:19|20)\d\d)(\d{1,2}:\d\d)")
_SPACES = re.compile(r"\s+")


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


def split_glued(line: str) -> list[str]:
    """Split one dump line into the fragments a scraper glued together; whitespace normalised."""
    line = _SPACES.sub(" ", line).strip()
    if not line:
        return []
    line = _YEAR_TIME.sub(r"\1 \2", line)
    line = _GLUED_LABEL.sub(r"\1 ", line)
    if _GLUED_MONTH.search(line):
        line = _GLUED_MONTH.sub("\n", line)
    if not _GLUED.search(line):
        return [p.strip() for p in line.split("\n")] if "\n" in line else [line]
    parts = [p.strip() for chunk in line.split("\n") for p in _GLUED.split(chunk)]
    return [p for p in parts if p]
