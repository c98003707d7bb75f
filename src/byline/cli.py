"""Command line: `byline extract` and `byline quotes` (DESIGN.md's contract).

Thin on purpose: it expands inputs into jobs, runs them in supervised worker processes, and writes
records in input order. A document that fails becomes a record with an `error` field and a line on
stderr; the batch goes on. Exit status: 0 all processed, 1 some failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from multiprocessing import connection, get_all_start_methods, get_context

import orjson

from .decode import InputError
from .record import Article

SUFFIXES = (".gz", ".html", ".htm", ".txt")
DEFAULT_TIMEOUT = 10.0
MAX_INPUT_BYTES = 512 * 1024 * 1024
MAX_MESSAGE = 300


@dataclass(frozen=True, slots=True)
class Job:
    """One document to process: a path, a URL, or bytes read from stdin."""

    id: str
    path: str | None = None
    url: str | None = None
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """What to do with every job of a run (sent once to each worker)."""

    command: str  # extract | quotes
    attributions: bool = False
    dump: bool = False
    timeout: float = DEFAULT_TIMEOUT


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


def walk_files(root: str) -> Iterator[str]:
    """Every non-hidden file below `root`, in sorted order, without following directory links."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


def expand_inputs(inputs: list[str], url: str | None) -> Iterator[Job]:
    """Files, directories (every file below, sorted), `-` for stdin, http(s) URLs."""
    for item in inputs:
        if item == "-":
            yield Job(id=url or "stdin", url=url, data=sys.stdin.buffer.read())
        elif item.startswith(("http://", "https://")):
            yield Job(id=item, url=url or item)
        elif os.path.isdir(item):
            for path in walk_files(item):
                yield Job(id=doc_id(path), path=path, url=url)
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
            if size > MAX_INPUT_BYTES:
                raise InputError(f"file too large ({size >> 20} MiB)")
            with open(job.path, "rb") as fh:
                return fh.read()
        except OSError as exc:
            raise InputError(f"cannot read {job.path}: {exc.strerror or exc}") from None
    try:
        return fetch(job.id)
    except DocumentTimeout:
        raise
    except Exception as exc:  # network errors of every kind are this document's failure
        raise InputError(f"cannot fetch {job.id}: {exc}") from None


def one_line(message: str) -> str:
    """Error and warning texts go on one stderr line each, whatever the exception said."""
    message = " ".join(str(message).split())
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


def error_record(job_id: str, url: str | None, task: Task, message: str) -> dict:
    """A failed document's record: the full schema (empty fields) plus `error`."""
    if task.command == "quotes":
        return {"id": job_id, "attributions": [], "error": one_line(message)}
    article = Article(id=job_id, url=url, error=one_line(message))
    if task.attributions:
        article.attributions = []
    return article.to_dict()


def _on_alarm(signum, frame):
    raise DocumentTimeout


def run_job(job: Job, task: Task) -> dict:
    """Process one document into its JSON record; never raises for a bad document.

    SIGALRM stops Python-level work at the time limit; the supervising pool kills the process
    when a C call (a parser, a regex) overruns it anyway.
    """
    use_alarm = task.timeout > 0 and hasattr(signal, "setitimer")
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, task.timeout)
    try:
        try:
            data = read_job(job)
            if task.command == "quotes":
                return _quotes_record(job, data, task.dump)
            from .extract import extract

            return extract(data, url=job.url, id=job.id, attributions=task.attributions).to_dict()
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
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
    from .attribution import attribute
    from .decode import decode, is_html
    from .extract import extract

    text = decode(data)
    if dump or is_html(text):
        source = extract(text, url=job.url, id=job.id)
    else:
        source = text.splitlines()
    return {"id": job.id, "attributions": [asdict(a) for a in attribute(source)]}


GRACE = 1.0  # seconds past the time limit before a stuck worker is killed (SIGALRM goes first)
RECYCLE_TASKS = 1000  # a worker retires after this many documents ...
RECYCLE_RSS = 768 * 1024 * 1024  # ... or when a document left it this big, so memory stays flat
WINDOW_PER_WORKER = 16  # how far ahead of the oldest unfinished document jobs are handed out


def _rss() -> int:
    """Resident memory of this process in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _serve(conn: connection.Connection, task: Task) -> None:
    """Worker process: run jobs until the pipe closes; retire when worn (memory, task count)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    done = 0
    while True:
        try:
            index, job = conn.recv()
        except (EOFError, OSError, TypeError):
            return
        record = run_job(job, task)
        done += 1
        retire = done >= RECYCLE_TASKS or _rss() > RECYCLE_RSS
        conn.send((index, record, retire))
        if retire:
            return


class _Worker:
    """One worker process and its pipe, with the job it is on and that job's deadline."""

    def __init__(self, ctx, task: Task) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, task), daemon=True)
        self.process.start()
        child.close()
        self.index, self.job, self.deadline = -1, None, float("inf")

    def give(self, index: int, job: Job, timeout: float) -> bool:
        self.index, self.job = index, job
        self.deadline = time.monotonic() + timeout + GRACE if timeout > 0 else float("inf")
        try:
            self.conn.send((index, job))
            return True
        except OSError:
            return False

    def death(self) -> str:
        """Why the process is gone, for the record of the document it was on."""
        self.process.join(timeout=1.0)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"worker process killed by {signal.Signals(-code).name}"
            except ValueError:
                pass
        return f"worker process exited unexpectedly (status {code})"

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def run_supervised(jobs: Iterable[Job], task: Task, workers: int) -> Iterator[dict]:
    """Records in input order from `workers` processes; a worker past its deadline is killed.

    The killed (or crashed) worker's document gets an error record and a fresh worker takes its
    place, so one pathological page costs at most its time limit and never the batch.
    """
    methods = get_all_start_methods()
    ctx = get_context("fork" if "fork" in methods else methods[0])
    pending = enumerate(jobs)
    more = True
    idle: list[_Worker] = []
    busy: dict[connection.Connection, _Worker] = {}
    done: dict[int, dict] = {}
    next_out = next_in = 0
    window = workers * WINDOW_PER_WORKER
    try:
        while True:
            while more and next_in < next_out + window and (idle or len(busy) < workers):
                item = next(pending, None)
                if item is None:
                    more = False
                    break
                worker = idle.pop() if idle else _Worker(ctx, task)
                while not worker.give(*item, task.timeout):  # died while idle: replace it
                    worker.stop()
                    worker = _Worker(ctx, task)
                busy[worker.conn] = worker
                next_in += 1
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if not busy:
                if more:
                    continue
                return
            wait_s = min(w.deadline for w in busy.values()) - time.monotonic()
            ready = connection.wait(list(busy), timeout=None if wait_s == float("inf") else max(wait_s, 0))
            for conn in ready:
                worker = busy.pop(conn)
                try:
                    index, record, retire = conn.recv()
                except (EOFError, OSError):
                    done[worker.index] = error_record(worker.job.id, worker.job.url, task, worker.death())
                    worker.stop()
                    continue
                done[index] = record
                if retire:
                    worker.stop()
                else:
                    idle.append(worker)
            now = time.monotonic()
            for conn, worker in list(busy.items()):
                if worker.deadline <= now:
                    del busy[conn]
                    worker.stop()
                    message = f"timed out after {task.timeout:g} s (worker killed)"
                    done[worker.index] = error_record(worker.job.id, worker.job.url, task, message)
    finally:
        for worker in idle + list(busy.values()):
            worker.stop()



def _preload() -> None:
    """Import the extractors once in the parent so that every forked worker starts warm."""
    import importlib

    for name in ("byline.extract", "byline.html", "byline.text", "byline.attribution"):
        try:
            importlib.import_module(name)
        except Exception:  # a broken module fails each document in its worker, with its message
            pass


def run_jobs(jobs: Iterable[Job], task: Task, workers: int) -> Iterator[dict]:
    """Records in input order, one per job, nothing lost.

    With a time limit, documents run in supervised worker processes (also for `-j 1`) so that a
    document stuck in C code is killed at its deadline; `--timeout 0 -j 1` runs in this process.
    """
    if workers <= 1 and task.timeout <= 0:
        for job in jobs:
            yield run_job(job, task)
        return

    _preload()

    yield from run_supervised(jobs, task, workers)


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


def report(record: dict) -> bool:
    """One stderr line per error and per warning; True when the document failed."""
    for warning in record.get("warnings") or ():
        print(f"byline: {record['id']}: warning: {one_line(warning)}", file=sys.stderr)
    if "error" in record:
        print(f"byline: {record['id']}: {record['error']}", file=sys.stderr)
        return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("-j must be at least 1")
    if args.timeout < 0:
        parser.error("--timeout must be 0 (none) or more")
    for item in args.inputs:
        if item != "-" and not item.startswith(("http://", "https://")) and not os.path.exists(item):
            parser.error(f"no such file or directory: {item}")
    if args.inputs.count("-") > 1:
        parser.error("stdin ('-') can be read only once")
    jobs = list(expand_inputs(args.inputs, args.url))
    single = len(jobs) == 1
    fmt = getattr(args, "format", "jsonl")
    task = Task(args.command, getattr(args, "attributions", False), getattr(args, "dump", False),
                args.timeout)
    try:
        out = open(args.output, "wb") if args.output else sys.stdout.buffer
    except OSError as exc:
        parser.error(f"cannot write {args.output}: {exc.strerror or exc}")

    records = run_jobs(jobs, task, args.jobs)
    show_progress = args.progress if args.progress is not None else (not single and sys.stderr.isatty())
    if show_progress:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: workers are forked while the bar runs
        records = tqdm(records, total=len(jobs), unit="doc", file=sys.stderr)
    failed = 0
    try:
        for record in records:
            failed += report(record)
            out.write(format_record(record, fmt, single))
        out.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`byline ... | head`): stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    finally:
        if hasattr(records, "close"):
            records.close()  # stops the worker processes
        if out is not sys.stdout.buffer:
            out.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
