"""HTML page → Article: parse, metadata (strongest evidence first), main content, dateline."""

from __future__ import annotations

from ..dateline import parse_dateline
from ..record import Article
from .content import extract_content
from .metadata import read_metadata
from .parse import parse_html

# A dateline opens the story: only the first paragraphs are looked at.
_DATELINE_PARAGRAPHS = 2


def extract_html(html: str, url: str | None = None) -> Article:
    tree = parse_html(html)
    article = Article(url=url)
    read_metadata(tree, article)
    content = extract_content(tree, article)
    article.body, article.media, article.related = content.body, content.media, content.related
    if article.dateline is None:
        for paragraph in article.body[:_DATELINE_PARAGRAPHS]:
            article.dateline = parse_dateline(paragraph)
            if article.dateline is not None:
                break
    return article
