"""Run one tool over one dataset's documents: warm-up, per-page timing, per-page time limit.

A crash or a time-out on a page is recorded as that page's error and scored as empty output;
the run always goes on.
"""

from __future__ import annotations

import signal
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .datasets import HTML_SETS, Doc


class PageTimeout(Exception):
    pass


def _on_alarm(signum: int, frame: Any) -> None:
    raise PageTimeout


def read_input(dataset: str, doc: Doc) -> str:
    """The document as text: pages decoded once by byline's decoder, the same str for every tool."""
    data = doc.read_bytes()
    if dataset in HTML_SETS:
        from byline.decode import decode

        return decode(data)
    return data.decode("utf-8")


@dataclass(slots=True)
class RunResult:
    preds: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


def run_tool(
    tool: Callable[[str, str | None], Any],
    dataset: str,
    docs: list[Doc],
    *,
    timeout: float = 20.0,
    warmup: int = 3,
    inputs: dict[str, str] | None = None,
) -> RunResult:
    """Predictions, per-page seconds and per-page errors of `tool` on `docs`.

    The first `warmup` documents are run once untimed first, so imports and caches are warm.
    """
    inputs = inputs if inputs is not None else {d.id: read_input(dataset, d) for d in docs}
    result = RunResult()
    with page_alarm():
        for d in docs[:warmup]:
            guarded(tool, inputs[d.id], d.url, timeout)
        for d in docs:
            start = time.perf_counter()
            pred, error = guarded(tool, inputs[d.id], d.url, timeout)
            result.seconds[d.id] = time.perf_counter() - start
            result.preds[d.id] = pred
            if error:
                result.errors[d.id] = error
    return result


@contextmanager
def page_alarm() -> Iterator[None]:
    """Route SIGALRM to PageTimeout while `guarded` calls run."""
    old = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        yield
    finally:
        signal.signal(signal.SIGALRM, old)


def guarded(tool: Callable[[str, str | None], Any], text: str, url: str | None, timeout: float) -> tuple[Any, str | None]:
    """`tool(text, url)` and None, or None and the error (exception or time-out) it ended in."""
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            return tool(text, url), None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except PageTimeout:
        return None, f"timeout after {timeout:g}s"
    except Exception as exc:  # any peer failure on a page is that page's empty output
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" at {last[0].filename.rsplit('/', 1)[-1]}:{last[0].lineno}" if last else ""
        return None, f"{type(exc).__name__}: {exc}"[:300] + where
