"""How well and how fast paknevis reads Persian PDFs, against the readers people use:
poppler's pdftotext, pypdf, pdfminer.six and pypdfium2's own text, measured in the same run.

    python benchmarks/pdf_text.py --producer chrome --work /tmp/pdf-chrome
    python benchmarks/pdf_text.py --producer libreoffice --work /tmp/pdf-lo
    python benchmarks/pdf_text.py --producer libreoffice --notes --work /tmp/pdf-lo-notes
    python benchmarks/pdf_text.py --producer xelatex --work /tmp/pdf-xelatex

The 1,200 Fars News articles (../shared/data/web/farsnews-1-4.jsonl), each its title as a
heading and its paragraphs, are made PDFs once, in ``--work``, by one of three producers that
lay a Persian line out differently: Chrome prints a right-to-left HTML page (Playwright,
the machine's Chromium; it writes a line's glyphs left to right as drawn), LibreOffice
exports an OpenDocument text (``soffice --convert-to pdf``, 100 files a process; it writes
them in reading order), XeLaTeX sets a LaTeX article with XePersian (``apt install
texlive-xetex texlive-lang-arabic``; the font Amiri, whose strokes reach over the next
letter and which draws kashidas of its own). Each PDF is then read by paknevis (``read_pdf_document``: the
post's lines), by pdftotext (poppler-utils, a process a file, as it is used), and by the
Python readers where installed (``pip install pypdf pdfminer.six pypdfium2``).

A document is read right when its text is the article's title and paragraphs, both with
spaces made one and without ZWNJs and bidi controls (a PDF may keep a ZWNJ as a glyph or
not, and pdftotext marks its runs' directions with them); the share of the articles' words
read is over all documents, as in ``word97.py``. The ZWNJs a reader keeps are counted
apart: paknevis's repair puts back those a reader drops (``paknevis process`` on the
PDFs). Speed: the PDFs' megabytes a second, wall time.

``--columns`` sets the body in two columns (``--columns 3``, in three); ``--notes``
(LibreOffice) gives every other paragraph of more than eight words a footnote after its
sixth word, the note a paragraph of another article (of four words or more, cut at 200
characters), set as a Persian document's are (right to left, 10 points under the body's
12, its number raised in the text): the article's own text is still the one read right,
without the notes or their numbers, and the words read that are not the article's are
counted too ("extra": a note's words in the text).
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
from html import escape as html_escape
from pathlib import Path
from xml.sax.saxutils import escape

from word97 import articles

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
_SPACES = re.compile(r"\s+")
_UNSEEN = dict.fromkeys([0x200C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
PAGE = ('<!doctype html><html dir="rtl" lang="fa"><head><meta charset="utf-8"><title>{}</title>{}</head>'
        '<body><h1>{}</h1>{}</body></html>')
#: the body's paragraphs in columns, under a heading across them, as a newspaper's or a journal's
COLUMNS = "<style>body {{ column-count: {}; column-gap: 1.5em }} h1 {{ column-span: all }}</style>"
#: an OpenDocument text whose paragraphs are right to left and justified, as a Persian
#: document's often are, under a heading in a larger size
FODT = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:automatic-styles>'
        '<style:style style:name="P" style:family="paragraph"><style:paragraph-properties '
        'style:writing-mode="rl-tb" fo:text-align="justify"/></style:style>'
        '<style:style style:name="H" style:family="paragraph"><style:paragraph-properties '
        'style:writing-mode="rl-tb" fo:text-align="right" fo:margin-bottom="0.4cm"/><style:text-properties '
        'fo:font-size="16pt" style:font-size-complex="16pt" fo:font-weight="bold" '
        'style:font-weight-complex="bold"/></style:style>'
        '<style:style style:name="C" style:family="section">'
        '<style:section-properties style:writing-mode="rl-tb">'
        '<style:columns fo:column-count="{columns}" fo:column-gap="0.6cm"/></style:section-properties>'
        '</style:style>'
        '</office:automatic-styles><office:body><office:text>{}</office:text></office:body></office:document>\n')
#: the body's paragraphs in a section of columns (the heading above it, across them)
SECTION = '<text:section text:style-name="C" text:name="body">{}</text:section>'
#: a footnote's paragraph: right to left and justified, as the body's, in 10 points
NOTE_STYLE = ('<style:style style:name="N" style:family="paragraph"><style:paragraph-properties '
              'style:writing-mode="rl-tb" fo:text-align="justify"/><style:text-properties '
              'fo:font-size="10pt" style:font-size-complex="10pt"/></style:style></office:automatic-styles>')
NOTE = ('<text:note text:id="n{0}" text:note-class="footnote"><text:note-citation>{0}</text:note-citation>'
        '<text:note-body><text:p text:style-name="N">{1}</text:p></text:note-body></text:note>')

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def write_chrome(work: Path, docs: list[list[str]], columns: int) -> float:
    """The articles printed by Chrome as PDFs in ``work`` (made once); its seconds."""
    from playwright.sync_api import sync_playwright

    t = time.perf_counter()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=CHROMIUM_FLAGS)
        page = browser.new_page()
        for n, parts in enumerate(docs):
            body = "".join(f"<p>{html_escape(p)}</p>" for p in parts[1:])
            style = COLUMNS.format(columns) if columns > 1 else ""
            page.set_content(PAGE.format(html_escape(parts[0]), style, html_escape(parts[0]), body))
            page.pdf(path=str(work / f"{n:04d}.pdf"), format="A4")
        browser.close()
    return time.perf_counter() - t


def write_libreoffice(work: Path, docs: list[list[str]], columns: int, notes: bool = False) -> float:
    """The articles exported by LibreOffice as PDFs in ``work`` (made once); its seconds."""
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice's soffice is not on the PATH (apt install libreoffice-writer-nogui)")
    for n, parts in enumerate(docs):
        paragraphs = _with_notes(parts[1:], docs[(n + len(docs) // 2) % len(docs)][1:]) if notes else [
            escape(p) for p in parts[1:]]
        body = "".join(f'<text:p text:style-name="P">{p}</text:p>' for p in paragraphs)
        heading = f'<text:h text:style-name="H" text:outline-level="1">{escape(parts[0])}</text:h>'
        text = FODT.format(heading + (SECTION.format(body) if columns > 1 else body), columns=columns)
        if notes:
            text = text.replace("</office:automatic-styles>", NOTE_STYLE)
        (work / f"{n:04d}.fodt").write_text(text, encoding="utf-8")
    t = time.perf_counter()
    for _ in range(3):  # (soffice may stop short of a long list, or fail on it: those left go again)
        left = sorted(str(f) for f in work.glob("*.fodt") if not f.with_suffix(".pdf").exists())
        for at in range(0, len(left), 100):
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work),
                            *left[at:at + 100]], capture_output=True)
    if len(list(work.glob("*.pdf"))) < len(docs):
        sys.exit("LibreOffice did not write every PDF")
    return time.perf_counter() - t


#: a LaTeX article set by XePersian, as Persian theses and journals are: Amiri for both
#: scripts (Noto Naskh Arabic has no brackets), the text's characters as they are (no
#: TeX ligatures, no digits made Persian), the page's number at its foot
TEX = ("\\documentclass[12pt]{{article}}\n\\usepackage[a4paper,margin=2.5cm]{{geometry}}\n{}"
       "\\usepackage{{xepersian}}\n\\settextfont[Mapping=]{{Amiri}}\n\\setlatintextfont[Mapping=]{{Amiri}}\n"
       "\\begin{{document}}\n\\section*{{{}}}\n{}\n\\end{{document}}\n")
#: what TeX reads as commands, written so that it sets the characters
_TEX_SPECIAL = {ord(c): f"\\{c}" for c in "#$%&_{}"} | {
    ord("\\"): "\\textbackslash{}", ord("~"): "\\textasciitilde{}", ord("^"): "\\textasciicircum{}"}
#: a run of Latin letters and digits (and what stands inside one: a link, a decimal point),
#: set left to right: XeTeX would set it in the paragraph's direction, reversed
_LATIN_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.,:;/@_%+&'\- ]*[A-Za-z0-9])?")
#: ... where it has no Latin letter, its numbers on either side of a minus or plus sign are
#: two runs, laid out right to left, as a browser lays them out (Unicode's bidi algorithm:
#: after Persian letters they are Arabic numbers, which such a sign does not join): a
#: range typed 2014-2013 reads 2013-2014 from the left
_SIGN = re.compile(r"([-+])")


def _tex(text: str) -> str:
    """``text`` as XePersian sets it: its Latin runs left to right, TeX's characters escaped."""
    out, at = [], 0
    for run in _LATIN_RUN.finditer(text):
        pieces = [run[0]] if re.search("[A-Za-z]", run[0]) else _SIGN.split(run[0])
        out += [text[at:run.start()].translate(_TEX_SPECIAL),
                *(f"\\lr{{{p.translate(_TEX_SPECIAL)}}}" if n % 2 == 0 else p for n, p in enumerate(pieces))]
        at = run.end()
    return "".join([*out, text[at:].translate(_TEX_SPECIAL)])


def write_xelatex(work: Path, docs: list[list[str]], columns: int) -> float:
    """The articles set by XeLaTeX (XePersian) as PDFs in ``work`` (made once); its seconds."""
    from concurrent.futures import ThreadPoolExecutor

    xelatex = shutil.which("xelatex")
    if xelatex is None:
        sys.exit("xelatex is not on the PATH (apt install texlive-xetex texlive-lang-arabic)")
    multicol = "\\usepackage{multicol}\n" if columns > 1 else ""
    for n, parts in enumerate(docs):
        body = "\n\n".join(_tex(p) for p in parts[1:])
        if columns > 1:
            body = f"\\begin{{multicols}}{{{columns}}}\n{body}\n\\end{{multicols}}"
        (work / f"{n:04d}.tex").write_text(TEX.format(multicol, _tex(parts[0]), body), encoding="utf-8")

    def run(tex: Path) -> None:
        subprocess.run([xelatex, "-interaction=batchmode", "-halt-on-error", tex.name],
                       cwd=work, capture_output=True)

    t = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:  # (a process each)
        list(pool.map(run, sorted(work.glob("*.tex"))))
    if len(list(work.glob("*.pdf"))) < len(docs):
        sys.exit("XeLaTeX did not write every PDF (see the .log beside each .tex)")
    return time.perf_counter() - t


def _with_notes(paragraphs: list[str], other: list[str]) -> list[str]:
    """The paragraphs as OpenDocument, every other one of more than eight words with a
    footnote after its sixth word: the next of ``other``'s paragraphs of four words or
    more, cut at 200 characters."""
    other = [p for p in other if len(p.split()) >= 4]
    out, n = [], 0
    for at, p in enumerate(paragraphs):
        words = p.split(" ")
        if at % 2 or len(words) <= 8 or not other:
            out.append(escape(p))
            continue
        note = other[n % len(other)]
        note = note if len(note) <= 200 else note[:note.rfind(" ", 0, 200)]
        n += 1
        before, after = escape(" ".join(words[:6])), escape(" ".join(words[6:]))
        out.append(f"{before}{NOTE.format(n, escape(note))} {after}")
    return out


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_UNSEEN)).strip()


def score(name: str, texts: list[str], docs: list[list[str]], seconds: float, mb: float) -> dict:
    right = found = extra = total = zwnj = 0
    for text, parts in zip(texts, docs, strict=True):
        source = " ".join(parts)
        right += _flat(text) == _flat(source)
        words, read = Counter(_flat(source).split()), Counter(_flat(text).split())
        found += sum((words & read).values())
        extra += sum((read - words).values())
        total += sum(words.values())
        zwnj += text.count("\u200c")
    row = {"documents": len(docs), "read_right": right, "words_read": round(found / total, 4),
           "words_extra": round(extra / total, 4), "zwnjs": zwnj, "seconds": round(seconds, 2),
           "MB_per_s": round(mb / seconds, 2)}
    print(f"{name:12} {right:5}/{len(docs)} read right  {found / total:.4f} of the words  "
          f"{extra / total:.4f} extra  {zwnj:6} ZWNJs  {seconds:7.2f} s  {mb / seconds:7.2f} MB/s",
          flush=True)
    return row


def _pypdf(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


def _pdfium(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--producer", choices=["chrome", "libreoffice", "xelatex"], default="chrome")
    ap.add_argument("--work", help="where the PDFs are written (default: a new temporary folder)")
    ap.add_argument("--columns", type=int, nargs="?", const=2, default=1, metavar="N",
                    help="lay the body out in columns: two, or N")
    ap.add_argument("--notes", action="store_true", help="give paragraphs footnotes (LibreOffice)")
    ap.add_argument("--limit", type=int, help="the first N articles only")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    if args.notes and args.producer != "libreoffice":
        ap.error("--notes needs --producer libreoffice (Chromium lays out no footnotes)")
    work = Path(args.work or tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    docs = articles()[:args.limit]
    made = "written before, in --work"
    if len(list(work.glob("*.pdf"))) < len(docs):
        seconds = (write_chrome(work, docs, args.columns) if args.producer == "chrome"
                   else write_xelatex(work, docs, args.columns) if args.producer == "xelatex"
                   else write_libreoffice(work, docs, args.columns, args.notes))
        made = f"{args.producer} wrote them in {seconds:.1f} s"
    files = sorted(work.glob("*.pdf"))[:len(docs)]
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} PDFs, {mb:.1f} MB ({made})", flush=True)
    out: dict = {"producer": args.producer, "columns": args.columns, "notes": args.notes,
                 "files": len(files), "MB": round(mb, 1)}

    from paknevis.documents.pdf.reader import read_pdf_document

    t = time.perf_counter()
    posts = [read_pdf_document(f) for f in files]
    out["paknevis"] = score("paknevis", [p.raw_text for p in posts], docs, time.perf_counter() - t, mb)
    titles = sum(_flat(p.title or "") == _flat(parts[0]) for p, parts in zip(posts, docs, strict=True))
    out["paknevis"]["titles_right"] = titles
    print(f"{'':12} {titles:5}/{len(docs)} titles right", flush=True)
    readers = [("pdftotext", lambda f: subprocess.run(["pdftotext", "-enc", "UTF-8", str(f), "-"],
                                                      capture_output=True).stdout.decode("utf-8", "replace"),
                shutil.which("pdftotext"), "apt install poppler-utils"),
               ("pypdf", _pypdf, _installed("pypdf"), "pip install pypdf"),
               ("pdfminer.six", _pdfminer, _installed("pdfminer"), "pip install pdfminer.six"),
               ("pypdfium2", _pdfium, True, "")]
    for name, read, present, how in readers:
        if not present:
            print(f"{name}: not installed ({how})")
            continue
        t = time.perf_counter()
        texts = [read(f) for f in files]
        out[name] = score(name, texts, docs, time.perf_counter() - t, mb)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":
    main()
