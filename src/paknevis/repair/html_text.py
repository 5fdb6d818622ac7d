"""HTML repaired as HTML: the text a reader sees repaired, the markup left as it was.

Repaired as text, a page lost more than its looks: ``alert("کتاب ها");`` in a script came
out ``alert("کتاب‌ها")؛``, no longer JavaScript, and the ك of a link's ``?q=كتاب`` became ک,
another address. Here only text between tags is repaired, and the attributes a reader sees
(title, alt, placeholder, aria-label, and the content of a page's description and title in
its meta tags). Tags, comments, and the content of script, style, template, code, kbd,
samp, svg, math, pre and textarea stay byte for byte. A text is read with its character references
(``&amp;``, ``&nbsp;``), repaired as :func:`~paknevis.fix` repairs a text, and written
again with ``&``, ``<`` and ``>`` escaped, so repair can make no markup; the spaces at its
edges stay, since they part it from the tags beside it. A text repair leaves alone stays
as written, its references too.

>>> from paknevis.repair import repairer
>>> repair_html('<p title="كتاب ها">علي گفت <b>میشود</b></p><script>f("كتاب");</script>', repairer())[0]
'<p title="کتاب\u200cها">علی گفت <b>می\u200cشود</b></p><script>f("كتاب");</script>'
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import NamedTuple, Unpack

from .config import RepairOptions
from .pipeline import Repairer, repairer
from .strings import StringRepair, repair_runs, runs_of

#: Elements whose content is no text to repair: code, what browsers do not show as text,
#: and text whose every space is its own (pre, textarea), which repair would make one
KEPT = ("script", "style", "template", "code", "kbd", "samp", "svg", "math", "pre", "textarea")
# What is not text: a comment, CDATA, an element of KEPT with its content, a tag (or <!doctype>,
# <?xml?>; a > in a quoted value is no end of it); each to its end, or the text's where it
# is never closed
#: what follows a tag's name to its end
TAG_REST = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    rf"|<({'|'.join(KEPT)})\b{TAG_REST}>.*?(?:</\1\s*>|\Z)"
    rf"|<[a-zA-Z/!?]{TAG_REST}(?:>|\Z)", re.S | re.I)
#: attributes a reader sees, and their values
_SEEN = re.compile(r"""\s(title|alt|placeholder|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_META = re.compile(r"""<meta\s[^>]*(?:name|property)\s*=\s*["']?"""
                   r"(?:description|og:title|og:description|twitter:title|twitter:description)\b", re.I)
_CONTENT = re.compile(r"""\s(content)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
#: Tags a reader reads the text on across (phrasing elements that add no text of their
#: own): a word may stand in two of its texts, ``<b>مي</b>خوانم``, or about a place where a
#: browser may break it (``بین<wbr>المللی``). Not a line break or an image, and not del,
#: ins, s, q, sub or sup, which stand apart from the text beside them (an old reading and
#: its new one, a footnote's number) or add quotes.
INLINE = ("a", "abbr", "b", "bdi", "bdo", "big", "cite", "data", "dfn", "em", "font", "i", "mark",
          "nobr", "small", "span", "strong", "time", "tt", "u", "var", "wbr")
#: an opening or closing tag of one of them
INLINE_TAG = re.compile(rf"</?(?:{'|'.join(INLINE)})(?=[\s/>]){TAG_REST}>", re.I)


class Piece(NamedTuple):
    start: int  # what is repaired of the page, as written
    end: int
    place: str  # "text", or the attribute's name
    quote: str  # the attribute's quote ("" for text)
    #: how many times its text is written with references: 1; 0 in XML's CDATA, 2 in a page
    #: written as the text of an XML element (a feed's <description>&lt;p&gt;…)
    levels: int = 1
    #: does a reader read it on from the text before it, only inline tags between
    #: (``<b>مي</b>خوانم``)?
    joined: bool = False
    #: and does an element end between them (``</b>``)? A space repair puts there goes after it
    after_end: bool = False


def readable_pieces(page: str) -> Iterator[Piece]:
    """The texts of ``page`` a reader sees: between its markup, and in its attributes."""
    done = 0
    inline = ended = False  # only inline tags since the last text? one that ends an element?
    for m in _MARKUP.finditer(page):
        if m.start() > done:
            yield Piece(done, m.start(), "text", "", joined=inline, after_end=ended)
            inline, ended = True, False
        tag = m.group()
        inline = inline and INLINE_TAG.fullmatch(tag) is not None
        ended = ended or tag.startswith("</")
        if tag[1:2].isalpha() and not m.group(1):  # an opening tag, not of KEPT
            for pattern in (_SEEN, _CONTENT) if _META.match(tag) else (_SEEN,):
                for a in pattern.finditer(tag):
                    group = 2 if a.group(2) is not None else 3
                    yield Piece(m.start() + a.start(group), m.start() + a.end(group),
                                a.group(1).lower(), '"' if group == 2 else "'")
        done = m.end()
    if done < len(page):
        yield Piece(done, len(page), "text", "", joined=inline, after_end=ended)


def has_markup(text: str) -> bool:
    """Does ``text`` hold markup, as :func:`readable_pieces` reads it (``a <b`` does not)?
    Repair keeps markup as it is and makes none, so a second pass says the same."""
    return _MARKUP.search(text) is not None


def repair_html(page: str, repairer: Repairer, explain: bool = False) -> tuple[str, list[StringRepair]]:
    """``page`` with the text a reader sees repaired by ``repairer``; with ``explain``, also
    the edits of each text that changed (its place: "text" or the attribute's name)."""
    return repair_pieces(page, list(readable_pieces(page)), repairer, explain)


def repair_pieces(text: str, pieces: list[Piece], repairer: Repairer,
                  explain: bool) -> tuple[str, list[StringRepair]]:
    """``text`` with ``pieces`` repaired, each read with its references and a joined one
    with the text before it (:func:`~paknevis.repair.strings.repair_runs`), and where it
    changed written again with ``& < >`` (and an attribute's quote) escaped, as many times
    as it was."""
    def written(i: int, new: str) -> str:
        piece = pieces[i]
        if not piece.levels:  # (CDATA holds its own end as two sections, as XML writes it)
            return new.replace("]]>", "]]]]><![CDATA[>")
        new = html.escape(new, quote=False)
        if quote := piece.quote:  # (only the attribute's own quote need be a reference)
            new = new.replace(quote, "&quot;" if quote == '"' else "&#x27;")
        return new if piece.levels == 1 else html.escape(new, quote=False)

    return repair_runs(text, [(p.start, p.end) for p in pieces],
                       [_read(text[p.start:p.end], p.levels) for p in pieces],
                       runs_of([p.joined for p in pieces], {i for i, p in enumerate(pieces) if p.quote}),
                       repairer, explain, lambda i: pieces[i].place, written,
                       closed={i for i, p in enumerate(pieces) if p.after_end})


def _read(text: str, levels: int) -> str:
    for _ in range(levels):
        text = html.unescape(text)
    return text


def fix_html(page: str, **options: Unpack[RepairOptions]) -> str:
    """``page`` with the text a reader sees repaired as :func:`~paknevis.fix` repairs a text,
    its markup as it was.

    >>> fix_html('<p title="كتاب">كتاب ها</p><script>f("كتاب");</script>')
    '<p title="کتاب">کتاب\u200cها</p><script>f("كتاب");</script>'
    """
    if not isinstance(page, str):
        raise TypeError(f"fix_html() takes a str, not {type(page).__name__}")
    return repair_html(page, repairer(**options))[0]


def looks_like_html(text: str) -> bool:
    """Does ``text`` (the first block of an input) begin as an HTML page does (XHTML after
    an XML declaration too)?"""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2:].lstrip()
    return head[:14].lower().startswith(("<!doctype html", "<html"))
