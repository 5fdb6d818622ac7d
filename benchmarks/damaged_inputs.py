"""What one damaged byte costs a feed, a Wikipedia dump, a table, a Telegram export or a JSON
array of posts, and how fast they are read.

    python benchmarks/damaged_inputs.py                   # 300 damaged files of each kind
    python benchmarks/damaged_inputs.py --src /other/src  # the same of another checkout's readers
    python benchmarks/damaged_inputs.py --large 40        # a large JSON array on one line, damaged

The 1,200 Fars News articles (../shared/data/web/farsnews-1-4.jsonl) are written as a
Wikipedia dump (a <page> each, the paragraphs its wikitext), as an RSS feed (an <item>
each, the paragraphs as HTML in CDATA), as a CSV table (a row each: title, text with its
paragraphs' line breaks, link; written by Python's csv module), as a TSV table written as
a script may write one (a line a row, no quotes, the text on one line), as a channel's
export by Telegram Desktop (a message each, indented one space a level), as that export
written on one line (``telegram-line``: no app writes one, a script may) and as a JSON array
of posts on one line (title, text, link each; ``json.dump(posts, f)``). Each trial changes
one byte of one post, chosen at random (seeded), into a byte that the format reads as
markup (XML's < > & / ", a table's quote, delimiter and line break, JSON's punctuation) or
into any byte; in half the tables' trials, a quote is put before a row's first cell
instead (a title that begins with a quote, written unquoted, as a scraper may: a byte
changed into a quote inside a cell is read as a quote). It reads the file with paknevis's
reader (``read_wiki_dump``, ``read_feed``, ``read_telegram_export``; for a table, the rows
``paknevis process`` reads), and counts, over the trials, the posts other than the damaged
one that do not come out as from the whole file (lost or changed: damage should cost its
own post alone), how the damaged post came out (as it was, with a warning, changed without
one, as a reject: a post whose tags are lost, said so; or not at all), and the posts read
more than the file holds (a damaged post read as two or more: a table's cell of many lines
read as rows). Speed: the whole file, the posts ten times, best of 3.

With ``--large TIMES``, instead: the JSON array of posts on one line, the articles TIMES
over, read whole, with a stray quote in a post's text, and with a brace put before a key
(which never closes: its post runs to the end of the file), each in a fresh process:
seconds, posts and rejects read, and peak memory (Linux's VmHWM: maxrss would count the
parent's, which exec keeps).
"""
from __future__ import annotations

import argparse
import csv
import html
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT.parent / "shared" / "data" / "web" / "farsnews-1-4.jsonl"
MARKUP = {"wiki": b'<>&/"', "feed": b'<>&/"', "csv": b'",\n', "tsv": b'"\t\n', "telegram": b'"{}[],:\\',
          "telegram-line": b'"{}[],:\\', "json": b'"{}[],:\\'}
HEADS = {
    "wiki": ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" xml:lang="fa">\n'
             "<siteinfo><sitename>ویکی‌پدیا</sitename></siteinfo>\n", "</mediawiki>\n"),
    "feed": ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>فارس</title>\n',
             "</channel></rss>\n"),
    "csv": ("title,text,link\r\n", ""),
    "tsv": ("title\ttext\tlink\n", ""),
    "json": ("[", "]"),
}


def posts_of_articles() -> dict[str, list[str]]:
    """The articles as each kind writes a post."""
    posts: dict[str, list[str]] = {"wiki": [], "feed": [], "csv": [], "tsv": [], "json": []}
    with WEB.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            article = json.loads(line)
            paragraphs = [p for p in article.get("paragraphs") or [] if isinstance(p, str)]
            title = article.get("title") or f"خبر {n}"
            body = "\n\n".join(paragraphs)
            escaped = html.escape(title, quote=False)
            posts["wiki"].append(
                f"  <page>\n    <title>{escaped}</title>\n    <ns>0</ns>\n    <id>{n}</id>\n"
                "    <revision>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
                f'      <text xml:space="preserve">{html.escape(body, quote=False)}</text>\n'
                "    </revision>\n  </page>\n")
            cdata = "".join(f"<p>{p}</p>" for p in paragraphs).replace("]]>", "]] >")
            posts["feed"].append(f"<item><title>{escaped}</title><link>https://www.farsnews.ir/{n}</link>"
                                 f"<description><![CDATA[{cdata}]]></description></item>\n")
            row = io.StringIO()
            csv.writer(row).writerow([title, body, f"https://www.farsnews.ir/{n}"])
            posts["csv"].append(row.getvalue())
            flat = " ".join(body.replace("\t", " ").split())  # (written as a script may: no quotes)
            posts["tsv"].append(f"{' '.join(title.split())}\t{flat}\thttps://www.farsnews.ir/{n}\n")
            posts["json"].append(json.dumps({"title": title, "text": body,
                                             "link": f"https://www.farsnews.ir/{n}"}, ensure_ascii=False))
    return posts


def telegram_export(indent: int | None = 1) -> tuple[bytes, list[bytes], bytes]:
    """The articles as a channel's messages, exported as Telegram Desktop writes them (one
    space an indent level; None: on one line): the export's head, each message's block
    (without the comma between two), its tail."""
    messages = []
    with WEB.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            article = json.loads(line)
            paragraphs = [p for p in article.get("paragraphs") or [] if isinstance(p, str)]
            messages.append({"id": n + 1, "type": "message", "date": "2025-02-01T10:00:00",
                             "date_unixtime": str(1738391400 + n), "from": "فارس", "from_id": "channel1",
                             "text": "\n\n".join([article.get("title") or "", *paragraphs]),
                             "text_entities": [{"type": "plain", "text": p} for p in paragraphs[:3]]})
    data = json.dumps({"name": "فارس", "type": "public_channel", "id": 1, "messages": messages},
                      ensure_ascii=False, indent=indent).encode()
    opening = b'\n  {\n   "id": %d,' if indent else b'{"id": %d, "type"'
    starts = [data.index(opening % (n + 1)) for n in range(len(messages))]
    end = data.rindex(b"\n ]" if indent else b"]")
    blocks = [data[a:b].removesuffix(b", " if indent is None else b",")
              for a, b in zip(starts, [*starts[1:], end], strict=True)]
    return data[:starts[0]], blocks, data[end:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default=str(ROOT / "src"), help="the source tree whose readers to run")
    ap.add_argument("--trials", type=int, default=300)
    ap.add_argument("--seed", type=int, default=57)
    ap.add_argument("--kinds", default="wiki,feed,csv,tsv,telegram,telegram-line,json",
                    help="which kinds, by commas")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--large", type=int, metavar="TIMES", help="instead: a large JSON array on one line")
    args = ap.parse_args()
    if args.large:
        large(args.large, args.src)
        return
    sys.path.insert(0, args.src)
    readers = _readers()
    out = {}
    kinds = {kind: ((part.encode() for part in HEADS[kind]), [p.encode("utf-8") for p in posts],
                    b", " if kind == "json" else b"")
             for kind, posts in posts_of_articles().items()}
    head, messages, tail = telegram_export()
    kinds["telegram"] = ((head, tail), messages, b",")
    head, messages, tail = telegram_export(indent=None)
    kinds["telegram-line"] = ((head, tail), messages, b", ")
    for kind, ((head, tail), encoded, between) in kinds.items():
        if kind not in args.kinds.split(","):
            continue
        posts = encoded
        read = readers[kind]
        whole = read(head + between.join(encoded) + tail)
        assert len(whole) == len(posts), (kind, len(whole))
        big = head + between.join(encoded * 10) + tail
        best = min(_timed(read, big) for _ in range(3))
        rng = random.Random(args.seed)
        others_lost = trials_with_loss = more = 0
        damaged_as: dict[str, int] = {}
        for _ in range(args.trials):
            which = rng.randrange(len(posts))
            post = bytearray(encoded[which])
            at = rng.randrange(len(post))
            if kind in ("csv", "tsv") and rng.random() < 0.5:
                post[0:0] = b'"'  # a stray quote: a title that begins with one, written unquoted
            else:
                post[at] = rng.choice(MARKUP[kind]) if rng.random() < 0.5 else rng.randrange(256)
            got = read(head + between.join([*encoded[:which], post, *encoded[which + 1:]]) + tail)
            lost = _others_lost(whole, got, which)
            more += max(0, len(got) - len(whole))  # (a damaged post read as two or more)
            others_lost += lost
            trials_with_loss += lost > 0
            how = _how(whole, which, got)
            damaged_as[how] = damaged_as.get(how, 0) + 1
        mb = len(big) / 1e6
        out[kind] = {"posts": len(posts), "timed_MB": round(mb, 1), "read_s": round(best, 3),
                     "MB_per_s": round(mb / best, 1), "trials": args.trials,
                     "other_posts_lost_or_changed": others_lost, "trials_with_such_loss": trials_with_loss,
                     "posts_more_than_the_file_holds": more,
                     "damaged_post": dict(sorted(damaged_as.items()))}
        print(f"{kind}: {len(posts)} posts; {args.trials} trials: {others_lost} other posts lost or changed, "
              f"in {trials_with_loss} trials; the damaged post: {out[kind]['damaged_post']}, "
              f"{more} posts more than the file holds; "
              f"{mb:.1f} MB (the posts ten times) read in {best:.2f} s, {mb / best:.1f} MB/s", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


_READ_LARGE = """
import io, json, re, sys, time
sys.path.insert(0, sys.argv[1])
from paknevis.documents.json_stream import array_items
t = time.perf_counter()
with open(sys.argv[2], "rb") as f:
    source = io.BufferedReader(f)
    assert source.read(1) == b"["
    got = [why for _, why in array_items(source)]
peak = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read())[1])
print(json.dumps({"seconds": round(time.perf_counter() - t, 2), "posts": got.count(None),
                  "rejects": len(got) - got.count(None), "peak_MB": round(peak / 1e3)}))
"""


def large(times: int, src: str) -> None:
    """The articles ``times`` over as a JSON array on one line: whole, with a stray quote in
    a post's text, and with a brace before a key, each read in a fresh process."""
    posts = [json.loads(post) for post in posts_of_articles()["json"]]
    data = json.dumps(posts * times, ensure_ascii=False).encode()
    text = data.index(b'"text": "', 5000) + 9  # (a post's text, some posts in)
    cases = {"whole": data, "a stray quote": data[:text + 20] + b'"' + data[text + 20:],
             "a brace that never closes": data[:text - 9] + b"{" + data[text - 9:]}
    folder = Path(tempfile.mkdtemp())
    print(f"{len(posts) * times} posts, {len(data) / 1e6:.0f} MB on one line; the readers of {src}",
          flush=True)
    for name, case in cases.items():
        (folder / "posts.json").write_bytes(case)
        run = subprocess.run([sys.executable, "-c", _READ_LARGE, src, str(folder / "posts.json")],
                             capture_output=True, check=True)
        print(f"  {name:28} {json.loads(run.stdout)}", flush=True)


def _readers() -> dict:
    """Each kind's reader: a file's bytes -> its posts (a dict each; a str for a reject)."""
    from paknevis.corpus.inputs import iter_items
    from paknevis.documents.feed import read_feed
    from paknevis.documents.telegram_export import read_telegram_export
    from paknevis.documents.wiki_dump import read_wiki_dump

    folder = Path(tempfile.mkdtemp())

    def table(data: bytes, name: str = "table.csv") -> list:
        path = folder / name
        path.write_bytes(data)
        posts = []
        for item in iter_items([path]):
            if item.error:
                posts.append(item.error)
            else:
                row = json.loads(item.line)
                if getattr(item, "warning", None):  # (readers before session 57 gave none)
                    row["warnings"] = [item.warning]
                posts.append(row)
        return posts

    def telegram(data: bytes) -> list:
        posts = []
        try:  # (as a corpus run reads it: what a reader raises is the file's reject)
            for _, post in read_telegram_export(io.BufferedReader(io.BytesIO(data))):
                posts.append(post)
        except Exception as e:
            posts.append(f"cannot read the file after {len(posts)} items ({type(e).__name__})")
        return posts

    return {"telegram": telegram, "telegram-line": telegram,
            "wiki": lambda data: list(read_wiki_dump(io.BytesIO(data))),
            "feed": lambda data: list(read_feed(io.BytesIO(data))), "csv": table,
            "tsv": lambda data: table(data, "table.tsv"), "json": lambda data: table(data, "posts.json")}


def _timed(read, data: bytes) -> float:
    t = time.perf_counter()
    read(data)
    return time.perf_counter() - t


def _others_lost(whole: list, got: list, which: int) -> int:
    """How many posts but the damaged one are not among those read, as from the whole file."""
    left: dict[str, int] = {}
    for post in got:
        if isinstance(post, dict):
            key = json.dumps(post, sort_keys=True, ensure_ascii=False)
            left[key] = left.get(key, 0) + 1
    lost = 0
    for n, post in enumerate(whole):
        key = json.dumps(post, sort_keys=True, ensure_ascii=False)
        if n == which:
            continue
        if left.get(key):
            left[key] -= 1
        else:
            lost += 1
    return lost


def _how(whole: list, which: int, got: list) -> str:
    """How the damaged post came out: intact, with a warning, changed without one, a reject
    (its tags lost, said so) or not at all (no article now, or lost)."""
    if whole[which] in got:
        return "intact"
    if any(isinstance(p, dict) and p.get("warnings") and p not in whole for p in got):
        return "warned"  # (a warning of its own: not one that the whole file's post has too)
    if any(isinstance(p, str) for p in got):
        return "reject"
    return "changed, no warning" if sum(isinstance(p, dict) for p in got) >= len(whole) else "not read"


if __name__ == "__main__":
    main()
