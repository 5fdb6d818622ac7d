"""Throughput of a whole corpus run (read + parse + fix + dates + write), 1 and 2 workers.

    python benchmarks/process_speed.py

Corpus: ../shared/data/web/farsnews-1-4.jsonl (1,200 articles; text in 'paragraphs', URL in
'link'), processed by the same code as `paknevis process`, records written to /dev/null.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paknevis.corpus import iter_items, process_items  # noqa: E402
from paknevis.corpus.run import DumpFields  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "web" / "farsnews-1-4.jsonl"


def run(workers: int) -> dict:
    sink = open("/dev/null", "wb")
    t = time.perf_counter()
    counts = process_items(iter_items([CORPUS]), sink.write, sink.write, workers=workers,
                           fields=DumpFields(text="paragraphs", url="link"))
    secs = time.perf_counter() - t
    return {"workers": workers, "docs": counts.inputs, "records": counts.records,
            "seconds": round(secs, 2), "docs_per_s": round(counts.inputs / secs),
            "ms_per_doc_per_worker": round(1000 * secs * workers / counts.inputs, 2)}


def main() -> int:
    results = [run(1), run(2)]
    for r in results:
        print(f"{r['workers']} worker(s): {r['docs']} docs in {r['seconds']} s = {r['docs_per_s']} docs/s"
              f" ({r['ms_per_doc_per_worker']} ms per document per worker)")
    print(f"2 workers / 1 worker: {results[1]['docs_per_s'] / results[0]['docs_per_s']:.2f}x")
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
