"""Page metadata: title, authors, dates, language, site, description, tags (placeholder)."""

from __future__ import annotations

from ..record import Article


def read_metadata(tree, article: Article) -> None:
    """Placeholder: the <title> only."""
    title = tree.findtext(".//title")
    article.title = " ".join(title.split()) if title else None
    article.language = tree.get("lang")
