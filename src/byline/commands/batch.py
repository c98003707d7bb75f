"""What `extract` and `quotes` share: their input options and the run of a batch of documents.

Inputs expand into jobs, jobs run in supervised worker processes, records come out in input
order; a document that fails becomes a record with `error` and a stderr line, the batch goes on.
Exit status: 0 all processed, 1 some failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator

from ..runtime.guard import one_line
from ..runtime.pool import run_jobs
from ..runtime.task import DEFAULT_TIMEOUT, Task
from ..sources import Job
from ..sources.files import doc_id, walk_files


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="file (HTML or text dump, gzip allowed), directory, '-' or URL")
    parser.add_argument("-o", "--output", help="write records to this file instead of stdout")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--url", help="the page URL (for a single input or stdin)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help=f"per-document time limit in seconds (default {DEFAULT_TIMEOUT:g}; 0 = none)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bar on stderr (default: for batches on a terminal)")


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


def check_inputs(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors (exit 2) before any work starts."""
    if args.jobs < 1:
        parser.error("-j must be at least 1")
    if args.timeout < 0:
        parser.error("--timeout must be 0 (none) or more")
    for item in args.inputs:
        if item != "-" and not item.startswith(("http://", "https://")) and not os.path.exists(item):
            parser.error(f"no such file or directory: {item}")
    if args.inputs.count("-") > 1:
        parser.error("stdin ('-') can be read only once")


def report(record: dict) -> bool:
    """One stderr line per error and per warning; True when the document failed."""
    for warning in record.get("warnings") or ():
        print(f"byline: {record['id']}: warning: {one_line(warning)}", file=sys.stderr)
    if "error" in record:
        print(f"byline: {record['id']}: {record['error']}", file=sys.stderr)
        return True
    return False


def run_batch(parser: argparse.ArgumentParser, args: argparse.Namespace, task: Task,
              write: Callable[[dict, bool], bytes]) -> int:
    """Run every input's document through `task`, writing `write(record, single)` in input order."""
    check_inputs(parser, args)
    jobs = list(expand_inputs(args.inputs, args.url))
    single = len(jobs) == 1
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
            out.write(write(record, single))
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
