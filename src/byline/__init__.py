"""byline: raw news pages and text dumps → clean, structured, attributed articles."""

from .decode import InputError
from .extract import extract
from .record import Article, Attribution, Dateline, Media


def attribute(article_or_paragraphs):
    """Who said what in an Article or a list of paragraphs → list[Attribution]."""
    from .attribution import attribute as _attribute

    return _attribute(article_or_paragraphs)


__all__ = ["Article", "Attribution", "Dateline", "InputError", "Media", "attribute", "extract"]
__version__ = "0.1.0"
