"""find_entities on news marked by hand: precision and recall, by kind.

    python benchmarks/entities.py                 # the dev half and the test half
    python benchmarks/entities.py --errors        # and each miss and wrong name
    python benchmarks/entities.py --json benchmarks/results/entities.json

The passages (benchmarks/data/entities-passages.tsv) are drawn at random from
../shared/data/web, a paragraph's first two sentences each. The names in them were marked
by hand: people, places (countries, provinces, towns, villages, regions, natural places;
not buildings) and organisations (institutions, parties, agencies, newspapers, companies,
clubs), each the longest name, a title (آقای، حجت‌الاسلام) left out.

* dev, passages 0 to 89 (seed 56: 60 Fars News, 30 Varzesh3): read while the finder and
  its lists were written (names in them entered the lists), and used to tune it;
* test, passages 90 to 149 (seed 5656, other articles: 40 and 20): drawn and marked after
  that, before the finder ran on them; then its errors were read (session 56), so it is no
  longer unseen;
* heldout, passages 150 to 189 (seed 5757, other articles again: 26 and 14): drawn and
  marked after the finder's lists were extended (session 56), before it ran on them;
* heldout2, passages 190 to 229 (``--draw 26 14 6060``, other articles again): drawn and
  marked (session 58) before that session's changes of the finder, and scored before them
  (all P 0.855, R 0.657); its errors were printed with that score, so it is seen.

Each passage is repaired by fix() first, as a record's text is. A name found is right when
its kind and its words are a marked name's (ZWNJ, spaces and letter shapes folded), each
marked name matched once; "overlap" also counts a name that holds or is held by a marked
one of its kind (سپاه صحابه for سپاه صحابه پاکستان). Speed: the 1,200 Fars News articles.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paknevis import fix  # noqa: E402
from paknevis.entities import find_entities  # noqa: E402
from paknevis.repair.fold import fold  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
WEB = ROOT.parent / "shared" / "data" / "web"
KINDS = ("person", "place", "organization")


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [row for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if row]


def _key(name: str) -> str:
    return fold(name).replace(" ", "")


def score(gold_file: str, passages: dict[int, str], errors: list[str] | None) -> dict:
    gold: dict[int, list[tuple[str, str]]] = {}
    for idx, kind, name in _rows(gold_file):
        gold.setdefault(int(idx), []).append((kind, _key(name)))
    first, last = min(gold), max(gold)
    counts = {mode: {k: Counter() for k in KINDS} for mode in ("exact", "overlap")}
    for idx in range(first, last + 1):
        text = fix(passages[idx])
        found = [(m.kind, _key(m.text), m.text) for m in find_entities(text)]
        for mode in ("exact", "overlap"):
            left = list(gold.get(idx, []))
            for kind, key, shown in found:
                match = next((g for g in left if g[0] == kind and (
                    g[1] == key or mode == "overlap" and (g[1] in key or key in g[1]))), None)
                if match:
                    left.remove(match)
                    counts[mode][kind]["right"] += 1
                else:
                    counts[mode][kind]["wrong"] += 1
                    if errors is not None and mode == "exact":
                        errors.append(f"{idx}\twrong\t{kind}\t{shown}")
            for kind, key in left:
                counts[mode][kind]["missed"] += 1
                if errors is not None and mode == "exact":
                    errors.append(f"{idx}\tmissed\t{kind}\t{key}")
    result = {}
    for mode, by_kind in counts.items():
        table = {}
        for kind in (*KINDS, "all"):
            c = sum(by_kind.values(), Counter()) if kind == "all" else by_kind[kind]
            p = c["right"] / ((c["right"] + c["wrong"]) or 1)
            r = c["right"] / ((c["right"] + c["missed"]) or 1)
            table[kind] = {"right": c["right"], "wrong": c["wrong"], "missed": c["missed"],
                           "P": round(p, 4), "R": round(r, 4), "F1": round(2 * p * r / ((p + r) or 1), 4)}
        result[mode] = table
    return result


def speed() -> dict:
    texts = []
    with (WEB / "farsnews-1-4.jsonl").open(encoding="utf-8") as f:
        for line in f:
            texts.append(fix("\n\n".join(json.loads(line)["paragraphs"])))
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        names = sum(len(find_entities(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    return {"articles": len(texts), "names": names, "seconds": round(best, 4),
            "ms_per_article": round(1000 * best / len(texts), 3)}


def titles() -> dict:
    """Over the 1,700 articles, the names of their titles (each title and its paragraphs
    repaired by fix()) and how many are not among their texts' names: what the archive's
    name filter finds since it reads titles too."""
    found = apart = 0
    for name in ("farsnews-1-4.jsonl", "varzesh3-1.jsonl"):
        with (WEB / name).open(encoding="utf-8") as f:
            for line in f:
                article = json.loads(line)
                paragraphs = article.get("paragraphs")
                body = ("\n\n".join(p for p in paragraphs if isinstance(p, str))
                        if isinstance(paragraphs, list) else str(article.get("abstract") or ""))
                in_title = {(m.kind, m.value) for m in find_entities(fix(article.get("title") or ""))}
                found += len(in_title)
                apart += len(in_title - {(m.kind, m.value) for m in find_entities(fix(body))})
    return {"names_in_titles": found, "not_among_the_texts_names": apart}


_SENTENCE = re.compile(r"(?<=[.!?؟])\s+")


def draw(fars: int, varz: int, seed: int) -> list[str]:
    """New passages to mark, as rows of entities-passages.tsv (numbered after the last):
    ``fars`` and ``varz`` paragraphs drawn at random (``seed``) from articles no passage
    came from yet, a paragraph's first two sentences each."""
    rows = _rows("entities-passages.tsv")
    used = {ref for _, _, ref, _ in rows}
    rng = random.Random(seed)
    out, n = [], len(rows)
    for tag, name, count in (("fars", "farsnews-1-4.jsonl", fars), ("varz", "varzesh3-1.jsonl", varz)):
        with (WEB / name).open(encoding="utf-8") as f:
            articles = [json.loads(line) for line in f]
        rng.shuffle(articles)
        for article in articles:
            if count == 0:
                break
            ref = str(article.get("code") or article.get("link"))  # (Varzesh3: its code)
            paragraphs = [p for p in article.get("paragraphs") or [] if isinstance(p, str)
                          and len(p.split()) >= 12 and "\t" not in p]
            if ref in used or not paragraphs:
                continue
            passage = " ".join(_SENTENCE.split(rng.choice(paragraphs).strip())[:2])
            out.append(f"{n}\t{tag}\t{ref}\t{passage}")
            used.add(ref)
            n += 1
            count -= 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print each miss and wrong name")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--draw", nargs=3, type=int, metavar=("FARS", "VARZESH3", "SEED"),
                    help="print new passages to mark (from articles not drawn yet), and stop")
    args = ap.parse_args()
    if args.draw:
        print("\n".join(draw(*args.draw)))
        return
    passages = {int(idx): text for idx, _, _, text in _rows("entities-passages.tsv")}
    out = {}
    for half in ("dev", "test", "heldout", "heldout2"):
        errors: list[str] | None = [] if args.errors else None
        out[half] = score(f"entities-{half}.tsv", passages, errors)
        for mode, table in out[half].items():
            print(f"{half} ({mode}): " + "  ".join(
                f"{k} P {v['P']:.3f} R {v['R']:.3f} F1 {v['F1']:.3f} "
                f"({v['right']} right, {v['wrong']} wrong, {v['missed']} missed)" for k, v in table.items()))
        for line in errors or []:
            print("  " + line)
    if WEB.exists():
        out["speed"] = speed()
        s = out["speed"]
        print(f"speed: {s['articles']} Fars News articles, {s['names']} names, {s['seconds']} s "
              f"({s['ms_per_article']} ms an article, best of 5)")
        out["titles"] = titles()
        print(f"titles: {out['titles']['names_in_titles']} names in the 1,700 articles' titles, "
              f"{out['titles']['not_among_the_texts_names']} not among their texts' names")
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
