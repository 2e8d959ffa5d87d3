"""Shared paths for the tests."""
from __future__ import annotations

import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")
SOURCE_SEED = os.path.join(SEEDS, "001_4fa10e781d0ee104.txt")
TARGET_SEED = os.path.join(SEEDS, "000_b2c92323d477a4f3.txt")


def read(path: str) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read()


@pytest.fixture
def source_text() -> str:
    return read(SOURCE_SEED)


@pytest.fixture
def target_text() -> str:
    return read(TARGET_SEED)
