"""A Wikipedia dump (MediaWiki's XML export, ``fawiki-…-pages-articles.xml.bz2``) read as
posts, a page at a time: its articles, their wikitext as text.

Corpus builders start from Wikipedia. An article (namespace 0, not a redirect) is a post:
its title, its address under the wiki's base, its last revision's time, and its wikitext
made text by mwparserfromhell, the parser made for it: templates, references, tables'
markup, files' and categories' links and interlanguage links go; a link's words stay. The
dump is read a page at a time (:mod:`~paknevis.documents.xml_stream`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO
from urllib.parse import quote

from .xml_stream import begins_as, marked, posts

#: elements whose content is no prose: references and what renders as no text
_DROPPED_TAGS = frozenset({"ref", "references", "gallery", "math", "chem", "ce", "score", "timeline",
                           "graph", "mapframe", "maplink", "templatedata", "syntaxhighlight", "source",
                           "imagemap", "inputbox", "categorytree"})
#: links to a namespace that renders as no text in the article (Persian and English names)
_DROPPED_LINKS = frozenset({"file", "image", "media", "category", "پرونده", "تصویر", "رسانه", "رده"})
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z]+)*")  # an interlanguage link: [[en:Tehran]]


looks_like_wiki_dump = begins_as(rb"mediawiki")


def read_wiki_dump(source: BinaryIO) -> Iterator[dict[str, Any] | str]:
    """Each article of the dump read from ``source``: its ``title``, ``url`` and
    ``published`` (its revision's time), the wiki's name as its ``source``, and its
    ``wikitext``; or, for a page whose tags are lost, why."""
    from lxml import etree

    site = base = None
    for el, warning in posts(source, ("page",)):
        if isinstance(el, str):  # (a page whose tags are lost: why, its reject's reason)
            yield el
            continue
        name = etree.QName(el).localname
        if name == "sitename":
            site = (el.text or "").strip() or None
        elif name == "base" and el.text and "/wiki/" in el.text:
            base = el.text.strip().rsplit("/wiki/", 1)[0] + "/wiki/"
        elif name == "page":
            article = _article(el, etree.QName(el).namespace, site, base)
            if article is not None:
                yield marked(article, warning)


def _article(page, namespace: str | None, site: str | None, base: str | None) -> dict[str, str | None] | None:
    """A page as a post, or None where it is no article (another namespace, a redirect)."""
    ns = f"{{{namespace}}}" if namespace else ""
    if (page.findtext(ns + "ns") or "0").strip() != "0" or page.find(ns + "redirect") is not None:
        return None
    title = (page.findtext(ns + "title") or "").strip() or None
    revision = page.find(ns + "revision")
    when = revision.findtext(ns + "timestamp") if revision is not None else None
    wikitext = revision.findtext(ns + "text") if revision is not None else None
    url = base + quote(title.replace(" ", "_")) if base and title else None
    return {"title": title, "url": url, "published": when, "author": None, "source": site,
            "wikitext": wikitext}


def wikitext_lines(wikitext: str) -> list[str]:
    """The text of an article's wikitext, as lines: what a reader of the page reads."""
    import mwparserfromhell

    code = mwparserfromhell.parse(wikitext)
    dropped = [*code.filter_tags(matches=lambda node: str(node.tag).strip().lower() in _DROPPED_TAGS),
               *code.filter_wikilinks(matches=_renders_no_text)]
    for node in dropped:
        try:
            code.remove(node)
        except ValueError:  # (inside one removed before)
            pass
    text = code.strip_code(normalize=True, collapse=True)
    lines = (line.strip(" =\t") for line in text.splitlines())  # (a heading's = too)
    return [line for line in lines if line]


def _renders_no_text(link) -> bool:
    """A link to a file or category, or to the same page in another language."""
    prefix, colon, _ = str(link.title).partition(":")
    prefix = prefix.strip().lower()
    return bool(colon) and (prefix in _DROPPED_LINKS or _LANGUAGE_CODE.fullmatch(prefix) is not None)
