"""HTML text → lxml tree, tolerant of malformed markup and bounded on pathological pages.

libxml2 stops parsing at 2048 levels of nesting and silently drops the rest of the page. When it
reports that, the page is parsed again with the tags below `MAX_DEPTH` levels removed (their text
stays), so the article text survives and no later tree walk meets an absurdly deep tree.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ParserError

from ..decode import InputError

MAX_DEPTH = 256

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Possessive quantifiers: linear even on a 10 MB line of "<a<a<a…" with no ">".
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/<>]*+)[^<>]*+>")
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())


# huge_tree: text nodes over 10 MB parse instead of vanishing.
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)


def parse_html(text: str, warnings: list[str] | None = None) -> lxml_html.HtmlElement:
    """Parse a page; what had to be repaired is appended to `warnings` when given.

    lxml refuses str input that carries an encoding declaration, so that is dropped first.
    """
    text = _XML_DECL.sub("", text, count=1)
    root = _parse(text)
    if _too_deep(_PARSER):
        root = _parse(limit_depth(text, MAX_DEPTH))
        if warnings is not None:
            warnings.append(f"page nested too deeply; tags below level {MAX_DEPTH} were dropped")
    return root


def _parse(text: str) -> lxml_html.HtmlElement:
    try:
        root = lxml_html.document_fromstring(text, parser=_PARSER)
    except (ParserError, ValueError) as exc:
        raise InputError(f"unparseable HTML: {exc}") from None
    if root is None:
        raise InputError("unparseable HTML: no document element")
    return root


def _too_deep(parser: lxml_html.HTMLParser) -> bool:
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def limit_depth(text: str, limit: int) -> str:
    """Remove the tags that open below `limit` levels of nesting (and their closing tags).

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
            drop = depth > limit
            depth = max(depth - 1, 0)
        else:
            depth += 1
            drop = depth > limit
        if drop:
            parts.append(text[last : tag.start()])
            parts.append(" ")
            last = tag.end()
    parts.append(text[last:])
    return "".join(parts)
