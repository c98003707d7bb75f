"""Text dump → Article: the visible text of a page, one block per line, rebuilt into a record.

Steps: repair the lines (mojibake, glued fragments), find the headline, score every line with
the line model, then assemble: gallery and photo captions become media, related-coverage
headlines become `related`, the remaining body lines become paragraphs, and the header
between headline and first paragraph gives the byline and timestamps.
"""

from __future__ import annotations

import re

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
    DATE_MENTION,
    GALLERY_MARK,
    PLAYER,
    RELATED_HEAD,
    dump_lines,
    ends_sentence,
    is_caption_credit,
    looks_like_time,
    words,
)
from .meta import BARE_BY, find_title_index, is_header_marker, is_headline_like, is_stamp, is_time_line, page_title
from .model import body_probabilities, vocab_of

_HANDLE = re.compile(r"@[\w./]+")
# Where the scraper glued the next block onto a name: "Jane DoeStaff Writer" (three lowercase
# letters first, so "McCormick" or "MacDonald" stay whole).
_GLUED_NEXT = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
# A photo credit without a label: "Jane Doe/The Daily Planet", "Jane Doe / Daily Planet".
_CREDIT_SLASH = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)* ?/ ?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*$")
_SEGMENT = re.compile(r"\s*[|·•]\s*")
_DATE_LEAD = re.compile(r"[\s,;|·•–—-]*(?:\b(?:on|at|updated|published)\s*)?$", re.I)
PUBLICATION_STATEMENT = re.compile(r"(?:this (?:story|article) was )?(?:first|originally) published (?:on )?", re.I)
THRESHOLD = 0.5
BYLINE_BEFORE_TITLE = 5
FURNITURE_WORD = -0.5  # vocabulary log-odds under which a word is interface text, not a name
BARE_AFTER_TITLE = 5  # a line that is only a name counts as the byline this close under the headline
HEADER_SPAN = 15  # lines before the first paragraph searched for byline and timestamps
BUTTON_WORDS = 3  # a line this short between the header and the body is a button or a label
MAX_RELATED = 12
LANGUAGE_SAMPLE = 1000  # characters of the body enough for the stop-word profiles


def extract_text(text: str, url: str | None = None, *, model: dict | None = None) -> Article:
    """Rebuild the article record of a text dump (`model`: a line model other than the shipped one)."""
    lines = dump_lines(text)
    article = Article(url=url)
    if not lines:
        return article
    distinct = {line: words(line) for line in dict.fromkeys(lines)}  # menus and buttons repeat
    tokens = [distinct[line] for line in lines]
    title_index = find_title_index(lines, tokens)
    probs = body_probabilities(lines, tokens, title_index, model)
    kinds = _furniture(lines, _article_span(probs, title_index))
    body_idx = [i for i, p in enumerate(probs) if p >= THRESHOLD and i not in kinds and i != title_index]
    body_idx = _continue_truncated(lines, body_idx, kinds)

    article.body = [lines[i] for i in body_idx]
    first = _first_after(body_idx, title_index)
    last = body_idx[-1] if body_idx else len(lines)
    article.truncated = bool(body_idx) and last == len(lines) - 1 and not ends_sentence(lines[last])
    headline = _headline_index(lines, title_index, first, kinds)
    article.title = lines[headline] if headline is not None else page_title(lines[0]) or None
    article.media = _media(lines, kinds)
    article.related = [lines[i] for i, k in sorted(kinds.items()) if k == "related" and first <= i <= last]
    header = _header(len(lines), title_index, body_idx, first, kinds)
    article.authors = _authors(lines, header, title_index) or _bare_byline(lines, header, headline, vocab_of(model))
    if not article.authors and headline is not None:  # the header missed: body guessed too early
        article.authors = _authors(lines, list(range(headline + 1, min(headline + 1 + HEADER_SPAN, len(lines)))), None)
    article.published, article.modified = _dates(lines, header)
    if not (article.published or article.modified):
        article.published, article.modified = _dates(lines, _stamps_near(lines, headline, first))
    article.published = article.published or _stated_publication(lines)
    if article.body:
        article.dateline = parse_dateline(article.body[0])
        article.language = detect_language(article.text[:LANGUAGE_SAMPLE])
    return article


def _article_span(probs: list[float], title_index: int | None) -> range:
    """The lines where furniture can matter: from the header's reach above the headline or the
    first likely paragraph to a related list's reach below the last one (menus and footers
    outside are never read)."""
    likely = [i for i, p in enumerate(probs) if p >= THRESHOLD]
    if not likely:
        return range(len(probs))
    top = likely[0] if title_index is None else min(likely[0], title_index)
    return range(max(top - HEADER_SPAN - BYLINE_BEFORE_TITLE, 0), min(likely[-1] + MAX_RELATED + 2, len(probs)))


def _furniture(lines: list[str], span: range) -> dict[int, str]:
    """Lines of `span` that are never body whatever the model says: captions, player text,
    related lists.

    Returns {index: kind} with kinds "caption", "gallery", "player", "related-head", "related"
    and "stamp" (a line that is only a date or time, kept for the header).
    """
    kinds: dict[int, str] = {}
    n = len(lines)
    i = span.start
    while i < span.stop:
        line = lines[i]
        if GALLERY_MARK.match(line):
            kinds[i] = "gallery"
            if i + 1 < n and not GALLERY_MARK.match(lines[i + 1]):
                kinds[i + 1] = "caption"
                i += 1
        elif PLAYER.match(line):
            kinds[i] = "player"
        elif is_time_line(line):
            kinds[i] = "stamp"
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
    return is_headline_like(line, min_words=4) and not ends_sentence(line) and not GALLERY_MARK.match(line)


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


def _headline_index(lines: list[str], title_index: int | None, first: int, kinds: dict[int, str]) -> int | None:
    """The <h1> when it repeats the <title>; else the headline-like line closest above the
    byline and timestamps (or above the body when there are none), since captions, credits
    and share buttons sit between those and the body. Of two headline-like lines in a row the
    upper one is the headline, the other its standfirst (which can be the shorter)."""
    if title_index is not None:
        return title_index
    start = first
    reach = HEADER_SPAN  # lines of a few words (share buttons, sign-in prompts) don't use it up
    for i in range(first - 1, -1, -1):  # the top of the last run of bylines and timestamps
        if is_header_marker(lines[i]):
            start = i
        elif start - i > 2 and start < first:
            break
        reach -= len(words(lines[i])) > BUTTON_WORDS
        if not reach:
            break
    for i in range(start - 1, max(start - HEADER_SPAN, 0) - 1, -1):
        if _could_be_headline(lines, i, kinds):
            if i and _could_be_headline(lines, i - 1, kinds):
                return i - 1
            return i
    return None


def _could_be_headline(lines: list[str], i: int, kinds: dict[int, str]) -> bool:
    line = lines[i]
    return (
        i not in kinds
        and is_headline_like(line, min_words=4)
        and not is_header_marker(line)
        and not is_caption_credit(line)
        and not _CREDIT_SLASH.search(line)
    )


def _first_after(body_idx: list[int], title_index: int | None) -> int:
    """The first paragraph: the first body line after the headline when there is one."""
    if title_index is not None:
        for i in body_idx:
            if i > title_index:
                return i
    return body_idx[0] if body_idx else 0


def _header(n: int, title_index: int | None, body_idx: list[int], first: int, kinds: dict[int, str]) -> list[int]:
    """Where bylines and timestamps sit: after the headline, among the standfirst and the
    first paragraphs (at most HEADER_SPAN lines past the first paragraph); body lines and
    captions themselves are left out, timestamps kept."""
    start = title_index + 1 if title_index is not None and title_index < first else max(first - HEADER_SPAN, 0)
    body = set(body_idx)
    later = [i for i in body_idx if i >= first][:3]
    end = min(later[-1] if len(later) == 3 else first + HEADER_SPAN, start + 3 * HEADER_SPAN, n)
    return [i for i in range(start, end) if kinds.get(i, "stamp") == "stamp" and i not in body]


def _authors(lines: list[str], header: list[int], title_index: int | None) -> list[str]:
    """Names from the "By …" lines around the headline, also from a "By …" part of a line
    split by "|" or "·" ("May 2, 2024 | By Jane Doe")."""
    names: list[str] = []
    start, stop = (header[0], header[-1] + 1) if header else (len(lines), 0)
    if title_index is not None:  # also the lines just above the headline, even with no header under it
        start, stop = max(min(start, title_index - BYLINE_BEFORE_TITLE), 0), max(stop, title_index)
    for i in range(start, stop):
        line = lines[i]
        if BARE_BY.match(line) and i + 1 < len(lines):
            found = _byline_names(lines[i + 1])
        else:
            found = [name for part in _SEGMENT.split(line) if BYLINE.match(part) for name in _byline_names(part)]
        names += [name for name in found if name not in names]
    return names


def _byline_names(text: str) -> list[str]:
    """Names of one byline, cut before a glued-on next block and before a date ("on May 2")."""
    text = _HANDLE.sub(" ", text)
    for pattern in (_GLUED_NEXT, DATE_MENTION):
        m = pattern.search(text)
        if m:
            text = _DATE_LEAD.sub("", text[: m.start()])
    return parse_byline(text)


def _bare_byline(lines: list[str], header: list[int], headline: int | None, vocab: dict[str, float]) -> list[str]:
    """A line that is only a name (every word capitalised, not all caps) right under the headline
    or next to a timestamp: a byline without "By". Interface labels ("Search Keyword", "Buy
    Tickets") hold a word that the line model's vocabulary knows as furniture; names do not."""
    inside = set(header)
    for i in header:
        line = _HANDLE.sub(" ", lines[i])
        ws = words(line.split(",")[0])  # "Jane Doe, example.com"
        if not 2 <= len(ws) <= 6 or not all(w[0].isupper() for w in ws) or line.isupper() or is_stamp(line):
            continue
        if any(vocab.get(w.lower(), 0.0) < FURNITURE_WORD for w in ws):
            continue
        under_headline = headline is not None and 0 < i - headline <= BARE_AFTER_TITLE
        near_stamp = any(k in inside and looks_like_time(lines[k]) for k in (i - 2, i - 1, i + 1, i + 2))
        if under_headline or near_stamp:
            found = _byline_names(line)
            if found:
                return found
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


def _stated_publication(lines: list[str]) -> str | None:
    """The date of a publication statement anywhere in the dump ("First published on May 2,
    2025", "This story was originally published May 2, 2025", often under the body): pages
    that show only an update time in the header say when they first ran there."""
    for line in lines:
        m = PUBLICATION_STATEMENT.match(line)
        found = search_date(line) if m else None
        if found and found[1] == m.end():
            return found[0]
    return None


def _stamps_near(lines: list[str], headline: int | None, first: int) -> list[int]:
    """Timestamp lines that the header missed, nearest first: above the headline or any repeat
    of it (some pages put the date over the <h1>, some repeat the <h1> in a share box), or
    below the first paragraph (an author bio scored as body can push the date down)."""
    anchors = [first] if headline is None else [i for i, line in enumerate(lines) if line == lines[headline]]
    near: dict[int, int] = {}
    for a in anchors:
        for i in range(max(a - HEADER_SPAN, 0), min(max(a, first) + HEADER_SPAN, len(lines))):
            if is_time_line(lines[i]):
                near[i] = min(near.get(i, len(lines)), abs(i - a))
    return sorted(near, key=near.get)


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
