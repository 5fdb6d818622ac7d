"""Joins of words typed apart, on real web text, as a reader judged them.

    python benchmarks/web_joins.py                  # score the checked sample
    python benchmarks/web_joins.py --draw 100 --seed 2 --out new.tsv   # more joins to judge

Varzesh3 (../shared/data/web/varzesh3-1.jsonl) types nearly every ZWNJ as a space (کتاب ها،
می شود، دروازه بان), as much of the Persian web does, and no gold says how its articles
should read. So the joins paknevis makes of two words typed apart there, where a wrong one
glues two words into one, were drawn at random (200 of each kind below: 100 with seed 1,
100 more with seed 2) and each read in its sentence by a reader of Persian
(benchmarks/data/web_joins.tsv):

* ``right``: one word, as the Academy's orthography writes it (دروازه‌بان، می‌شود، کتاب‌ها);
* ``wrong``: two words (شما هم نظر خود را: هم is 'also');
* ``either``: the standard and the dictionaries allow both (جمعه‌شب and جمعه شب).

Two strata: joins of a word and an affix (``zwnj.join_suffix``, ``zwnj.join_prefix_mi``:
ها، ترین، ام، می), and joins of two words (every other join rule: compounds, بی, ezafe ی,
شده), the harder kind. The score is the share of right joins among those judged right or
wrong that paknevis still makes, per stratum; joins judged wrong that it now leaves apart
are counted too, and joins it makes now that the sample never saw are not scored (draw a
new sample after a change that makes many).
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from speed import WARMUP as VARZESH3  # noqa: E402
from speed import load_docs  # noqa: E402

from paknevis import fix_and_explain  # noqa: E402

SAMPLE = ROOT / "benchmarks" / "data" / "web_joins.tsv"
AFFIX_RULES = {"zwnj.join_suffix", "zwnj.join_prefix_mi"}
FIELDS = ["doc", "offset", "rule", "joined", "context", "label"]
LABELS = ("right", "wrong", "either")


def stratum(rule: str) -> str:
    return "affix" if rule in AFFIX_RULES else "words"


def joins(docs: list[str]) -> dict[tuple[int, int], tuple[str, str, str]]:
    """(doc, offset of the space) -> (rule, the two words as joined, the sentence around)
    for each space paknevis turns into a ZWNJ or deletes between two words."""
    out = {}
    for i, doc in enumerate(docs):
        fixed, edits = fix_and_explain(doc)
        for e in edits:
            if e.old == " " and e.rule.startswith("zwnj.join"):
                left = doc[:e.start].split()[-1]
                right = doc[e.end:].split()[0]
                joined = left + e.new + right
                around = doc[max(0, e.start - 60):e.start] + "⟦" + e.old + "⟧" + doc[e.end:e.end + 60]
                out[i, e.start] = (e.rule, joined, " ".join(around.split()))
    return out


def draw(found: dict, per_stratum: int, seed: int, judged: set, stratum_of=stratum) -> list[dict]:
    """``per_stratum`` edits of each kind, at random, none of them ``judged`` already."""
    rng = random.Random(seed)
    rows = []
    for name in ("affix", "words"):
        keys = sorted(k for k, v in found.items() if stratum_of(v[0]) == name and k not in judged)
        for doc, offset in sorted(rng.sample(keys, min(per_stratum, len(keys)))):
            rule, joined, context = found[doc, offset]
            rows.append({"doc": doc, "offset": offset, "rule": rule, "joined": joined,
                         "context": context, "label": ""})
    return rows


def read_sample(path: Path = SAMPLE) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def score(rows: list[dict], found: dict, stratum_of=stratum) -> dict[str, Counter]:
    """Per stratum: of the sampled edits, how many paknevis still makes, by label, and how
    many of those judged wrong it now leaves undone."""
    out: dict[str, Counter] = {"affix": Counter(), "words": Counter()}
    for row in rows:
        made = (int(row["doc"]), int(row["offset"])) in found
        out[stratum_of(row["rule"])][row["label"] if made else "apart:" + row["label"]] += 1
    return out


def judged_sample_main(description: str, sample: Path, found_in, what: str, stratum_of=stratum) -> int:
    """The command line of a judged sample: score it, or ``--draw`` more to judge.
    ``found_in()`` gives the edits to sample and a line that says what they are."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--draw", type=int, metavar="N",
                    help=f"draw N {what} of each stratum that the sample does not have yet, to judge"
                         " (written to --out, unlabelled)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="where --draw writes (never the judged sample)")
    args = ap.parse_args()
    if args.draw and (args.out is None or args.out.resolve() == sample):
        ap.error(f"--draw needs --out, a file other than the judged sample ({sample.name})")
    found, summary = found_in()
    print(summary)
    judged = read_sample(sample) if sample.exists() else []
    if args.draw:
        rows = draw(found, args.draw, args.seed, {(int(r["doc"]), int(r["offset"])) for r in judged},
                    stratum_of)
        with open(args.out, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, FIELDS, delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        print(f"{len(rows)} {what} to judge written to {args.out}")
        return 0
    unlabelled = [r for r in judged if r["label"] not in LABELS]
    if unlabelled or not judged:
        print(f"{len(unlabelled)} rows of {sample} have no label ({', '.join(LABELS)})")
        return 1
    print(f"{'stratum':8} {'sample':>6} {'made':>6} {'right':>5} {'wrong':>5} {'either':>6}"
          f" {'P':>7}   wrong, now undone")
    for name, c in score(judged, found, stratum_of).items():
        made = c["right"] + c["wrong"] + c["either"]
        decided = c["right"] + c["wrong"]
        p = c["right"] / decided if decided else float("nan")
        print(f"{name:8} {sum(c.values()):6} {made:6} {c['right']:5} {c['wrong']:5} {c['either']:6}"
              f" {p:7.4f}   {c['apart:wrong']}")
    return 0


def varzesh3_joins() -> tuple[dict, str]:
    found = joins(load_docs(VARZESH3))
    strata = Counter(stratum(rule) for rule, _, _ in found.values())
    return found, (f"Varzesh3: {len(found)} joins of words typed apart ({strata['affix']} of an"
                   f" affix, {strata['words']} of two words)")


def main() -> int:
    return judged_sample_main(__doc__.split("\n\n")[0], SAMPLE, varzesh3_joins, "joins")


if __name__ == "__main__":
    sys.exit(main())
