"""Build the list of common Persian words shipped in ``src/paknevis/data/common-words.txt.gz``.

    pip install -e '.[build]'                  # wordfreq, read for its Persian list only
    python scripts/build_common_words.py          # writes the list
    python scripts/build_common_words.py --check  # fails if the shipped list differs

The entity finder (``paknevis.entities``) takes the word after استان، باشگاه or روزنامه for
a name only if the word is no common word: «استان قطب تولید» (a hub) and «باشگاه نظری
نداده» (an opinion) name nothing; nor is one of the 1,000 most frequent a family name after a
given name («فاطمه رو»، «علی دل»). The list is wordfreq's 5,000 most frequent Persian words
(wordfreq 3.1.1, CC BY-SA 4.0: see NOTICE) written in Persian letters alone, each as the
finder looks words up (no ZWNJ), the most frequent first, gzip'd without a timestamp, so the
same wordfreq gives the same bytes.
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "paknevis" / "data" / "common-words.txt.gz"
TOP = 5000
_PERSIAN_WORD = re.compile("[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c]+")


def build() -> bytes:
    from wordfreq import top_n_list

    words = dict.fromkeys(w.replace("\u200c", "").replace("ي", "ی").replace("ك", "ک")
                          for w in top_n_list("fa", TOP) if _PERSIAN_WORD.fullmatch(w))
    text = "".join(w + "\n" for w in words)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped list, write nothing")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = build()
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == data
        print("shipped list is up to date" if same else "shipped list differs from a fresh build")
        return 0 if same else 1
    args.out.write_bytes(data)
    words = len(gzip.decompress(data).splitlines())
    print(f"wrote {args.out} ({len(data):,} bytes, {words:,} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
