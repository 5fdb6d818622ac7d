"""The SQLite archive at size: index speed, and search latency p50/p95.

    python benchmarks/store.py              # 85,000 records: the 1,700 articles x 50, SQLite
    python benchmarks/store.py --postgres postgresql:///bench?host=/tmp/sock   # PostgreSQL
    python benchmarks/store.py --copies 5   # a quicker run

The 1,700 articles of ../shared/data/web are processed once into records; each is then
indexed ``--copies`` times under new ids (85,000 records at 50). Queries: 200 words taken
from the records, each typed five ways (with ZWNJ, glued, spaced, Arabic letters, Latin
digits), plus phrase, prefix, date-filtered and name-filtered queries; 20 hits each; one
process, warm cache. And the facets a page shows beside its hits, for every 20th query.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paknevis.corpus import iter_items, process_items  # noqa: E402
from paknevis.corpus.run import DumpFields  # noqa: E402
from paknevis.store import Filters, open_store  # noqa: E402

WEB = ROOT.parent / "shared" / "data" / "web"
Z = "\u200c"


def base_records() -> list[dict]:
    out: list[dict] = []
    process_items(iter_items([WEB / "farsnews-1-4.jsonl", WEB / "varzesh3-1.jsonl"]),
                  lambda line: out.append(json.loads(line)), lambda line: None,
                  fields=DumpFields(text="paragraphs", url="link"), workers=2)
    return out


def queries(records: list[dict], n: int = 200) -> list[tuple[str, dict]]:
    rng = random.Random(3)
    words = sorted({w for r in records for w in re.findall(r"[\u0600-\u06ff\u200c]{4,}", r["text"])})
    out = []
    for w in rng.sample(words, n):
        for v in (w, w.replace(Z, ""), w.replace(Z, " "), w.replace("ی", "ي").replace("ک", "ك")):
            out.append((v, {}))
    sources = [r["title"].split()[:2] for r in rng.sample(records, 50) if r.get("title")]
    out += [('"' + " ".join(s) + '"', {}) for s in sources]
    out += [(w[:4] + "*", {}) for w in rng.sample(words, 50)]
    out += [(w, {"since": "2020-01-01"}) for w in rng.sample(words, 50)]  # (no match: undated)
    named = [r for r in records if r["entities"]]
    for r in rng.sample(named, 50):  # a word of a record, and a name it holds
        word = rng.choice(re.findall(r"[\u0600-\u06ff\u200c]{4,}", r["text"]))
        out.append((word, {"name": rng.choice(r["entities"])["value"]}))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--postgres", help="a postgresql:// URL of an empty database (default: SQLite)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    records = base_records()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.postgres or str(Path(tmp) / "archive.db"))
        copies = ({**r, "id": f"{r['id']}-{k}"} for k in range(args.copies) for r in records)
        t = time.perf_counter()
        n = store.index(copies)
        index_secs = time.perf_counter() - t
        size_mb = 0 if args.postgres else (Path(tmp) / "archive.db").stat().st_size / 2**20
        qs = queries(records)
        for q, kw in qs[:50]:  # warm the caches
            store.search(q, Filters(**kw))
        times = []
        for q, kw in qs:
            t = time.perf_counter()
            store.search(q, Filters(**kw))
            times.append(1000 * (time.perf_counter() - t))
        facet_times = []  # what a page shows beside its hits (every facet, names among them)
        for q, kw in qs[::20]:
            t = time.perf_counter()
            store.facets(q, Filters(**kw))
            facet_times.append(1000 * (time.perf_counter() - t))
        store.close()
    times.sort()
    result = {"store": "postgresql" if args.postgres else "sqlite", "records": n,
              "index_seconds": round(index_secs, 1),
              "index_records_per_s": round(n / index_secs), "db_mb": round(size_mb),
              "queries": len(times), "p50_ms": round(statistics.median(times), 2),
              "p95_ms": round(times[int(0.95 * len(times)) - 1], 2), "max_ms": round(times[-1], 2),
              "facets": len(facet_times), "facets_p50_ms": round(statistics.median(facet_times), 2),
              "facets_max_ms": round(max(facet_times), 2)}
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
