"""The line model: is this dump line part of the article body?

A logistic regression over line features, trained by `scripts/train_textdump.py` and shipped
as `line_model.json` (weights plus a vocabulary of word log-odds, body versus furniture,
learned from words seen on many sites). Besides the line's own traits, the features say where
the line sits: how much prose surrounds it, whether it lies inside the page's main prose run,
and how it stands to the headline, so the model sees the article region, not lone lines.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from operator import mul
from pathlib import Path

from .lines import ends_sentence, local_features

MODEL_PATH = Path(__file__).with_name("line_model.json")
CONTEXT = 12  # lines around a line that count as its wide neighbourhood


def _window_mean(values: list[float], radius: int) -> list[float]:
    """Mean of values[i-radius : i+radius+1] without values[i], by prefix sums (linear time)."""
    n = len(values)
    prefix = [0.0, *accumulate(values)]
    his = [*range(radius + 1, n + 1), *[n] * radius][:n]
    los = [*[0] * radius, *range(n)][:n]
    return [
        (prefix[hi] - prefix[lo] - v) / (hi - lo - 1) if hi - lo > 1 else 0.0
        for v, hi, lo in zip(values, his, los)
    ]


def main_run(prose: list[float], gap_cost: float = 0.25) -> tuple[int, int]:
    """[start, end) of the run with the most prose lines net of the other lines in it (Kadane)."""
    best, best_lo, best_hi = 0.0, 0, 0
    cur, lo = 0.0, 0
    for i, p in enumerate(prose):
        if cur <= 0:
            cur, lo = 0.0, i
        cur += 1.0 if p else -gap_cost
        if cur > best:
            best, best_lo, best_hi = cur, lo, i + 1
    return best_lo, best_hi


def scored_lines(tokens: list[list[str]], prose: list[float], wide: list[float]) -> list[int]:
    """Lines worth scoring: all but those under 8 words with no prose line within CONTEXT lines
    (`wide`: the prose share around each line; menus, teasers and footers far from any
    paragraph, often most of a dump, are never body)."""
    return [i for i, ws in enumerate(tokens) if len(ws) >= 8 or wide[i] > 0 or prose[i]]


def line_features(
    texts: list[str], tokens: list[list[str]], title_index: int | None, vocab: dict[str, float]
) -> tuple[list[int], list[tuple[float, ...]]]:
    """(indices, rows): a feature row for each line worth scoring (`tokens`: the lines'
    words): local traits, vocabulary, neighbourhood and position. Features are computed a
    column at a time (see `local_features`) and zipped into rows."""
    n = len(texts)
    prose = [1.0 if len(ws) >= 10 and ends_sentence(t) else 0.0 for t, ws in zip(texts, tokens)]
    wide = _window_mean(prose, CONTEXT)
    indices = scored_lines(tokens, prose, wide)
    local = local_features([texts[i] for i in indices], [tokens[i] for i in indices], vocab)
    # Neighbours count by their size and sentence end only (local features 0 and 5).
    size, end = [0.0] * (n + 2), [0.0] * (n + 2)  # line i at i + 1, zeros past both ends
    for k, i in enumerate(indices):
        size[i + 1], end[i + 1] = local[0][k], local[5][k]
    for j in {k for i in indices for k in (i - 1, i + 1) if 0 <= k < n}.difference(indices):
        size[j + 1], end[j + 1] = math.log1p(len(tokens[j])), 1.0 if ends_sentence(texts[j]) else 0.0
    near = _window_mean(prose, 3)
    run_lo, run_hi = main_run(prose)
    total = sum(prose) or 1.0
    before = [0.0, *accumulate(prose)]
    seen = Counter(texts)
    t_idx = title_index if title_index is not None else -1
    afters = [i - t_idx if t_idx >= 0 else 0 for i in indices]
    context = [
        [size[i] for i in indices],
        [end[i] for i in indices],
        [size[i + 2] for i in indices],
        [end[i + 2] for i in indices],
        [near[i] for i in indices],
        [wide[i] for i in indices],
        [before[i] / total for i in indices],
        [(total - before[i + 1]) / total for i in indices],
        [1.0 if run_lo <= i < run_hi else 0.0 for i in indices],
        [math.log1p(run_lo - i) if i < run_lo else 0.0 for i in indices],
        [math.log1p(i - run_hi + 1) if i >= run_hi else 0.0 for i in indices],
        [1.0 if seen[texts[i]] > 1 else 0.0 for i in indices],
        [1.0 if after > 0 else 0.0 for after in afters],
        [1.0 if after == 0 and t_idx >= 0 else 0.0 for after in afters],
        [1.0 if 0 < after <= 8 else 0.0 for after in afters],
        [1.0 if t_idx < 0 else 0.0] * len(indices),
    ]
    return indices, list(zip(*local, *context))


def folded_weights(model: dict) -> tuple[list[float], float]:
    """Weights over raw features: the training standardisation folded in (w/s, b - Σ w·m/s)."""
    weights, mean, scale = model["weights"], model["mean"], model["scale"]
    raw = [w / s for w, s in zip(weights, scale)]
    bias = weights[-1] - sum(r * m for r, m in zip(raw, mean))
    return raw, bias


def probabilities(rows: list[list[float]], raw: list[float], bias: float) -> list[float]:
    out = []
    for row in rows:
        z = bias + sum(map(mul, row, raw))
        out.append(1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))))
    return out


@lru_cache(maxsize=1)
def _shipped() -> tuple[list[float], float, dict[str, float]]:
    """The shipped model's folded weights and vocabulary, read from MODEL_PATH once."""
    model = json.loads(MODEL_PATH.read_text())
    return (*folded_weights(model), model["vocab"])


def _weights(model: dict | None) -> tuple[list[float], float, dict[str, float]]:
    """(raw weights, bias, vocabulary) of `model`; the shipped model's when None."""
    if model is None:
        return _shipped()
    return (*folded_weights(model), model["vocab"])


def vocab_of(model: dict | None) -> dict[str, float]:
    return _weights(model)[2]


def body_probabilities(
    texts: list[str], tokens: list[list[str]], title_index: int | None, model: dict | None = None
) -> list[float]:
    """P(line belongs to the article body) for every line (`tokens`: the lines' words)."""
    raw, bias, vocab = _weights(model)
    indices, rows = line_features(texts, tokens, title_index, vocab)
    probs = [0.0] * len(texts)
    for i, p in zip(indices, probabilities(rows, raw, bias)):
        probs[i] = p
    return probs
