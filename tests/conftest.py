"""Shared fixtures. Data-driven tests read the shared datasets from $BYLINE_DATA
(default ../shared/datasets beside the repo) and skip cleanly when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.datasets import data_dir

DATA = data_dir()


@pytest.fixture(scope="session")
def datasets() -> Path:
    """The shared datasets folder; the test is skipped when it is missing."""
    if not DATA.is_dir():
        pytest.skip(f"shared datasets not found at {DATA} (set BYLINE_DATA)")
    return DATA
