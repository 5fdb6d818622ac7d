"""ZWNJs put back into glued words of real web text, where no gold vouches for them, as a
reader judged them.

    python benchmarks/web_splits.py                  # score the checked sample
    python benchmarks/web_splits.py --draw 100 --seed 2 --out new.tsv   # more to judge

Fars News (../shared/data/web/farsnews-1-4.jsonl) types most ZWNJs. With them deleted, as
scrapers leave text, paknevis puts them back, and ``zwnj_web.py`` scores that against each
article as published. But where the article itself glued a word (مهمترین، شرکتهای), every
ZWNJ paknevis puts into it counts as wrong there, though the Academy's orthography writes
most of them (مهم‌ترین، شرکت‌های); and where the article has the ZWNJ elsewhere (حرف‌های,
written حرفه‌ای), nothing says which is meant but the sentence. So the glued words that
paknevis writes with a ZWNJ otherwise than the article as published has them were drawn
at random (100 of each kind below, seed 1) and each read in its sentence by a reader of
Persian (benchmarks/data/web_splits.tsv):

* ``right``: written as the Academy's orthography writes it (مهم‌ترین، ذی‌ربط);
* ``wrong``: another word, or a ZWNJ the standard does not write (حرفه‌ای for حرف‌های);
* ``either``: the standard and the dictionaries allow both (دندانپزشک and دندان‌پزشک).

Two strata: words whose every ZWNJ stands before a suffix or clitic or after می/نمی
(``affix``: سال‌ها، مهم‌ترین، منطقه‌ای، می‌کند), and the others (``words``: compounds and
names, ذی‌ربط، هیچ‌گونه), which the sample's ``rule`` column holds. The score is as in
``web_joins.py``.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from speed import load_docs  # noqa: E402
from web_joins import judged_sample_main  # noqa: E402

from paknevis import fix_and_explain  # noqa: E402

SAMPLE = ROOT / "benchmarks" / "data" / "web_splits.tsv"
ZWNJ = "\u200c"
#: the zero-width characters a scraper's strip deletes (as zwnj_web.py's zero-width form)
ZERO_WIDTH = re.compile("[\u200b-\u200f]")
#: what may follow a ZWNJ to the word's end for it to stand before an affix
AFFIXES = re.compile("\u200c(?:ها|های|هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان|هاست|تر|تری|ترین|ترها|"
                     "ترهای|ای|ام|ات|اش|اند|ایم|اید|است|ی|مان|تان|شان)$")
_NOT_ZWNJ = re.compile("[\u200b\u200d-\u200f]")  # (the article's own ZWNJs are shown)
_UNIFY = str.maketrans("يك", "یک")


def stratum(word: str) -> str:
    """'affix' if each ZWNJ of ``word`` stands after می/نمی at its start or before a
    suffix or clitic that ends it: کتاب‌های, not سرمایه‌گذاری‌ها (a compound's ZWNJ too)."""
    rest = re.sub("^(?:ن?می)\u200c", "", word)
    while ZWNJ in rest:
        m = AFFIXES.search(rest)
        if m is None:
            return "words"
        rest = rest[:m.start()]
    return "affix"


def stripped(doc: str) -> tuple[str, list[int]]:
    """``doc`` with its zero-width characters deleted, and where each character left
    stood in ``doc``."""
    kept = [i for i, c in enumerate(doc) if not ZERO_WIDTH.match(c)]
    return "".join(doc[i] for i in kept), kept


def splits(docs: list[str]) -> dict[tuple[int, int], tuple[str, str, str]]:
    """(doc, offset in the stripped text) -> (stratum, the word as paknevis writes it, the
    published sentence around it) for each glued word paknevis writes with a ZWNJ
    otherwise than the article as published."""
    out = {}
    for i, doc in enumerate(docs):
        text, where = stripped(doc)
        _, edits = fix_and_explain(text)
        for e in edits:
            if ZWNJ not in e.new or ZWNJ in e.old or " " in e.old or "zwnj." not in e.rule:
                continue
            start, end = where[e.start], where[e.end - 1] + 1
            published = _NOT_ZWNJ.sub("", doc[start:end])
            if published.translate(_UNIFY) == e.new:
                continue
            around = doc[max(0, start - 60):start] + "⟦" + doc[start:end] + "⟧" + doc[end:end + 60]
            out[i, e.start] = (stratum(e.new), e.new, " ".join(_NOT_ZWNJ.sub("", around).split()))
    return out


def fars_news_splits() -> tuple[dict, str]:
    docs = [d for d in load_docs() if ZWNJ in d]
    found = splits(docs)
    strata = Counter(v[0] for v in found.values())
    return found, (f"Fars News, zero-width characters deleted: {len(found)} glued words written with a"
                   f" ZWNJ otherwise than published ({strata['affix']} at an affix,"
                   f" {strata['words']} other)")


def main() -> int:
    return judged_sample_main(__doc__.split("\n\n")[0], SAMPLE, fars_news_splits, "words",
                              stratum_of=lambda kind: kind)


if __name__ == "__main__":
    sys.exit(main())
