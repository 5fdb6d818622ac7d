"""What one damaged byte costs a feed or a Wikipedia dump, and how fast they are read.

    python benchmarks/xml_damage.py                      # 300 damaged files of each kind
    python benchmarks/xml_damage.py --src /other/src     # the same of another checkout's reader

The 1,200 Fars News articles (../shared/data/web/farsnews-1-4.jsonl) are written as a
Wikipedia dump (a <page> each, the paragraphs its wikitext) and as an RSS feed (an <item>
each, the paragraphs as HTML in CDATA). Each trial changes one byte of one post, chosen at
random (seeded), into a byte that XML reads as markup (< > & / ") or into any byte, and
reads the file with paknevis's reader (``read_wiki_dump``, ``read_feed``). It counts, over
the trials, the posts other than the damaged one that do not come out as from the whole
file (lost or changed: damage should cost its own post alone), and how the damaged post
came out: as it was, with a warning, changed without one, as a reject (a post whose tags
are lost, said so) or not at all. Speed: the whole files read, best of 3.
"""
from __future__ import annotations

import argparse
import html
import io
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT.parent / "shared" / "data" / "web" / "farsnews-1-4.jsonl"
MARKUP = b'<>&/"'


def posts_of_articles() -> tuple[list[str], list[str]]:
    pages, items = [], []
    with WEB.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            article = json.loads(line)
            paragraphs = [p for p in article.get("paragraphs") or [] if isinstance(p, str)]
            title = html.escape(article.get("title") or f"خبر {n}", quote=False)
            body = "\n\n".join(paragraphs)
            pages.append(f"  <page>\n    <title>{title}</title>\n    <ns>0</ns>\n    <id>{n}</id>\n"
                         "    <revision>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
                         f'      <text xml:space="preserve">{html.escape(body, quote=False)}</text>\n'
                         "    </revision>\n  </page>\n")
            cdata = "".join(f"<p>{p}</p>" for p in paragraphs).replace("]]>", "]] >")
            items.append(f"<item><title>{title}</title><link>https://www.farsnews.ir/{n}</link>"
                         f"<description><![CDATA[{cdata}]]></description></item>\n")
    return pages, items


KINDS = {
    "wiki": ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" xml:lang="fa">\n'
             "<siteinfo><sitename>ویکی‌پدیا</sitename></siteinfo>\n", "</mediawiki>\n"),
    "feed": ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>فارس</title>\n',
             "</channel></rss>\n"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default=str(ROOT / "src"), help="the source tree whose reader to run")
    ap.add_argument("--trials", type=int, default=300)
    ap.add_argument("--seed", type=int, default=57)
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    sys.path.insert(0, args.src)
    from paknevis.documents.feed import read_feed
    from paknevis.documents.wiki_dump import read_wiki_dump

    readers = {"wiki": read_wiki_dump, "feed": read_feed}
    pages, items = posts_of_articles()
    out = {}
    for kind, posts in (("wiki", pages), ("feed", items)):
        head, tail = KINDS[kind]
        encoded = [p.encode("utf-8") for p in posts]
        read = readers[kind]
        whole_bytes = head.encode() + b"".join(encoded) + tail.encode()
        whole = list(read(io.BytesIO(whole_bytes)))
        big = head.encode() + b"".join(encoded) * 10 + tail.encode()  # (to time: 12,000 posts)
        best = min(_timed(read, big) for _ in range(3))
        assert len(whole) == len(posts), (kind, len(whole))
        rng = random.Random(args.seed)
        others_lost = trials_with_loss = 0
        damaged_as: dict[str, int] = {}
        for _ in range(args.trials):
            which = rng.randrange(len(posts))
            post = bytearray(encoded[which])
            at = rng.randrange(len(post))
            post[at] = rng.choice(MARKUP) if rng.random() < 0.5 else rng.randrange(256)
            data = b"".join([head.encode(), *encoded[:which], post, *encoded[which + 1:], tail.encode()])
            got = list(read(io.BytesIO(data)))
            lost = _others_lost(whole, got, which)
            others_lost += lost
            trials_with_loss += lost > 0
            how = _how(whole[which], got, len(posts))
            damaged_as[how] = damaged_as.get(how, 0) + 1
        mb = len(big) / 1e6
        out[kind] = {"posts": len(posts), "timed_MB": round(mb, 1), "read_s": round(best, 3),
                     "MB_per_s": round(mb / best, 1), "trials": args.trials,
                     "other_posts_lost_or_changed": others_lost, "trials_with_such_loss": trials_with_loss,
                     "damaged_post": dict(sorted(damaged_as.items()))}
        print(f"{kind}: {len(posts)} posts; {args.trials} trials: {others_lost} other posts lost or changed, "
              f"in {trials_with_loss} trials; the damaged post: {out[kind]['damaged_post']}; "
              f"{mb:.1f} MB (the posts ten times) read in {best:.2f} s, {mb / best:.1f} MB/s")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


def _timed(read, data: bytes) -> float:
    t = time.perf_counter()
    for _ in read(io.BytesIO(data)):
        pass
    return time.perf_counter() - t


def _others_lost(whole: list, got: list, which: int) -> int:
    """How many posts but the damaged one are not among those read, as from the whole file."""
    read = [json.dumps(p, sort_keys=True, ensure_ascii=False) for p in got if isinstance(p, dict)]
    left = {}
    for key in read:
        left[key] = left.get(key, 0) + 1
    lost = 0
    for n, post in enumerate(whole):
        if n == which:
            continue
        key = json.dumps(post, sort_keys=True, ensure_ascii=False)
        if left.get(key):
            left[key] -= 1
        else:
            lost += 1
    return lost


def _how(before: dict, got: list, n: int) -> str:
    """How the damaged post came out: intact, with a warning, changed without one, a reject
    (its tags lost, said so) or not at all (no article now, or lost)."""
    if before in got:
        return "intact"
    if any(isinstance(p, dict) and p.get("warnings") for p in got):
        return "warned"
    if any(isinstance(p, str) for p in got):
        return "reject"
    return "changed, no warning" if sum(isinstance(p, dict) for p in got) == n else "not read"


if __name__ == "__main__":
    main()
