"""Markdown repaired as Markdown: the prose repaired, what Markdown reads as code or syntax left.

Repaired as text, a post lost more than its looks: ``1. مورد`` became ``۱. مورد``, no list
item; the ``,`` of ``tags: [ایران, کتاب]`` in its front matter became ``،``, one tag of
two; a fenced block's ``alert("…");`` became ``alert("…")؛``; and a link's ``(/posts/كتاب)``
another address. Here these stay byte for byte: the front matter (YAML or TOML), fenced and
indented code, HTML blocks and link definitions; in a line, code spans, a link's
destination, autolinks and inline HTML, the marks of a list item, a heading and a quote,
and the spaces at the end of a line (two of them break it). The prose between is repaired
as :func:`~paknevis.fix` repairs a text, the spaces at its edges kept.

>>> from paknevis.repair import repairer
>>> repair_markdown('1. كتاب ها را `f("كتاب");` [ببین](/posts/كتاب)\\n', repairer())[0]
'1. کتاب\u200cها را `f("كتاب");` [ببین](/posts/كتاب)\\n'
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Unpack

from .config import RepairOptions
from .pipeline import Repairer, repairer
from .strings import StringRepair, apart, repair_parts

_FRONT = re.compile(r"(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# a line's marks: blockquotes', a list item's, a heading's (a heading's # and its word
# would be a hashtag to the handles step: # مجاهدین_خلق)
_MARKS = re.compile(r"(?: {0,3}>[ \t]?)*( {0,3}(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))?( {0,3}#{1,6}(?=[ \t]|$))?")
_HTML_BLOCK = re.compile(r" {0,3}<(?:[a-zA-Z][a-zA-Z0-9-]*(?:[\s/>]|$)|/[a-zA-Z]|!--|\?|![A-Z])")
_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S")
# in a line: a code span, a link's destination (one level of brackets inside), an autolink
# or inline HTML, and the spaces at the line's end
_INLINE = re.compile(r"(`+)[^`].*?(?<!`)\1(?!`)"
                     r"|\]\((?:[^()\n]|\([^()\n]*\))*\)"
                     r"|<(?:[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*|[a-zA-Z/!?][^<>\n]*)>"
                     r"|[ \t]+(?=\r?\n|\Z)")


def kept_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``text`` that Markdown reads as code or syntax, in order."""
    pos = 0
    if m := _FRONT.match(text):
        yield 0, m.end()
        pos = m.end()
    fence = ""  # the open fence, if any
    html_block = list_item = False
    blank_before = True
    for line in text[pos:].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if fence:  # inside a fenced block, to a fence of its kind at least as long
            yield start, pos
            m = _FENCE.match(body)
            if m and m[1][0] == fence[0] and len(m[1]) >= len(fence) and not body[m.end():].strip():
                fence = ""
            continue
        if not body.strip():
            html_block, blank_before = False, True
            continue
        indented = body.startswith(("    ", "\t"))
        marks = _MARKS.match(body)
        assert marks is not None  # (it may match nothing)
        if marks[1]:
            list_item = True
        elif not indented and blank_before:  # a block after a blank line ends a list
            list_item = False
        m = _FENCE.match(body)
        if m and not (m[1][0] == "`" and "`" in body[m.end():]):
            fence = m[1]
            yield start, pos
        elif html_block or (indented and blank_before and not list_item) or (
                _HTML_BLOCK.match(body) and blank_before) or _DEFINITION.match(body):
            html_block = html_block or bool(_HTML_BLOCK.match(body))
            yield start, pos
        else:
            if marks.end():
                yield start, start + marks.end()
            for m in _INLINE.finditer(line):
                yield start + m.start(), start + m.end()
        blank_before = False


def repair_markdown(text: str, repairer: Repairer, explain: bool = False) -> tuple[str, list[StringRepair]]:
    """``text`` with its prose repaired by ``repairer``; with ``explain``, also the edits of
    each piece of prose that changed (its place: "text")."""
    pieces: list[tuple[int, int]] = []
    done = 0
    for start, end in kept_spans(text):
        if start > done:
            pieces += _lines_of(text, done, start)
        done = max(done, end)
    pieces += _lines_of(text, done, len(text))
    edges = [apart(text[start:end]) for start, end in pieces]
    befores = [core for _, core, _ in edges]

    def written(i: int, after: str) -> str:
        lead, _, trail = edges[i]
        return lead + after + trail

    return repair_parts(text, pieces, befores, repairer, explain, lambda i: "text", written)


def _lines_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span as its lines, each a piece: a paragraph's lines are repaired as fix repairs
    them, each alone, and a piece never holds a line break."""
    out, at = [], start
    while at < end:
        cut = text.find("\n", at, end)
        stop = end if cut < 0 else cut
        if stop > at:
            out.append((at, stop))
        at = stop + 1
    return out


def fix_markdown(text: str, **options: Unpack[RepairOptions]) -> str:
    """``text``, Markdown, with its prose repaired as :func:`~paknevis.fix` repairs a text,
    its code and syntax as they were.

    >>> fix_markdown('1. كتاب ها `f("كتاب");`')
    '1. کتاب\u200cها `f("كتاب");`'
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_markdown() takes a str, not {type(text).__name__}")
    return repair_markdown(text, repairer(**options))[0]
