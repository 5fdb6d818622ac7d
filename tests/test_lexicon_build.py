"""The shipped ZWNJ table is exactly what scripts/build_zwnj_lexicon.py builds."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not beside the checkout")
def test_shipped_table_is_reproducible():
    pytest.importorskip("hazm")
    pytest.importorskip("wordfreq")
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_zwnj_lexicon.py"), "--check"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
