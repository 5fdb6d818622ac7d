from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def sample_post() -> str:
    return (ROOT / "examples" / "blogger-post.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_post_fixed() -> str:
    return (ROOT / "tests" / "data" / "blogger-post.fixed.txt").read_text(encoding="utf-8")
