"""Benchmark results → Markdown tables and a chart of body F1 against documents per second."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .datasets import HTML_SETS

# Which tools report which metadata (others get "—", not a zero).
METADATA = {
    "byline": {"title", "authors", "date"},
    "trafilatura": {"title", "authors", "date"},
    "newspaper4k": {"title", "authors", "date"},
    "goose3": {"title", "authors", "date"},
    "readability-lxml": {"title"},
    "keep-all": set(),
    "c4-filter": set(),
}
# Numbers published by each benchmark's authors, keyed by the stored peer-output file name.
PUBLISHED = {
    "scrapinghub": {
        "AutoExtract": 0.970, "rs_trafilatura": 0.970, "trafilatura": 0.958, "newspaper": 0.949,
        "readability": 0.922, "goose3": 0.896, "justext": 0.804,
    },
    "fundus-eval": {"fundus": 97.69, "trafilatura": 93.62, "newsplease": 93.39, "justext": 86.96, "boilerpipe": 79.90},
}


def speed_table(runs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Docs/s over the HTML pages (the same pages for every tool), ratio to trafilatura, peak RSS."""
    out: dict[str, dict[str, Any]] = {}
    for tool, per_set in runs.items():
        html = {k: v for k, v in per_set.items() if k in HTML_SETS}
        rows = html or per_set
        docs = sum(v["documents"] for v in rows.values())
        seconds = sum(v["seconds"] for v in rows.values())
        out[tool] = {
            "pages": docs,
            "seconds": seconds,
            "docs_per_second": docs / seconds if seconds else 0.0,
            "peak_rss_mb": max((v["maxrss_mb"] for v in per_set.values()), default=0.0),
            "failed_pages": sum(v["errors"] for v in rows.values()),
            "html": bool(html),
        }
    base = out.get("trafilatura", {}).get("docs_per_second")
    for row in out.values():
        row["vs_trafilatura"] = row["docs_per_second"] / base if base and row["html"] else None
    return out


def _f(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines + [""]


def markdown(results: dict[str, Any]) -> str:
    meta = results["meta"]
    sets = results["datasets"]
    speed = results["speed"]
    lines = [
        f"# byline benchmark{' (quick sample)' if meta['quick'] else ''}",
        "",
        f"`{meta['command']}` on {meta['date']}: Python {meta['python']}, {meta['machine']}, "
        f"{meta['wall_s']:.0f} s in all. Every tool runs on the same pages in its own single process, "
        f"after a warm-up; each page is timed {meta['repeat']} times in a row and the fastest run counts. "
        f"A page that crashes a tool or runs past {meta['timeout_s']:g} s counts as empty output.",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()) + ".",
        "",
    ]
    if results.get("missing"):
        lines += ["Not installed, left out: " + ", ".join(results["missing"]) + ".", ""]

    html_tools = [t for t in speed if speed[t]["html"]]
    html_tools.sort(key=lambda t: -(sets.get("scrapinghub", {}).get(t, {}).get("shingle", {}).get("f1") or 0))
    lines += ["## Article body and speed (HTML pages)", ""]
    lines += [
        "Body scores: scrapinghub shingle F1 (its benchmark's metric), fundus-eval ROUGE-LSum F1 ×100 "
        "(the Fundus evaluation's metric), naeb-dev and readability shingle F1. Speed: documents per "
        "second over all the HTML pages below, and as a multiple of trafilatura's.",
        "",
    ]
    header = ["tool", "scrapinghub F1", "fundus-eval ROUGE-LSum", "naeb-dev F1", "readability F1", "docs/s", "× trafilatura", "peak RSS MB", "failed pages"]
    rows = []
    for t in html_tools:
        s = speed[t]
        rows.append([
            f"**{t}**" if t == "byline" else t,
            _f(sets.get("scrapinghub", {}).get(t, {}).get("shingle", {}).get("f1")),
            _f(sets.get("fundus-eval", {}).get(t, {}).get("rouge_lsum", {}).get("f1"), 2),
            _f(sets.get("naeb-dev", {}).get(t, {}).get("shingle", {}).get("f1")),
            _f(sets.get("readability", {}).get(t, {}).get("shingle", {}).get("f1")),
            f"{s['docs_per_second']:.1f}",
            _f(s["vs_trafilatura"], 2),
            f"{s['peak_rss_mb']:.0f}",
            f"{s['failed_pages']}/{s['pages']}",
        ])
    lines += _table(header, rows)

    if "naeb-dev" in sets:
        lines += ["## Metadata: naeb-dev", "", "Title: exact match after normalising case and punctuation. Authors: sets of normalised names, mean per-page P/R/F1 and the rate of exactly right sets. Date: same calendar day.", ""]
        rows = []
        for t in html_tools:
            m = sets["naeb-dev"].get(t)
            has = METADATA.get(t, set())
            if not m or not has:
                continue
            a = m["authors"]
            rows.append([
                t,
                _f(m["title"]["accuracy"]) if "title" in has else "—",
                *([_f(a["precision"]), _f(a["recall"]), _f(a["f1"]), _f(a["exact"])] if "authors" in has else ["—"] * 4),
                _f(m["date"]["accuracy"]) if "date" in has else "—",
            ])
        lines += _table(["tool", "title", "authors P", "authors R", "authors F1", "authors exact-set", "date"], rows)

    if "readability" in sets:
        lines += ["## Metadata: Mozilla Readability test pages", "", "Byline: every predicted author name occurs in Readability's expected byline text. Date: day of `publishedTime`.", ""]
        rows = []
        for t in html_tools:
            m = sets["readability"].get(t)
            has = METADATA.get(t, set())
            if not m or not has:
                continue
            rows.append([
                t,
                _f(m["title"]["accuracy"]) if "title" in has else "—",
                _f(m["byline"]["accuracy"]) if "authors" in has else "—",
                _f(m["date"]["accuracy"]) if "date" in has else "—",
            ])
        pages = next(iter(sets["readability"].values()))
        lines += _table(["tool", f"title ({pages['title']['pages']})", f"byline ({pages['byline']['pages']})", f"date ({pages['date']['pages']})"], rows)

    if "textdumps" in sets:
        lines += ["## Text dumps (textdumps/dev)", "", "Body shingle F1 against the article text; baselines keep every line, or (C4-style) only lines of at least 5 words ending in terminal punctuation.", ""]
        rows = []
        for t, m in sets["textdumps"].items():
            has = METADATA.get(t, set())
            s = m["shingle"]
            run = results["runs"][t]["textdumps"]
            rows.append([
                f"**{t}**" if t == "byline" else t,
                _f(s["f1"]), _f(s["precision"]), _f(s["recall"]),
                _f(m["title"]["accuracy"]) if "title" in has else "—",
                _f(m["authors"]["exact"]) if "authors" in has else "—",
                _f(m["date"]["accuracy"]) if "date" in has else "—",
                f"{run['documents'] / run['seconds']:.0f}" if run["seconds"] else "—",
            ])
        lines += _table(["tool", "body F1", "P", "R", "title", "authors exact-set", "date", "docs/s"], rows)

    if "quotes" in sets:
        lines += ["## Attributions (quotes: dev + seed)", "", "One-to-one matching of predicted and gold attributions in the same paragraph by content token overlap; speaker and cue accuracy over the pairs matched at 0.3.", ""]
        rows = []
        for t, m in sets["quotes"].items():
            a = m["attributions"]
            rows.append([t, _f(a["p@0.3"]), _f(a["r@0.3"]), _f(a["f1@0.3"]), _f(a["f1@0.8"]), _f(a["speaker"]), _f(a["cue"]), f"{a['predicted']}/{a['gold']}"])
        rows.append(["naive regex (published)", "—", "—", "0.686", "0.598", "0.545", "—", "—"])
        lines += _table(["tool", "P@0.3", "R@0.3", "F1@0.3", "F1@0.8", "speaker", "cue", "predicted/gold"], rows)

    if results.get("reproduction"):
        lines += ["## Scorer check: stored peer outputs", "", "The scorers above, run on the peer outputs stored with each dataset, beside the numbers the benchmarks' authors published.", ""]
        rows = []
        for dataset, scores in results["reproduction"].items():
            digits = 2 if dataset == "fundus-eval" else 3
            for tool, value in sorted(scores.items(), key=lambda kv: -kv[1]):
                rows.append([dataset, tool, _f(value, digits), _f(PUBLISHED[dataset].get(tool), digits)])
        lines += _table(["dataset", "stored output of", "scored here", "published"], rows)

    errors = [(t, d, r["error_examples"]) for t, per in results["runs"].items() for d, r in per.items() if r["error_examples"]]
    if errors:
        lines += ["## Failed pages (examples)", ""]
        for t, d, examples in errors:
            for doc_id, error in examples.items():
                lines.append(f"- {t} on {d} `{doc_id}`: {error.splitlines()[0][:160]}")
        lines.append("")
    return "\n".join(lines)


def chart(results: dict[str, Any], path: Path) -> None:
    """Body F1 (scrapinghub shingle, fundus-eval ROUGE-LSum) against documents per second."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import ticker

    speed = results["speed"]
    panels = [("scrapinghub", "shingle", 1.0, "scrapinghub: shingle F1"), ("fundus-eval", "rouge_lsum", 0.01, "fundus-eval: ROUGE-LSum F1")]
    panels = [p for p in panels if p[0] in results["datasets"]]
    if not panels:
        return
    fig, axes = plt.subplots(1, len(panels), figsize=(6 * len(panels), 4.5), squeeze=False)
    for ax, (dataset, metric, scale, title) in zip(axes[0], panels):
        for tool, summary in results["datasets"][dataset].items():
            if tool not in speed or not speed[tool]["docs_per_second"]:
                continue
            x, y = speed[tool]["docs_per_second"], summary[metric]["f1"] * scale
            ax.scatter([x], [y], s=60, color="tab:red" if tool == "byline" else "tab:blue", zorder=3)
            ax.annotate(tool, (x, y), textcoords="offset points", xytext=(5, 4), fontsize=9)
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:g}"))
        ax.xaxis.set_minor_formatter(ticker.NullFormatter())
        ax.set_xlabel("documents per second (log scale, single process)")
        ax.set_ylabel("F1")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
    fig.suptitle(f"byline vs peers ({results['meta']['date']}{', quick sample' if results['meta']['quick'] else ''})")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


README_START = "<!-- results: written by make bench from bench/results/latest.md -->"
README_END = "<!-- end of results -->"
README_SECTIONS = ("Article body and speed", "Metadata: naeb-dev", "Metadata: Mozilla", "Text dumps", "Attributions")


def update_readme(latest_md: str, readme: Path) -> bool:
    """Copy the main tables of a full run into the README between its result markers, so the
    README's numbers are always the ones `make bench` printed. False when there are no markers."""
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return False
    parts = latest_md.split("\n## ")
    intro = parts[0].split("\n\n")[1].strip()
    kept = ["### " + part.rstrip() for part in parts[1:] if part.startswith(README_SECTIONS)]
    block = "\n\n".join([README_START, intro, *kept, README_END])
    start = text.index(README_START)
    end = text.index(README_END) + len(README_END)
    readme.write_text(text[:start] + block + text[end:], encoding="utf-8")
    return True
