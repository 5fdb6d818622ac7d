"""How well and how fast paknevis reads Word 97-2003 documents (.doc) and RTF documents,
against the tools that read them: LibreOffice, antiword and catdoc (.doc), unrtf (RTF),
measured in the same run.

    python benchmarks/word97.py                    # needs LibreOffice to write the files
    python benchmarks/word97.py --work /tmp/docs   # keep the .doc files there (made once)
    python benchmarks/word97.py --format rtf --work /tmp/docs   # the same as RTF

The 1,200 Fars News articles (../shared/data/web/farsnews-1-4.jsonl) are written as
OpenDocument texts (the title a heading, each paragraph a paragraph) and saved by
LibreOffice as Word 97 (``soffice --convert-to 'doc:MS Word 97'``, 100 files a process),
or as RTF. Each is then read by paknevis (``read_word97_document``, ``read_rtf_document``:
the post's lines), by LibreOffice (``soffice --cat``, 100 files a process), and, where
Debian's packages are installed, a .doc by antiword (``antiword -w 0 -m UTF-8.txt``) and
catdoc (``catdoc -w -d utf-8``), an RTF by unrtf (``unrtf --html``, its tags taken out:
its ``--text`` writes ? for every Persian letter), a process a file as they are used. A
document is read right when its text, spaces made one, is the article's title and
paragraphs, spaces made one (an OpenDocument paragraph makes a run of spaces one); the
share of the articles' words read is over all documents (a word counted as many times as
the source has it). paknevis's title (a .doc's paragraph styled Heading 1, an RTF's first
line) is right where it is the article's title. Speed: the files' megabytes a second, wall
time.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT.parent / "shared" / "data" / "web" / "farsnews-1-4.jsonl"
_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"</?([a-zA-Z]*)[^>]*>")
_BLOCKS = {"br", "p", "div", "td", "tr", "table", "li", "body", "head", "title"}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
#: LibreOffice's filter for each kind written
_FILTERS = {".doc": "doc:MS Word 97", ".rtf": "rtf"}
#: the other readers of each kind, as a process a file: a command, and what makes its
#: output text
_TOOLS = {".doc": [("antiword", ["antiword", "-w", "0", "-m", "UTF-8.txt"], None),
                   ("catdoc", ["catdoc", "-w", "-d", "utf-8"], None)],
          ".rtf": [("unrtf", ["unrtf", "--html"], "html")]}
FODT = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
        '{}</office:text></office:body></office:document>\n')


def articles() -> list[list[str]]:
    """Each article's title and paragraphs, without the control characters XML cannot hold."""
    out = []
    with WEB.open(encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            parts = [article.get("title") or "", *(p for p in article.get("paragraphs") or []
                                                   if isinstance(p, str))]
            out.append([_CONTROL.sub(" ", p) for p in parts if p.strip()])
    return out


def write_docs(work: Path, docs: list[list[str]], soffice: str, suffix: str) -> float:
    """The articles as .doc or .rtf files (``suffix``) in ``work`` (made once); LibreOffice's
    seconds to write them."""
    if len(list(work.glob(f"*{suffix}"))) == len(docs):
        return float("nan")
    for n, parts in enumerate(docs):
        body = f'<text:h text:outline-level="1">{escape(parts[0])}</text:h>' + "".join(
            f"<text:p>{escape(p)}</text:p>" for p in parts[1:])
        (work / f"{n:04d}.fodt").write_text(FODT.format(body), encoding="utf-8")
    t = time.perf_counter()
    for _ in range(3):  # (soffice may stop short of a long list, exiting 0: those left are converted again)
        left = sorted(str(f) for f in work.glob("*.fodt") if not f.with_suffix(suffix).exists())
        for at in range(0, len(left), 100):
            subprocess.run([soffice, "--headless", "--convert-to", _FILTERS[suffix], "--outdir", str(work),
                            *left[at:at + 100]], check=True, capture_output=True)
    if len(list(work.glob(f"*{suffix}"))) != len(docs):
        sys.exit(f"LibreOffice did not write every {suffix}")
    return time.perf_counter() - t


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def score(name: str, texts: list[str], docs: list[list[str]], seconds: float, mb: float) -> dict:
    right = sum(_flat(text) == _flat(" ".join(parts)) for text, parts in zip(texts, docs, strict=True))
    found = total = 0
    for text, parts in zip(texts, docs, strict=True):
        source = Counter(" ".join(parts).split())
        found += sum((source & Counter(text.split())).values())
        total += sum(source.values())
    row = {"documents": len(docs), "read_right": right, "words_read": round(found / total, 4),
           "seconds": round(seconds, 2), "MB_per_s": round(mb / seconds, 2)}
    print(f"{name:12} {right:5}/{len(docs)} read right  {found / total:.4f} of the words  "
          f"{seconds:7.2f} s  {mb / seconds:7.2f} MB/s", flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--format", choices=["doc", "rtf"], default="doc", help="what the articles are saved as")
    ap.add_argument("--work", help="where the files are written (default: a new temporary folder)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice's soffice is not on the PATH (apt install libreoffice-writer-nogui)")
    work = Path(args.work or tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    docs, suffix = articles(), f".{args.format}"
    written = write_docs(work, docs, soffice, suffix)
    files = sorted(work.glob(f"*{suffix}"))
    mb = sum(f.stat().st_size for f in files) / 1e6
    made = "written before, in --work" if written != written else f"LibreOffice wrote them in {written:.1f} s"
    print(f"{len(files)} {suffix} files, {mb:.1f} MB ({made})", flush=True)
    out: dict = {"format": args.format, "files": len(files), "MB": round(mb, 1)}

    from paknevis.documents.rtf_document import read_rtf_document
    from paknevis.documents.word97_document import read_word97_document

    read = read_word97_document if suffix == ".doc" else read_rtf_document
    t = time.perf_counter()
    posts = [read(f) for f in files]
    out["paknevis"] = score("paknevis", [p.raw_text for p in posts], docs, time.perf_counter() - t, mb)
    titles = sum(_flat(p.title or "") == _flat(parts[0]) for p, parts in zip(posts, docs, strict=True))
    out["paknevis"]["titles_right"] = titles  # (no other reader gives one)
    print(f"{'':12} {titles:5}/{len(docs)} titles right", flush=True)

    t = time.perf_counter()
    texts = [text for at in range(0, len(files), 100) for text in _soffice_cat(soffice, files[at:at + 100])]
    out["libreoffice"] = score("LibreOffice", texts, docs, time.perf_counter() - t, mb)
    for tool, command, form in _TOOLS[suffix]:
        if shutil.which(tool) is None:
            print(f"{tool}: not installed (apt install {tool})")
            continue
        t = time.perf_counter()
        texts = [subprocess.run([*command, str(f)], capture_output=True).stdout.decode("utf-8", "replace")
                 for f in files]
        if form == "html":  # (its tags out, a block's a line break; its references read)
            texts = [html.unescape(_TAG.sub(lambda m: "\n" if m[1].lower() in _BLOCKS else "", text))
                     for text in texts]
        out[tool] = score(tool, texts, docs, time.perf_counter() - t, mb)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


def _soffice_cat(soffice: str, files: list[Path]) -> list[str]:
    """The texts of ``files`` as LibreOffice reads them (``soffice --cat``, one process for
    them all: each text begins with a byte-order mark); a file at a time where a file's
    text is missing from them."""
    def cat(files: list[Path]) -> list[str]:
        run = subprocess.run([soffice, "--headless", "--cat", *map(str, files)], capture_output=True)
        return run.stdout.decode("utf-8", "replace").split("\ufeff")[1:]

    texts = cat(files)
    return texts if len(texts) == len(files) else [next(iter(cat([f])), "") for f in files]


if __name__ == "__main__":
    main()
