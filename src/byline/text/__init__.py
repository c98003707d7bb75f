"""Text dump → Article: the visible text of a page, one block per line, rebuilt into a record.

Steps: repair the lines (mojibake, glued fragments), find the headline, score every line with
the line model, then assemble: gallery and photo captions become media, related-coverage
headlines become `related`, the remaining body lines become paragraphs, and the header
between headline and first paragraph gives the byline and timestamps.
"""

from __future__ import annotations

from ..dateline import parse_dateline
from ..dates import search_date
from ..language import detect_language
from ..names import parse_byline
from ..record import Article, Media
from .lines import (
    BYLINE,
    CREDIT_AGENCY,
    CREDIT_LABEL,
    CREDIT_PAREN,
    GALLERY_MARK,
    PLAYER,
    RELATED_HEAD,
    dump_lines,
    ends_sentence,
    is_caption_credit,
    words,
)
from .meta import find_title_index, is_headline_like, is_stamp, page_title
from .model import body_probabilities

THRESHOLD = 0.5
HEADER_SPAN = 15  # lines before the first paragraph searched for byline and timestamps
MAX_RELATED = 12


def extract_text(text: str, url: str | None = None, *, model: dict | None = None) -> Article:
    """Rebuild the article record of a text dump (`model`: a line model other than the shipped one)."""
    lines = dump_lines(text)
    article = Article(url=url)
    if not lines:
        return article
    title_index = find_title_index(lines)
    probs = body_probabilities(lines, title_index, model)
    kinds = _furniture(lines, probs)
    body_idx = [i for i, p in enumerate(probs) if p >= THRESHOLD and i not in kinds and i != title_index]
    body_idx = _continue_truncated(lines, body_idx, kinds)

    article.body = [lines[i] for i in body_idx]
    first = body_idx[0] if body_idx else len(lines)
    last = body_idx[-1] if body_idx else len(lines)
    article.truncated = bool(body_idx) and last == len(lines) - 1 and not ends_sentence(lines[last])
    article.title = _title(lines, title_index, first)
    article.media = _media(lines, kinds)
    article.related = [lines[i] for i, k in sorted(kinds.items()) if k == "related" and first <= i <= last]
    header = _header(lines, title_index, first, kinds)
    article.authors = _authors(lines, header)
    article.published, article.modified = _dates(lines, header)
    if article.body:
        article.dateline = parse_dateline(article.body[0])
        article.language = detect_language(article.text[:2000])
    return article


def _furniture(lines: list[str], probs: list[float]) -> dict[int, str]:
    """Lines that are never body whatever the model says: captions, player text, related lists.

    Returns {index: kind} with kinds "caption", "gallery", "player", "related-head", "related".
    """
    kinds: dict[int, str] = {}
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if GALLERY_MARK.match(line):
            kinds[i] = "gallery"
            if i + 1 < n and not GALLERY_MARK.match(lines[i + 1]):
                kinds[i + 1] = "caption"
                i += 1
        elif PLAYER.search(line):
            kinds[i] = "player"
        elif is_caption_credit(line):
            kinds[i] = "caption"
        elif RELATED_HEAD.match(line):
            kinds[i] = "related-head"
            j = i + 1
            while j < n and j <= i + MAX_RELATED and _is_related_headline(lines[j]):
                kinds[j] = "related"
                j += 1
            i = j - 1
        i += 1
    return kinds


def _is_related_headline(line: str) -> bool:
    return is_headline_like(line) and len(words(line)) >= 4 and not ends_sentence(line) and not GALLERY_MARK.match(line)


def _continue_truncated(lines: list[str], body_idx: list[int], kinds: dict[int, str]) -> list[int]:
    """A dump cut mid-sentence ends with a short fragment right after the body: keep it."""
    last = len(lines) - 1
    if not body_idx or body_idx[-1] >= last or last in kinds:
        return body_idx
    tail = lines[last]
    ws = words(tail)
    prev = body_idx[-1]
    between = [k for k in range(prev + 1, last) if kinds.get(k) != "related" and kinds.get(k) != "related-head"]
    if not between and len(ws) >= 3 and not ends_sentence(tail) and any(w.islower() for w in ws):
        return body_idx + [last]
    return body_idx


def _title(lines: list[str], title_index: int | None, first: int) -> str | None:
    """The <h1> when it repeats the <title>; else the headline-like line just above the body."""
    if title_index is not None:
        return lines[title_index]
    for i in range(first - 1, max(first - HEADER_SPAN, 0) - 1, -1):
        line = lines[i]
        if is_headline_like(line) and not is_stamp(line) and len(words(line)) >= 4:
            return line
    return page_title(lines[0]) or None


def _header(lines: list[str], title_index: int | None, first: int, kinds: dict[int, str]) -> list[int]:
    """Lines between the headline and the first paragraph (at most HEADER_SPAN), captions skipped."""
    start = max(first - HEADER_SPAN, 0)
    if title_index is not None and start <= title_index < first:
        start = title_index + 1
    return [i for i in range(start, first) if i not in kinds]


def _authors(lines: list[str], header: list[int]) -> list[str]:
    """Names from a "By …" line in the header, else from a short line that is only names."""
    for i in header:
        if BYLINE.match(lines[i]):
            names = parse_byline(lines[i])
            if names:
                return names
    for i in header:
        line = lines[i]
        if len(words(line)) <= 8 and not ends_sentence(line) and not is_stamp(line):
            names = parse_byline(line)
            if names:
                return names
    return []


def _dates(lines: list[str], header: list[int]) -> tuple[str | None, str | None]:
    """(published, modified) from the header: "Updated …" lines give the modified time."""
    published = modified = None
    for i in header:
        line = lines[i]
        if len(line) > 200:
            continue
        found = search_date(line)
        if not found and is_stamp(line) and i + 1 in header:
            found = search_date(lines[i + 1])
        if not found:
            continue
        if line.lower().startswith(("updated", "last updated", "last modified", "modified")):
            modified = modified or found[0]
        else:
            published = published or found[0]
    return published, modified


def _media(lines: list[str], kinds: dict[int, str]) -> list[Media]:
    """Captions in reading order, with their credit split off."""
    media = []
    for i, kind in sorted(kinds.items()):
        if kind == "caption":
            caption, credit = _split_credit(lines[i])
            media.append(Media(position=len(media) + 1, caption=caption, credit=credit))
    return media


def _split_credit(text: str) -> tuple[str | None, str | None]:
    for pattern in (CREDIT_PAREN, CREDIT_LABEL):
        m = pattern.search(text)
        if m:
            return text[: m.start()].strip() or None, m.group(1).strip()
    m = CREDIT_AGENCY.search(text)
    if m:
        return text[: m.start()].strip() or None, m.group(0).lstrip("|/ ").strip()
    return text, None
