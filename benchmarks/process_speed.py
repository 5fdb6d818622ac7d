"""Throughput of a whole corpus run: `paknevis process` end to end, as a user runs it.

    python benchmarks/process_speed.py            # local engine, 1 and 2 workers
    python benchmarks/process_speed.py --ray      # and --engine ray on 2 CPUs
    python benchmarks/process_speed.py --parts    # and where a record's time goes

Corpora: ../shared/data/web/farsnews-1-4.jsonl (1,200 articles; text in 'paragraphs', URL
in 'link'), and the same file four times over (4,800 documents), on which the fixed costs of
a run (start-up, loading the tables in each worker) weigh less, as on a real corpus.

Each run reads, parses, repairs, finds dates and names, detects the language, computes the
quality signals, writes JSONL, and then groups near copies (MinHash). Times are wall-clock
for the whole command (start-up included); memory is the peak resident set of the largest
process, from GNU time (Ray's own worker processes are not counted).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "web" / "farsnews-1-4.jsonl"


def run(engine: str, workers: int, corpus: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        cmd = ["/usr/bin/time", "-f", "TIME %e %M", sys.executable, "-m", "paknevis", "process",
               str(corpus), "-o", str(out), "--text-field", "paragraphs", "--url-field", "link",
               "--engine", engine, "--workers", str(workers)]
        r = subprocess.run(cmd, capture_output=True, text=True, check=True)
        secs, kb = r.stderr.strip().splitlines()[-1].split()[1:]
        records = sum(1 for _ in open(out, encoding="utf-8"))
    secs = float(secs)
    return {"engine": engine, "workers": workers, "records": records, "seconds": secs,
            "docs_per_s": round(records / secs), "peak_rss_mb": round(int(kb) / 1024)}


def best_ms(fn, texts: list[str], repeat: int) -> float:
    """Milliseconds per text of ``fn`` over ``texts``: the best of ``repeat`` passes, the
    repair's word cache emptied before each, as in a first pass (this machine's timings vary
    by up to 40% from one pass to the next)."""
    from paknevis.repair import repairer

    best = float("inf")
    for _ in range(repeat):
        repairer().clear_caches()
        t = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - t)
    return 1000 * best / len(texts)


def per_document_ms(repeat: int = 3) -> float:
    """parse + repair + dates (+ language, quality) per farsnews article, in this process,
    tables loaded (``best_ms``): the per-document cost of a corpus run."""
    sys.path.insert(0, str(ROOT / "src"))
    from paknevis.corpus.run import DumpFields, _from_dump_line

    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    fields = DumpFields(text="paragraphs", url="link")
    _from_dump_line(lines[0], fields)  # loads the tables
    return best_ms(lambda line: _from_dump_line(line, fields), lines, repeat)


def part_ms(repeat: int = 3) -> dict[str, float]:
    """Each part of a record on its own, per farsnews article (best of ``repeat`` passes; the
    repair's word cache emptied before each): the repair with its edits on the raw text,
    and the rest on the repaired text, as assemble and the corpus run call them."""
    from paknevis.analyse import detect_language, quality_signals
    from paknevis.corpus.dedup import minhash
    from paknevis.corpus.run import DumpFields, _from_dump_line
    from paknevis.dates import find_dates
    from paknevis.entities import find_entities
    from paknevis.repair import fix_and_explain

    fields = DumpFields(text="paragraphs", url="link")
    docs = [_from_dump_line(line, fields) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    parts = {"fix_and_explain": (fix_and_explain, [d.raw_text for d in docs]),
             "find_dates": (find_dates, [d.text for d in docs]),
             "find_entities": (find_entities, [d.text for d in docs]),
             "detect_language": (detect_language, [d.raw_text for d in docs]),
             "quality_signals": (quality_signals, [d.text for d in docs]),
             "minhash": (minhash, [d.text for d in docs])}
    return {name: round(best_ms(fn, texts, repeat), 2) for name, (fn, texts) in parts.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ray", action="store_true", help="also run --engine ray (needs paknevis[ray])")
    ap.add_argument("--parts", action="store_true", help="also time each part of a record alone")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    ms = per_document_ms()
    print(f"per document (parse + repair + dates + names + language + quality): {ms:.2f} ms")
    if args.parts:
        parts = part_ms()
        print("  each part alone: " + ", ".join(f"{name} {v:.2f} ms" for name, v in parts.items()))
    runs = [("local", 1), ("local", 2)] + ([("ray", 2)] if args.ray else [])
    results = {"per_document_ms": round(ms, 2), **({"part_ms": parts} if args.parts else {})}
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "farsnews-x4.jsonl"  # fixed costs (start-up, tables) amortised
        big.write_bytes(CORPUS.read_bytes() * 4)
        for label, corpus in (("1,200 articles", CORPUS), ("4,800 (the corpus 4 times)", big)):
            results[label] = [run(engine, workers, corpus) for engine, workers in runs]
    for label, rows in results.items():
        if label in ("per_document_ms", "part_ms"):
            continue
        print(label)
        for r in rows:
            print(f"  {r['engine']:5} x{r['workers']}: {r['records']} records in {r['seconds']:.2f} s = "
                  f"{r['docs_per_s']} docs/s, peak {r['peak_rss_mb']} MB")
        print(f"  local 2 workers / 1 worker: {rows[1]['docs_per_s'] / rows[0]['docs_per_s']:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
