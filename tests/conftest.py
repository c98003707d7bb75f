"""Shared fixtures. Data-driven tests read the shared datasets from $BYLINE_DATA
(default ../shared/datasets beside the repo) and skip cleanly when they are absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("BYLINE_DATA", REPO.parent / "shared" / "datasets"))


@pytest.fixture(scope="session")
def datasets() -> Path:
    """The shared datasets folder; the test is skipped when it is missing."""
    if not DATA.is_dir():
        pytest.skip(f"shared datasets not found at {DATA} (set BYLINE_DATA)")
    return DATA
