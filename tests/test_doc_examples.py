"""The examples of repairs that the README and docs/repair.md give (`input` → `output`)
are what ``fix`` does: the documentation may not drift from the code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from paknevis import fix
from paknevis.repair.chars import PERSIAN_LETTER_SET

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("README.md", "docs/repair.md")
EXAMPLE = re.compile("`([^`\n]+)` →\\s*`([^`\n]+)`")
#: the examples the docs give of an option, by their input
OPTIONS = {"کتابهایِ من": {"keep_diacritics": True}}


def examples() -> list[tuple[str, str, str]]:
    return [(doc, text, fixed) for doc in DOCS
            for text, fixed in EXAMPLE.findall((ROOT / doc).read_text(encoding="utf-8"))]


def test_the_docs_give_examples():
    assert len(examples()) >= 90


@pytest.mark.parametrize("doc, text, fixed", examples())
def test_a_documented_repair_is_what_fix_does(doc, text, fixed):
    if PERSIAN_LETTER_SET.isdisjoint(text):
        # an example without a Persian letter (55.2%, BaharIran@ 7) is of one in Persian text
        text, fixed = f"در {text} آمد", f"در {fixed} آمد"
    assert fix(text, **OPTIONS.get(text, {})) == fixed, doc
