"""One path for every capture: decode (with the HTTP charset hint), route, extract, finish.

The CLI, the crawler, the WARC reader and the Spark job all call `process`, so a record means the
same thing whichever source it came from.
"""

from __future__ import annotations

from .capture import Capture
from .extract import extract
from .record import Article


def process(capture: Capture, *, attributions: bool = False) -> Article:
    """The article record of one capture; raises InputError when it is not a document."""
    article = extract(capture.data, url=capture.url, id=capture.id, attributions=attributions,
                      charset=capture.charset)
    article.fetched_at = capture.fetched_at
    article.source = capture.source
    return article
