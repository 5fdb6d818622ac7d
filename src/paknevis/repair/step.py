"""The shapes a repair step takes: a character table, a regex with a replacement, or a
step that finds its edits and makes them.

Each step offers a fast ``apply(text) -> str`` and a traced ``edits(text) -> [Edit]`` built
from the same table or the same replacement function, so that the two cannot disagree.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping

from .edits import Edit, EditTracker, apply_edits
from .protect import apply_outside_urls, outside_urls, url_spans
from .runs import CharEdits, CharRuns


class TableStep:
    """Replace single characters by a table (``str.translate`` speed); no context needed."""

    def __init__(self, name: str, table: Mapping[str, str], rules: Mapping[str, str],
                 frequent: str = "", keep_urls: bool = False):
        self.name = name
        #: leave URLs as they are: a letter changed in one may change where it leads
        self.keep_urls = keep_urls
        #: an edit for each character it replaces, for explanations
        self._edits = CharEdits({c: (new, rules[c]) for c, new in table.items()}, Edit)
        # ``frequent`` characters (ي and ك in old Persian web text) are replaced with
        # str.replace, which is far faster than a callback per occurrence.
        self._frequent = [(c, table[c]) for c in frequent]
        table = {c: v for c, v in table.items() if c not in frequent}
        self._table = str.maketrans(dict(table))
        chars = "".join(map(re.escape, table))
        #: the characters the step may change, but for the frequent ones (a class body)
        self.triggers = chars
        # "[x][x]*" and not "[x]+": re scans for a leading class at C speed, about twice as
        # fast as for a repeat (measured on farsnews: 8.4 vs 19.5 ms)
        self._runs = re.compile(f"[{chars}][{chars}]*") if table else None

    def _translate(self, m: re.Match) -> str:
        return m.group().translate(self._table)

    def apply(self, text: str) -> str:
        fixed = self._apply(text)
        # URLs are looked for only in the texts the step changed (few: two scans of every
        # text for "://" and "www." cost 3 ms on farsnews, the whole of a step)
        if not self.keep_urls or fixed == text or not (urls := url_spans(text)):
            return fixed
        return apply_outside_urls(text, urls, self._apply)

    def _apply(self, text: str) -> str:
        for old, new in self._frequent:
            text = text.replace(old, new)
        # str.translate walks every character through a dict (slow for non-ASCII text);
        # a regex scan finds the few runs that need it at C speed.
        return self._runs.sub(self._translate, text) if self._runs else text

    def edits(self, text: str) -> list[Edit]:
        out = self._edits(text)
        return outside_urls(out, text) if self.keep_urls else out


class EditsStep:
    """A step whose ``apply`` makes the edits that ``edits`` finds: for steps that decide
    in one pass over the text, where a string built on the side would cost as much."""

    name: str

    def edits(self, text: str) -> list[Edit]:
        raise NotImplementedError

    def apply(self, text: str) -> str:
        edits = self.edits(text)
        return apply_edits(text, edits) if edits else text


class RegexStep:
    """Replace each match of ``pattern`` by ``replace(match)``; ``rule`` names the fix.

    ``replace`` returns the new text, or ``None`` to keep the match as it is. ``rule`` is a
    string, or a function of the match for steps that apply more than one rule.

    ``starts`` (text -> offsets, in order) names every place where a match may start, for a
    pattern that begins with a lookbehind or a class that re tries at every position of
    the text; the pattern is then tried at those places only.
    """

    def __init__(self, name: str, pattern: re.Pattern, replace: Callable[[re.Match], str | None],
                 rule: str | Callable[[re.Match], str], precheck: Callable[[str], object] | None = None,
                 triggers: str = "", starts: Callable[[str], Iterable[int]] | None = None):
        self.name = name
        self._pattern = pattern
        self._replace = replace
        self._rule = rule if callable(rule) else (lambda m, r=rule: r)
        self._starts = starts
        #: characters (a class body) without which the step changes nothing
        self.triggers = triggers
        # A cheap test (str containment, a literal-first regex) that is false for text the
        # step cannot change, so that clean text skips the costlier pattern.
        if precheck is None and triggers:
            precheck = re.compile(f"[{triggers}]").search
        self._precheck = precheck

    def pattern(self, text: str) -> re.Pattern:
        """The pattern for ``text`` (a step may choose a narrower one for some texts)."""
        return self._pattern

    def _sub(self, m: re.Match) -> str:
        new = self._replace(m)
        return m.group() if new is None else new

    def apply(self, text: str) -> str:
        if self._precheck is not None and not self._precheck(text):
            return text
        if self._starts is not None:
            edits = self.edits(text)
            return apply_edits(text, edits) if edits else text
        return self.pattern(text).sub(self._sub, text)

    def edits(self, text: str) -> list[Edit]:
        out: list[Edit] = []
        if self._precheck is not None and not self._precheck(text):
            return out
        for m in self._matches(text):
            new = self._replace(m)
            if new is not None and new != m.group():
                out.append(Edit(m.start(), m.end(), m.group(), new, self._rule(m)))
        return out

    def _matches(self, text: str) -> Iterator[re.Match]:
        """The matches ``finditer`` gives, found at ``starts`` only where it is given."""
        if self._starts is None:
            yield from self.pattern(text).finditer(text)
            return
        match, end = self.pattern(text).match, 0
        for start in self._starts(text):
            if start >= end and (m := match(text, start)):
                yield m
                end = max(m.end(), start + 1)  # past an empty match, as finditer goes


class WithoutRules(EditsStep):
    """``step`` without the edits of ``rules`` (``RepairConfig.skip``): it finds its edits
    as ``fix_and_explain`` traces them, and makes all the others. (Every step of a pipeline
    with rules to skip runs so: which rules a step gives is known from its edits only.)"""

    def __init__(self, step, rules: frozenset[str]):
        self.step, self.rules, self.name = step, rules, step.name
        # (what grouping asks of a step: its trigger characters, or those it needs)
        for attr in ("triggers", "needs"):
            if hasattr(step, attr):
                setattr(self, attr, getattr(step, attr))

    def edits(self, text: str) -> list[Edit]:
        found = self.step.edits(text)
        kept = [e for e in found if e.rule not in self.rules]
        if len(kept) == len(found):
            return kept
        # An edit held back may have stood in the way of another rule's, which the step
        # finds once the others are made, as a second pass would: with join_compound
        # skipped, آبادانی ها بی آب گیری kept بی آب گیری (the compound's) in one pass, and in
        # the next the line's ZWNJ let join_prefix_bi and join_bound join it. So the step
        # looks again, until it finds no more (fix stays idempotent).
        tracker = EditTracker(text, swaps=False)
        for _ in range(_LOOKS):
            tracker.apply(kept)
            kept = [e for e in self.step.edits(tracker.text) if e.rule not in self.rules]
            if not kept:
                break
        return tracker.edits()


#: At most. Over 400 Fars News articles, as published, glued and spaced, with each of six
#: rules or families skipped, 7,137 steps looked twice, 4 three times, none more; over the
#: lines of 300, each of six ZWNJ rules skipped, one look left 3 of 70,470 lines not
#: idempotent, and these none.
_LOOKS = 4


class StepGroup:
    """Steps run as one, behind a search that tells which of them may change a text
    (``steps_for``); ``fix_and_explain`` asks the same of the text, and traces those."""

    def __init__(self, steps):
        self.steps = tuple(steps)
        self.name = "+".join(step.name for step in self.steps)

    def steps_for(self, text: str):
        raise NotImplementedError

    def apply(self, text: str) -> str:
        for step in self.steps_for(text):
            text = step.apply(text)
        return text


class RareCharSteps(StepGroup):
    """Steps that change only rare characters, run only on text that has one of them.

    One scan for the lot instead of one per step: on farsnews, where five documents in six
    have none of them, letters, invisible controls and odd spaces took about 22 ms instead
    of 36 (per-step timings, one pass over the corpus).
    It holds as long as no step in the group writes a character that a later one acts on
    (they write Persian letters, ZWNJ, a space, or nothing). Only the steps for the
    characters found run: 18 -> 14.5 ms on farsnews.
    """

    def __init__(self, steps):
        super().__init__(steps)
        triggers = "".join(step.triggers for step in self.steps)
        self._gate = re.compile(f"[{triggers}]")
        # in C (runs.py), the gate takes about 3 ms on farsnews instead of 7.5 to 8.5
        self._runs = CharRuns.of_class(triggers).if_in_c()
        self._acts_on = [re.compile(f"[{step.triggers}]").match for step in self.steps]

    def _found(self, text: str) -> set[str]:
        """The trigger characters in ``text``."""
        if self._runs is None:
            return set(self._gate.findall(text))
        runs = self._runs(text)
        if not runs:  # most texts (speed.py --lines: the group 55 -> 38 ms)
            return set()
        ends = iter(runs)
        return {ch for start, end in zip(ends, ends, strict=True) for ch in text[start:end]}

    def steps_for(self, text: str) -> list:
        """The steps that may change ``text``: those for the characters it has (most texts
        that have any have a diacritic or two, and no bidi control or odd space)."""
        found = self._found(text)
        if not found:
            return []
        return [step for step, acts_on in zip(self.steps, self._acts_on, strict=True)
                if any(map(acts_on, found))]


class StepsNeeding(StepGroup):
    """Steps that change nothing in a text without one of the characters ``needs`` (the
    steps of numbers: without a digit, none has anything to do), behind one search that
    stops at the first such character. Most lines have no digit: over the lines of
    farsnews (as speed.py --lines takes them), the three steps of numbers took 67 ms one
    by one and 47 as a group (callgrind, fix over 3,000 lines: 644 M -> 611 M).
    The steps must write those characters only where one was (the digit step writes a
    digit for a digit), so that whether the group runs can be asked once, of the text as
    it comes to it.
    """

    def __init__(self, steps, needs: str):
        super().__init__(steps)
        self.needs = needs
        self._found_in = CharRuns(needs).found_in

    def steps_for(self, text: str) -> tuple:
        """The steps that may change ``text``: all of them, or none."""
        return self.steps if self._found_in(text) else ()


def group_rare_char_steps(steps) -> list:
    """``steps``, with each run of steps that declare their triggers made one RareCharSteps."""
    return _grouped(steps, lambda step: bool(getattr(step, "triggers", "")), RareCharSteps)


def group_steps_needing(steps) -> list:
    """``steps``, with each run of steps that declare the same ``needs`` made one StepsNeeding."""
    return _grouped(steps, lambda step: getattr(step, "needs", ""),
                    lambda run: StepsNeeding(run, run[0].needs))


def _grouped(steps, key, make) -> list:
    """``steps``, with each run of steps of the same true ``key`` made one by ``make(run)``
    (a run of one step stays that step)."""
    out: list = []
    run: list = []
    for step in [*steps, None]:
        k = key(step) if step is not None else None
        if run and k != key(run[0]):
            out.append(make(run) if len(run) > 1 else run[0])
            run = []
        if k:
            run.append(step)
        elif step is not None:
            out.append(step)
    return out
