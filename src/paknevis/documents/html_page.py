"""HTML pages: Blogger, WordPress and typical Persian news sites.

trafilatura finds the body of an unknown page well, but on a Persian blog it takes a date
out of the article's text instead of the post's own, keeps the title that Blogger repeats
at the top of the body, and drops the hashtag and footer lines. So: where the page has a
known post container (Blogger's ``.post-body``, WordPress's ``.entry-content``, schema.org
``articleBody``), its blocks are read as they are; otherwise trafilatura extracts the body.
Dates come from the post (schema.org ``datePublished``, the Jalali date header) before
the digits of the URL; the title comes from the post, not the blog's name.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import lxml.html
import trafilatura
from lxml import etree

from ..dates import read_date
from .assemble import RawPost
from .record import HtmlError


def _class(name: str, tag: str = "*") -> str:
    return f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


# Where platforms put the post's parts, most specific first (XPath: no extra dependency).
_BODY = [_class("post-body"), _class("entry-content"), "//*[contains(@itemprop, 'articleBody')]",
         _class("article-body"), _class("news-body"), "//article"]
_TITLE = [_class("post-title"), _class("entry-title"), "//*[@itemprop='headline']", "//article//h1",
          "//h1"]
_DATE_HEADER = [_class("date-header"), _class("post-date"), _class("entry-date"), _class("news-date")]
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section",
           "article", "tr", "pre", "figure", "figcaption", "ul", "ol", "table", "header", "footer"}
_SKIP = {"script", "style", "noscript", "template", "iframe", "form", "button", "nav"}
_URL_DATE = re.compile(r"/(20\d\d|19\d\d)/(\d\d)(?:/(\d\d))?/")


def _first(doc, xpaths):
    for xpath in xpaths:
        found = doc.xpath(xpath)
        if found:
            return found[0]
    return None


def _lines(element) -> list[str]:
    """The text of an element as lines: one per block, <br> breaks a line."""
    out: list[str] = [""]

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            if el.tail:
                out[-1] += el.tail
            return
        block = tag in _BLOCKS
        if block or tag == "br":
            out.append("")
        if el.text and tag != "br":
            out[-1] += el.text
        for child in el:
            walk(child)
        if block:
            out.append("")
        if el.tail:
            out[-1] += el.tail

    walk(element)
    return _tidy(out)


_SPACE_RUN = re.compile(r"[ \t\r\n]+")


def _tidy(raw_lines: list[str]) -> list[str]:
    """Lines with their runs of spaces made one, trimmed, and the empty ones left out."""
    lines = [_SPACE_RUN.sub(" ", line).strip() for line in raw_lines]
    return [line for line in lines if line]


def _meta(doc, *names) -> str | None:
    for name in names:
        for el in doc.xpath(f"//meta[@property='{name}' or @name='{name}' or @itemprop='{name}']"):
            value = (el.get("content") or "").strip()
            if value:
                return value
    return None


def _published(doc, url: str | None) -> str | None:
    """schema.org datePublished, meta tags, JSON-LD, <time datetime>, then the URL: the
    first that is a date (read_date), as written."""
    for el in doc.xpath("//*[@itemprop='datePublished']"):
        value = el.get("content") or el.get("datetime") or el.get("title") or el.text_content()
        if value and read_date(value):
            return value.strip()
    value = _meta(doc, "article:published_time", "datePublished", "date", "pubdate")
    if value and read_date(value):
        return value
    for script in doc.xpath("//script[@type='application/ld+json']"):
        try:
            value = _date_published(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue
        if value and read_date(value):
            return value
    for el in doc.xpath("//time[@datetime]"):
        if read_date(el.get("datetime")):
            return el.get("datetime")
    m = _URL_DATE.search(url or "")
    if m and m.group(3):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


def _date_published(data) -> str | None:
    """The first datePublished in JSON-LD: at the top, in a list, or in an @graph (as
    WordPress's SEO plugins write it), depth first."""
    if isinstance(data, list):
        return next(filter(None, map(_date_published, data)), None)
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("datePublished"), str):
        return data["datePublished"]
    return _date_published(data.get("@graph"))


def _site_name(doc) -> str | None:
    name = _meta(doc, "og:site_name", "application-name")
    if name:
        return name
    header = _first(doc, ["//*[@id='header']//h1", _class("header") + "//h1", _class("title", "h1")])
    return header.text_content().strip() if header is not None else None


class _PlainText(HTMLParser):
    """The text of a page as lines, by the standard library's tolerant parser. libxml2
    drops what lies deeper than its nesting limit (2,048 levels even as a huge tree), as in
    pages whose tags are never closed; this parser keeps no tree, so it has no such limit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self._skipping = [""], 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS or tag == "br":
            self.lines.append("")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_data(self, data):
        if not self._skipping:
            self.lines[-1] += data


def plain_lines(html: str) -> list[str]:
    """The text of a page (or a piece of one) as lines: a line a block, spaces made one."""
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return _tidy(parser.lines)


def read_html_page(html: str, url: str | None = None) -> RawPost:
    try:
        # huge_tree: past 256 levels of nesting (unclosed tags in old blog templates),
        # libxml2 would drop the rest of the page
        doc = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as e:
        raise HtmlError(f"broken HTML ({e})") from None
    url = url or _meta(doc, "og:url") or next(iter(doc.xpath("//link[@rel='canonical']/@href")), None)
    site = _site_name(doc)

    title_el = _first(doc, _TITLE)
    title = title_el.text_content().strip() if title_el is not None else None
    if not title:
        title = _meta(doc, "og:title")
    if not title:
        page_title = (doc.findtext(".//title") or "").strip()
        if site and page_title.startswith(site):  # 'بهار ایران: post title'
            page_title = page_title[len(site):].lstrip(" :|-–—")
        title = page_title or None

    body_el = _first(doc, _BODY)
    if body_el is not None:
        body = _lines(body_el)
    else:  # on the tree already parsed: the same result as from the HTML, one parse fewer
        extracted = trafilatura.extract(doc, include_comments=False, favor_precision=True) or ""
        body = extracted.splitlines()
    if not any(line.strip() for line in body):
        # nothing found in the tree: the page may nest deeper than libxml2 reads
        body = [line for line in plain_lines(html) if line not in (title, site)]
    if not any(line.strip() for line in body):
        raise HtmlError("no text found in the page")

    date_el = _first(doc, _DATE_HEADER)
    date_line = date_el.text_content().strip() if date_el is not None else None
    author = _meta(doc, "author")
    # the post as found (not the sidebar and menus), unrepaired
    raw_text = "\n".join(x for x in [date_line, title, *body] if x)
    return RawPost(raw_text=raw_text, title=title, date_line=date_line or None,
                   body=body, url=url, published=_published(doc, url), source=site, author=author)
