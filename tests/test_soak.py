"""scripts/soak.py at CI size: 1,000 generated documents, 10 of them hostile, through the real
command line; nothing lost, in order, the expected errors, bounded time and flat memory."""

from __future__ import annotations

import pytest
import soak
import test_hostile

from byline.decode import InputError
from byline.extract import extract

DOCS = 1000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> soak.Corpus:
    return soak.generate(tmp_path_factory.mktemp("soak"), DOCS)


@pytest.mark.parametrize("jobs", [2, 1])
def test_batch_loses_nothing_within_limits(corpus, jobs):
    assert corpus.errors == DOCS // 100
    run = soak.run_cli(corpus.folder, jobs, DOCS)
    failures = soak.check(corpus, run)
    assert not failures, soak.report(corpus, run, failures)


def test_random_bytes_are_never_an_article():
    """Found by the soak: about 6% of random inputs passed the control-byte test as cp1252 text."""
    for seed in range(300):
        with pytest.raises(InputError, match="binary"):
            extract(test_hostile.random_bytes(seed))
