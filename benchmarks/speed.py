"""Throughput of ``fix`` against the Persian normalizers, measured in the same run.

    python benchmarks/speed.py                  # paknevis and every anchor installed
    python benchmarks/speed.py --repeat 5
    python benchmarks/speed.py --steps          # and where paknevis's time goes
    python benchmarks/speed.py --floor          # and what pure Python cannot go below
    python benchmarks/speed.py --explain        # and fix_and_explain (what a record needs)
    python benchmarks/speed.py --skip zwnj.join_compound   # and fix with a rule skipped
    python benchmarks/speed.py --dump           # and the JSON Lines file itself, repaired as JSON
    python benchmarks/speed.py --markup         # and the articles as pages, Markdown and wikitext
    python benchmarks/speed.py --lines          # one call per line: short texts
    python benchmarks/speed.py --form glued     # the articles with their ZWNJs deleted

Corpus: ../shared/data/web/farsnews-1-4.jsonl (1,200 Fars News articles), one call per
document (title, abstract and paragraphs joined by newlines), one process. MB/s counts the
UTF-8 bytes of the input. Each system runs ``--repeat`` times, the systems taking turns, each
timed pass after a warm-up pass of the same system over another corpus (varzesh3) and a
full garbage collection; the best run counts (the least disturbed by the machine).
paknevis's per-word cache is emptied before each timed pass, so no timed pass sees a word
it has seen before. With ``--lines``, one call per non-empty line of the same articles
(title, abstract, each paragraph: 13,157 texts of 185 characters on average), as for a
corpus of sentences or posts, where what each call costs whatever its length counts
more. With ``--form``, every system gets the articles in another form (``FORMS``), the
failure modes of web text. With ``--dump``, paknevis also repairs the file itself as
``paknevis fix`` repairs JSON, 256 lines a call (each string value: titles, paragraphs, and
links, tags and categories too), its MB/s counted over the whole file; with ``--markup``,
each article as a page, a Markdown post and wikitext (``with_markup``), as ``paknevis fix``
repairs them, MB/s counted over the page, post or wikitext. Ratios are to hazm;
in shekar's venv (see anchors.py), which has no hazm, to paknevis.
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]
CORPUS = ROOT.parent / "shared" / "data" / "web" / "farsnews-1-4.jsonl"
WARMUP = ROOT.parent / "shared" / "data" / "web" / "varzesh3-1.jsonl"


def lines_of(docs: list[str]) -> list[str]:
    """The non-empty lines of ``docs``, each a text of its own (``--lines``)."""
    return [line for doc in docs for line in doc.split("\n") if line.strip()]


def load_docs(path: Path = CORPUS) -> list[str]:
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append("\n".join([d["title"], d["abstract"], *d["paragraphs"]]))
    return docs


#: The corpus's forms for ``--form``: as published; with every ZWNJ deleted, as scrapers
#: leave text; with every ZWNJ typed as a space, as Varzesh3 writes; and each article ending,
#: as the sample blog post does, in a line of hashtags, a handle and a link.
FORMS = {
    "published": lambda doc: doc,
    "glued": lambda doc: doc.replace("\u200c", ""),
    "spaced": lambda doc: doc.replace("\u200c", " "),
    "tagged": lambda doc: doc + "\n#ایران #فارس_نیوز 🇮🇷 BaharIran@ 7 https://t.co/AbC123",
}


def systems() -> dict:
    from anchors import anchor_fixers

    from paknevis.repair import repairer

    return {"paknevis": repairer().fix, **anchor_fixers()}


def floor_references() -> dict:
    """Reference points for ``--floor``, timed in the same run as the systems.

    * ``ref:translate+regex``: one ``str.translate`` and one regex over the text, the
      issue's "practical ceiling in pure Python" (about 34 MB/s);
    * ``ref:split+lookup``: the text cut at spaces and each piece looked up once in a dict
      of the word table's common words, the least that any word-table ZWNJ repair does;
    * ``ref:no-zwnj``: paknevis's ``fix`` with the ZWNJ step turned off;
    * ``ref:no-zwnj+split+lookup``: the two above in turn, the floor for paknevis's design;
    * ``ref:paknevis-seen``: paknevis with its word cache kept from the passes before, so
      that (from the second round on) every word has been analysed before: what the
      present design gives if the first analysis of each word cost nothing;
    * ``ref:paknevis-python-scan``: paknevis with neither C part (the ZWNJ step's scan and
      ``runs.py``'s search in Python); the modules mypyc compiled (setup.py) stay compiled,
      where a machine without a C compiler would run them in Python too.
    """
    import re

    from paknevis.repair import Repairer, repairer, runs
    from paknevis.repair.pipeline import shipped_lexicon
    from paknevis.repair.zwnj import ZwnjRestorer, ZwnjStep

    yeh_kaf = str.maketrans("يك", "یک")
    space_runs = re.compile("  +")
    words = dict.fromkeys(shipped_lexicon().common_quiet)
    without_zwnj = repairer(zwnj=False).fix
    seen = Repairer()  # its own caches, which best_times does not empty
    c_runs, runs._c_runs = runs._c_runs, None  # steps built now find characters by regex
    try:
        python_scan = Repairer()
    finally:
        runs._c_runs = c_runs
    for step in python_scan.steps:
        if isinstance(step, ZwnjStep):
            step.restorer = ZwnjRestorer(step.restorer.lex, c_scan=False)

    def split_lookup(text: str) -> str:
        list(map(words.get, text.replace("\n", " ").split(" ")))
        return text

    return {
        "ref:translate+regex": lambda text: space_runs.sub(" ", text.translate(yeh_kaf)),
        "ref:split+lookup": split_lookup,
        "ref:no-zwnj": without_zwnj,
        "ref:no-zwnj+split+lookup": lambda text: split_lookup(without_zwnj(text)),
        "ref:paknevis-seen": lambda text: seen.fix(text),
        "ref:paknevis-python-scan": python_scan.fix,
    }


def best_times(fns: dict, docs, warmup, repeat: int, inputs: dict | None = None) -> dict[str, float]:
    """The best of ``repeat`` timed passes for each system. The systems take turns (one
    timed pass of each per round), so that a slow spell of the machine hits them all alike,
    and each timed pass follows a warm-up pass of its own system over another corpus, so
    that it finds the processor's caches as it would running alone, not full of the
    previous system's tables. ``inputs`` gives a system other (docs, warmup) than the rest."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeat):
        for name, fn in fns.items():
            docs_of, warmup_of = (inputs or {}).get(name, (docs, warmup))
            for d in warmup_of:
                fn(d)
            clear = getattr(getattr(fn, "__self__", None), "clear_caches", None)
            if clear:
                clear()
            # A full collection walks every object of the process (hazm's, parsivar's,
            # NumPy's...), 120-140 ms here, and falls in whichever pass the garbage of the
            # passes before it sets off: each timed pass starts with none pending.
            gc.collect()
            t = time.perf_counter()
            for d in docs_of:
                fn(d)
            best[name] = min(best[name], time.perf_counter() - t)
    return best


class FormRepair:
    """A block of JSON Lines, a page or a post repaired as ``paknevis fix`` repairs one of
    its form (a method, so that best_times empties its word cache as paknevis's)."""

    def __init__(self, kind: str):
        from paknevis.repair import repairer
        from paknevis.repair.forms import Form

        self.repairer, self.form = repairer(), Form(kind)

    def clear_caches(self) -> None:
        self.repairer.clear_caches()

    def repair(self, block: str) -> str:
        return self.form.repair(block, self.repairer, False)[0]


def with_markup(doc: str, kind: str) -> str:
    """An article as a page (``html``), a Markdown post or an article's wikitext: its title
    a heading, a paragraph each, and every third paragraph of more than five words with its
    second and third words in bold and its fifth a link (``--markup``: words in inline
    markup, as pages have them, are repaired across it)."""
    title, *paragraphs = doc.split("\n")
    heading, bold, link, paragraph, joined = {
        "html": ("<h1>{}</h1>", ("<b>", "</b>"), '<a href="/tag/{n}">{}</a>', "<p>{}</p>", "\n"),
        "markdown": ("# {}", ("**", "**"), "[{}](/tag/{n})", "{}", "\n\n"),
        "wikitext": ("== {} ==", ("'''", "'''"), "[[برچسب {n}|{}]]", "{}", "\n\n")}[kind]
    out = [heading.format(title)]
    for n, text in enumerate(paragraphs):
        words = text.split(" ")
        if n % 3 == 0 and len(words) > 5:
            words[1], words[2] = bold[0] + words[1], words[2] + bold[1]
            words[4] = link.format(words[4], n=n)
        out.append(paragraph.format(" ".join(words)))
    return joined.join(out) + "\n"


def dump_blocks(path: Path) -> list[str]:
    """The JSON Lines file at ``path`` in blocks of lines, as ``paknevis fix`` reads it."""
    from paknevis.repair.lines import line_blocks

    return list(line_blocks(path.read_text(encoding="utf-8")))


def step_times(docs: list[str], repeat: int) -> dict[str, float]:
    """Milliseconds per step of paknevis's ``fix`` over ``docs`` (word cache emptied
    first, as in the timed passes), the best of ``repeat`` passes for each step."""
    from paknevis.repair import repairer

    r = repairer()
    best: dict[str, float] = {}
    for _ in range(repeat):
        r.clear_caches()
        spent = dict.fromkeys((step.name for step in r.fix_steps), 0.0)
        for text in docs:
            for step in r.fix_steps:
                t = time.perf_counter()
                text = step.apply(text)
                spent[step.name] += time.perf_counter() - t
        for name, secs in spent.items():
            best[name] = min(best.get(name, secs), secs)
    return {name: round(secs * 1000, 1) for name, secs in best.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--steps", action="store_true", help="also time each step of paknevis's fix")
    ap.add_argument("--floor", action="store_true",
                    help="also time reference points: what pure Python cannot go below")
    ap.add_argument("--explain", action="store_true",
                    help="also time fix_and_explain, which gives every edit with its span")
    ap.add_argument("--skip", metavar="RULES",
                    help="also time fix with these rules skipped (comma-separated: skip=)")
    ap.add_argument("--dump", action="store_true",
                    help="also time the JSON Lines file repaired as JSON (paknevis fix dump.jsonl)")
    ap.add_argument("--markup", action="store_true",
                    help="also time each article as a page, a Markdown post and wikitext (see with_markup)")
    ap.add_argument("--lines", action="store_true",
                    help="one call per line of the articles, not per article")
    ap.add_argument("--form", choices=FORMS, default="published",
                    help="the articles as published, or in another form (see FORMS)")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args()
    form = FORMS[args.form]
    docs, warmup = list(map(form, load_docs())), list(map(form, load_docs(WARMUP)))
    if args.lines:
        docs, warmup = lines_of(docs), lines_of(warmup)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    results = {}
    fns = systems()
    from paknevis.repair import repairer  # (as systems() imports it: a benchmark's own path)

    if args.explain:
        fns["paknevis-explain"] = repairer().fix_and_explain
    if args.skip:
        fns["paknevis-skip"] = repairer(skip=tuple(args.skip.split(","))).fix
    inputs, sizes = {}, {}
    if args.dump:
        fns["paknevis-json"] = FormRepair("json").repair
        inputs["paknevis-json"] = dump_blocks(CORPUS), dump_blocks(WARMUP)
        sizes["paknevis-json"] = CORPUS.stat().st_size / 1e6, len(load_docs())
    for kind in ("html", "markdown", "wikitext") if args.markup else ():
        marked = [with_markup(d, kind) for d in docs]
        fns[f"paknevis-{kind}"] = FormRepair(kind).repair
        inputs[f"paknevis-{kind}"] = marked, [with_markup(d, kind) for d in warmup]
        sizes[f"paknevis-{kind}"] = sum(len(d.encode("utf-8")) for d in marked) / 1e6, len(docs)
    fns.update(floor_references() if args.floor else {})
    for name, secs in best_times(fns, docs, warmup, args.repeat, inputs).items():
        size, count = sizes.get(name, (mb, len(docs)))
        results[name] = {"seconds": round(secs, 3), "mb_per_s": round(size / secs, 2),
                         "docs_per_s": round(count / secs)}
    base_name = "hazm" if "hazm" in results else "paknevis"
    base = results[base_name]["mb_per_s"]
    unit = "lines" if args.lines else "docs"
    print(f"corpus: {len(docs)} {unit} ({args.form}), {mb:.2f} MB (UTF-8), best of {args.repeat}")
    for name, r in results.items():
        r[f"x_{base_name}"] = round(r["mb_per_s"] / base, 3)
        print(f"{name:24} {r['mb_per_s']:7.2f} MB/s {r['docs_per_s']:7d} {unit}/s"
              f"  {r['mb_per_s'] / base:6.2f}x {base_name}")
    if args.steps:
        steps = step_times(docs, args.repeat)
        total = sum(steps.values())
        print(f"paknevis per step (ms, best of {args.repeat}, cold word cache; total {total:.0f}):")
        for name, ms in steps.items():
            print(f"  {name:30} {ms:7.1f}  {100 * ms / total:4.0f}%")
        results["paknevis_steps_ms"] = steps
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
