"""Attribution: who said what (placeholder)."""

from __future__ import annotations

from ..record import Article, Attribution


def attribute(article_or_paragraphs: Article | list[str]) -> list[Attribution]:
    return []
