"""The one entry point for a document: decode, tell HTML from a text dump, extract, attribute."""

from __future__ import annotations

from .decode import InputError, decode_document, is_html
from .record import Article


def extract(
    data: bytes | str,
    url: str | None = None,
    *,
    id: str | None = None,
    attributions: bool = False,
    charset: str | None = None,
) -> Article:
    """Extract the article record from a page's HTML or a text dump (bytes or str).

    Raises InputError when the input is not a readable document (empty, binary, corrupt gzip).
    What had to be guessed or repaired on the way (a lying charset, say) ends up in `warnings`.
    `charset` is the transport's claim (an HTTP Content-Type), weighed as browsers do.
    """
    warnings: list[str] = []
    if isinstance(data, (bytes, bytearray, memoryview)):
        text, warnings = decode_document(bytes(data), charset)
    else:
        text = data
    if not text or text.isspace():
        raise InputError("empty document")
    if is_html(text):
        from .html import extract_html
        from .html.parse import collect_warnings, simplify_page

        with collect_warnings() as parse_warnings:
            try:
                article = extract_html(text, url)
            except RecursionError:
                # Something absurdly nested (a JSON-LD block, a tree walked recursively): once
                # more without scripts and with the nesting bounded, rather than no record.
                article = extract_html(simplify_page(text), url)
                parse_warnings.append("extraction recursed too deeply; retried without scripts")
        warnings += parse_warnings
    else:
        from .text import extract_text

        article = extract_text(text, url)
    article.warnings[:0] = warnings
    article.id = id if id is not None else article.url
    if attributions:
        from .attribution import attribute

        article.attributions = attribute(article)
    return article
