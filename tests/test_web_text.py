"""The repair invariants on real news text: Fars News and Varzesh3 articles as published,
and with every ZWNJ deleted or typed as a space, the ways large web corpora lose them."""
import json
from itertools import islice
from pathlib import Path

import pytest
from test_properties import content

from paknevis import apply_edits, fix, fix_and_explain

WEB = Path(__file__).resolve().parents[2] / "shared" / "data" / "web"
Z = "\u200c"
DAMAGE = {"as published": lambda s: s, "glued": lambda s: s.replace(Z, ""),
          "spaced": lambda s: s.replace(Z, " ")}


def articles(name: str, count: int) -> list[str]:
    with open(WEB / name, encoding="utf-8") as f:
        docs = [json.loads(line) for line in islice(f, count)]
    return ["\n".join([d["title"], d["abstract"], *d["paragraphs"]]) for d in docs]


@pytest.fixture(scope="module")
def news():
    if not WEB.exists():
        pytest.skip("../shared/data/web is not beside the checkout")
    return articles("farsnews-1-4.jsonl", 150) + articles("varzesh3-1.jsonl", 150)


@pytest.mark.parametrize("damage", DAMAGE)
def test_invariants_hold_on_news_articles(news, damage):
    for text in map(DAMAGE[damage], news):
        fixed, edits = fix_and_explain(text)
        assert fix(text) == fixed
        assert fix(fixed) == fixed, text[:80]  # idempotent
        assert apply_edits(text, edits) == fixed  # every edit accounted for
        assert content(fixed) == content(text)  # no letter or digit lost or changed
