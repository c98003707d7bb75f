"""Command line: `byline extract` and `byline quotes` (DESIGN.md's contract).

Thin on purpose: it expands inputs into jobs, runs them (in worker processes with `-j`), and writes
records in input order. A document that fails becomes a record with an `error` field and a line on
stderr; the batch goes on. Exit status: 0 all processed, 1 some failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from multiprocessing import get_context
from pathlib import Path

import orjson

from .decode import InputError
from .record import Article

SUFFIXES = (".gz", ".html", ".htm", ".txt")
DEFAULT_TIMEOUT = 10.0
MAX_INPUT_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Job:
    """One document to process: a path, a URL, or bytes read from stdin."""

    id: str
    path: str | None = None
    url: str | None = None
    data: bytes | None = None


class DocumentTimeout(Exception):
    pass


def doc_id(name: str) -> str:
    """File name without .html/.htm/.txt/.gz suffixes (`a.html.gz` → `a`)."""
    name = os.path.basename(name)
    changed = True
    while changed:
        changed = False
        for suffix in SUFFIXES:
            if name.lower().endswith(suffix) and len(name) > len(suffix):
                name, changed = name[: -len(suffix)], True
    return name


def expand_inputs(inputs: list[str], url: str | None) -> Iterator[Job]:
    """Files, directories (every file below, sorted), `-` for stdin, http(s) URLs."""
    for item in inputs:
        if item == "-":
            yield Job(id=url or "stdin", url=url, data=sys.stdin.buffer.read())
        elif item.startswith(("http://", "https://")):
            yield Job(id=item, url=url or item)
        elif os.path.isdir(item):
            for path in sorted(Path(item).rglob("*")):
                if path.is_file() and not any(p.startswith(".") for p in path.parts[-1:]):
                    yield Job(id=doc_id(path.name), path=str(path), url=url)
        else:
            yield Job(id=doc_id(item), path=item, url=url)


def fetch(url: str, timeout: float = 20.0) -> bytes:
    """GET a page politely (identifying user agent, bounded size)."""
    from urllib.request import Request, urlopen

    req = Request(url, headers={"User-Agent": "byline/0.1 (+https://github.com/byline)"})
    with urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked by caller
        return resp.read(MAX_INPUT_BYTES)


def read_job(job: Job) -> bytes:
    if job.data is not None:
        return job.data
    if job.path is not None:
        try:
            size = os.path.getsize(job.path)
        except OSError as exc:
            raise InputError(f"cannot read {job.path}: {exc.strerror or exc}") from None
        if size > MAX_INPUT_BYTES:
            raise InputError(f"file too large ({size >> 20} MiB)")
        try:
            with open(job.path, "rb") as fh:
                return fh.read()
        except OSError as exc:
            raise InputError(f"cannot read {job.path}: {exc.strerror or exc}") from None
    try:
        return fetch(job.id)
    except Exception as exc:  # network errors of every kind are this document's failure
        raise InputError(f"cannot fetch {job.id}: {exc}") from None


def _on_alarm(signum, frame):
    raise DocumentTimeout


def run_job(job: Job, task: str, attributions: bool, timeout: float, dump: bool) -> dict:
    """Process one document into its JSON record; never raises for a bad document."""
    if timeout > 0:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        data = read_job(job)
        if task == "quotes":
            return _quotes_record(job, data, dump)
        from .extract import extract

        article = extract(data, url=job.url, id=job.id, attributions=attributions)
        return article.to_dict()
    except DocumentTimeout:
        return {"id": job.id, "error": f"timed out after {timeout:g} s"}
    except InputError as exc:
        return {"id": job.id, "error": str(exc)}
    except RecursionError:
        return {"id": job.id, "error": "document nested too deeply"}
    except MemoryError:
        return {"id": job.id, "error": "out of memory"}
    except Exception as exc:  # a bug must not kill the batch: report it on this document
        return {"id": job.id, "error": f"internal error: {type(exc).__name__}: {exc}"}
    finally:
        if timeout > 0:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _quotes_record(job: Job, data: bytes, dump: bool) -> dict:
    """`byline quotes`: clean text is one paragraph per line; HTML and dumps are extracted first."""
    from .attribution import attribute
    from .decode import decode, is_html
    from .extract import extract

    text = decode(data)
    if dump or is_html(text):
        source = extract(text, url=job.url, id=job.id)
    else:
        source = text.splitlines()
    return {"id": job.id, "attributions": [asdict(a) for a in attribute(source)]}


def _worker(args: tuple) -> dict:
    return run_job(*args)


def run_jobs(jobs: Iterable[Job], task: str, attributions: bool, timeout: float, workers: int,
             dump: bool = False) -> Iterator[dict]:
    """Records in input order, from one process or `workers` processes."""
    tasks = ((job, task, attributions, timeout, dump) for job in jobs)
    if workers <= 1:
        yield from map(_worker, tasks)
        return
    with get_context("fork").Pool(workers, maxtasksperchild=500) as pool:
        yield from pool.imap(_worker, tasks, chunksize=4)


def format_record(record: dict, fmt: str, single: bool) -> bytes:
    if fmt == "text":
        return (record.get("text") or "").encode() + b"\n"
    if fmt == "markdown":
        if "error" in record:
            return f"<!-- {record['id']}: {record['error']} -->\n\n".encode()
        article = Article.from_dict(record)
        head = f"# {article.title}\n\n" if article.title else ""
        return (head + "\n\n".join(article.body) + "\n\n").encode()
    if fmt == "json" and single:
        return orjson.dumps(record, option=orjson.OPT_INDENT_2) + b"\n"
    return orjson.dumps(record) + b"\n"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="byline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="file (HTML or text dump, gzip allowed), directory, '-' or URL")
        p.add_argument("-o", "--output", help="write records to this file instead of stdout")
        p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
        p.add_argument("--url", help="the page URL (for a single input or stdin)")
        p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                       help=f"per-document time limit in seconds (default {DEFAULT_TIMEOUT:g}; 0 = none)")
        p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="progress bar on stderr (default: for batches on a terminal)")

    ext = sub.add_parser("extract", help="extract article records from pages or text dumps")
    common(ext)
    ext.add_argument("--format", choices=["json", "jsonl", "text", "markdown"], default="json")
    ext.add_argument("--attributions", action="store_true", help="add who-said-what attributions")

    quo = sub.add_parser("quotes", help="attributions of clean article text (one paragraph per line)")
    common(quo)
    quo.add_argument("--dump", action="store_true", help="text inputs are scraped dumps: extract first")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("-j must be at least 1")
    for item in args.inputs:
        if item != "-" and not item.startswith(("http://", "https://")) and not os.path.exists(item):
            parser.error(f"no such file or directory: {item}")
    jobs = list(expand_inputs(args.inputs, args.url))
    single = len(jobs) == 1
    fmt = getattr(args, "format", "jsonl")
    show_progress = args.progress if args.progress is not None else (not single and sys.stderr.isatty())

    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    failed = 0
    records = run_jobs(jobs, args.command, getattr(args, "attributions", False), args.timeout,
                       args.jobs, getattr(args, "dump", False))
    if show_progress:
        from tqdm import tqdm

        records = tqdm(records, total=len(jobs), unit="doc", file=sys.stderr)
    try:
        for record in records:
            if "error" in record:
                failed += 1
                print(f"byline: {record['id']}: {record['error']}", file=sys.stderr)
            out.write(format_record(record, fmt, single))
    except KeyboardInterrupt:
        return 130
    finally:
        if out is not sys.stdout.buffer:
            out.close()
        else:
            out.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
