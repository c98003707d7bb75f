"""Text dump → Article (placeholder: every non-empty line is a paragraph)."""

from __future__ import annotations

from ..record import Article


def extract_text(text: str, url: str | None = None) -> Article:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return Article(url=url, body=[line for line in lines if line])
