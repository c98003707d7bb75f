"""What every source produces: a document's bytes with what is known about where they came from.

Files, stdin, HTTP fetches, crawls and WARC records all become a Capture, so decoding can use the
HTTP charset and records can say when and where a page was fetched, whatever the source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


@dataclass(frozen=True, slots=True)
class Capture:
    """One document as captured. `headers` are the HTTP response headers, when there were any."""

    data: bytes
    url: str | None = None
    id: str | None = None
    fetched_at: str | None = None  # ISO 8601, UTC
    headers: Mapping[str, str] = field(default_factory=dict)
    source: str | None = None  # a path, a URL, `warc:FILE@OFFSET`, or how a crawl found the page

    @property
    def charset(self) -> str | None:
        """The charset named by the Content-Type header, if any."""
        for name, value in self.headers.items():
            if name.lower() == "content-type":
                match = _CHARSET.search(value)
                return match.group(1) if match else None
        return None
