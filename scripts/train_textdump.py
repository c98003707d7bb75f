"""Train the text-dump line model (src/byline/text/line_model.json) on textdumps/dev.

Labels come from the ground truth: a dump line is body when most of its 4-token shingles occur
in the true article body (short lines: when the line is a whole true paragraph). The model is
an L2-regularised logistic regression fitted by Newton's method (numpy, training only) plus a
vocabulary of word log-odds (body lines versus the rest) kept only for alphabetic words seen on
at least MIN_SITE_SHARE of the sites: function words and interface words ("subscribe",
"cookies"), never a site's names, topics or dates, which would not carry over to other sites.
Lines are weighted by sqrt(tokens) and each page weighs the same, as in the page-averaged
shingle metric. Cross-validation holds out whole sites (grouped by URL host) so the reported
numbers are for sites the model never saw.

    .venv/bin/python scripts/train_textdump.py [--data DIR] [--folds 5] [--no-save]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import zlib
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from bench.scoring import shingle_page, shingle_summary, shingles  # noqa: E402
from byline.text import extract_text  # noqa: E402
from byline.text.lines import VOCAB_WORDS, dump_lines, words  # noqa: E402
from byline.text.meta import find_title_index  # noqa: E402
from byline.text.model import MODEL_PATH, line_features  # noqa: E402

L2 = 1.0
MIN_SITE_SHARE = 0.2  # a vocabulary word shows on at least this share of the training sites
SMOOTHING = 5.0  # pseudo-count pulling the log-odds of rarer words towards zero


def gold_paragraphs(truth: dict) -> list[str]:
    if "articleBody" in truth:
        return [p.strip() for p in truth["articleBody"].split("\n") if p.strip()]
    return [p[1:-1] if p.startswith("[") and p.endswith("]") else p for p in truth["body"]]


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


def label_lines(texts: list[str], paragraphs: list[str]) -> list[int]:
    gold = shingles("\n".join(paragraphs))
    whole = {_norm(p) for p in paragraphs}
    labels = []
    for t in texts:
        sh = shingles(t)
        n = sum(sh.values())
        if len(words(t)) >= 4 and n:
            labels.append(int(sum((sh & gold).values()) / n >= 0.5))
        else:
            labels.append(int(_norm(t) in whole))
    return labels


def load(data: Path) -> list[dict]:
    root = data / "textdumps" / "dev"
    truth = json.loads((root / "ground-truth.json").read_text())
    docs = []
    for doc_id, t in sorted(truth.items()):
        raw = (root / "dumps" / f"{doc_id}.txt").read_text()
        texts = dump_lines(raw)
        tokens = [words(x) for x in texts]
        title = find_title_index(texts, tokens)
        paragraphs = gold_paragraphs(t)
        labels = label_lines(texts, paragraphs)
        weight = np.sqrt(np.array([len(ws) for ws in tokens], dtype=float) + 1)
        host = urlsplit(t.get("url") or "").hostname or doc_id
        docs.append(
            {
                "id": doc_id,
                "raw": raw,
                "truth": t,
                "paragraphs": paragraphs,
                "texts": texts,
                "tokens": tokens,
                "title": title,
                "y": np.array(labels, dtype=float),
                "w": weight / weight.sum() * 100,
                "group": host.removeprefix("www."),
            }
        )
    return docs


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = L2, iters: int = 25) -> dict:
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    beta = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(Z @ beta, -30, 30)))
        grad = Z.T @ (w * (p - y)) + reg * beta
        hess = (Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return {"weights": beta.tolist(), "mean": mean.tolist(), "scale": scale.tolist()}


def learn_vocab(docs: list[dict]) -> dict[str, float]:
    """Log-odds of a word showing in a body line rather than another line, for words general
    across sites (see MIN_SITE_SHARE); numbers and dates are left out."""
    body: Counter[str] = Counter()
    other: Counter[str] = Counter()
    sites: dict[str, set[str]] = {}
    for d in docs:
        for ws, y in zip(d["tokens"], d["y"]):
            seen = {w.lower() for w in ws[:VOCAB_WORDS]}
            (body if y else other).update(seen)
            for w in seen:
                sites.setdefault(w, set()).add(d["group"])
    prior = math.log((sum(body.values()) + 1) / (sum(other.values()) + 1))
    min_sites = MIN_SITE_SHARE * len({d["group"] for d in docs})
    vocab = {}
    for w, s in sites.items():
        if len(s) >= min_sites and not any(c.isdigit() for c in w):
            lo = math.log((body[w] + SMOOTHING) / (other[w] + SMOOTHING)) - prior
            vocab[w] = round(max(-4.0, min(4.0, lo)), 2)
    return vocab


def train(docs: list[dict]) -> dict:
    vocab = learn_vocab(docs)
    for d in docs:
        indices, rows = line_features(d["texts"], d["tokens"], d["title"], vocab)
        d["X"] = np.array(rows, dtype=float)
        d["ys"], d["ws"] = d["y"][indices], d["w"][indices]
    model = fit(*_stack(docs, "X"))
    model["vocab"] = vocab
    return model


def _stack(docs: list[dict], key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        np.vstack([d[key] for d in docs]),
        np.concatenate([d["ys"] for d in docs]),
        np.concatenate([d["ws"] for d in docs]),
    )


def _folds(docs: list[dict], k: int) -> list[int]:
    return [zlib.crc32(d["group"].encode()) % k for d in docs]


def evaluate(docs: list[dict], models: dict[int, dict], folds: list[int]) -> dict[str, float]:
    from bench.scoring import author_score, date_match, title_match

    pages, titles, authors, dates = [], [], [], []
    for d, f in zip(docs, folds):
        art = extract_text(d["raw"], model=models[f])
        pages.append(shingle_page("\n".join(d["paragraphs"]), art.text))
        t = d["truth"]
        if "title" in t:
            titles.append(title_match(art.title, t["title"]))
            authors.append(author_score(art.authors, t.get("authors") or []).exact)
            dates.append(date_match(art.published, t.get("date")))
    out = shingle_summary(pages)
    out.update(
        title=sum(titles) / len(titles),
        authors_exact=sum(authors) / len(authors),
        date=sum(dates) / len(dates),
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("BYLINE_DATA", REPO.parent / "shared" / "datasets")))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args()
    docs = load(args.data)
    folds = _folds(docs, args.folds)
    print(f"{len(docs)} dumps, {len({d['group'] for d in docs})} sites, {sum(len(d['y']) for d in docs)} lines")
    models = {}
    for k in range(args.folds):
        models[k] = train([d for d, f in zip(docs, folds) if f != k])
    cv = evaluate(docs, models, folds)
    print("site-held-out CV:", json.dumps({k: round(v, 4) for k, v in cv.items()}))
    final = train(docs)
    train_scores = evaluate(docs, {k: final for k in range(args.folds)}, folds)
    print("train set:", json.dumps({k: round(v, 4) for k, v in train_scores.items()}))
    if not args.no_save:
        for key in ("weights", "mean", "scale"):
            final[key] = [round(x, 6) for x in final[key]]
        MODEL_PATH.write_text(json.dumps(final, separators=(",", ":")) + "\n")
        print(f"saved {MODEL_PATH.relative_to(REPO)}")


if __name__ == "__main__":
    main()
