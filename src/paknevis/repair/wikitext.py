"""Wikitext (Wikipedia's, MediaWiki's) repaired as wikitext: the prose repaired, the markup left.

Persian Wikipedia is the largest body of edited Persian text, and its dumps hold wikitext.
Repaired as text, an article lost more than its looks: ``[[بين]]المللی`` (a link whose word
goes on after it) became ``[[بین]] المللی``, two words; ``[[رده:كتاب ها]]`` another category;
a template's ``|جمعیت=1200`` ``۱۲۰۰``, which its code may not read as a number. Here these stay
byte for byte: comments, templates (``{{…}}``, with all they hold: their parameters are
data for their code), the elements whose content is not prose (nowiki, pre, math, code,
syntaxhighlight, gallery…), tags, a link's target, links to files and categories and
across languages (whole), external links' addresses, bare addresses, character
references, magic words, signatures; and of a line, a heading's ``=``, a list's marks, a
table's syntax and its cells' attributes, a line that begins with a space (preformatted)
and a redirect. The prose between is repaired as :func:`~paknevis.fix` repairs a text, read
on across bold and italic quotes, a link's brackets and inline tags: ``'''مي'''خوانم`` and
``[[بین‌المللی|بين]]المللی`` are each one word (a link with no label, or an empty one, is
its target, kept, and stands alone; so does an external link with none, shown as a number).

>>> from paknevis.repair import repairer
>>> repair_wikitext("'''مي'''خوانم [[کتاب|كتاب]]ها {{جعبه|عدد=12}} [[رده:كتاب]]", repairer())[0]
"'''می\u200c'''خوانم [[کتاب|کتاب\u200c]]ها {{جعبه|عدد=12}} [[رده:كتاب]]"
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Unpack

from .config import RepairOptions
from .html_text import INLINE_TAG, TAG_REST
from .pipeline import Repairer, repairer
from .strings import StringRepair
from .syntax import Kept, prose_of, repair_prose

#: Elements whose content is no prose (code, formulas, a gallery's lines of files)
RAW = ("nowiki", "pre", "math", "chem", "ce", "code", "syntaxhighlight", "source", "score",
       "timeline", "graph", "templatedata", "mapframe", "maplink", "gallery", "imagemap",
       "hiero", "inputbox", "categorytree", "references")
#: Links kept whole: to files, categories and the same article in other languages (a
#: prefix of letters and a colon: fa, en, File, پرونده, رده; a file's caption is kept too)
_WHOLE_LINK = re.compile(r"\[\[\s*:?\s*[^\W\d_][\w\s-]*:", re.I)
# (the lookahead's first characters let the search skip prose in C: 9 times as fast over
# the Fars News articles, most of whose characters begin no token)
_TOKEN = re.compile(
    r"(?=[\n<{\['&_~hH])(?:(?P<newline>\n)|(?P<comment><!--)"
    r"|(?P<raw><(?P<name>" + "|".join(RAW) + r")\b)|(?P<template>\{\{)"
    r"|(?P<link>\[\[)|(?P<external>\[(?:https?:|ftp:|mailto:|//))"
    rf"|(?P<tag></?[a-zA-Z][a-zA-Z0-9]*(?=[\s/>]){TAG_REST}>)|(?P<quotes>'{{2,5}})"
    r"|(?P<url>https?://[^\s<>\[\]{}|\"]+)|(?P<reference>&(?:[a-zA-Z]+|#\d+|#[xX][0-9a-fA-F]+);)"
    r"|(?P<switch>__[^\W\d_][\w\u200c]*__)|(?P<signature>~{3,5}))", re.I)
_OPENING = re.compile(rf"<[a-zA-Z][a-zA-Z0-9]*{TAG_REST}>")
_HEADING = re.compile(r"(=+)[^=\n].*?(=+)[ \t]*(?=\n|$)")
_LINE_WHOLE = re.compile(r" |#\s*(?:redirect|تغییر[\s_]?مسیر)\b|-{4,}|\s*\{\||\s*\|[-}]", re.I)
_LIST = re.compile(r"[*#:;]+")
_CELLS = re.compile(r"\s*(?:\|\+?|!)")  # a table's row of cells, a caption
_SEPARATOR = re.compile(r"\|\||!!")
# a cell's attributes, before its one | (not in a link or a template)
_ATTRIBUTES = re.compile(r"[^|\[\]{}\n]*?\|(?!\|)")
_LABEL = re.compile(r"[^\[\]{}<>'|\n]*")  # a link's label repaired as prose: no markup in it


def wikitext_spans(text: str) -> Iterator[Kept]:
    """The spans of ``text`` that are wikitext's syntax, in order.

    (A scan of our own: mwparserfromhell, which ``process`` uses to make text of wikitext,
    parses 4.9 MB of the Fars News articles as wikitext at 12.4 MB/s here, before any walk
    of its tree for where each node stands, which its nodes do not say; this scan finds the
    spans at 41.7 MB/s (``benchmarks/wikitext_scan.py``). What it does not know as syntax is
    repaired as prose.)"""
    spans: list[Kept] = []
    at, line_start, quotes = 0, True, 0  # (bold and italic quotes so far on the line)
    while at < len(text):
        if line_start:
            at, quotes = _line_start(text, at, spans), 0
        m = _TOKEN.search(text, at)
        if m is None:
            break
        kind, start = m.lastgroup, m.start()
        line_start = kind == "newline"
        if kind == "comment":
            end = text.find("-->", start)
            at = len(text) if end < 0 else end + 3
        elif kind == "raw":  # to its end tag; a tag alone where it closes itself or is never closed
            opening = _OPENING.match(text, start)
            at = opening.end() if opening else m.end()
            if opening and not opening.group().endswith("/>"):
                close = re.compile(rf"</{m.group('name')}\s*>", re.I).search(text, at)
                at = at if close is None else close.end()
        elif kind == "template":
            at = _closing(text, start, "{{", "}}")
            if at < 0:  # (never closed: the braces as typed, the text after them read on)
                at = m.end()
        elif kind == "link":
            at = _link(text, start, spans)
            continue
        elif kind == "external":
            at = _external(text, m, spans)
            continue
        elif kind == "newline":
            at = m.end()
            continue
        else:
            at = m.end()
            if kind == "quotes":  # (every other one closes what the one before opened)
                quotes += 1
                spans.append(Kept(start, at, True, quotes % 2 == 0))
                continue
            if kind == "tag":
                inline = INLINE_TAG.fullmatch(m.group()) is not None
                spans.append(Kept(start, at, inline, inline and m.group().startswith("</")))
                continue
        spans.append(Kept(start, at))
    yield from _in_order(spans)


def _line_start(text: str, at: int, spans: list[Kept]) -> int:
    """Keep the syntax that begins the line at ``at`` (a heading's, a list's, a table's, a
    preformatted line, a redirect): where the scan of the line goes on."""
    end = _line_end(text, at)
    if _LINE_WHOLE.match(text, at) and "{{" not in text[at:end] and "<" not in text[at:end]:
        spans.append(Kept(at, end))  # (one that opens a template or a tag is read on)
        return end
    if m := _HEADING.match(text, at, end):
        spans += (Kept(at, m.end(1)), Kept(m.start(2), m.end()))
        return at + len(m.group(1))
    if m := _LIST.match(text, at, end):
        spans.append(Kept(at, m.end()))
        at = m.end()
    if m := _CELLS.match(text, at, end):
        spans.append(Kept(at, m.end()))
        for cell_start, cell_end in _cells(text, m.end(), end, spans):
            if a := _ATTRIBUTES.match(text, cell_start, cell_end):
                if "=" in a.group():  # (attributes are name="value")
                    spans.append(Kept(cell_start, a.end()))
        return m.end()
    return at


def _cells(text: str, start: int, end: int, spans: list[Kept]) -> Iterator[tuple[int, int]]:
    """The cells of a table's line from ``start`` to ``end``, their separators kept."""
    for m in _SEPARATOR.finditer(text, start, end):
        yield start, m.start()
        spans.append(Kept(m.start(), m.end()))
        start = m.end()
    yield start, end


def _closing(text: str, start: int, opening: str, closing: str) -> int:
    """Where the ``opening`` at ``start`` is closed (nested ones counted), or -1."""
    depth, at = 0, start
    pattern = re.compile(re.escape(opening) + "|" + re.escape(closing))
    while m := pattern.search(text, at):
        depth += 1 if m.group() == opening else -1
        at = m.end()
        if depth == 0:
            return at
    return -1


def _link(text: str, start: int, spans: list[Kept]) -> int:
    """Keep the link at ``start`` (its target; all of a link to a file, a category or
    another language, or one whose label holds markup): where the scan goes on."""
    end = _closing(text, start, "[[", "]]")
    if end < 0:
        spans.append(Kept(start, start + 2))
        return start + 2
    pipe = text.find("|", start, end)
    label = _LABEL.match(text, pipe + 1, end - 2) if pipe > 0 else None
    # (with no label, or an empty one, the target is what a reader reads: kept, and no
    # prose reads on across it: ۱۴۰۳[[x|]]می is no «۱۴۰۳می» to put a space in)
    if _WHOLE_LINK.match(text, start) or label is None or label.end() != end - 2 or pipe + 1 == end - 2:
        spans.append(Kept(start, end))
    else:
        spans += (Kept(start, pipe + 1, True), Kept(end - 2, end, True, True))
    return end


def _external(text: str, m: re.Match[str], spans: list[Kept]) -> int:
    """Keep an external link's address and brackets (``[https://… label]``), or all of it
    where its label holds markup: where the scan goes on."""
    end = text.find("]", m.start(), _line_end(text, m.start()))
    if end < 0:
        return m.end()
    address = re.compile(r"[^\s\]]*[ \t]*").match(text, m.end())
    assert address is not None  # (it may match nothing)
    label = _LABEL.match(text, address.end(), end)
    if label is None or label.end() != end or address.end() == end:  # (no label: a number, [۱], is read)
        spans.append(Kept(m.start(), end + 1))
    else:
        spans += (Kept(m.start(), address.end(), True), Kept(end, end + 1, True, True))
    return end + 1


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _in_order(spans: list[Kept]) -> Iterator[Kept]:
    """``spans`` in order, each inside one before it left out."""
    done = 0
    for span in sorted(spans):
        if span.start >= done and span.end > span.start:
            yield span
            done = span.end


def repair_wikitext(text: str, repairer: Repairer, explain: bool = False) -> tuple[str, list[StringRepair]]:
    """``text`` with its prose repaired by ``repairer``; with ``explain``, also the edits of
    each run of prose that changed (its place: "text")."""
    return repair_prose(text, list(prose_of(text, wikitext_spans(text))), repairer, explain)


def fix_wikitext(text: str, **options: Unpack[RepairOptions]) -> str:
    """``text``, wikitext, with its prose repaired as :func:`~paknevis.fix` repairs a text,
    its markup as it was.

    >>> fix_wikitext("[[بين]]المللی و [[رده:كتاب ها]] {{سن|1990}}")
    '[[بين]]المللی و [[رده:كتاب ها]] {{سن|1990}}'
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_wikitext() takes a str, not {type(text).__name__}")
    return repair_wikitext(text, repairer(**options))[0]
