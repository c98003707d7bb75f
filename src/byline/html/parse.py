"""HTML text → lxml tree, tolerant of malformed markup."""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ParserError

from ..decode import InputError

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)


def parse_html(text: str) -> lxml_html.HtmlElement:
    """Parse a page; lxml refuses str input that carries an encoding declaration, so drop it."""
    text = _XML_DECL.sub("", text, count=1)
    try:
        root = lxml_html.document_fromstring(text, parser=_PARSER)
    except (ParserError, ValueError) as exc:
        raise InputError(f"unparseable HTML: {exc}") from None
    if root is None:
        raise InputError("unparseable HTML: no document element")
    return root
