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


def test_words_are_counted_from_letter_to_letter():
    # a ZWNJ that sets a kashida apart as a dash (سیاسی‌ـ انتظامی, Fars News) stays in the
    # text the table counts, and is no part of the word before it: counted in it, the word
    # ended in a ZWNJ, and the build failed (an empty part after it)
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_zwnj_lexicon as builder

    words, pairs = builder.count(["معاون سیاسی\u200cـ انتظامی، هزینه\u200cـ\u200cمنفعت و دولت\u00adها"])
    assert {"سیاسی", "هزینه", "منفعت", "دولت\u200cها"} <= set(words)
    assert not any(w.startswith("\u200c") or w.endswith("\u200c") for w in words)
    assert ("معاون", "سیاسی") in pairs
