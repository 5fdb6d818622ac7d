"""A text in a markup language (Markdown, wikitext) as its syntax and its prose: the prose
repaired as :func:`~paknevis.fix` repairs a text, the syntax byte for byte.

A reader reads the prose on across some syntax (emphasis, a link's brackets, an inline
tag): ``**مي**خوانم`` and ``'''مي'''خوانم`` are one word. Such syntax ``joins`` the prose
on its two sides into one run, repaired whole (:func:`~paknevis.repair.strings.repair_runs`);
other syntax (code, a line's marks, a template) parts it. A line break always parts it:
each line is repaired as ``fix`` repairs it alone.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .pipeline import Repairer
from .strings import StringRepair, repair_runs, runs_of


class Kept(NamedTuple):
    """A span the language reads as syntax."""

    start: int
    end: int
    #: does a reader read the prose on across it (emphasis's marks, a link's brackets, an
    #: inline tag: ``**مي**خوانم``, ``[بين](/x)المللی``), and does it end an element there?
    joins: bool = False
    ends: bool = False


class Prose(NamedTuple):
    """A piece of prose: a line of it between syntax."""

    start: int
    end: int
    joins: bool  # is it read on from the piece before it (only syntax read across between)?
    ends: bool  # and does an element end between them?


def prose_of(text: str, kept: Iterable[Kept]) -> Iterator[Prose]:
    """The prose of ``text`` between the spans ``kept`` (in order), in pieces."""
    done = 0
    joins = ends = False  # may the next piece be read on from the last one? after an element's end?
    for span in [*kept, Kept(len(text), len(text))]:
        if span.start > done:  # the prose before it, a piece a line
            last = -1
            for start, end in lines_of(text, done, span.start):
                on = joins and start == done
                yield Prose(start, end, on, on and ends)
                last = end
            joins, ends = last == span.start, False
        joins, ends = joins and span.joins, ends or span.ends
        done = max(done, span.end)


def repair_prose(text: str, prose: list[Prose], repairer: Repairer,
                 explain: bool) -> tuple[str, list[StringRepair]]:
    """``text`` with its ``prose`` repaired, a run of pieces joined at a time; with
    ``explain``, also each changed run's edits (its place: "text")."""
    return repair_runs(text, [(p.start, p.end) for p in prose], [text[p.start:p.end] for p in prose],
                       runs_of(p.joins for p in prose), repairer, explain, lambda i: "text",
                       lambda i, new: new, closed={i for i, p in enumerate(prose) if p.ends})


def lines_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
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
