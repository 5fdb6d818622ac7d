"""Do repair and the date finder stay linear on long, hostile input? Time against size.

    python benchmarks/scaling.py            # fix, fix_and_explain, find_dates; 100k and 1M chars
    python benchmarks/scaling.py --json benchmarks/results/scaling.json
    python benchmarks/scaling.py --gc-off   # the same with the garbage collector off
    python benchmarks/scaling.py --only "spaced handles" --sizes 100000,1000000,2000000

Each text repeats one pattern (a long word of Latin letters and digits with no space, a
mark before every comma, thousands of spaced plurals, ...) up to each size. For linear
work the time grows with the size: ``ratio`` is time(large) / time(small) and should stay
near the size ratio (10; memory and garbage collection add some), where quadratic work
would show about 100. A line of ``x1x1x1...`` once took 44 s for 4,000 characters (each
number rescanned its word), and 16,000 dates 13 s (each was checked against every date
chosen before it); this keeps such faults from coming back unseen.
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paknevis.dates import find_dates  # noqa: E402
from paknevis.repair import repairer  # noqa: E402

PATTERNS = {
    "latin word with digits, no space": "x1",
    "digits between Latin words": "abc 123 ",
    "numbers in Persian": "سال 1403 و ",
    # a number's marks, each judged by its neighbours (ساعت ۱۴.۳۰ once looked at all the
    # text before it: fix() on 106 MB took 96 s)
    "decimals and percents": "ساعت ۱۴.۳۰ و 1.2 و 55.2% و ",
    "numbers glued to words, no space": "سال۱",
    "URLs": "http://a.com/1?x=2& ",
    "e-mails": "a1@b2.com ",
    "space before comma": "کتاب ،",
    "space after bracket": "( ",
    "doubled ZWNJs": "\u200c\u200c ب",
    "spaced می": "می شود ",
    "spaced ها": "کتاب ها ",
    "glued words": "بینالمللی میشود ",
    "bidi handles": "BaharIran@ 7 ",
    "spaced handles": "سلام @ BaharIran7 ",
    "spaced hashtags": "# مجاهدین_خلق ",
    # a Latin mark looks past spaces and marks for the words around it
    "Latin marks apart": "چرا ? , ; ",
    # a quote or bracket typed against a word looks along its line for its partner
    "quotes against words": "الف»ب (ج)د «ه» ",
    "quotes without partners": "الف»ب ج«د ",
    # straight and curly quotes pair up along their line, and a URL is looked for once
    "straight and curly quote pairs": '"الف" “ب” ”ج” ',
    "a curly quote without a partner": "الف“ب ",
    "tags glued to words": "سلام@ali ایران#آزادی ",
    # compounds the table does not know, joined or split; a participle and ای at a stop
    "unknown compounds": "مسخره کننده زندگیدوست رسولپناه شکستهای. ",
    "one long word": "ب",
    "diacritics": "بَ",
    # harakat word by word: a vocalized passage as long as the text, and stray ones
    "vocalized words": "بَ ",
    "stray harakat": "بَ و ",
    "NBSPs": "\u00a0",
    "bidi marks between words": "سلام\u200e \u200fدنیا ",
    # garbled text (UTF-8 read as Windows-1252): Persian words, and a run of « signs that
    # holds no Arabic letter (which once made each sign a new start: 8,000 of them 1.6 s)
    "mojibake": "Ø³Ù„Ø§Ù… Ú©ØªØ§Ø¨â€ŒÙ‡Ø§ ",
    "mojibake signs, no letter": "ØÂ«",
    # UTF-8 read as Windows-1256, and one run of its pairs as long as the text, each pair
    # decoded on its own (و, or ڀ that is no Persian and keeps its signs)
    "mojibake (Windows-1256)": "ط³ظ„ط§ظ… ع©طھط§ط¨â€Œظ‡ط§ ",
    "Windows-1256 pairs, one run": "ظˆع€",
    # Windows-1256 read as Windows-1252: words, and one-sign words that look up their line
    "Windows-1256 as Windows-1252": "ÇíÑÇä æ ÇÒ ",
    "HTML references": "می&zwnj;شود &amp;amp;nbsp; ",
    "ampersands": "&amp;",
    "foreign lines": "پاکستان کی حکومت\nکتاب ها\n",
    # short lines of three writers' habits, each line's judged on its own edits
    "lines of three habits": "کتاب\u200cها و مهمترین\nکتابها میشود\nنخست وزیر می شود\n",
    # acronyms spelled out: each looked for the join before it in every edit so far (اف بی
    # آی 20,000 times: 19 s); an ellipsis typed spaced, each dot walking back the run
    "spelled acronyms": "اف بی آی ام اس آی تی ",
    "spaced dots": "گفت . . . ",
    "spoken clitics, IP addresses": "عکسهامو خونه شون 192.168.1.1 ",
    # a line of base64 (an image a scraper left inline): one word of Latin words and
    # numbers, each number asking whether a Latin word holds it (through every one: 400 KB
    # took 14 s in the command line)
    "base64": "aZ3k+9Qx/7Lm",
}
#: for the date finder: a chronology (two dates and a time per line) and impossible dates
#: (month 13, day 32), which veto what lies inside them
DATE_PATTERNS = {
    "dates and times": "۱۳ بهمن ۱۴۰۳، ساعت ۱۰:۳۰ و ۲۰۲۵-۰۲-۰۱\n",
    "impossible dates": "۳۲ بهمن ۱۴۰۳ و 1403/13/40 و ",
}
SIZES = (100_000, 1_000_000)


def seconds(fn, text: str, gc_off: bool = False) -> float:
    repairer().clear_caches()
    gc.collect()
    if gc_off:
        gc.disable()
    try:
        t = time.perf_counter()
        fn(text)
        return time.perf_counter() - t
    finally:
        gc.enable()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--gc-off", action="store_true",
                    help="time with the garbage collector off: what is left is the code's own")
    ap.add_argument("--only", help="only the patterns whose name holds this")
    ap.add_argument("--sizes", type=lambda v: tuple(map(int, v.split(","))), default=SIZES,
                    help="comma-separated sizes in characters (default: %(default)s)")
    args = ap.parse_args()
    sizes = args.sizes
    r = repairer()
    r.fix("گرم")  # load the tables before timing
    results = {}
    runs = [(name, pattern, call, fn) for name, pattern in PATTERNS.items()
            for call, fn in (("fix", r.fix), ("fix_and_explain", r.fix_and_explain))]
    runs += [(name, pattern, "find_dates", find_dates) for name, pattern in DATE_PATTERNS.items()]
    runs = [run for run in runs if args.only is None or args.only in run[0]]
    if not runs:
        ap.error(f"no pattern's name holds {args.only!r}")
    print(f"{'pattern':34} {'call':16} " + " ".join(f"{n:>10,}" for n in sizes) + "   ratio")
    for name, pattern, call, fn in runs:
        times = [seconds(fn, pattern * (n // len(pattern)), args.gc_off) for n in sizes]
        ratio = times[-1] / times[0]
        results[f"{name}/{call}"] = {"seconds": [round(t, 3) for t in times], "ratio": round(ratio, 1)}
        print(f"{name:34} {call:16} " + " ".join(f"{t:9.3f}s" for t in times) + f"  {ratio:6.1f}")
    worst = max(results.values(), key=lambda r: r["ratio"])["ratio"]
    print(f"worst ratio {worst} for a size ratio of {sizes[-1] // sizes[0]}")
    if args.json:
        args.json.write_text(json.dumps({"sizes": sizes, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
