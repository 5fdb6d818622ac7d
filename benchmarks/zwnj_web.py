"""ZWNJ restoration on whole news articles whose ZWNJs a scraper deleted.

    python benchmarks/zwnj_web.py              # paknevis
    python benchmarks/zwnj_web.py --anchors    # and the normalizers installed

The dev sentences (``zwnj_accuracy.py``) are one sentence each; this is the case of a
corpus: the Fars News articles that use ZWNJ (../shared/data/web/farsnews-1-4.jsonl),
each a text of its own, scored by ../shared/tools/zwnj_score.py against the article as
published, in three damaged forms:

* ``zero-width``: U+200B to U+200F deleted (zero-width space, ZWNJ, ZWJ, LRM, RLM), the
  usual strip of "invisible characters" by which a ZWNJ gets lost. A soft hyphen (U+00AD)
  is outside that range, and stays: 4 of the articles type one for a ZWNJ (دولت¬ها, ¬ for the soft
  hyphen), most beside a ZWNJ (تلاش¬‌های), and paknevis reads it as one. In this form the lines that keep
  one show a ZWNJ or a few beside their glued words, which are then taken as the writer's
  (14 ZWNJs fewer restored than when the soft hyphen was simply taken out; in the articles
  as published, 12 words more written right, روش‌هایی، پنج‌شنبه، گفت‌وگوها);
* ``zwnj``: only U+200C deleted. 18 of the articles type an LRM or RLM where a ZWNJ
  belongs (گفت‎وگو), which paknevis reads as a ZWNJ: in this form those articles show
  ZWNJs beside their glued words, and the glued words are taken as the writer's;
* ``spaced``: each ZWNJ typed as a space, as Varzesh3 and much of the web write (می شود،
  کتاب ها). A compound the article joins and the standard also writes apart (به عنوان،
  اداره کل) is left apart, and counts as missed.

Two things to know when reading the figures:

* the published articles are no clean gold: most write the ZWNJ, but some words are glued
  (مهمترین، شرکتهای) and some ZWNJs typed as spaces (می شود). A ZWNJ that the standard
  writes where the article glued the word counts as wrong, and a space typed for a ZWNJ
  stays a space in the input, where no system is asked to find it;
* the shipped word table learned from these articles (see scripts/build_zwnj_lexicon.py),
  so this is no held-out measure of the table: what it measures is the text step's
  decisions across a whole document (the writer's habit, compounds written apart).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from anchors import anchor_fixers  # noqa: E402
from speed import load_docs  # noqa: E402
from zwnj_accuracy import ZWNJ, load_scorer, summarise  # noqa: E402

from paknevis.repair import repairer  # noqa: E402

DAMAGE = {"zero-width": lambda d: re.sub("[\u200b-\u200f]", "", d),
          "zwnj": lambda d: d.replace(ZWNJ, ""), "spaced": lambda d: d.replace(ZWNJ, " ")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--anchors", action="store_true",
                    help="also score the other normalizers installed (see benchmarks/anchors.py)")
    args = ap.parse_args()
    scorer = load_scorer()
    gold = [d for d in load_docs() if ZWNJ in d]
    systems = {"paknevis": repairer().fix, **(anchor_fixers() if args.anchors else {})}
    print(f"{len(gold)} Fars News articles that use ZWNJ")
    print(f"{'system/damage':24} {'P':>7} {'R':>7} {'F1':>7}  tp/gold     fp(none,space)")
    for damage, damaged_form in DAMAGE.items():
        damaged = list(map(damaged_form, gold))
        for name, fix in systems.items():
            r = summarise(scorer, gold, [fix(d) for d in damaged])
            print(f"{name + '/' + damage:24} {r['precision'] or 0:7.4f} {r['recall'] or 0:7.4f}"
                  f" {r['f1']:7.4f}  {r['tp']}/{r['gold_z']}  ({r['fp_none']},{r['fp_space']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
