"""Issue 2's body acceptance as a regression floor: on each HTML benchmark byline must stay above
the best peer's published score (trafilatura: scrapinghub 0.958 shingle F1, fundus-eval 93.62
ROUGE-LSum, naeb-dev 0.921). The in-run comparison with the peers is `make bench`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import datasets as bench_datasets
from bench import tools
from bench.runner import run_tool

FLOORS = {
    "scrapinghub": ("shingle", 0.958),
    "fundus-eval": ("rouge_lsum", 93.62),
    "naeb-dev": ("shingle", 0.921),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_body_beats_the_best_published_peer(datasets: Path, name: str) -> None:
    docs = bench_datasets.load(name, datasets)
    result = run_tool(tools.tools_for(name)["byline"], name, docs, warmup=0)
    assert not result.errors
    summary, _ = bench_datasets.score(name, docs, result.preds)
    metric, floor = FLOORS[name]
    assert summary[metric]["f1"] > floor
