"""What a worker does with one job: open it, run the command's work, and never raise.

A document that fails becomes a record with an `error` field, so a batch, a crawl or a server
goes on whatever one page does.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..decode import InputError
from ..record import Article
from ..sources import Job, open_job
from .guard import DocumentTimeout, one_line, time_limit

DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Task:
    """What to do with every job of a run (sent once to each worker)."""

    command: str  # extract | quotes
    attributions: bool = False
    dump: bool = False
    timeout: float = DEFAULT_TIMEOUT


def error_record(job_id: str, url: str | None, task: Task, message: str) -> dict:
    """A failed document's record: the full schema (empty fields) plus `error`."""
    if task.command == "quotes":
        return {"id": job_id, "attributions": [], "error": one_line(message)}
    article = Article(id=job_id, url=url, error=one_line(message))
    if task.attributions:
        article.attributions = []
    return article.to_dict()


def run_job(job: Job, task: Task) -> dict:
    """Process one document into its JSON record; never raises for a bad document."""
    try:
        with time_limit(task.timeout):
            capture = open_job(job)
            if task.command == "quotes":
                return _quotes_record(job, capture.data, task.dump)
            from ..pipeline import process

            return process(capture, attributions=task.attributions).to_dict()
    except DocumentTimeout:
        message = f"timed out after {task.timeout:g} s"
    except InputError as exc:
        message = str(exc)
    except RecursionError:
        message = "document nested too deeply (recursion limit)"
    except MemoryError:
        message = "out of memory"
    except Exception as exc:  # a bug must not kill the batch: report it on this document
        message = f"internal error: {type(exc).__name__}: {exc}"
    return error_record(job.id, job.url, task, message)


def _quotes_record(job: Job, data: bytes, dump: bool) -> dict:
    """`byline quotes`: clean text is one paragraph per line; HTML and dumps are extracted first."""
    from ..attribution import attribute
    from ..decode import decode, is_html
    from ..extract import extract

    text = decode(data)
    if dump or is_html(text):
        source = extract(text, url=job.url, id=job.id)
    else:
        source = text.splitlines()
    return {"id": job.id, "attributions": [asdict(a) for a in attribute(source)]}
