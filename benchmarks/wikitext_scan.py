"""How fast ``repair/wikitext.py`` finds wikitext's syntax, against mwparserfromhell's parse.

    python benchmarks/wikitext_scan.py

The Fars News articles (``../shared/data/web/farsnews-1-4.jsonl``) as wikitext: an infobox,
a heading, and in every third paragraph a bold word and two links (one with no label), in
every fourth a reference holding a template, and a category. mwparserfromhell is the parser
``process`` uses to make text of wikitext; the repair needs no more than where the syntax
stands, which its nodes do not say. Best of three passes each; MB/s of UTF-8.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]


def articles() -> list[str]:
    from speed import load_docs

    out = []
    for doc in load_docs():
        title, *paragraphs = doc.split("\n")
        body = []
        for n, paragraph in enumerate(paragraphs):
            words = paragraph.split(" ")
            if n % 3 == 0 and len(words) > 5:
                words[1], words[2] = "'''" + words[1], words[2] + "'''"
                words[4], words[5] = f"[[{words[4]}]]", f"[[{words[5]}|{words[5]}]]"
            body.append(" ".join(words) + ("<ref>{{یادکرد|عنوان=خبر}}</ref>" if n % 4 == 0 else ""))
        out.append(f"{{{{جعبه|نام={title}}}}}\n== {title} ==\n" + "\n\n".join(body) + "\n[[رده:خبر]]\n")
    return out


def best(fn, docs: list[str], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        for doc in docs:
            fn(doc)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    import mwparserfromhell

    from paknevis.repair.wikitext import wikitext_spans

    docs = articles()
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(f"{len(docs)} articles as wikitext, {mb:.2f} MB")
    print(f"mwparserfromhell.parse   {mb / best(mwparserfromhell.parse, docs):6.2f} MB/s")
    print(f"wikitext_spans           {mb / best(lambda d: list(wikitext_spans(d)), docs):6.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
