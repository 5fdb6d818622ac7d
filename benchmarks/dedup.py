"""Near-copy clustering: recall and precision over pairs, folded vs unfolded text.

    python benchmarks/dedup.py                 # one run, datasketch's seed
    python benchmarks/dedup.py --seeds 18      # and paknevis over 18 permutation seeds

From ../shared/data/web (1,700 articles: farsnews and varzesh3), 400 articles get two near
copies each, made the way the web makes them: ZWNJ stripped or replaced by spaces, Arabic
yeh/kaf, Latin digits, a paragraph cut or added, a boilerplate line added, the title
changed (2-4 of these, drawn with a fixed seed). Copies are mixed with every original.
True pairs: an article and its copies. Scored over pairs of records in one cluster.

Systems: paknevis (repair, then MinHash LSH over folded text: paknevis.corpus.dedup); the
same index over the raw, unfolded text; and datatrove's default MinHash settings (5-word
shingles, 14 bands x 8 rows, datasketch) over the raw text.

MinHash is an estimate drawn from its permutations: another draw finds a few pairs near
the containment threshold more or fewer (±0.004 recall here). ``--seeds N`` reports the
mean and spread of paknevis's figures over N draws, which is what a change of hashing or
settings must be judged by.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paknevis import fix  # noqa: E402
from paknevis.corpus import dedup  # noqa: E402

WEB = ROOT.parent / "shared" / "data" / "web"
COPIED, COPIES, SEED = 400, 2, 7
BOILERPLATE = ["لینک کوتاه این خبر را در کانال تلگرام ما دنبال کنید",
               "انتهای پیام/", "کپی برداری از این مطلب تنها با ذکر منبع مجاز است."]


def load() -> list[dict]:
    """The articles, each once (the source holds a few exact duplicates: dropped)."""
    docs, seen = [], set()
    for name in ("farsnews-1-4.jsonl", "varzesh3-1.jsonl"):
        with open(WEB / name, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                paras = [p for p in [d["abstract"], *d["paragraphs"]] if p.strip()]
                key = (d["title"], tuple(paras))
                if key not in seen:
                    seen.add(key)
                    docs.append({"title": d["title"], "paras": paras})
    return docs


def mutate(doc: dict, rng: random.Random, other: dict) -> dict:
    title, paras = doc["title"], list(doc["paras"])
    edits = rng.sample(["strip", "space", "arabic", "latin", "cut", "add", "boiler", "title"],
                       rng.randint(2, 4))
    for e in edits:
        if e == "cut" and len(paras) >= 3:
            paras.pop(rng.randrange(1, len(paras)))
        elif e == "add":
            paras.insert(rng.randrange(len(paras) + 1), rng.choice(other["paras"]))
        elif e == "boiler":
            paras.append(rng.choice(BOILERPLATE))
        elif e == "title":
            title = "فوری: " + title
    text = "\n".join(paras)
    if "strip" in edits:
        text = text.replace("\u200c", "")
    if "space" in edits:
        text = text.replace("\u200c", " ")
    if "arabic" in edits:
        text = text.replace("ی", "ي").replace("ک", "ك")
    if "latin" in edits:
        text = text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    return {"title": title, "text": text}


def corpus() -> tuple[list[str], list[int]]:
    rng = random.Random(SEED)
    docs = load()
    items = [("\n".join([d["title"], *d["paras"]]), i) for i, d in enumerate(docs)]
    for i in rng.sample(range(len(docs)), COPIED):
        for _ in range(COPIES):
            c = mutate(docs[i], rng, docs[rng.randrange(len(docs))])
            items.append((c["title"] + "\n" + c["text"], i))
    rng.shuffle(items)
    return [t for t, _ in items], [g for _, g in items]


def pairs(groups: list[int]) -> set[tuple[int, int]]:
    by: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        by.setdefault(g, []).append(i)
    return {p for members in by.values() for p in itertools.combinations(sorted(members), 2)}


def score(predicted: list[int], truth: list[int]) -> dict:
    p, t = pairs(predicted), pairs(truth)
    hit = len(p & t)
    return {"pairs_true": len(t), "pairs_found": len(p), "recall": round(hit / len(t), 4),
            "precision": round(hit / len(p), 4) if p else None}


def cluster_with(texts, *, folded: bool, bands: int, rows: int, containment: float):
    """dedup.cluster with other settings: raw words instead of folded, other bands."""
    saved = dedup.fold, dedup.BANDS, dedup.ROWS, dedup.MIN_CONTAINMENT
    if not folded:
        dedup.fold = lambda s: s
    dedup.BANDS, dedup.ROWS, dedup.MIN_CONTAINMENT = bands, rows, containment
    try:
        return dedup.cluster(texts)
    finally:
        dedup.fold, dedup.BANDS, dedup.ROWS, dedup.MIN_CONTAINMENT = saved


def over_seeds(texts: list[str], truth: list[int], seeds: int) -> dict:
    """paknevis's recall and precision over ``seeds`` draws of the MinHash permutations."""
    from datasketch import MinHash

    fixed = [fix(x) for x in texts]
    saved, runs = dedup._PERMUTATIONS, []
    try:
        for seed in range(1, seeds + 1):
            dedup._PERMUTATIONS = MinHash(num_perm=dedup.BANDS * dedup.ROWS, scheme=dedup.SCHEME,
                                          seed=seed).permutations
            runs.append(score(dedup.cluster(fixed), truth))
    finally:
        dedup._PERMUTATIONS = saved
    return {key: {"mean": round(statistics.mean(r[key] for r in runs), 4),
                  "sd": round(statistics.stdev(r[key] for r in runs), 4),
                  "min": min(r[key] for r in runs), "max": max(r[key] for r in runs)}
            for key in ("recall", "precision")} | {"seeds": seeds}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=0,
                    help="also score paknevis over this many permutation seeds (1..N)")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args()
    texts, truth = corpus()
    results = {}
    t = time.perf_counter()
    results["paknevis (repair + fold)"] = score(dedup.cluster(fix(x) for x in texts), truth)
    results["paknevis (repair + fold)"]["seconds"] = round(time.perf_counter() - t, 1)
    others = {"same index, unfolded text": dict(folded=False, bands=dedup.BANDS, rows=dedup.ROWS,
                                                 containment=dedup.MIN_CONTAINMENT),
              "datatrove defaults, unfolded": dict(folded=False, bands=14, rows=8, containment=0.0)}
    for name, settings in others.items():
        t = time.perf_counter()
        results[name] = score(cluster_with(texts, **settings), truth)
        results[name]["seconds"] = round(time.perf_counter() - t, 1)
    print(f"{len(texts)} records ({COPIED} articles with {COPIES} near copies each)")
    for name, r in results.items():
        print(f"{name:30} recall {r['recall']:.4f}  precision {r['precision']:.4f}  "
              f"({r['pairs_found']} pairs found, {r['pairs_true']} true, {r['seconds']} s)")
    if args.seeds > 1:
        r = results["paknevis over seeds"] = over_seeds(texts, truth, args.seeds)
        print(f"paknevis over seeds 1..{args.seeds}: " + "  ".join(
            f"{key} {r[key]['mean']:.4f} ± {r[key]['sd']:.4f} ({r[key]['min']:.4f} to {r[key]['max']:.4f})"
            for key in ("recall", "precision")))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
