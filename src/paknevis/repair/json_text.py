"""JSON repaired as JSON: the text of each string value repaired, the JSON left as it was.

A dump of a document a line (``{"title": "…", "paragraphs": ["…"]}``) repaired as text
would have its JSON repaired too: its quotes made «», its commas ، — no longer JSON. Here
only the values' strings are repaired, each as :func:`~paknevis.fix` repairs a text, but
for the spaces at its edges, which stay (a string may be a piece of a text that goes on in
the next: a Telegram export's text is a list of such; see ``strings.repair_strings``). Keys,
numbers, spacing, the order of keys and the escapes of a string that repair leaves alone
stay byte for byte; a string it changes is written again, its escapes as before (``\\u0645``
stays an escape, a letter stays a letter). The text may be JSON Lines (a value a line) or
one JSON document, pretty-printed or not.

>>> from paknevis.repair import repairer
>>> repair_json('{"title": "کتاب ها", "n": 1}', repairer())[0]
'{"title": "کتاب\u200cها", "n": 1}'
"""
from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Iterator
from itertools import chain
from typing import Unpack

from .config import RepairOptions
from .lines import MAX_BLOCK_CHARS, BlockTooLarge
from .pipeline import Repairer, repairer
from .strings import StringRepair, repair_parts

# A string (unrolled, so that a long one is one scan: "(?:[^"\\]|\\.)*" tries an alternation
# a character) or a mark of the JSON's structure; numbers, true, false and null do not matter
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\],:]')
#: a string, and the colon after it if it is a key (where no place is asked for, the values
#: are found so, in C: over farsnews, 24 ms instead of 45)
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"([ \t\n\r]*:)?')
_SURROGATE = re.compile("[\ud800-\udfff]")

Path = tuple[str | int, ...]


def pointer(path: Path) -> str:
    """A place in a JSON value as a JSON Pointer (RFC 6901).

    >>> pointer(("paragraphs", 2)), pointer(("a/b~",))
    ('/paragraphs/2', '/a~1b~0')
    """
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def string_values(text: str) -> Iterator[tuple[int, int, Path]]:
    """(start, end, path) of each string value in ``text``, a JSON value or a run of them (JSON
    Lines): its token, quotes included. Keys are no values and are left out. ``text`` must be
    valid JSON (see :func:`json_lines_problem`): marks inside strings are not told apart else.

    >>> [(text[s:e], path) for text in ['{"a": ["x", {"b": "y"}], "c": "z"}']
    ...  for s, e, path in string_values(text)]
    [('"x"', ('a', 0)), ('"y"', ('a', 1, 'b')), ('"z"', ('c',))]
    """
    objects: list[bool] = []  # for each open object or array: is it an object?
    path: list[str | int] = []  # and its key or index now
    key_next = False  # is the next string a key?
    for m in _TOKEN.finditer(text):
        token = m.group()
        mark = token[0]
        if mark == '"':
            if key_next:
                path[-1] = json.loads(token) if "\\" in token else token[1:-1]
            else:
                yield m.start(), m.end(), tuple(path)
        elif mark == "{" or mark == "[":
            objects.append(mark == "{")
            path.append(0)
            key_next = mark == "{"
        elif mark == ":":
            key_next = False
        elif mark == ",":
            key_next = objects[-1]
            if not key_next:  # the next of an array
                path[-1] = int(path[-1]) + 1
        else:  # } or ]: the value of the one around it ends here
            objects.pop()
            path.pop()
            key_next = False


def repair_json(text: str, repairer: Repairer, fields: Collection[str] = (),
                explain: bool = False) -> tuple[str, list[StringRepair]]:
    """``text`` (valid JSON: a value, or a value a line) with every string value repaired by
    ``repairer``, or with ``fields``, only those under a key of these names, at any depth (a
    record's, or those of the records in an array); with ``explain``, also the edits of each
    string that changed."""
    if fields or explain:
        keys = frozenset(fields)
        strings = [(start, end, path) for start, end, path in string_values(text)
                   if not keys or not keys.isdisjoint(path)]
    else:
        strings = [(*m.span(), ()) for m in _STRING.finditer(text) if not m.group(1)]
    # a string without escapes is its text between the quotes (no control character may
    # stand in it unescaped): json.loads only where it has some
    befores = [json.loads(token) if "\\" in token else token[1:-1]
               for token in (text[start:end] for start, end, _ in strings)]

    def written(i: int, after: str) -> str:
        # escapes as the writer wrote them: a dump of escapes only stays so (and a lone
        # surrogate, which UTF-8 cannot hold, stays an escape)
        start, end, _ = strings[i]
        ascii_only = text[start:end].isascii() or _SURROGATE.search(after) is not None
        return json.dumps(after, ensure_ascii=ascii_only)

    return repair_parts(text, [(start, end) for start, end, _ in strings], befores, repairer, explain,
                        lambda i: pointer(strings[i][2]), written, keep_edges=True)


class JsonError(ValueError):
    """A text to repair as JSON that is not JSON."""


def fix_json(text: str, fields: Collection[str] = (), **options: Unpack[RepairOptions]) -> str:
    """``text``, JSON (one value, or JSON Lines), with the text of every string value repaired
    as :func:`~paknevis.fix` repairs a text, or with ``fields``, only those under a key of
    these names, at any depth; the JSON stays as it was. A :class:`JsonError` says where text
    that is not JSON goes wrong.

    >>> fix_json('{"title": "كتاب ها", "tags": ["ايران"], "views": 12}\\n{"title": "می شود"}')
    '{"title": "کتاب\u200cها", "tags": ["ایران"], "views": 12}\\n{"title": "می\u200cشود"}'
    >>> fix_json('{"id": "كتاب", "title": "كتاب"}', fields=["title"])
    '{"id": "كتاب", "title": "کتاب"}'
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_json() takes a str, not {type(text).__name__}")
    if json_problem(text) and (problem := json_lines_problem(text)):
        raise JsonError(f"line {problem[0]}: not JSON: {problem[1]}")
    return repair_json(text, repairer(**options), fields)[0]


def json_blocks(blocks: Iterable[str]) -> Iterator[str]:
    """Blocks of lines (``lines.line_blocks``) of a JSON text, checked, to repair a block at a
    time: JSON Lines as they come, where the first line that is not blank is a JSON value;
    else one JSON value, pretty-printed, in one block. A :class:`JsonError` names the first
    line that is not JSON, after the blocks before it."""
    blocks = iter(blocks)
    first = next(blocks, "")
    head = next((line for line in first.split("\n") if line.strip()), "")
    if head and not json_problem(head):
        line = 0  # in the blocks before
        for block in chain([first], blocks):
            if problem := json_lines_problem(block):
                raise JsonError(f"line {line + problem[0]:,}: not JSON: {problem[1]}")
            line += block.count("\n")
            yield block
        return
    text = first + "".join(blocks)
    if len(text) > MAX_BLOCK_CHARS:
        raise BlockTooLarge(f"a JSON value of more than {MAX_BLOCK_CHARS:,} characters is too "
                            "large to repair at once: write it as JSON Lines, a value a line")
    if text.strip() and (what := json_problem(text)):
        raise JsonError(f"not JSON: {what}")
    yield text


def looks_like_json(text: str) -> bool:
    """Does ``text`` (the first block of an input) begin with a line that is a JSON object
    or array? No Persian text does; a dump of a document a line does."""
    head = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return head[:1] in ("{", "[") and not json_problem(head)


def json_lines_problem(text: str) -> tuple[int, str] | None:
    """The first line of ``text`` (from 1) that is neither blank nor a JSON value, with what
    is wrong with it, or None where every line is one. (Lines are cut at line feeds only:
    a JSON string may hold U+2028, which ``str.splitlines`` would cut at.)"""
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            problem = json_problem(line)
            if problem:
                return n, problem
    return None


def json_problem(text: str) -> str | None:
    """What makes ``text`` no JSON value, or None where it is one."""
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        where = f"column {e.colno}" if e.lineno == 1 else f"line {e.lineno}, column {e.colno}"
        return f"{e.msg} ({where})"
    except RecursionError:
        return "nested too deep"
    return None
