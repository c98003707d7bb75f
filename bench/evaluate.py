"""Quick check of byline alone on one dataset: scores, speed and the worst documents.

    .venv/bin/python -m bench.evaluate scrapinghub|fundus-eval|naeb-dev|readability|textdumps|quotes
        [--worst 10] [--limit N] [--match SUBSTRING] [--json FILE]

Runs in byline's own venv (no peers needed). For the comparison with other tools: `make bench`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import datasets, tools
from .runner import read_input, run_tool

# Published / measured reference points (shared/datasets/README.md), for context only.
ANCHORS = {
    "scrapinghub": "shingle F1: AutoExtract 0.970, rs_trafilatura 0.970, trafilatura 0.958, newspaper4k 0.949, readability-lxml 0.922",
    "fundus-eval": "ROUGE-LSum F1: Fundus 97.69, trafilatura 93.62, news-please 93.39, jusText 86.96, Boilerpipe 79.90",
    "naeb-dev": "body F1 trafilatura 0.921 · authors exact goose3 0.761, trafilatura 0.736 · date trafilatura 0.831 · title newspaper4k 0.898",
    "textdumps": "shingle F1: keep-all 0.654, C4-style line filter 0.820",
    "quotes": "naive regex F1 0.686 @0.3, 0.598 @0.8, speaker 0.545 · GGT (own data) 83.7 / 76.1, speaker 86.5%, cue 92.1%",
}


def format_summary(summary: dict[str, Any]) -> list[str]:
    """Human-readable lines for one tool's scores on one dataset."""
    lines = []
    if "rouge_lsum" in summary:
        r = summary["rouge_lsum"]
        lines.append(f"ROUGE-LSum  F1 {r['f1']:6.2f}   P {r['precision']:6.2f}   R {r['recall']:6.2f}")
    if "shingle" in summary:
        s = summary["shingle"]
        lines.append(f"shingle     F1 {s['f1']:.3f}   P {s['precision']:.3f}   R {s['recall']:.3f}")
    if "title" in summary:
        lines.append(f"title       accuracy {summary['title']['accuracy']:.3f}  ({summary['title']['pages']} pages)")
    if "authors" in summary:
        a = summary["authors"]
        lines.append(f"authors     F1 {a['f1']:.3f}   P {a['precision']:.3f}   R {a['recall']:.3f}   exact-set {a['exact']:.3f}")
    if "byline" in summary:
        lines.append(f"byline      match {summary['byline']['accuracy']:.3f}  ({summary['byline']['pages']} pages)")
    if "date" in summary:
        lines.append(f"date        day accuracy {summary['date']['accuracy']:.3f}  ({summary['date']['pages']} pages)")
    if "attributions" in summary:
        a = summary["attributions"]
        lines.append(
            f"attributions F1@0.3 {a['f1@0.3']:.3f} (P {a['p@0.3']:.3f} R {a['r@0.3']:.3f})   "
            f"F1@0.8 {a['f1@0.8']:.3f}   speaker {a['speaker']:.3f}   cue {a['cue']:.3f}   "
            f"({a['predicted']} predicted, {a['gold']} gold)"
        )
    return lines


def _row_detail(row: dict[str, Any]) -> str:
    parts = []
    for key in ("precision", "recall", "rouge_p", "rouge_r", "title", "authors_f1", "date", "byline", "predicted", "gold"):
        if key in row and row[key] is not None:
            value = row[key]
            parts.append(f"{key}={value:.2f}" if isinstance(value, float) else f"{key}={value}")
    return " ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("dataset", choices=datasets.NAMES)
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N lowest-scoring documents")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="only the first N documents")
    parser.add_argument("--match", default="", metavar="TEXT", help="only documents whose id contains TEXT")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per document (default 20)")
    parser.add_argument("--json", metavar="FILE", help="write scores, per-document rows and predictions here")
    args = parser.parse_args(argv)

    try:
        docs = datasets.load(args.dataset)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    docs = [d for d in docs if args.match in d.id]
    if args.limit:
        docs = docs[: args.limit]
    if not docs:
        print("no documents selected", file=sys.stderr)
        return 2
    inputs = {d.id: read_input(args.dataset, d) for d in docs}
    names = ["byline", "keep-all", "c4-filter"] if args.dataset == "textdumps" else ["byline"]
    report: dict[str, Any] = {}
    for name in names:
        tool = tools.tools_for(args.dataset)[name]
        result = run_tool(tool, args.dataset, docs, timeout=args.timeout, warmup=min(3, len(docs)) if name == "byline" else 0, inputs=inputs)
        summary, rows = datasets.score(args.dataset, docs, result.preds)
        rate = len(docs) / result.total_seconds if result.total_seconds else float("inf")
        print(f"{name} on {args.dataset}: {len(docs)} documents, {rate:.1f} docs/s, {len(result.errors)} errors")
        for line in format_summary(summary):
            print("  " + line)
        for doc_id, error in list(result.errors.items())[:5]:
            print(f"  error {doc_id}: {error}")
        if args.worst and name == "byline":
            print(f"  worst {args.worst}:")
            for row in sorted(rows, key=lambda r: r["score"])[: args.worst]:
                print(f"    {row['score']:.3f}  {row['id']}  {_row_detail(row)}")
        report[name] = {"summary": summary, "rows": rows, "errors": result.errors, "docs_per_second": rate, "predictions": result.preds}
    if args.dataset in ANCHORS:
        print(f"reference: {ANCHORS[args.dataset]}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
