"""HTML text → lxml tree, tolerant of malformed markup and bounded on pathological pages.

A page over `BULK_ABOVE` characters (no real news page in the datasets is; their biggest are
3 MB, 90% of it scripts) first loses its scripts, styles, SVG and comments, JSON-LD under
`MAX_JSONLD` excepted, and is then cut at `MAX_MARKUP` characters: the tree of a 50 MB page of
dense markup would take 700 MB and tens of seconds to walk, for text that is not the article.

libxml2 stops parsing at 2048 levels of nesting and silently drops the rest of the page. When it
reports that, the page is parsed again with the tags below `MAX_DEPTH` levels removed except
paragraph-like ones (their text always stays), and if even those nest too deeply, with all of
them removed: the article text survives and no later tree walk meets an absurdly deep tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from lxml import html as lxml_html
from lxml.etree import ParserError

from ..decode import InputError

MAX_DEPTH = 256
BULK_ABOVE = 4 * 1024 * 1024
MAX_MARKUP = 10 * 1024 * 1024
MAX_JSONLD = 1024 * 1024

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Possessive quantifiers: linear even on a 10 MB line of "<a<a<a…" with no ">".
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/<>]*+)[^<>]*+>")
_BULK_OPEN = re.compile(r"<(?:(script|style|svg)\b[^<>]*+>|!--)", re.IGNORECASE)
_BULK_CLOSE = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "svg")
}
_COMMENT_CLOSE = re.compile("-->")
_PARAGRAPHS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre figcaption dt dd td th".split())
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())

# huge_tree: text nodes over 10 MB parse instead of vanishing.
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
_WARNINGS: ContextVar[list[str] | None] = ContextVar("byline_parse_warnings", default=None)


@contextmanager
def collect_warnings() -> Iterator[list[str]]:
    """The repairs of every `parse_html` call inside the block.

    `byline.extract` wraps extraction in it, so the repairs reach the record however the
    extractor calls the parser; a context variable keeps concurrent extractions apart.
    """
    found: list[str] = []
    token = _WARNINGS.set(found)
    try:
        yield found
    finally:
        _WARNINGS.reset(token)


def parse_html(text: str) -> lxml_html.HtmlElement:
    """Parse a page (see the module docstring for what is repaired on the way).

    What had to be repaired goes to the enclosing `collect_warnings()`, if any.
    lxml refuses str input that carries an encoding declaration, so that is dropped first.
    """
    warnings = _WARNINGS.get()
    if warnings is None:
        warnings = []
    text = shrink_page(_XML_DECL.sub("", text, count=1), warnings)
    root = _parse(text)
    if _too_deep():
        root = _parse(limit_depth(text, MAX_DEPTH, keep=_PARAGRAPHS))
        if _too_deep():
            root = _parse(limit_depth(text, MAX_DEPTH))
        warnings.append(f"page nested too deeply; tags below level {MAX_DEPTH} were dropped")
    return root


def shrink_page(text: str, warnings: list[str]) -> str:
    """Bound the markup of an enormous page (see the module docstring); small pages pass as is."""
    if len(text) <= BULK_ABOVE:
        return text
    size = len(text)
    text = strip_bulk(text)
    if len(text) > MAX_MARKUP:
        cut = text.rfind("<", 0, MAX_MARKUP)
        text = text[: cut if cut > 0 else MAX_MARKUP]
        warnings.append(
            f"page has {size >> 20} MiB of markup; only the first {MAX_MARKUP >> 20} MiB "
            "without scripts and styles were read"
        )
    return text


def strip_bulk(text: str, max_jsonld: int = MAX_JSONLD) -> str:
    """Remove scripts, styles, SVG and comments (keeping JSON-LD up to `max_jsonld`); linear."""
    parts: list[str] = []
    last = pos = 0
    while opening := _BULK_OPEN.search(text, pos):
        name = opening.group(1)
        close = (_BULK_CLOSE[name.lower()] if name else _COMMENT_CLOSE).search(text, opening.end())
        end = close.end() if close else len(text)
        jsonld = name and "ld+json" in opening.group(0).lower() and end - opening.start() <= max_jsonld
        if not jsonld:
            parts.append(text[last : opening.start()])
            last = end
        pos = end
    parts.append(text[last:])
    return "".join(parts)


def simplify_page(text: str) -> str:
    """The page without scripts (JSON-LD too), styles and comments, and at most `MAX_DEPTH` deep:
    a last resort for a page that made an extractor recurse too deeply."""
    return limit_depth(strip_bulk(text, max_jsonld=0), MAX_DEPTH, keep=_PARAGRAPHS)


def _parse(text: str) -> lxml_html.HtmlElement:
    try:
        root = lxml_html.document_fromstring(text, parser=_PARSER)
    except (ParserError, ValueError) as exc:
        raise InputError(f"unparseable HTML: {exc}") from None
    if root is None:
        raise InputError("unparseable HTML: no document element")
    return root


def _too_deep() -> bool:
    return any("Excessive depth" in entry.message for entry in _PARSER.error_log)


def limit_depth(text: str, limit: int, keep: frozenset[str] = frozenset()) -> str:
    """Remove the tags that open below `limit` levels of nesting (and their closing tags),
    except those named in `keep`.

    A plain count of start and end tags: unclosed `<p>`/`<li>` make it over-count, which only
    removes more tags on a page that was already pathological; no text is removed.
    """
    parts: list[str] = []
    depth = last = 0
    for tag in _TAG.finditer(text):
        closing, name = tag.group(1), tag.group(2).lower()
        if name in _VOID or tag.group(0).endswith("/>"):
            continue
        if closing:
            drop = depth > limit and name not in keep
            depth = max(depth - 1, 0)
        else:
            depth += 1
            drop = depth > limit and name not in keep
        if drop:
            parts.append(text[last : tag.start()])
            parts.append(" ")
            last = tag.end()
    parts.append(text[last:])
    return "".join(parts)
