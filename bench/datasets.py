"""The shared datasets as (document, gold) lists, and the scoring of predictions on each.

A prediction is a plain dict `{"body": [paragraphs], "title", "authors", "published"}` so that
byline and every peer tool are scored by the same code. Dataset layout: shared/datasets/README.md.
"""

from __future__ import annotations

import ast
import gzip
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import scoring

REPO = Path(__file__).resolve().parents[1]
NAMES = ("scrapinghub", "fundus-eval", "naeb-dev", "readability", "textdumps", "quotes")
HTML_SETS = ("scrapinghub", "fundus-eval", "naeb-dev", "readability")


def data_dir() -> Path:
    """$BYLINE_DATA, else ../shared/datasets beside the repository."""
    return Path(os.environ.get("BYLINE_DATA", REPO.parent / "shared" / "datasets"))


@dataclass(slots=True)
class Doc:
    """One input document and its ground truth (`gold` keys depend on the dataset)."""

    id: str
    path: Path
    url: str | None
    gold: dict[str, Any] = field(default_factory=dict)

    def read_bytes(self) -> bytes:
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.suffix == ".gz" else data


def _as_list(value: Any) -> list[str]:
    """Some ground truths store lists as their Python repr ("['A', 'B']")."""
    if isinstance(value, str):
        value = ast.literal_eval(value) if value.startswith("[") else [value]
    return [str(v) for v in value or []]


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def load(name: str, root: Path | None = None) -> list[Doc]:
    """The documents of one dataset, sorted by id."""
    root = (root or data_dir()) / name
    if not root.is_dir():
        raise FileNotFoundError(f"dataset {name!r} not found at {root} (set BYLINE_DATA)")
    return sorted(_LOADERS[name](root), key=lambda d: d.id)


def _scrapinghub(root: Path) -> list[Doc]:
    gt = _load_json(root / "ground-truth.json")
    return [
        Doc(k, root / "html" / f"{k}.html.gz", v.get("url"), {"text": v.get("articleBody") or ""})
        for k, v in gt.items()
    ]


def _fundus(root: Path) -> list[Doc]:
    gt = _load_json(root / "ground-truth.json")
    docs = []
    for k, v in gt.items():
        body = _as_list(v["body"])
        docs.append(Doc(k.removesuffix(".html.gz"), root / "html" / k, v.get("url"), {"paragraphs": body}))
    return docs


def _naeb(root: Path) -> list[Doc]:
    gt = _load_json(root / "ground-truth.json")
    return [
        Doc(
            k,
            root / (v.get("html_file") or f"html/{k}.html.gz"),
            v.get("url"),
            {"text": v.get("articleBody") or "", "title": v.get("title"), "authors": _as_list(v.get("authors")), "date": v.get("date")},
        )
        for k, v in gt.items()
    ]


def _readability(root: Path) -> list[Doc]:
    docs = []
    for meta in root.glob("*/expected-metadata.json"):
        case = meta.parent
        gold = _load_json(meta)
        gold["expected"] = case / "expected.html.gz"
        docs.append(Doc(case.name, case / "source.html.gz", None, gold))
    return docs


def _textdumps(root: Path) -> list[Doc]:
    gt = _load_json(root / "dev" / "ground-truth.json")
    docs = []
    for k, v in gt.items():
        if "body" in v:
            text = "\n\n".join(scoring.strip_optional(p) for p in _as_list(v["body"]))
        else:
            text = v.get("articleBody") or ""
        gold = {"text": text}
        if v.get("title") is not None or v.get("authors") is not None or v.get("date") is not None:
            gold.update(title=v.get("title"), authors=_as_list(v.get("authors")), date=v.get("date"))
        docs.append(Doc(k, root / "dev" / "dumps" / f"{k}.txt", v.get("url"), gold))
    return docs


def _quotes(root: Path) -> list[Doc]:
    gold: dict[str, list[dict[str, Any]]] = {}
    for name in ("dev.jsonl", "seed.jsonl"):
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                gold.setdefault(row["doc"], []).append(row)
    return [Doc(p.stem, p, None, {"attributions": gold.get(p.stem, [])}) for p in (root / "texts").glob("*.txt")]


def sample(docs: list[Doc], limit: int) -> list[Doc]:
    """An evenly spaced subset of `limit` documents (all of them when limit is 0)."""
    if not limit or limit >= len(docs):
        return docs
    step = len(docs) / limit
    return [docs[int(i * step)] for i in range(limit)]


_LOADERS: dict[str, Callable[[Path], list[Doc]]] = {
    "scrapinghub": _scrapinghub,
    "fundus-eval": _fundus,
    "naeb-dev": _naeb,
    "readability": _readability,
    "textdumps": _textdumps,
    "quotes": _quotes,
}


# --------------------------------------------------------------------------------------------
# baselines for text dumps

_TERMINAL = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]"


def keep_all(dump: str) -> list[str]:
    """Every non-empty line of the dump."""
    return [line.strip() for line in dump.splitlines() if line.strip()]


def c4_filter(dump: str) -> list[str]:
    """C4-style line filter: lines of at least 5 words that end in terminal punctuation
    (possibly followed by closing quotes or brackets)."""
    return [line for line in keep_all(dump) if len(line.split()) >= 5 and line.rstrip(_CLOSERS).endswith(_TERMINAL)]


# --------------------------------------------------------------------------------------------
# scoring a set of predictions

Prediction = dict[str, Any]


def _expected_text(path: Path) -> str:
    """Visible text of Readability's expected.html, one block per line.

    The files are UTF-8 without a charset declaration, which lxml would read as Latin-1.
    """
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    blocks = []
    for el in tree.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "dd", "dt", "figcaption"):
        if el.getparent() is not None and any(a.tag in ("p", "li", "blockquote", "td", "pre") for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            blocks.append(text)
    return "\n".join(blocks) or " ".join(tree.text_content().split())


def _body_text(pred: Prediction | None) -> str:
    return "\n\n".join((pred or {}).get("body") or [])


def score(name: str, docs: list[Doc], preds: dict[str, Prediction | None]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Aggregate scores of one tool on one dataset, and one row per document (for worst lists).

    A missing or None prediction (crash, timeout) counts as empty output.
    """
    rows: list[dict[str, Any]] = []
    summary: dict[str, Any] = {}
    if name == "quotes":
        return _score_quotes(docs, preds)
    if name == "fundus-eval":
        rouge = []
        shingle = []
        for d in docs:
            pred = preds.get(d.id) or {}
            r = scoring.rouge_lsum(d.gold["paragraphs"], pred.get("body") or [])
            s = scoring.shingle_page("\n\n".join(map(scoring.strip_optional, d.gold["paragraphs"])), _body_text(pred))
            rouge.append(r)
            shingle.append(s)
            rows.append({"id": d.id, "score": r.f1, "rouge_p": r.precision, "rouge_r": r.recall, "shingle_f1": s.f1})
        summary["rouge_lsum"] = scoring.rouge_summary(rouge)
        summary["shingle"] = scoring.shingle_summary(shingle)
        return summary, rows

    gold_text = {d.id: (_expected_text(d.gold["expected"]) if name == "readability" else d.gold["text"]) for d in docs}
    pages = []
    for d in docs:
        page = scoring.shingle_page(gold_text[d.id], _body_text(preds.get(d.id)))
        pages.append(page)
        rows.append({"id": d.id, "score": page.f1, "precision": page.precision, "recall": page.recall})
    summary["shingle"] = scoring.shingle_summary(pages)
    if name in ("naeb-dev", "textdumps", "readability"):
        summary.update(_score_metadata(name, docs, preds, rows))
    return summary, rows


def _score_metadata(name: str, docs: list[Doc], preds: dict[str, Prediction | None], rows: list[dict[str, Any]]) -> dict[str, Any]:
    titles, dates, authors, bylines = [], [], [], []
    for d, row in zip(docs, rows):
        pred = preds.get(d.id) or {}
        gold = d.gold
        if "title" not in gold:
            continue
        if gold.get("title"):
            row["title"] = scoring.title_match(pred.get("title"), gold["title"])
            titles.append(row["title"])
        gold_date = gold.get("publishedTime") if name == "readability" else gold.get("date")
        if gold_date:
            row["date"] = scoring.date_match(pred.get("published"), gold_date)
            dates.append(row["date"])
        if name == "readability":
            if gold.get("byline"):
                row["byline"] = scoring.byline_match(pred.get("authors") or [], gold["byline"])
                bylines.append(row["byline"])
        else:
            a = scoring.author_score(pred.get("authors") or [], gold.get("authors") or [])
            row["authors_f1"] = a.f1
            authors.append(a)
    out: dict[str, Any] = {
        "title": {"accuracy": _mean(titles), "pages": len(titles)},
        "date": {"accuracy": _mean(dates), "pages": len(dates)},
    }
    if name == "readability":
        out["byline"] = {"accuracy": _mean(bylines), "pages": len(bylines)}
    else:
        out["authors"] = scoring.author_summary(authors)
    return out


def _mean(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def _score_quotes(docs: list[Doc], preds: dict[str, Prediction | None]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    gold_all, pred_all, rows = [], [], []
    for d in docs:
        gold = [_quote(d.id, a) for a in d.gold["attributions"]]
        pred = [_quote(d.id, a) for a in (preds.get(d.id) or {}).get("attributions") or []]
        gold_all += gold
        pred_all += pred
        per_doc = scoring.attribution_scores(pred, gold)
        rows.append({"id": d.id, "score": per_doc["f1@0.3"], **per_doc})
    return {"attributions": scoring.attribution_scores(pred_all, gold_all)}, rows


def _quote(doc: str, a: dict[str, Any]) -> scoring.Quote:
    return scoring.Quote(doc, int(a.get("para", -1)), a.get("content") or "", a.get("speaker"), a.get("speaker_type"), a.get("cue"))

