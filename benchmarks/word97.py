"""How well and how fast paknevis reads Word 97-2003 documents (.doc), against the tools
that read them: LibreOffice, antiword and catdoc, measured in the same run.

    python benchmarks/word97.py                    # needs LibreOffice to write the files
    python benchmarks/word97.py --work /tmp/docs   # keep the .doc files there (made once)

The 1,200 Fars News articles (../shared/data/web/farsnews-1-4.jsonl) are written as
OpenDocument texts (the title a heading, each paragraph a paragraph) and saved by LibreOffice
as Word 97 (``soffice --convert-to 'doc:MS Word 97'``, in one process). Each .doc is then
read by paknevis (its main text, ``word97_document``), by LibreOffice (``soffice --cat``,
the files in one process), and, where Debian's packages are installed, by antiword
(``antiword -w 0 -m UTF-8.txt``) and catdoc (``catdoc -w -d utf-8``), a process a file as
they are used. A document is read right when its text, spaces made one, is the article's
title and paragraphs, spaces made one (an OpenDocument paragraph makes a run of spaces
one); the share of the articles' words read is over all documents (a word counted as many
times as the source has it). paknevis's title (the paragraph styled Heading 1) is right
where it is the article's title. Speed: the .doc files' megabytes a second, wall time.
"""
from __future__ import annotations

import argparse
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
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
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


def write_docs(work: Path, docs: list[list[str]], soffice: str) -> float:
    """The articles as .doc files in ``work`` (made once); LibreOffice's seconds to write them."""
    if len(list(work.glob("*.doc"))) == len(docs):
        return float("nan")
    for n, parts in enumerate(docs):
        body = f'<text:h text:outline-level="1">{escape(parts[0])}</text:h>' + "".join(
            f"<text:p>{escape(p)}</text:p>" for p in parts[1:])
        (work / f"{n:04d}.fodt").write_text(FODT.format(body), encoding="utf-8")
    t = time.perf_counter()
    for _ in range(3):  # (soffice may stop short of a long list, exiting 0: those left are converted again)
        left = sorted(str(f) for f in work.glob("*.fodt") if not f.with_suffix(".doc").exists())
        for at in range(0, len(left), 100):
            subprocess.run([soffice, "--headless", "--convert-to", "doc:MS Word 97", "--outdir", str(work),
                            *left[at:at + 100]], check=True, capture_output=True)
    if len(list(work.glob("*.doc"))) != len(docs):
        sys.exit("LibreOffice did not write every .doc")
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
    ap.add_argument("--work", help="where the .doc files are written (default: a new temporary folder)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice's soffice is not on the PATH (apt install libreoffice-writer-nogui)")
    work = Path(args.work or tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    docs = articles()
    written = write_docs(work, docs, soffice)
    files = sorted(work.glob("*.doc"))
    mb = sum(f.stat().st_size for f in files) / 1e6
    made = "written before, in --work" if written != written else f"LibreOffice wrote them in {written:.1f} s"
    print(f"{len(files)} .doc files, {mb:.1f} MB ({made})", flush=True)
    out: dict = {"files": len(files), "MB": round(mb, 1)}

    from paknevis.documents.word97_document import main_text, paragraphs_of, read_word97_document

    t = time.perf_counter()
    texts = ["\n".join(paragraphs_of(main_text(f))) for f in files]
    out["paknevis"] = score("paknevis", texts, docs, time.perf_counter() - t, mb)
    titles = sum(_flat(read_word97_document(f).title or "") == _flat(parts[0])
                 for f, parts in zip(files, docs, strict=True))
    out["paknevis"]["titles_right"] = titles  # (the heading, by its style: no other reader gives one)
    print(f"{'':12} {titles:5}/{len(docs)} titles right (the paragraph styled Heading 1)", flush=True)

    t = time.perf_counter()
    texts = [text for at in range(0, len(files), 100) for text in _soffice_cat(soffice, files[at:at + 100])]
    out["libreoffice"] = score("LibreOffice", texts, docs, time.perf_counter() - t, mb)
    for tool, command in (("antiword", ["antiword", "-w", "0", "-m", "UTF-8.txt"]),
                          ("catdoc", ["catdoc", "-w", "-d", "utf-8"])):
        if shutil.which(tool) is None:
            print(f"{tool}: not installed (apt install {tool})")
            continue
        t = time.perf_counter()
        texts = [subprocess.run([*command, str(f)], capture_output=True).stdout.decode("utf-8", "replace")
                 for f in files]
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
