"""Shared fixtures. The real spaCy pipeline loads once per test session (about 4 s)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dyadwatch.coder import Coder

SHARED = Path(os.environ.get("DYADWATCH_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()
