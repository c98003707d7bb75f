"""One tool on one dataset in its own process, so that its peak RSS is its own and a hard crash
(a segfault in a C extension) loses one page, not the run.

    python -m bench.worker TOOL DATASET OUT.jsonl [--limit N] [--timeout S]

Appends to OUT as it goes: {"id", "started"} before each page, {"id", "pred", "seconds", "error"}
after it, and a last line {"maxrss_kb": ...}. With --repeat N each page is timed N times in a row
and the fastest is kept, which filters out noise from other processes on a small machine. Started again after a crash, it skips every id
already in OUT, so the page that killed it (started, never finished) is not retried.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time

from . import datasets, tools
from .runner import guarded, page_alarm, read_input


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.worker")
    parser.add_argument("tool")
    parser.add_argument("dataset", choices=datasets.NAMES)
    parser.add_argument("out")
    parser.add_argument("--limit", type=int, default=0, help="an evenly spaced sample of N documents")
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1, help="time each page N times, keep the fastest")
    args = parser.parse_args(argv)

    tool = tools.tools_for(args.dataset)[args.tool]
    docs = datasets.sample(datasets.load(args.dataset), args.limit)
    try:
        with open(args.out, encoding="utf-8") as f:
            earlier = [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        earlier = []
    done = {row.get("id") for row in earlier}
    inputs = {d.id: read_input(args.dataset, d) for d in docs}
    with page_alarm(), open(args.out, "a", encoding="utf-8") as out:
        # Warm up on a fresh start only: after a crash, the crashing page must not run untracked.
        for d in docs[: args.warmup] if not earlier else []:
            out.write(json.dumps({"warmup": d.id}) + "\n")
            out.flush()
            guarded(tool, inputs[d.id], d.url, args.timeout)
        for d in docs:
            if d.id in done:
                continue
            # Mark the page first: if it kills the process, the parent knows which one did.
            out.write(json.dumps({"id": d.id, "started": True}) + "\n")
            out.flush()
            seconds = float("inf")
            for attempt in range(args.repeat):
                start = time.perf_counter()
                result = guarded(tool, inputs[d.id], d.url, args.timeout)
                seconds = min(seconds, time.perf_counter() - start)
                if attempt == 0:
                    pred, error = result
                if error:
                    break
            out.write(json.dumps({"id": d.id, "pred": pred, "seconds": seconds, "error": error}, ensure_ascii=False, default=str) + "\n")
            out.flush()
        out.write(json.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
