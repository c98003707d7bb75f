"""The full benchmark: byline and its peers on every dataset, scored, timed, written out.

    python -m bench.run [--quick] [--tools byline,trafilatura] [--datasets scrapinghub,...]

Each tool runs on each dataset in its own worker process (bench/worker.py), one at a time, so
that timings are single-process and undisturbed and peak RSS is per tool. Results go to
bench/results/latest.{md,json} and latest.png (quick.* for --quick).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import datasets, report, scoring, tools

RESULTS = datasets.REPO / "bench" / "results"
CACHE = datasets.REPO / "bench" / ".cache"
# tool name → (import name, distribution name)
PACKAGES = {
    "byline": ("byline", "byline"),
    "trafilatura": ("trafilatura", "trafilatura"),
    "readability-lxml": ("readability", "readability-lxml"),
    "newspaper4k": ("newspaper", "newspaper4k"),
    "goose3": ("goose3", "goose3"),
    "justext": ("justext", "jusText"),
    "resiliparse": ("resiliparse", "Resiliparse"),
    "boilerpy3": ("boilerpy3", "boilerpy3"),
}
# documents per dataset in --quick mode (an evenly spaced sample)
QUICK = {"scrapinghub": 25, "fundus-eval": 16, "naeb-dev": 30, "readability": 20, "textdumps": 40, "quotes": 0}
MAX_RESTARTS = 25


@dataclass(slots=True)
class ToolRun:
    """What one worker (possibly restarted after crashes) produced for one tool on one dataset."""

    preds: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    maxrss_kb: int = 0


def run_worker(tool: str, dataset: str, limit: int, timeout: float, repeat: int, log: Path) -> ToolRun:
    """Run bench.worker until every document has a result or crashed it; kill it when silent
    for longer than a page may take (a hang inside C code that ignores SIGALRM)."""
    out = CACHE / f"{tool}--{dataset}.jsonl"
    out.unlink(missing_ok=True)
    run = ToolRun()
    cmd = [sys.executable, "-m", "bench.worker", tool, dataset, str(out), "--limit", str(limit), "--timeout", str(timeout), "--repeat", str(repeat)]
    for _ in range(MAX_RESTARTS):
        with log.open("a") as err:
            proc = subprocess.Popen(cmd, cwd=datasets.REPO, stdout=err, stderr=err)
            _watch(proc, out, silence=timeout * repeat + 30)
        rows = _read_rows(out)
        if rows and "maxrss_kb" in rows[-1]:
            break
    started: list[str] = []
    for row in rows:
        if "maxrss_kb" in row:
            run.maxrss_kb = max(run.maxrss_kb, row["maxrss_kb"])
        elif row.get("started"):
            started.append(row["id"])
        elif "id" in row:
            run.preds[row["id"]] = row["pred"]
            run.seconds[row["id"]] = row["seconds"]
            if row.get("error"):
                run.errors[row["id"]] = row["error"]
    for doc_id in started:
        if doc_id not in run.seconds:
            run.preds[doc_id] = None
            run.errors[doc_id] = "crashed or hung the process"
            run.seconds[doc_id] = timeout
    return run


def _watch(proc: subprocess.Popen, out: Path, silence: float) -> None:
    last_size, last_change = -1, time.monotonic()
    while proc.poll() is None:
        time.sleep(0.2)
        size = out.stat().st_size if out.exists() else 0
        if size != last_size:
            last_size, last_change = size, time.monotonic()
        elif time.monotonic() - last_change > silence:
            proc.kill()
            proc.wait()


def _read_rows(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:  # a line cut short by a crash
            continue
    return rows


def versions() -> dict[str, str]:
    out = {}
    for tool, (_, dist) in PACKAGES.items():
        try:
            out[tool] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=datasets.REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=datasets.REPO, capture_output=True, text=True).stdout.strip()
        if commit:
            out["byline"] = f"{out.get('byline', '?')} ({commit}{'+changes' if dirty else ''})"
    except OSError:
        pass
    return out


def reproduce_published() -> dict[str, Any]:
    """The scorers on the stored peer outputs, beside the numbers their authors published."""
    root = datasets.data_dir()
    out: dict[str, Any] = {"scrapinghub": {}, "fundus-eval": {}}
    truth = json.loads((root / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted((root / "scrapinghub" / "peer-outputs").glob("*.json")):
        pred = json.loads(path.read_text(encoding="utf-8"))
        pred = pred.get("output", pred)
        pages = [scoring.shingle_page(v.get("articleBody", ""), (pred.get(k) or {}).get("articleBody", "")) for k, v in truth.items()]
        out["scrapinghub"][path.stem] = scoring.shingle_summary(pages)["f1"]
    truth = json.loads((root / "fundus-eval" / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted((root / "fundus-eval" / "peer-extractions").glob("*.json")):
        pred = json.loads(path.read_text(encoding="utf-8"))
        scores = [scoring.rouge_lsum(truth[k]["body"], (pred.get(k) or {}).get("body") or []) for k in sorted(truth)]
        out["fundus-eval"][path.stem] = scoring.rouge_summary(scores)["f1"]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small evenly spaced sample of each dataset")
    parser.add_argument("--tools", default="", help="comma-separated subset of tools")
    parser.add_argument("--datasets", default="", help="comma-separated subset of datasets")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per page per tool (default 20)")
    parser.add_argument("--repeat", type=int, default=0, help="time each page N times, keep the fastest (default 3, quick 2)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results folder (default bench/results)")
    args = parser.parse_args(argv)

    wanted_tools = set(filter(None, args.tools.split(",")))
    wanted_sets = [d for d in datasets.NAMES if not args.datasets or d in args.datasets.split(",")]
    missing = [t for t, (module, _) in PACKAGES.items() if importlib.util.find_spec(module) is None]
    for tool in missing:
        print(f"note: {tool} is not installed here; it is left out", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    log = CACHE / "workers.log"
    log.unlink(missing_ok=True)

    repeat = args.repeat or (2 if args.quick else 3)
    started = time.perf_counter()
    results: dict[str, Any] = {"datasets": {}, "runs": {}, "missing": missing}
    for dataset in wanted_sets:
        try:
            docs = datasets.load(dataset)
        except FileNotFoundError as exc:
            print(f"skip {dataset}: {exc}", file=sys.stderr)
            continue
        limit = QUICK[dataset] if args.quick else 0
        docs = datasets.sample(docs, limit)
        for tool in tools.tools_for(dataset):
            if (wanted_tools and tool not in wanted_tools) or tool in missing:
                continue
            t0 = time.perf_counter()
            run = run_worker(tool, dataset, limit, args.timeout, repeat, log)
            summary, rows = datasets.score(dataset, docs, run.preds)
            results["datasets"].setdefault(dataset, {})[tool] = summary
            results["runs"].setdefault(tool, {})[dataset] = {
                "documents": len(docs),
                "seconds": sum(run.seconds.values()),
                "errors": len(run.errors),
                "error_examples": dict(list(run.errors.items())[:3]),
                "maxrss_mb": run.maxrss_kb / 1024,
                "worst": [r["id"] for r in sorted(rows, key=lambda r: r["score"])[:5]],
            }
            print(f"{dataset:12} {tool:17} {len(docs):4} docs  {time.perf_counter() - t0:6.1f}s  {len(run.errors)} errors", flush=True)
    results["speed"] = report.speed_table(results["runs"])
    if not args.quick and not args.datasets:
        results["reproduction"] = reproduce_published()
    results["meta"] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "quick": args.quick,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "versions": versions(),
        "timeout_s": args.timeout,
        "repeat": repeat,
        "wall_s": round(time.perf_counter() - started, 1),
        "command": "make bench-quick" if args.quick else "make bench",
    }
    stem = "quick" if args.quick else "latest"
    (args.out / f"{stem}.json").write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    tables = report.markdown(results)
    (args.out / f"{stem}.md").write_text(tables, encoding="utf-8")
    report.chart(results, args.out / f"{stem}.png")
    if not args.quick and not args.datasets and not args.tools and args.out == RESULTS:
        report.update_readme(tables, datasets.REPO / "README.md")
    print(f"wrote {args.out / stem}.{{md,json,png}} in {results['meta']['wall_s']}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
