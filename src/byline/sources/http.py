"""One page fetched over HTTP for `byline extract URL` (the crawler has its own polite client)."""

from __future__ import annotations

from datetime import UTC, datetime

from ..capture import Capture
from ..decode import InputError
from .files import MAX_INPUT_BYTES

USER_AGENT = "byline/0.1 (+https://github.com/byline)"


def fetch(url: str, timeout: float = 20.0) -> Capture:
    """GET a page (identifying user agent, bounded size); its headers travel with the bytes."""
    from urllib.request import Request, urlopen

    from ..runtime.guard import DocumentTimeout

    request = Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urlopen(request, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked by caller
            data = resp.read(MAX_INPUT_BYTES)
            return Capture(data, url=resp.geturl(), fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
                           headers=dict(resp.headers.items()), source=url)
    except DocumentTimeout:
        raise
    except Exception as exc:  # network errors of every kind are this document's failure
        raise InputError(f"cannot fetch {url}: {exc}") from None
