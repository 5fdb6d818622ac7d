"""find_dates against parstdex and dateparser, on the same hand-written set.

    pip install -e '.[bench-dates]'
    python benchmarks/dates.py
    python benchmarks/dates.py --json benchmarks/results/dates.json

The set is tests/data/dates.tsv (183 sentences, 24 with no date; relative expressions are
resolved against 2025-02-01). For each system:

* found: the expected expression is detected (a found span overlaps it);
* value: the ISO value is right (parstdex gives spans only; dateparser gives a datetime,
  compared by its date, or date and time);
* false dates: sentences with no date in which the system finds one.

Speed: scanning examples/blogger-post.txt repeatedly (1,000 times for paknevis).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paknevis.dates import find_dates  # noqa: E402

BASE = dt.datetime(2025, 2, 1)
CASES = list(csv.DictReader((ROOT / "tests" / "data" / "dates.tsv").open(encoding="utf-8"),
                            delimiter="\t", quoting=csv.QUOTE_NONE))
SAMPLE = (ROOT / "examples" / "blogger-post.txt").read_text(encoding="utf-8")


def paknevis_system():
    def run(sentence):
        return [(m.start, m.end, m.value) for m in find_dates(sentence, base=BASE)]
    return run


def parstdex_system():
    from parstdex import Parstdex
    model = Parstdex()

    def run(sentence):
        spans = model.extract_span(sentence)
        return [(s, e, None) for key in ("datetime", "date", "time") for s, e in spans.get(key, [])]
    return run


def dateparser_system():
    from dateparser.search import search_dates

    def run(sentence):
        found = search_dates(sentence, languages=["fa"], settings={"RELATIVE_BASE": BASE}) or []
        out, pos = [], 0
        for text, value in found:
            s = sentence.find(text, pos)
            pos = max(pos, s + len(text))
            iso = value.date().isoformat() if value.time() == dt.time() else value.isoformat()[:16]
            out.append((s, s + len(text), iso))
        return out
    return run


def score(run) -> dict:
    found = value = false = total_dates = 0
    for case in CASES:
        results = run(case["sentence"])
        if case["mention"] == "-":
            false += bool(results)
            continue
        total_dates += 1
        s = case["sentence"].find(case["mention"])
        e = s + len(case["mention"])
        hits = [r for r in results if r[0] < e and r[1] > s]
        found += bool(hits)
        value += any(r[2] == case["value"] for r in hits)
    non_dates = len(CASES) - total_dates
    return {"expressions": total_dates, "found": round(found / total_dates, 3),
            "value_right": round(value / total_dates, 3),
            "false_dates": f"{false}/{non_dates}"}


def speed(run, times: int) -> float:
    t = time.perf_counter()
    for _ in range(times):
        run(SAMPLE)
    return (time.perf_counter() - t) / times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args()
    systems = {"paknevis": (paknevis_system, 1000), "parstdex": (parstdex_system, 3),
               "dateparser": (dateparser_system, 3)}
    results = {}
    for name, (make, times) in systems.items():
        try:
            run = make()
        except ImportError:
            print(f"{name}: not installed", file=sys.stderr)
            continue
        results[name] = score(run)
        results[name]["ms_per_sample_post"] = round(1000 * speed(run, times), 2)
        if name == "parstdex":
            results[name]["value_right"] = None  # spans only
    print(f"{'system':12} {'found':>6} {'value':>6} {'false dates':>12} {'ms/post':>9}")
    for name, r in results.items():
        value = "-" if r["value_right"] is None else f"{r['value_right']:.3f}"
        print(f"{name:12} {r['found']:6.3f} {value:>6} {r['false_dates']:>12} {r['ms_per_sample_post']:9.2f}")
    p = results.get("paknevis")
    if p:
        print(f"paknevis: find_dates x1000 on the sample post: {p['ms_per_sample_post']:.2f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
