"""Main-content detection: which blocks of a page are the article body (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Article, Media


@dataclass
class Content:
    body: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


def extract_content(tree, article: Article) -> Content:
    """Placeholder: every <p> with some text."""
    body = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    return Content(body=[p for p in body if len(p) > 40])
