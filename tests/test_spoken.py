"""fix on the Persian of blogs, comments and chats (tests/data/spoken.tsv): the spoken verbs
and clitics typed with no ZWNJ are put right (میخوام، نمیدونم، میرم، عکسهای), and the rest of
such text (اینجوری، همشون، گرونه، markdown, emoji, a URL) comes out as it went in."""
from pathlib import Path

import pytest

from paknevis import fix

ZWNJ = "\u200c"
ROWS = [line.rstrip("\n").split("\t")
        for line in (Path(__file__).parent / "data" / "spoken.tsv").open(encoding="utf-8")
        if line.strip() and not line.startswith("#")]


def test_the_set_covers_lines_to_repair_and_lines_to_keep():
    changed = sum(row[0] != row[1] for row in ROWS)
    assert len(ROWS) >= 90 and changed >= 40 and len(ROWS) - changed >= 40


@pytest.mark.parametrize("row", ROWS, ids=range(len(ROWS)))
def test_typed_without_zwnj(row):
    typed, right = row[:2]
    assert fix(typed) == right
    assert fix(right) == right


@pytest.mark.parametrize("row", [row for row in ROWS if ZWNJ in row[1]])
def test_zwnj_typed_as_space(row):
    right, from_spaced = row[1], row[2] if len(row) > 2 else row[1]
    assert fix(right.replace(ZWNJ, " ")) == from_spaced
