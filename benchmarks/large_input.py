"""Large input through ``paknevis fix``: peak memory and time, one process and two.

    python benchmarks/large_input.py --repeat 2 --copies 24
    python benchmarks/large_input.py --json benchmarks/results/large_input.json

Each case runs in a fresh process, which reports its peak resident memory (VmHWM, Linux);
times are wall-clock, the best of ``--repeat`` runs with the cases taking turns, and include
start-up (loading the tables, about a second). The large
file is ../shared/data/web/farsnews-1-4.jsonl's 1,200 articles, one paragraph a line, 24
times over (106 MB), as published and with every ZWNJ deleted. ``paknevis fix`` reads a file
or standard input a chunk at a time and repairs it a block of lines at a time
(``paknevis.io.stream``, ``paknevis.repair.blocks``); ``fix`` given the whole text in one
call cuts it into the same blocks of lines (``paknevis.repair.lines``), but holds the text
and its repair whole. With ``--workers 2`` the memory is that of the main process;
each worker holds about as much again.

With ``--xml``, also the same articles as a Wikipedia dump writes pages (a <page> each, its
first line the <title>, the rest the <text>, escaped), repaired as such a dump (its text
as wikitext; ``fix_xml()``, as XML): read a block at a time, cut between pages
(``paknevis.repair.xml_text.xml_blocks``).

With ``--parquet``, also the same articles as a dataset's Parquet shard (an id, the title,
the text; zstd, a row group for each time over), repaired as Parquet: a row group at a time,
its text columns' strings 64 a call (``paknevis.repair.parquet_text``), written to a file.
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
sys.path[:0] = [str(ROOT / "benchmarks")]
SAMPLE = ROOT / "examples" / "blogger-post.txt"
COPIES = 24

# Reports the process's peak memory on stderr as it exits, however it exits (typer exits).
_REPORT = ("import atexit, sys; atexit.register(lambda: sys.stderr.write('VmHWM ' + "
           "[l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0] + '\\n'))")
_CLI = "from paknevis.cli import app; import sys; sys.stdout = open('/dev/null', 'w'); sys.argv = "


def _cli_to(out: Path) -> str:
    """As ``_CLI``, with standard output the file ``out`` (checked after: Parquet)."""
    return (f"from paknevis.cli import app; import io, sys; sys.stdout = io.TextIOWrapper(open({str(out)!r}, "
            "'wb')); sys.argv = ")


def peak(code: str, stdin: Path | None = None) -> dict:
    """Peak MB and seconds of a fresh Python process running ``code``."""
    t = time.perf_counter()
    with open(stdin or "/dev/null", "rb") as feed:
        r = subprocess.run([sys.executable, "-c", f"{_REPORT}\n{code}"], stdin=feed,
                           capture_output=True, text=True, check=True)
    secs = time.perf_counter() - t
    kb = next(line.split()[1] for line in r.stderr.splitlines() if line.startswith("VmHWM"))
    return {"peak_mb": round(int(kb) / 1024, 1), "seconds": round(secs, 2)}


def best(cases: dict[str, tuple], repeat: int) -> dict[str, dict]:
    """Each case run ``repeat`` times, the cases taking turns (so that a slow spell of the
    machine falls on all of them): the least time, and the largest peak."""
    out: dict[str, dict] = {}
    for _ in range(repeat):
        for name, args in cases.items():
            r = peak(*args)
            seen = out.setdefault(name, r)
            seen["seconds"] = min(seen["seconds"], r["seconds"])
            seen["peak_mb"] = max(seen["peak_mb"], r["peak_mb"])
    return out


def as_dump(docs: list[str], copies: int) -> str:
    """The articles as a Wikipedia dump writes pages, ``copies`` times over."""
    from html import escape

    pages = []
    for doc in docs:
        title, _, text = doc.partition("\n")
        pages.append(f"  <page>\n    <title>{escape(title, quote=False)}</title>\n    <revision>\n"
                     f'      <text xml:space="preserve">{escape(text, quote=False)}</text>\n'
                     "    </revision>\n  </page>\n")
    return '<mediawiki xml:lang="fa">\n' + "".join(pages) * copies + "</mediawiki>\n"


def as_parquet(docs: list[str], copies: int, path: Path) -> None:
    """The articles as a dataset's shard: id, title and text columns, a row group for each
    of ``copies`` times over."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    titles, texts = zip(*(doc.partition("\n")[::2] for doc in docs), strict=True)
    table = pa.table({"id": range(len(docs)), "title": titles, "text": texts})
    with pq.ParquetWriter(path, table.schema, compression="zstd") as writer:
        for _ in range(copies):
            writer.write_table(table)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--copies", type=int, default=COPIES, help="how many times over the corpus")
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--xml", action="store_true", help="also the articles as an XML dump")
    ap.add_argument("--parquet", action="store_true", help="also the articles as a Parquet shard")
    args = ap.parse_args()
    from speed import load_docs

    text = "\n".join(load_docs()) * args.copies
    results = {"one post": {"import and fix()": peak(
        f"import paknevis; paknevis.fix(open({str(SAMPLE)!r}, encoding='utf-8').read())")}}
    with tempfile.TemporaryDirectory() as tmp:
        for form, body in (("as published", text), ("ZWNJs deleted", text.replace("\u200c", ""))):
            path = Path(tmp) / "big.txt"
            path.write_text(body, encoding="utf-8")
            results[f"{path.stat().st_size / 1e6:.1f} MB file, {form}"] = best({
                "paknevis fix FILE": (_CLI + f"['paknevis', 'fix', {str(path)!r}]; app()",),
                "paknevis fix < FILE": (_CLI + "['paknevis', 'fix']; app()", path),
                "paknevis fix --workers 2 FILE": (
                    _CLI + f"['paknevis', 'fix', '--workers', '2', {str(path)!r}]; app()",),
                "fix() in one call": (
                    f"import paknevis; paknevis.fix(open({str(path)!r}, encoding='utf-8').read())",),
            }, args.repeat)
        if args.xml:
            path = Path(tmp) / "big.xml"
            path.write_text(as_dump(load_docs(), args.copies), encoding="utf-8")
            results[f"{path.stat().st_size / 1e6:.1f} MB XML dump, as published"] = best({
                "paknevis fix FILE": (_CLI + f"['paknevis', 'fix', {str(path)!r}]; app()",),
                "paknevis fix --workers 2 FILE": (
                    _CLI + f"['paknevis', 'fix', '--workers', '2', {str(path)!r}]; app()",),
                "fix_xml() in one call": (
                    f"import paknevis; paknevis.fix_xml(open({str(path)!r}, encoding='utf-8').read())",),
            }, args.repeat)
        if args.parquet:
            path, out = Path(tmp) / "big.parquet", Path(tmp) / "fixed.parquet"
            as_parquet(load_docs(), args.copies, path)
            text_mb = sum(len(doc.encode()) for doc in load_docs()) * args.copies / 1e6
            results[f"{path.stat().st_size / 1e6:.1f} MB Parquet shard ({text_mb:.1f} MB of text), "
                    "as published"] = best({
                "paknevis fix FILE > OUT": (_cli_to(out) + f"['paknevis', 'fix', {str(path)!r}]; app()",),
                "paknevis fix --workers 2 FILE > OUT": (
                    _cli_to(out) + f"['paknevis', 'fix', '--workers', '2', {str(path)!r}]; app()",),
                "fix_parquet() to a file": (
                    f"import paknevis; paknevis.fix_parquet({str(path)!r}, {str(out)!r})",),
            }, args.repeat)
            import pyarrow.parquet as pq
            assert pq.read_metadata(out).num_rows == pq.read_metadata(path).num_rows
    for case, runs in results.items():
        print(case)
        for how, r in runs.items():
            print(f"  {how:30} {r['peak_mb']:7.1f} MB {r['seconds']:6.2f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
