"""Write the PDFs the tests read, from the article beside them (tests/data/pdf/article.txt).

    python scripts/make_pdf_fixtures.py   # needs Chromium and Playwright, LibreOffice, pypdf

The article (its title, a blank line, its paragraphs a blank line apart) is laid out by
the two producers that write a Persian line differently, in a large size so that it runs
over three pages or more, each page numbered at its foot:

- ``article-chrome.pdf``: Chrome prints it as a right-to-left page (its glyphs left to
  right as drawn), the page numbers in its footer;
- ``article-libreoffice.pdf``: LibreOffice exports it as an OpenDocument text, right to
  left and justified (``soffice --convert-to pdf``), a page-number field in its footer;
- ``encrypted.pdf``: the first, encrypted by pypdf with a user password;
- ``article-chrome-columns.pdf``, ``article-libreoffice-columns.pdf``: the article's
  paragraphs in two columns under its title across both, as a journal sets them (the
  first column the right one), in a smaller size;
- ``verse.pdf``: Chrome prints a ghazal's opening couplets (verse.txt), each
  couplet's two hemistichs side by side in a row, as Persian verse is set: read row by
  row, not as two columns;
- ``article-libreoffice-notes.pdf``: LibreOffice's, with footnotes (NOTES) at the pages'
  feet, their numbers raised in the text; the last note runs over to the next page;
- ``numbers-libreoffice.pdf``: LibreOffice's, the article's paragraphs and then those of
  numbers.txt, lists of Latin numbers an Arabic comma apart, under numbers.txt's title.
  LibreOffice justifies a line with a kashida after such a comma too, and the font's
  subset, by then, has a digit at the kashida's code: it is read «7،96» where the kashida
  is not known by its ink. A line may begin with such a list.
- ``voweled-chrome.pdf``: Chrome's, of voweled.txt (the project's own, quoting three
  Quranic verses with their vowels): pdfium puts a voweled letter off its line's
  baseline, and Chrome draws the tallest glyphs of a page's first line on the page
  before too, clipped away in its margin. Its words with ۀ, لا, آ and a letter with its
  vowel (نُ) are those whose spaces the reader had read wrong in Chrome's PDFs.

The site's name in it is a link to the site, in both.

The files are committed: the tests need none of these programs.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "data" / "pdf"
PAGE = ('<!doctype html><html dir="rtl" lang="fa"><head><meta charset="utf-8"><title>{title}</title>'
        '<style>body {{ font-size: {size}px; }} .columns {{ column-count: 2; column-gap: 1.2em }} '
        '.couplet {{ display: flex; }} .couplet p {{ flex: 1; text-align: center; margin: 0.3em 1em }}'
        '</style></head><body><h1>{title}</h1>{body}</body></html>')
FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="P" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"
  fo:text-align="justify" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="20pt"
  style:font-size-complex="20pt"/></style:style>
 <style:style style:name="H" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"
  fo:text-align="right" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="28pt"
  style:font-size-complex="28pt" fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="S" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"
  fo:text-align="justify" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="13pt"
  style:font-size-complex="13pt"/></style:style>
 <style:style style:name="C" style:family="section"><style:section-properties style:writing-mode="rl-tb">
  <style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
 <style:style style:name="F" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
 </style:style>
 <style:style style:name="N" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"
  fo:text-align="justify"/><style:text-properties fo:font-size="13pt" style:font-size-complex="13pt"/>
 </style:style>
 <style:page-layout style:name="L"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
  fo:margin="2cm"/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="L">
 <style:footer><text:p text:style-name="F"><text:page-number text:select-page="current"/></text:p>
 </style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>
"""


#: the site's name in the article, a link to it in both PDFs
SITE, LINK = "www.farsnews.ir", "https://www.farsnews.ir/"
#: footnotes, each after the first place its words stand in the article (the project's own)
NOTES = {
    "خبرگزاری فارس،": "خبرگزاری فارس در سال ۱۳۸۲ در تهران به کار آغاز کرد.",
    "نفت برنت": "برنت نفت دریای شمال است و قیمت آن معیار بازار جهانی نفت است.",
    "برنامهٔ پنج‌ساله": " ".join(["به گفتهٔ کارشناسان، سرمایه‌گذاری خارجی در صنعت نفت و گاز در سال‌های"
                                  " گذشته کاهش یافته و بازگشت آن به ثبات قراردادها بستگی دارد."] * 6),
}
NOTE = ('<text:note text:id="n{0}" text:note-class="footnote"><text:note-citation>{0}</text:note-citation>'
        '<text:note-body><text:p text:style-name="N">{1}</text:p></text:note-body></text:note>')


def article(name: str = "article.txt") -> tuple[str, list[str]]:
    """A fixture's title and its blocks (paragraphs, couplets, lists), a blank line apart."""
    title, *blocks = (FIXTURES / name).read_text(encoding="utf-8").strip().split("\n\n")
    return title, blocks


def write_chrome(title: str, paragraphs: list[str], to: Path, *, columns: bool = False) -> None:
    body = "".join("<p>{}</p>".format(html.escape(p).replace(SITE, f'<a href="{LINK}">{SITE}</a>'))
                   for p in paragraphs)
    if columns:
        body = f'<div class="columns">{body}</div>'
    _print(PAGE.format(title=html.escape(title), body=body, size=18 if columns else 26), to)


def write_verse(to: Path) -> None:
    title, couplets = article("verse.txt")
    body = "".join('<div class="couplet"><p>{}</p><p>{}</p></div>'.format(*map(html.escape, c.split("\n")))
                   for c in couplets)
    _print(PAGE.format(title=html.escape(title), body=body, size=14), to, "A4")


def write_voweled(to: Path) -> None:
    write_chrome(*article("voweled.txt"), to)


def _print(page_html: str, to: Path, paper: str = "A5") -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.set_content(page_html)
        page.pdf(path=str(to), format=paper, display_header_footer=True, header_template="<span></span>",
                 footer_template='<div style="font-size:10px;width:100%;text-align:center">'
                                 '<span class="pageNumber"></span></div>',
                 margin={"top": "1.5cm", "bottom": "1.5cm", "left": "1.5cm", "right": "1.5cm"})
        browser.close()


def write_libreoffice(title: str, paragraphs: list[str], to: Path, *, columns: bool = False,
                      notes: bool = False) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice's soffice is not on the PATH (apt install libreoffice-writer-nogui)")
    link = f'<text:a xlink:type="simple" xlink:href="{LINK}">{SITE}</text:a>'
    body = "".join('<text:p text:style-name="{}">{}</text:p>'.format("S" if columns else "P",
                                                                      escape(p).replace(SITE, link))
                   for p in paragraphs)
    for n, (words, note) in enumerate(NOTES.items() if notes else (), 1):
        assert escape(words) in body, words
        body = body.replace(escape(words), escape(words) + NOTE.format(n, escape(note)), 1)
    if columns:
        body = f'<text:section text:style-name="C" text:name="body">{body}</text:section>'
    body = f'<text:h text:style-name="H" text:outline-level="1">{escape(title)}</text:h>' + body
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{to.stem}.fodt"
        source.write_text(FODT.format(body=body), encoding="utf-8")
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", work, str(source)],
                       check=True, capture_output=True)
        shutil.copy(source.with_suffix(".pdf"), to)


def write_numbers(paragraphs: list[str], to: Path) -> None:
    title, lists = article("numbers.txt")
    write_libreoffice(title, paragraphs + lists, to)


def write_encrypted(source: Path, to: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=source)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    with to.open("wb") as f:
        writer.write(f)


def main() -> None:
    title, paragraphs = article()
    write_chrome(title, paragraphs, FIXTURES / "article-chrome.pdf")
    write_libreoffice(title, paragraphs, FIXTURES / "article-libreoffice.pdf")
    write_encrypted(FIXTURES / "article-chrome.pdf", FIXTURES / "encrypted.pdf")
    write_chrome(title, paragraphs, FIXTURES / "article-chrome-columns.pdf", columns=True)
    write_libreoffice(title, paragraphs, FIXTURES / "article-libreoffice-columns.pdf", columns=True)
    write_verse(FIXTURES / "verse.pdf")
    write_libreoffice(title, paragraphs, FIXTURES / "article-libreoffice-notes.pdf", notes=True)
    write_numbers(paragraphs, FIXTURES / "numbers-libreoffice.pdf")
    write_voweled(FIXTURES / "voweled-chrome.pdf")
    for f in sorted(FIXTURES.glob("*.pdf")):
        print(f, f.stat().st_size)


if __name__ == "__main__":
    main()
