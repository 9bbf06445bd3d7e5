"""Where the seed reports and answer keys are: ``$CHITIEU_SHARED`` or ``../shared`` beside the
repository (as CI lays them out). Tests that read a seed call ``need_seeds()`` first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("CHITIEU_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")).resolve()
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"
SEED_000 = SEEDS / "000_9547a8f337394f5b.txt"
SEED_002 = SEEDS / "002_8dfb014c2feb3b07.txt"
SEED_004 = SEEDS / "004_fb128d8d27edeb81.txt"


def need_seeds() -> None:
    if not SEED_000.exists():
        pytest.skip(f"the seeds are not at {SEEDS} (set CHITIEU_SHARED)")
