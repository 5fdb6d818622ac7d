"""Many short texts repaired together: the string values of a JSON dump, the cells of a table.

Each is repaired as :func:`~paknevis.fix` repairs it alone. They go to the repair as the lines
of one text, many at a time, since a line comes out as it would alone (``lines.py``): over
the 18,770 strings of the Fars News dump, one call each took 0.40 s, 64 a call 0.26 s (32:
0.26; 256: 0.29, where one line that needs a second pass costs all).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterable, Sequence
from itertools import accumulate, islice
from operator import itemgetter
from typing import NamedTuple

from .edits import Edit
from .pipeline import Repairer
from .spread import spread

_BATCH = 64
#: Repairs a list of strings: each one repaired, and each one's edits where they were asked
#: for (else no lists), as :func:`repair_strings` does
StringsRepair = Callable[[list[str]], tuple[list[str], list[list[Edit]]]]


class StringRepair(NamedTuple):
    """The edits repair made in one string of a structured text (JSON, a table, a page, a post, XML)."""

    line: int  # the line of the text (from 1) where the string starts; of Parquet, its row
    place: str  # where in its line: a JSON Pointer (/paragraphs/2, and of Parquet), a table's
    #             column (3), "text" or a page's attribute (title), a front matter's key, an XML element
    text: str  # the string, as it was
    edits: list[Edit]  # in the coordinates of ``text``


def repair_strings(texts: list[str], repairer: Repairer, explain: bool = False,
                   keep_edges: bool = False) -> tuple[list[str], list[list[Edit]]]:
    """Each of ``texts`` repaired; with ``explain``, also each one's edits (else no lists).
    With ``keep_edges``, the spaces at each one's edges are kept (:func:`apart`), as a
    page's texts between its tags keep theirs: a JSON string may be a piece of a text that
    goes on in the next, as a Telegram export's text is a list of pieces (``["روبرو شده ",
    {"type": "hashtag", "text": "#ایران"}, " و ", …]``). Repaired as a text alone, the
    first lost its last space as a line's, and the pieces joined made ``شده#ایران``."""
    edged = {i: apart(text) for i, text in enumerate(texts)
             if keep_edges and (text[:1].isspace() or text[-1:].isspace())}
    if edged:
        texts = [edged[i][1] if i in edged else text for i, text in enumerate(texts)]
    fixed_texts, edits = _repair_cores(texts, repairer, explain)
    for i, (lead, _, trail) in edged.items():
        fixed_texts[i] = lead + fixed_texts[i] + trail
        if explain and lead:
            edits[i] = [edit.shifted(len(lead)) for edit in edits[i]]
    return fixed_texts, edits


def _repair_cores(texts: list[str], repairer: Repairer, explain: bool) -> tuple[list[str], list[list[Edit]]]:
    fixed_texts: list[str] = []
    edits: list[list[Edit]] = []
    for at in range(0, len(texts), _BATCH):
        batch = texts[at:at + _BATCH]
        joined = "\n".join(batch)
        if explain:
            fixed, joined_edits = repairer.fix_and_explain(joined)
            edits += _edits_apart(joined_edits, batch)
        else:
            fixed = repairer.fix(joined)
        fixed_texts += batch if fixed == joined else _lines_apart(fixed.split("\n"), batch)
    return fixed_texts, edits


def repair_parts(text: str, spans: Sequence[tuple[int, int]], befores: list[str], repairer: Repairer,
                 explain: bool, place: Callable[[int], str], written: Callable[[int, str], str],
                 keep_edges: bool = False) -> tuple[str, list[StringRepair]]:
    """``text`` with each of its parts repaired: the ``i``-th stands at ``spans[i]`` and reads
    ``befores[i]``, and where repair changes it, it is written again as ``written(i,
    repaired)``. With ``explain``, also each changed part's edits, at the line of its first
    character that is no space, and at ``place(i)``. (``keep_edges``: see
    :func:`repair_strings`.)"""
    afters, edits = repair_strings(befores, repairer, explain, keep_edges)
    out: list[str] = []
    repairs: list[StringRepair] = []
    done = counted = 0  # what of ``text`` is in ``out``; where ``line`` is counted to
    line = 1
    for i, (start, end) in enumerate(spans):
        if afters[i] == befores[i]:
            continue
        if explain:
            first = end - len(text[start:end].lstrip())
            line += text.count("\n", counted, first)
            counted = first
            repairs.append(StringRepair(line, place(i), befores[i], edits[i]))
        out += (text[done:start], written(i, afters[i]))
        done = end
    if not out:
        return text, repairs
    out.append(text[done:])
    return "".join(out), repairs


def repair_runs(text: str, spans: Sequence[tuple[int, int]], reads: list[str], runs: list[list[int]],
                repairer: Repairer, explain: bool, place: Callable[[int], str],
                written: Callable[[int, str], str],
                closed: Container[int] = ()) -> tuple[str, list[StringRepair]]:
    """``text`` with the texts between its markup repaired: the ``i``-th stands at
    ``spans[i]`` and reads ``reads[i]``, and each of ``runs`` (their numbers, in order) is
    what a reader reads as one text (a page's text across its inline tags: ``<b>مي</b>خوانم``).
    A run is repaired whole, the spaces at its edges kept (:func:`apart`), and a text that
    changed is written again as ``written(i, repaired)`` (see :func:`_runs_apart`: a space
    inserted before a text whose number is in ``closed`` goes to it, outside the element
    that ends there). With ``explain``, also each changed run's edits, at the line of its
    first character that is no space, and at ``place`` of its first text."""
    edges = [apart("".join(reads[i] for i in run)) for run in runs]
    cores = [core for _, core, _ in edges]
    afters, edits = repair_strings(cores, repairer, explain)
    several = [n for n, run in enumerate(runs) if len(run) > 1 and afters[n] != cores[n]]
    texts_of = dict(zip(several, _runs_apart(
        [[reads[i] for i in runs[n]] for n in several], [edges[n] for n in several],
        [afters[n] for n in several], [edits[n] for n in several] if explain else None,
        [{k for k, i in enumerate(runs[n]) if i in closed} for n in several], repairer), strict=True))
    new: dict[int, str] = {}  # a text's number: what it reads repaired
    changed: list[tuple[int, StringRepair]] = []  # each changed run's repair, and where it starts
    for n, (run, (lead, core, trail), after) in enumerate(zip(runs, edges, afters, strict=True)):
        if after == core:
            continue
        for i, repaired in zip(run, texts_of.get(n) or [lead + after + trail], strict=True):
            if repaired != reads[i]:
                new[i] = repaired
        if explain:  # (it starts at its first character that is no space)
            i = next(i for i in run if reads[i].strip())
            raw = text[spans[i][0]:spans[i][1]]
            start = spans[i][0] + len(raw) - len(raw.lstrip())
            changed.append((start, StringRepair(0, place(run[0]), core, edits[n])))
    breaks = [m.start() for m in re.finditer("\n", text)] if changed else []
    repairs = [r._replace(line=bisect_right(breaks, start) + 1)
               for start, r in sorted(changed, key=itemgetter(0))]
    out: list[str] = []
    done = 0
    for i in sorted(new):
        out += (text[done:spans[i][0]], written(i, new[i]))
        done = spans[i][1]
    out.append(text[done:])
    return "".join(out), repairs


def runs_of(joined: Iterable[bool], apart: Container[int] = ()) -> list[list[int]]:
    """The numbers of texts in the runs a reader reads as one: each text ``joined`` to the
    one before goes on the run of the last text not in ``apart`` (a page's attribute values,
    which stand between its texts, each a run of its own).

    >>> runs_of([False, True, False, True], apart={2})
    [[0, 1, 3], [2]]
    """
    runs: list[list[int]] = []
    last: list[int] | None = None  # the run of the last text not apart
    for i, on in enumerate(joined):
        if on and last is not None:
            last.append(i)
            continue
        runs.append([i])
        if i not in apart:
            last = runs[-1]
    return runs


def _runs_apart(runs: list[list[str]], edges: list[tuple[str, str, str]], afters: list[str],
                edits: list[list[Edit]] | None, closed: list[set[int]],
                repairer: Repairer) -> list[list[str]]:
    """Runs of several texts (each apart as ``edges``, its core repaired as ``afters``) as
    their texts repaired: each text repaired alone where that gives what the run repaired
    whole gives (no edit reaches from one text into the next, as in most runs: a second
    ``fix`` costs less than finding the run's edits, which takes twice its time), else the
    run's ``edits`` (found here where None) spread over its
    texts (:func:`~paknevis.repair.spread.spread`; a space inserted before a text whose place
    in the run is in ``closed`` goes to it)."""
    parts = [apart(text) for run in runs for text in run]
    alone = iter(repair_strings([core for _, core, _ in parts], repairer)[0])
    at = iter(parts)
    out: list[list[str]] = []
    for run, (lead, _, trail), after in zip(runs, edges, afters, strict=True):
        texts = [part_lead + next(alone) + part_trail for part_lead, _, part_trail in islice(at, len(run))]
        out.append(texts if "".join(texts) == lead + after + trail else [])
    crossed = [k for k, texts in enumerate(out) if not texts]
    if crossed and edits is None:
        edits = [[] for _ in runs]
        for k, found in zip(crossed, repair_strings([edges[k][1] for k in crossed], repairer, True)[1],
                            strict=True):
            edits[k] = found
    for k in crossed:
        assert edits is not None
        out[k] = spread(runs[k], [e.shifted(len(edges[k][0])) for e in edits[k]], closed=closed[k])
    return out


def apart(text: str) -> tuple[str, str, str]:
    """``text`` as its spaces before, itself, and its spaces after: where a piece of a page
    or a post stands between markup, its edge spaces part it from what is beside it, and
    repair would take the last ones away.

    >>> apart(" کتاب ها  "), apart("  ")
    ((' ', 'کتاب ها', '  '), ('  ', '', ''))
    """
    core = text.strip()
    if not core:
        return text, "", ""
    lead = len(text) - len(text.lstrip())
    return text[:lead], core, text[lead + len(core):]


def _lines_apart(lines: list[str], texts: list[str]) -> list[str]:
    """The repaired lines of ``texts`` joined, a text again each: repair keeps every line
    break, so each takes as many lines as it had."""
    out, at = [], 0
    for text in texts:
        n = text.count("\n") + 1
        out.append("\n".join(lines[at:at + n]))
        at += n
    return out


def _edits_apart(edits: list[Edit], texts: list[str]) -> list[list[Edit]]:
    """The edits of ``texts`` joined, each text's in its own coordinates: an edit falls in
    the text it starts in (or ends, an insertion at a text's end)."""
    out: list[list[Edit]] = [[] for _ in texts]
    if not edits:
        return out
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    for edit in edits:
        i = bisect_right(starts, edit.start) - 1  # (the joining line break is never edited)
        out[i].append(edit.shifted(-starts[i]))
    return out
