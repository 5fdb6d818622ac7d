"""XML repaired as XML: feeds (RSS, Atom), sitemaps, TEI corpora. The text of its elements
is repaired, its markup left as it was.

Repaired as text, a feed lost more than its looks: the ``f("كتاب");`` of a script in its
content came out ``f("کتاب")؛``, no longer JavaScript, and an attribute, which is data, was
rewritten. Here only the text between tags is repaired, each text read with its character
references (``&#1603;`` is a ك) and written again with ``& < >`` escaped; the text of a
CDATA section as it stands, or, where it holds markup (a feed's ``content:encoded``), as
:mod:`~paknevis.repair.html_text` repairs a page; so is an element's text that holds a page
written with references (``&lt;p&gt;``). Tags and their attributes, comments,
processing instructions and the doctype stay byte for byte. ``--explain`` names each text
by its element (``title``; in a CDATA page, ``content:encoded@alt`` for an attribute).

>>> from paknevis.repair import repairer
>>> repair_xml('<item><title>كتاب ها</title><c><![CDATA[<p>میشود</p><script>f("ك");</script>]]></c></item>',
...            repairer())[0]
'<item><title>کتاب\u200cها</title><c><![CDATA[<p>می\u200cشود</p><script>f("ك");</script>]]></c></item>'
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Unpack

from .chars import REMOVABLE
from .config import RepairOptions
from .html_text import TAG_REST, Piece, has_markup, readable_pieces, repair_pieces
from .lines import MAX_BLOCK_CHARS, BlockTooLarge
from .pipeline import Repairer, repairer
from .strings import StringRepair
from .syntax import prose_of
from .wikitext import wikitext_spans

# Each to its end, or the text's where it is never closed: a comment, a processing
# instruction, CDATA (its text: group 1), a tag (its name, if it opens one: group 2)
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<\?.*?(?:\?>|\Z)|<!\[CDATA\[(.*?)(?:\]\]>|\Z)"
                     rf"|<(?:([^\W\d][\w:.-]*)|[/!]){TAG_REST}(?:>|\Z)", re.S)
_CLOSING = re.compile(r"</([\w:.-]+)")
#: TEI's phrase-level elements that a reader reads the text on across, as a page's inline
#: tags (a word may stand in two texts: ``<hi>مي</hi>خوانم``; a space before a name's
#: comma: ``<persName>علی</persName> ،``), with a line, page or column break inside a word
#: (``break="no"``). Not those whose text stands apart from the text beside it: a note,
#: quotes, the alternatives of a choice (sic and corr, abbr and expan, orig and reg), an
#: addition or a deletion, and a tokenized text's words and characters (w, pc, c), which may
#: stand side by side with no space between.
INLINE = ("hi", "emph", "foreign", "term", "gloss", "mentioned", "soCalled", "distinct", "name",
          "persName", "placeName", "orgName", "geogName", "roleName", "forename", "surname",
          "addName", "genName", "nameLink", "rs", "date", "time", "num", "measure", "ref", "title",
          "unclear", "supplied")
#: an opening or closing tag of one of them (a prefix allowed: tei:hi), or a break in a word
_INLINE_TAG = re.compile(rf"</?(?:[\w.-]+:)?(?:{'|'.join(INLINE)})(?=[\s/>]){TAG_REST}>"
                         rf"""|<(?:[\w.-]+:)?(?:lb|pb|cb)\s[^>]*\bbreak\s*=\s*["']no["'][^>]*>""")


def xml_pieces(text: str, wiki: bool = False, fields: tuple[str, ...] = ()) -> Iterator[Piece]:
    """The texts of ``text``'s elements, each named by the element it stands in; ``wiki``:
    of a MediaWiki dump (see :func:`_dump_pieces`, with ``fields``).

    A text is ``joined`` to the text before where only :data:`INLINE` tags stand between
    them and either is a paragraph's own (more than spaces, not just after an inline
    element's opening tag): ``<p><hi>مي</hi>خواند</p>``, but not a feed's title and date
    written with nothing between (``<title>خبر</title><dc:date>2020</dc:date>``), whose
    date would else get Persian digits. Nor where the text before ends a line, its last
    line spaces at most, where a large file may be cut into blocks: its texts read as when
    whole."""
    open_elements: list[str] = []
    done = 0
    inline = ended = False  # only inline tags since the last text? one that ends an element?
    own = opened = False  # was the last text a paragraph's own? did an inline element open since?
    for m in _MARKUP.finditer(text):
        place = open_elements[-1] if open_elements else "text"
        if m.start() > done:
            if wiki:
                yield from _dump_pieces(text, done, m.start(), open_elements, fields)
            else:
                this_own = not opened and not text[done:m.start()].isspace()
                pieces = list(_text_pieces(text, done, m.start(), place, 1, inline and (own or this_own),
                                           ended))
                yield from pieces
                # (a page's texts, written with references, are read on from none of the XML's;
                # nor a text after one where a block may end)
                inline = (bool(pieces) and pieces[-1].levels == 1
                          and not _break_before_markup(text, done, m.start()))
                ended, own = False, this_own
        done = m.end()
        tag = m.group()
        is_inline = _INLINE_TAG.fullmatch(tag) is not None
        inline = inline and is_inline
        ended = ended or tag.startswith("</")
        opened = is_inline and tag[1] != "/" and not tag.endswith("/>")
        if m.group(1) is not None and not wiki:  # CDATA: text as it stands, no reference read
            yield from _text_pieces(text, m.start(1), m.end(1), place, 0)
        elif m.group(2) is not None:  # an opening tag, unless it closes itself
            if not tag.endswith("/>"):
                open_elements.append(m.group(2))
        elif (closing := _CLOSING.match(tag)) and closing.group(1) in open_elements:
            # (what a closing tag with no opening one would pop is left open)
            del open_elements[len(open_elements) - 1 - open_elements[::-1].index(closing.group(1)):]
    if done < len(text) and not wiki:
        this_own = not opened and not text[done:].isspace()
        yield from _text_pieces(text, done, len(text), open_elements[-1] if open_elements else "text", 1,
                                inline and (own or this_own), ended)


def _dump_pieces(text: str, start: int, end: int, open_elements: list[str],
                 fields: tuple[str, ...]) -> Iterator[Piece]:
    """The prose of a MediaWiki dump's text from ``start`` to ``end``: of a revision's text,
    the wikitext's (:mod:`~paknevis.repair.wikitext`), each piece where its references stand;
    its edit summary, and the text of elements named in ``fields``; nothing else (titles,
    names and the site's namespaces are names that links and addresses are made of)."""
    if open_elements[-2:] == ["revision", "text"]:
        view, at = _unescaped(text[start:end])
        for p in prose_of(view, wikitext_spans(view)):
            yield Piece(start + at[p.start], start + at[p.end], "text", "", joined=p.joins, after_end=p.ends)
    elif open_elements[-2:] == ["revision", "comment"] or open_elements and open_elements[-1] in fields:
        yield from _text_pieces(text, start, end, open_elements[-1], 1)


def _text_pieces(text: str, start: int, end: int, place: str, levels: int, joined: bool = False,
                 after_end: bool = False) -> Iterator[Piece]:
    """The text of an element, written with references ``levels`` times (CDATA: none): the
    text itself, or where it holds a page (a feed's article in CDATA), or does once its
    references are read (<description>&lt;p&gt;…, even escaped again: &amp;lt;p&amp;gt;),
    the texts a reader of that page sees, each where its references stand. (Read as deep
    as references go, up to ``_DEEPEST``: where markup is found no deeper than repair
    would make it, a second pass finds the page the first did.)"""
    # the text with its references read, and where each character of it (and its end)
    # stands in ``text``
    at: Sequence[int] = range(start, end + 1)
    view = text[start:end]
    for depth in range(_DEEPEST + 1):
        if depth >= levels and has_markup(view):
            for p in readable_pieces(view):
                yield p._replace(start=at[p.start], end=at[p.end], place=_named(place, p.place),
                                 levels=p.levels + depth)
            return
        if "&" not in view:
            break
        read, read_at = _unescaped(view)
        if read == view:
            break
        view, at = read, [at[j] for j in read_at]
    if "<" in view and _MAKES_MARKUP.search(view):
        return  # (left as it is: repair would make markup of it, and a second pass read a page)
    yield Piece(start, end, place, "", levels, joined, after_end)


#: A text's ``<`` (written as a reference) that what repair may take out parts from a tag's
#: first character (``&lt;ًb``): repaired, it would read as markup
_MAKES_MARKUP = re.compile(f"<[{''.join(sorted(REMOVABLE))}]+[a-zA-Z/!?]")

_DEEPEST = 8  # (each level a pass over the text: a chain of &amp;amp;… is no page)


# html.unescape's own pattern (html._charref): a reference read alone reads as in the whole
_REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def _unescaped(text: str) -> tuple[str, list[int]]:
    """``text`` with its references read, and where in ``text`` each of its characters (and
    its end) stands."""
    out: list[str] = []
    at: list[int] = []
    pos, end = 0, len(text)
    for m in _REFERENCE.finditer(text):
        out.append(text[pos:m.start()])
        at += range(pos, m.start())
        read = html.unescape(m.group())
        out.append(read)
        at += [m.start()] * len(read)
        pos = m.end()
    out.append(text[pos:end])
    at += range(pos, end + 1)
    return "".join(out), at


def _named(element: str, place: str) -> str:
    """A text of a page inside an element, named: the element, or element@attribute."""
    return element if place == "text" else f"{element}@{place}"


def repair_xml(text: str, repairer: Repairer, explain: bool = False,
               fields: tuple[str, ...] = (), wiki: bool = False) -> tuple[str, list[StringRepair]]:
    """``text`` with the text of its elements (with ``fields``, of those so named) repaired
    by ``repairer``; with ``explain``, also the edits of each text that changed (its place:
    its element). ``wiki``: ``text`` is (a block of) a MediaWiki dump, whose revisions' text
    is repaired as wikitext, and their edit summaries as text, nothing else."""
    pieces = list(xml_pieces(text, wiki, fields))
    if fields:  # (a text is read on from none left out: those of the named elements alone)
        kept = [p.place.partition("@")[0] in fields for p in pieces]
        pieces = [p if kept_before else p._replace(joined=False)
                  for p, keep, kept_before in zip(pieces, kept, [False, *kept], strict=False) if keep]
    return repair_pieces(text, pieces, repairer, explain)


def fix_xml(text: str, fields: Iterable[str] = (), **options: Unpack[RepairOptions]) -> str:
    """``text``, XML (a feed, a sitemap, a TEI corpus), with the text of its elements (with
    ``fields``, of those so named) repaired as :func:`~paknevis.fix` repairs a text, its
    markup as it was.

    >>> fix_xml('<item n="1"><title lang="fa">كتاب ها</title><guid>علي</guid></item>', ["title"])
    '<item n="1"><title lang="fa">کتاب\u200cها</title><guid>علي</guid></item>'
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_xml() takes a str, not {type(text).__name__}")
    return repair_xml(text, repairer(**options), False, tuple(fields))[0]


#: A block is cut at a line break between elements no deeper than this (a dump's pages, a
#: feed's items): the elements a text stands in then open in its block, and name it
_CUT_DEPTH = 2
_CLOSERS = {"<!--": "-->", "<?": "?>", "<![CDATA[": "]]>"}


def xml_blocks(blocks: Iterable[str]) -> Iterator[str]:
    """Blocks of lines (``lines.line_blocks``) of XML, to repair a block at a time, each cut
    at a line break between elements no deeper than the root's children's children (a
    Wikipedia dump's <page>s, a feed's <item>s), never inside a tag, comment or CDATA. A
    :class:`BlockTooLarge` where no such break comes for ``MAX_BLOCK_CHARS``."""
    carried, depth = "", 0
    for block in blocks:
        text = carried + block
        cut, after = _last_cut(text, depth)
        if cut:
            yield text[:cut]
            depth = after
        carried = text[cut:]
        if len(carried) > MAX_BLOCK_CHARS:
            raise BlockTooLarge(f"XML of more than {MAX_BLOCK_CHARS:,} characters with no line "
                                "break between its top elements is too large to repair at once")
    if carried:
        yield carried


def _last_cut(text: str, depth: int) -> tuple[int, int]:
    """Where ``text``, whose first character stands ``depth`` elements deep, may last be cut
    (0: nowhere), and how deep that is."""
    cut, cut_depth, done = 0, depth, 0
    for m in _MARKUP.finditer(text):
        markup = m.group()
        if m.end() == len(text) and not markup.endswith(next(
                (end for start, end in _CLOSERS.items() if markup.startswith(start)), ">")):
            return cut, cut_depth  # open to the end: it goes on in the next block
        if depth <= _CUT_DEPTH and (at := _break_before_markup(text, done, m.start())):
            cut, cut_depth = at, depth
        if m.group(2) is not None and not markup.endswith("/>"):
            depth += 1
        elif markup.startswith("</"):
            depth = max(depth - 1, 0)
        done = m.end()
    return cut, cut_depth  # (not in the text after the last markup: the next block may go on with it)


def _break_before_markup(text: str, start: int, end: int) -> int:
    """After the last line break of ``text[start:end]``, if only spaces follow it there (a
    text cut there is repaired as whole: its spaces at an edge stay as they are)."""
    at = text.rfind("\n", start, end) + 1
    return at if at and not text[at:end].strip() else 0


def looks_like_xml(text: str) -> bool:
    """Does ``text`` (the first block of an input) begin as XML does (a declaration, a
    feed's root, or a Wikipedia dump's or a TEI document's, which may have no declaration)?
    (A page that begins with a declaration is HTML: see ``looks_like_html``.)"""
    return text.lstrip("\ufeff \t\r\n")[:10].startswith(("<?xml", "<rss", "<feed", "<rdf:", "<mediawiki",
                                                          "<TEI", "<teiCorpus"))


def looks_like_mediawiki(text: str) -> bool:
    """Does ``text`` (the first block of an input) begin as a MediaWiki dump (Wikipedia's
    pages-articles) does: its root ``mediawiki``, after an XML declaration or none?"""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2:].lstrip()
    return head.startswith("<mediawiki") and head[10:11] in ("", " ", ">", "\t", "\r", "\n")
