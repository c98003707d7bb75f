"""Where documents come from: each source turns what the user named into Captures.

A `Job` names one document cheaply (a path, a URL, bytes from stdin) so the parent process can
hand it to a worker, which opens it into a Capture; reading happens in the worker, in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..capture import Capture
from .files import read_file
from .http import fetch


@dataclass(frozen=True, slots=True)
class Job:
    """One document to process: a path, bytes read from stdin, or else the URL in `id` to fetch.

    `url` is the page URL the record gets (`--url`, or the fetched URL itself).
    """

    id: str
    path: str | None = None
    url: str | None = None
    data: bytes | None = None


def open_job(job: Job) -> Capture:
    """Read or fetch the job's document; raises InputError when it cannot be had."""
    if job.data is not None:
        return Capture(job.data, url=job.url, id=job.id, source="stdin")
    if job.path is not None:
        return Capture(read_file(job.path), url=job.url, id=job.id, source=job.path)
    fetched = fetch(job.id)
    return Capture(fetched.data, url=job.url, id=job.id, fetched_at=fetched.fetched_at,
                   headers=fetched.headers, source=fetched.source)
