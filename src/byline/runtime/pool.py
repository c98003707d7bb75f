"""A supervised pool of worker processes that returns records in input order.

Each document has a hard deadline: a worker past it is killed and replaced, so one pathological
page costs at most its time limit and never the batch. Workers retire when worn (memory, task
count) so memory stays flat over long runs.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterable, Iterator
from multiprocessing import connection, get_all_start_methods, get_context

from ..sources import Job
from .task import Task, error_record, run_job

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

    for name in ("byline.pipeline", "byline.html", "byline.text", "byline.attribution"):
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
