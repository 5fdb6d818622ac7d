"""People found again by their family name alone, on whole news articles, as a reader judged them.

    python benchmarks/names_by_family.py                    # count them and score the judged sample
    python benchmarks/names_by_family.py --draw 100 --seed 5858 --out new.tsv   # more to judge

A news article names a person in full once («مهدی ربانی گفت») and by the family name after
(«ربانی افزود»). find_entities then takes each later mention of that family name for the
same person (``paknevis.entities.finder._same_people``). The hand-marked passages of
``benchmarks/entities.py`` are two sentences each and seldom hold both mentions, so this
measures the pass where it works: the 1,700 articles of ../shared/data/web, each repaired by
fix() as a record's text is, found with the pass and without it.

The mentions the pass adds were drawn at random (100, seed 5858) and each read in its
sentence by a reader of Persian (benchmarks/data/names_by_family.tsv):

* ``right``: the person named in full elsewhere in the article (or another of that name);
* ``wrong``: no person (کاراته the sport after a wrong «عباسعلی کاراته», ارواح 'souls');
* ``either``: part of a person's name (حداد of «حداد عادل»).

The score is the share of right mentions among those judged right or wrong that the pass
still adds; mentions it adds now that the sample never saw are not scored (draw again
after a change that adds many).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paknevis import fix  # noqa: E402
from paknevis.entities import finder  # noqa: E402

WEB = ROOT.parent / "shared" / "data" / "web"
JUDGED = ROOT / "benchmarks" / "data" / "names_by_family.tsv"
FIELDS = ["article", "start", "end", "name", "value", "context", "label"]


def articles() -> dict[str, str]:
    """Each article's reference (its link, or Varzesh3's code) -> its text, repaired."""
    out = {}
    for name in ("farsnews-1-4.jsonl", "varzesh3-1.jsonl"):
        with (WEB / name).open(encoding="utf-8") as f:
            for line in f:
                article = json.loads(line)
                paragraphs = [p for p in article.get("paragraphs") or [] if isinstance(p, str)]
                out[str(article.get("code") or article.get("link"))] = fix("\n\n".join(paragraphs))
    return out


def added_by_the_pass(texts: dict[str, str]) -> tuple[dict[str, int], list[dict]]:
    """Person mentions with the family-name pass and without it, and those it adds."""
    counts: Counter = Counter()
    added = []
    same_people = finder._same_people
    for ref, text in texts.items():
        with_pass = finder.find_entities(text)
        finder._same_people = lambda t, found: None
        try:
            without = {(m.start, m.end) for m in finder.find_entities(text) if m.kind == "person"}
        finally:
            finder._same_people = same_people
        people = [m for m in with_pass if m.kind == "person"]
        counts["with"] += len(people)
        counts["without"] += len(without)
        counts["lost"] += len(without - {(m.start, m.end) for m in people})
        counts["valued_by_full_name"] += sum(m.value != m.text for m in people)
        for m in people:
            if (m.start, m.end) not in without:
                context = text[max(0, m.start - 60):m.end + 60].replace("\n", " ").replace("\t", " ")
                added.append({"article": ref, "start": m.start, "end": m.end, "name": m.text,
                              "value": m.value, "context": context})
    counts["added"] = len(added)
    return dict(counts), added


def score(added: list[dict]) -> dict:
    now = {(a["article"], a["start"], a["end"]) for a in added}
    tally: Counter = Counter()
    with JUDGED.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            kept = (row["article"], int(row["start"]), int(row["end"])) in now
            tally[(row["label"], kept)] += 1
    right, wrong = tally[("right", True)], tally[("wrong", True)]
    return {"judged": sum(tally.values()), "right": right, "wrong": wrong,
            "either": tally[("either", True)], "wrong_no_longer_added": tally[("wrong", False)],
            "right_no_longer_added": tally[("right", False)],
            "P": round(right / ((right + wrong) or 1), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draw", type=int, help="draw this many added mentions to judge, and stop")
    ap.add_argument("--seed", type=int, default=5858)
    ap.add_argument("--out", type=Path, help="where --draw writes (a TSV to label)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args()
    texts = articles()
    counts, added = added_by_the_pass(texts)
    print(f"{len(texts):,} articles: {counts['without']:,} person mentions without the pass, "
          f"{counts['with']:,} with it ({counts['added']:,} added, {counts['lost']} lost); "
          f"{counts['valued_by_full_name']:,} valued by a full name")
    if args.draw:
        rows = random.Random(args.seed).sample(added, min(args.draw, len(added)))
        with (args.out or Path("names_by_family_draw.tsv")).open("w", encoding="utf-8") as f:
            f.write("\t".join(FIELDS) + "\n")
            for r in rows:
                f.write("\t".join(str(r.get(k, "")) for k in FIELDS) + "\n")
        return
    judged = score(added)
    print(f"judged sample: {judged['judged']} mentions; still added: {judged['right']} right, "
          f"{judged['wrong']} wrong, {judged['either']} either: P {judged['P']:.3f}; "
          f"no longer added: {judged['wrong_no_longer_added']} wrong, "
          f"{judged['right_no_longer_added']} right")
    if args.json:
        args.json.write_text(json.dumps({"counts": counts, "judged": judged}, ensure_ascii=False,
                                        indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
