"""Markdown repaired as Markdown: the prose repaired, what Markdown reads as code or syntax left.

Repaired as text, a post lost more than its looks: ``1. مورد`` became ``۱. مورد``, no list
item; the ``,`` of ``tags: [ایران, کتاب]`` in its front matter became ``،``, one tag of
two; a fenced block's ``alert("…");`` became ``alert("…")؛``; and a link's ``(/posts/كتاب)``
another address. Here these stay byte for byte: the front matter (YAML or TOML) but the
values a reader sees, fenced and indented code, HTML blocks and link definitions; in a line,
code spans, a link's destination, autolinks and inline HTML, the marks of a list item, a
heading, a quote and emphasis, and the spaces at the end of a line (two of them break it).
The prose between is repaired as :func:`~paknevis.fix` repairs a text, the spaces at its
edges kept, read on across the syntax a reader reads it across (emphasis, a link's
brackets, inline tags: ``**مي**خوانم`` is one word, and becomes ``**می‌**خوانم``); and so
are the front matter's title, subtitle, description, summary and excerpt (a value of one
line, plain or quoted: it is quoted where it must now be, as ``title: علی: کتاب``).

>>> from paknevis.repair import repairer
>>> repair_markdown('1. كتاب ها را `f("كتاب");` [ببین](/posts/كتاب)\\n', repairer())[0]
'1. کتاب\u200cها را `f("كتاب");` [ببین](/posts/كتاب)\\n'
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple, Unpack

from .chars import REMOVABLE
from .config import RepairOptions
from .html_text import INLINE_TAG, TAG_REST
from .pipeline import Repairer, repairer
from .strings import StringRepair, repair_parts
from .syntax import Kept, prose_of, repair_prose

_FRONT = re.compile(r"(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*(?:\r?\n|\Z)", re.S | re.M)
# the front matter's values a reader sees, on a line of their own (not tags, which are
# names that addresses are made of): plain, in double quotes (whose escapes are \\ and \"
# alone) or in single quotes (a quote in them doubled, in YAML)
_SEEN_KEYS = "title|subtitle|description|summary|excerpt"
_QUOTED = r"""(?P<value>"(?:[^"\\\r\n]|\\[\\"])*"|'(?:[^'\r\n]|'')*')"""
_INDICATORS = r"""\-?:,\[\]{}#&*!|>'"%@`"""  # (a plain YAML value cannot begin with one)
_YAML_VALUE = re.compile(rf"^(?P<key>{_SEEN_KEYS})[ \t]*:[ \t]+(?:{_QUOTED}"
                         rf"|(?P<plain>[^\s{_INDICATORS}](?:[^#\r\n]|(?<! )#)*?))[ \t]*\r?$", re.M)
_TOML_VALUE = re.compile(rf"^(?P<key>{_SEEN_KEYS})[ \t]*=[ \t]*{_QUOTED}[ \t]*\r?$", re.M)
#: what a plain YAML value may not hold (nothing at all is no text, but null), or be: only
#: ASCII, which YAML may read as no text (<< a merge, null, yes, 12, 2024-01-01); it is then quoted
_NOT_PLAIN = re.compile(rf"^[{_INDICATORS}]|: | #|:$|^\s|\s$|^$|^[\x00-\x7f]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# a line's marks: blockquotes', a list item's, a heading's (a heading's # and its word
# would be a hashtag to the handles step: # مجاهدین_خلق)
_MARKS = re.compile(r"(?: {0,3}>[ \t]?)*( {0,3}(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))?( {0,3}#{1,6}(?=[ \t]|$))?")
# HTML blocks as CommonMark starts them: a raw element, a comment, a declaration or CDATA;
# a block element's tag; any complete tag alone on its line (not <b> before text, a paragraph's)
_BLOCK_TAGS = ("address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
               "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
               "h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|"
               "optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|"
               "tr|track|ul")
_HTML_BLOCK = re.compile(r" {0,3}(?:<(?:script|pre|style|textarea)(?:[\s>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\["
                         rf"|</?(?:{_BLOCK_TAGS})(?:[\s/>]|$)"
                         rf"|</?[a-zA-Z][a-zA-Z0-9-]*{TAG_REST}>[ \t]*$)", re.I)
_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S")
# in a line: a code span, a link's destination (one level of brackets inside), an autolink
# or inline HTML (the lookahead lets the search skip prose in C: over the Fars News
# articles as posts, 39 ms against 90 with the line's end spaces as one more choice)
_INLINE = re.compile(r"(?=[`\]<])(?:(`+)[^`].*?(?<!`)\1(?!`)"
                     r"|\]\((?:[^()\n]|\([^()\n]*\))*\)"
                     r"|<(?:[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*|[a-zA-Z/!?][^<>\n]*)>)")
#: What repair may take out beside a mark of emphasis (invisible characters, harakat, kashida),
#: and syntax found before it (U+FFFC stands for it; a space beside it may go): the marks
#: are found as if these were not there, so a second pass finds those the first did
_UNSEEN = frozenset(REMOVABLE + "\ufffc")
_SEEN_STRETCH = re.compile(f"[^{''.join(sorted(_UNSEEN))}]+")
# Emphasis: a pair of marks on a line, * or ** (inside a word too) or ~~; the opening one
# before a character that is no space, the closing one after one (CommonMark's flanking
# rules, simplified). A reader reads the prose on across them: **مي**خوانم is one word.
# (Not _ and __: whether one is emphasis turns on whether a letter stands beside it, not
# inside a word (snake_case), and repair may change what stands there: mojibake's طں before
# _ is a letter, and the ؟ it is repaired to is none, so a second pass would read otherwise.)
_EMPHASIS = re.compile(r"(?<![*\\])(\*{1,3})(?=[^\s*]).*?[^\s*\\]\1(?!\*)"
                       r"|(?<![~\\])(~~)(?=[^\s~]).*?[^\s~\\]\2(?!~)")


class Value(NamedTuple):
    """A value of the front matter a reader sees."""

    start: int  # as written, its quotes included
    end: int
    key: str
    quote: str  # its quote ("" for a plain YAML value)
    toml: bool


def front_values(text: str) -> list[Value]:
    """The values of ``text``'s front matter a reader sees (its title, description…)."""
    m = _FRONT.match(text)
    if m is None:
        return []
    toml = m[1] == "+++"
    found = (_TOML_VALUE if toml else _YAML_VALUE).finditer(text, 0, m.end())
    return [Value(v.start("value") if v["value"] else v.start("plain"),
                  v.end("value") if v["value"] else v.end("plain"), v["key"],
                  v["value"][0] if v["value"] else "", toml) for v in found]


def _read(value: str, quote: str, toml: bool) -> str:
    if quote == '"':
        return re.sub(r"\\([\\\"])", r"\1", value[1:-1])
    if quote == "'":
        return value[1:-1] if toml else value[1:-1].replace("''", "'")
    return value


def _written(value: Value, text: str) -> str:
    """``text`` written as ``value``'s kind is, or in double quotes where it may not be."""
    quote = value.quote
    if quote == "'" and not value.toml:
        return "'" + text.replace("'", "''") + "'"
    if quote == "'" and "'" not in text or not quote and not _NOT_PLAIN.search(text):
        return quote + text + quote
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def kept_spans(text: str, front: bool = True) -> Iterator[Kept]:
    """The spans of ``text`` that Markdown reads as code or syntax, in order (the front
    matter whole, its values a reader sees too: see :func:`front_values`; without ``front``,
    ``text`` is a post's body, after its front matter)."""
    pos = 0
    if front and (m := _FRONT.match(text)):
        yield Kept(0, m.end())
        pos = m.end()
    fence = ""  # the open fence, if any
    html_block = list_item = False
    blank_before = True
    for line in text[pos:].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if fence:  # inside a fenced block, to a fence of its kind at least as long
            yield Kept(start, pos)
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
            yield Kept(start, pos)
        elif html_block or (indented and blank_before and not list_item) or (
                _HTML_BLOCK.match(body) and blank_before) or _DEFINITION.match(body):
            html_block = html_block or bool(_HTML_BLOCK.match(body))
            yield Kept(start, pos)
        else:
            yield from (k._replace(start=start + k.start, end=start + k.end)
                        for k in _inline_spans(line, marks.end()))
        blank_before = False


def _inline_spans(line: str, marks: int) -> list[Kept]:
    """The syntax of a line of prose whose marks (a list item's, a heading's) end at
    ``marks``: code spans, links' destinations, autolinks and inline HTML, the spaces at its
    end, and the marks of emphasis and of links' text, in order."""
    spans = [Kept(0, marks)] if marks else []
    for m in _INLINE.finditer(line):
        inline = INLINE_TAG.fullmatch(m.group()) is not None
        spans.append(Kept(m.start(), m.end(), inline, inline and m.group().startswith("</")))
    body = line[:-2] if line.endswith("\r\n") else line.removesuffix("\n")
    end = max(len(body.rstrip(" \t")), spans[-1].end if spans else 0)  # the spaces at its end (two break it)
    if end < len(body):
        spans.append(Kept(end, len(body)))
    if "](" not in line and "*" not in line and "~" not in line:
        return sorted(spans)  # (most lines of prose: no link, no emphasis)
    plain = line  # the line with its syntax so far out of the way
    for k in spans:
        plain = plain[:k.start] + "\ufffc" * (k.end - k.start) + plain[k.end:]
    # a link's text is read on with the prose beside it, an image's alternative text is not
    after = 0  # the last link's end: a link's text begins after it
    for n, k in enumerate(list(spans)):
        if not line.startswith("](", k.start):
            continue
        opening, after = plain.rfind("[", after, k.start), k.end
        if opening < 0 or "]" in plain[opening:k.start] or plain[opening - 1:opening] == "\\":
            continue
        if plain[opening - 1:opening] == "!":
            spans.append(Kept(opening - 1, opening + 1))
        else:
            spans[n] = k._replace(joins=True, ends=True)
            spans.append(Kept(opening, opening + 1, True))
    if "*" in line or "~" in line:
        # the line as seen: its stretches of what is not unseen, where each starts in it and in the line
        stretches = list(_SEEN_STRETCH.finditer(plain))
        view = "".join(m.group() for m in stretches)
        in_view = list(accumulate((len(m.group()) for m in stretches[:-1]), initial=0))

        def in_line(at: int) -> int:
            k = bisect_right(in_view, at) - 1
            return stretches[k].start() + at - in_view[k]

        for m in _EMPHASIS.finditer(view):
            width = len(m.group(m.lastindex or 0))
            opening, closing = in_line(m.start()), in_line(m.end() - width)
            whole = in_line(m.start() + width - 1) - opening == in_line(m.end() - 1) - closing == width - 1
            if whole:  # (each mark a run of the line, not cut by what is unseen)
                spans += (Kept(opening, opening + width, True), Kept(closing, closing + width, True, True))
    return sorted(spans)


def repair_markdown(text: str, repairer: Repairer, explain: bool = False) -> tuple[str, list[StringRepair]]:
    """``text`` with its prose, and its front matter's values a reader sees, repaired by
    ``repairer``; with ``explain``, also the edits of each piece that changed (its place:
    "text", or the value's key)."""
    front = _FRONT.match(text)
    cut = front.end() if front else 0
    values = front_values(text)
    head, repairs = repair_parts(text[:cut], [(v.start, v.end) for v in values],
                                 [_read(text[v.start:v.end], v.quote, v.toml) for v in values],
                                 repairer, explain, lambda i: values[i].key,
                                 lambda i, after: _written(values[i], after))
    body = text[cut:]
    prose = list(prose_of(body, kept_spans(body, front=False)))
    fixed, body_repairs = repair_prose(body, prose, repairer, explain)
    above = text.count("\n", 0, cut)
    return head + fixed, repairs + [r._replace(line=r.line + above) for r in body_repairs]


def fix_markdown(text: str, **options: Unpack[RepairOptions]) -> str:
    """``text``, Markdown, with its prose repaired as :func:`~paknevis.fix` repairs a text,
    its code and syntax as they were.

    >>> fix_markdown('1. كتاب ها `f("كتاب");`')
    '1. کتاب\u200cها `f("كتاب");`'
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_markdown() takes a str, not {type(text).__name__}")
    return repair_markdown(text, repairer(**options))[0]
