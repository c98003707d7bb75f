"""HTML page → Article: parse, metadata (strongest evidence first), main content, dateline."""

from __future__ import annotations

from ..record import Article
from .content import extract_content
from .metadata import read_metadata
from .parse import parse_html


def extract_html(html: str, url: str | None = None) -> Article:
    tree = parse_html(html)
    article = Article(url=url)
    read_metadata(tree, article)
    content = extract_content(tree, article)
    article.body, article.media, article.related = content.body, content.media, content.related
    return article
