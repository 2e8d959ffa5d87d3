"""The example outputs in reports/ are what the README command makes today."""
import os

import pytest

from align.cli import main
from conftest import ROOT, SOURCE_SEED, TARGET_SEED


def test_seed_pair_alignment_is_up_to_date(tmp_path):
    fresh = tmp_path / "seed-pair.tsv"
    assert main(["pairs", SOURCE_SEED, TARGET_SEED, "--format", "tsv", "-o", str(fresh)]) == 0
    with open(os.path.join(ROOT, "reports", "seed-pair.tsv"), "rb") as handle:
        committed = handle.read()
    assert fresh.read_bytes() == committed, "reports/ is stale: rerun the README's first command"


def test_seeds_are_the_shared_seeds_unchanged():
    shared = os.path.join(ROOT, "..", "shared", "seeds")
    if not os.path.isdir(shared):
        pytest.skip("../shared/seeds is not beside this checkout")
    for name in sorted(os.listdir(shared)):
        if name.endswith(".txt"):
            with open(os.path.join(shared, name), "rb") as a, open(os.path.join(ROOT, "seeds", name), "rb") as b:
                assert a.read() == b.read(), name
