"""ZWNJ restoration in a corpus file of a document a line, whose lines come from writers of
different habits.

    python benchmarks/zwnj_mixed_file.py

A web corpus mixes sites: one types ZWNJs, another types them as spaces, a third lost them
to a scraper. Here each Fars News article that uses ZWNJ (its paragraphs joined by a
space) is one line, in one of three forms drawn at random (seeded): as published, with its
ZWNJs deleted (glued), or typed as spaces; the lines are shuffled into one file. The file is
repaired as ``paknevis fix`` reads it (blocks of 256 lines, ``repair.lines``) and, to
compare, each line alone; each form's lines are scored against the published articles by
../shared/tools/zwnj_score.py. A line's repair should not depend on the lines around it.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from speed import load_docs  # noqa: E402
from zwnj_accuracy import ZWNJ, load_scorer, summarise  # noqa: E402

from paknevis.repair import repairer  # noqa: E402
from paknevis.repair.lines import line_blocks  # noqa: E402

FORMS = {"published": lambda d: d, "glued": lambda d: d.replace(ZWNJ, ""),
         "spaced": lambda d: d.replace(ZWNJ, " ")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    scorer = load_scorer()
    rng = random.Random(args.seed)
    gold = [d.replace("\n", " ") for d in load_docs() if ZWNJ in d]
    form_of = [rng.choice(list(FORMS)) for _ in gold]
    order = list(range(len(gold)))
    rng.shuffle(order)
    lines = [FORMS[form_of[i]](gold[i]) for i in order]
    fix = repairer().fix
    as_file = "".join(map(fix, line_blocks("\n".join(lines)))).split("\n")
    alone = list(map(fix, lines))
    print(f"{len(lines)} Fars News articles a line, shuffled, in three forms (seed {args.seed})")
    print(f"{'form':10} {'lines':>5} {'differ':>6}  {'file P':>7} {'R':>7} {'F1':>7}"
          f"  {'alone P':>7} {'R':>7} {'F1':>7}")
    for form in FORMS:
        at = [j for j, i in enumerate(order) if form_of[i] == form]
        golds = [gold[order[j]] for j in at]
        f = summarise(scorer, golds, [as_file[j] for j in at])
        a = summarise(scorer, golds, [alone[j] for j in at])
        differ = sum(as_file[j] != alone[j] for j in at)
        print(f"{form:10} {len(at):5} {differ:6}  {f['precision']:7.4f} {f['recall']:7.4f} {f['f1']:7.4f}"
              f"  {a['precision']:7.4f} {a['recall']:7.4f} {a['f1']:7.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
