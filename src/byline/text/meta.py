"""Headline, byline and timestamps of a text dump.

A dump's first line is usually the page's <title> ("Headline | Site"), and the headline shows
again as the article's <h1> just before the body; the byline and the timestamps sit between the
headline and the first paragraph, often glued together on one line.
"""

from __future__ import annotations

import re

from .lines import BYLINE, ends_sentence, looks_like_time, words

_SITE_SEPARATOR = re.compile(r"\s+[|–—:-]\s+|\s+[|·•]\s*|\s*::\s*")
# A line that ends in the byline label, the names being on the next line ("Dec 22, 2023 by").
BARE_BY = re.compile(r"(?:^|\s)(?:by|written by|words by|reporting by|author|authors)\s*:?$", re.I)
STAMP_WORDS = 8  # a line this short with a date or time in it is a timestamp, not prose
MARKER_REACH = 4  # lines under an <h1> where its byline or timestamp starts
_STAMP_WORD = re.compile(r"^(updated|published|posted|last (?:updated|modified)|modified|created|first published)\b", re.I)


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in words(text)}


def page_title(first_line: str) -> str:
    """The headline part of a <title>: the longest part between site-name separators."""
    parts = [p.strip() for p in _SITE_SEPARATOR.split(first_line) if p.strip()]
    return max(parts, key=len) if parts else first_line.strip()


def find_title_index(texts: list[str], tokens: list[list[str]], limit: int = 3000) -> int | None:
    """Index of the line that repeats the <title>'s headline (the <h1>), or None.

    Among lines similar to the first line (Dice over word sets ≥ 0.6), the most similar wins;
    ties go to the one with a byline or timestamp just under it, then to the one followed by
    more long lines, since the <h1> is followed by the article (repeats sit in share boxes
    and related lists).
    `tokens` are the lines' words.
    """
    if len(texts) < 2:
        return None
    ref = _tokens(page_title(texts[0]))
    if not ref:
        return None
    # Dice ≥ 0.6 needs a word count between about 0.4 and 2.4 times the reference's.
    low, high = 0.4 * len(ref), 2.4 * len(ref) + 1
    best: tuple[float, int, int] | None = None
    for i in range(1, min(len(texts), limit)):
        if not low <= len(tokens[i]) <= 3 * high:
            continue
        cand = set(" ".join(tokens[i]).lower().split(" "))  # one lower() per line, not per word
        if len(cand) > high:
            continue
        dice = 2 * len(ref & cand) / (len(ref) + len(cand))
        if dice < 0.6:
            continue
        following = sum(1 for u in texts[i + 1 : i + 16] if len(u) > 120)
        marked = any(is_header_marker(u) for u in texts[max(i - 2, 1) : i] + texts[i + 1 : i + 1 + MARKER_REACH])
        key = (round(dice, 2), marked, following, -i)
        if best is None or key > best:
            best = key
    return -best[3] if best else None


def is_headline_like(text: str, min_words: int = 3) -> bool:
    """Short enough (`min_words` to 30 words), not a sentence, not furniture: what an <h1> looks like."""
    n = len(words(text))
    return (
        min_words <= n <= 30
        and not ends_sentence(text.rstrip("?!"))
        and not text.endswith(":")  # a label: "Share this article on:"
        and "://" not in text
        and not BYLINE.match(text)
    )


def is_stamp(text: str) -> bool:
    return bool(_STAMP_WORD.match(text))


def is_time_line(text: str) -> bool:
    """A short line with a date or time in it: a timestamp."""
    return looks_like_time(text) and len(words(text)) <= STAMP_WORDS and not ends_sentence(text)


def is_header_marker(text: str) -> bool:
    """A byline or a timestamp; a name under a bare "By" is part of the run they form."""
    return bool(BYLINE.match(text) or BARE_BY.match(text) or is_stamp(text) or is_time_line(text))
