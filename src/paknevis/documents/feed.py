"""A news feed (RSS 2.0, RSS 1.0, Atom) read as posts, an item at a time.

Journalists and archivists follow Persian media by their feeds. Each item is a post: its
title, link, date and author, and the article as a page (``content:encoded`` or
``description``; Atom's ``content`` or ``summary``), whose text
:func:`~paknevis.documents.html_page.plain_lines` reads. The feed is read an item at a time
(:mod:`~paknevis.documents.xml_stream`: memory stays bounded, a broken item is read as far
as it goes and the items after it whole, no entity is resolved and nothing is fetched).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from .xml_stream import begins_as, marked, posts

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_ITEMS = frozenset({"item", _RSS1 + "item", _ATOM + "entry"})
_TITLES = frozenset({"title", _RSS1 + "title", _ATOM + "title"})
_FEEDS = frozenset({"channel", _RSS1 + "channel", _ATOM + "feed"})  # (whose title is the source)
#: where each field is, in the order looked in
_URLS = ("link", _RSS1 + "link")
_DATES = ("pubDate", _DC + "date", _ATOM + "published", _ATOM + "updated")
_AUTHORS = (_DC + "creator", "author", _ATOM + "author")
_ARTICLES = (_CONTENT, "description", _RSS1 + "description", _ATOM + "content", _ATOM + "summary")


looks_like_feed = begins_as(rb"rss|feed|rdf:RDF")


def read_feed(source: BinaryIO) -> Iterator[dict[str, Any] | str]:
    """Each item of the feed read from ``source``: its ``title``, ``url``, ``published``
    and ``author`` as written, the feed's title as its ``source``, and its article as
    ``html``; or, for an item whose tags are lost, why."""
    site = None
    for el, warning in posts(source, ("item", "entry")):
        if isinstance(el, str):  # (an item whose tags are lost: why, its reject's reason)
            yield el
        elif el.tag in _ITEMS:
            yield marked(_item(el, site), warning)
        elif el.tag in _TITLES and site is None and (parent := el.getparent()) is not None \
                and parent.tag in _FEEDS:
            site = _text(el)


def _item(el, site: str | None) -> dict[str, str | None]:
    return {"title": _text(_first(el, _TITLES)), "url": _url(el), "published": _text(_first(el, _DATES)),
            "author": _author(_first(el, _AUTHORS)), "source": site, "html": _article(_first(el, _ARTICLES))}


def _first(el, tags):
    """The first child of ``el`` of the first of ``tags`` that it has, with something in it."""
    for tag in tags:
        for child in el.iterchildren(tag):
            if (child.text or "").strip() or len(child) or child.get("href"):
                return child
    return None


def _text(el) -> str | None:
    text = "".join(el.itertext()).strip() if el is not None else ""
    return text or None


def _url(el) -> str | None:
    link = _text(_first(el, _URLS))
    if link:
        return link
    for atom in el.iterchildren(_ATOM + "link"):  # Atom: the page itself, not an enclosure
        if atom.get("rel", "alternate") == "alternate" and atom.get("href"):
            return atom.get("href").strip()
    guid = _text(_first(el, ("guid",)))
    return guid if guid and guid.startswith(("http://", "https://")) else None


def _author(el) -> str | None:
    if el is not None and el.tag == _ATOM + "author":
        return _text(_first(el, (_ATOM + "name",)))
    return _text(el)


def _article(el) -> str | None:
    """The article's page: the text of its element (HTML, escaped or in CDATA), or, of
    Atom's type="xhtml", the markup inside it."""
    if el is None:
        return None
    if el.get("type") == "xhtml":
        from lxml import etree

        return (el.text or "") + "".join(etree.tostring(child, encoding="unicode") for child in el)
    return el.text
