"""The two shapes a repair step takes: a character table, or a regex with a replacement.

Each step offers a fast ``apply(text) -> str`` and a traced ``edits(text) -> [Edit]`` built
from the same table or the same replacement function, so that the two cannot disagree.
"""
from __future__ import annotations

import re
from typing import Callable, Mapping

from .edits import Edit


class TableStep:
    """Replace single characters by a table (``str.translate`` speed); no context needed."""

    def __init__(self, name: str, table: Mapping[str, str], rules: Mapping[str, str]):
        self.name = name
        self._table = str.maketrans(dict(table))
        self._rules = dict(rules)  # char -> rule name, for explanations
        self._find = re.compile("[" + "".join(map(re.escape, table)) + "]") if table else None

    def apply(self, text: str) -> str:
        return text.translate(self._table)

    def edits(self, text: str) -> list[Edit]:
        if self._find is None:
            return []
        out = []
        for m in self._find.finditer(text):
            ch = m.group()
            out.append(Edit(m.start(), m.end(), ch, ch.translate(self._table), self._rules[ch]))
        return out


class RegexStep:
    """Replace each match of ``pattern`` by ``replace(match)``; ``rule`` names the fix.

    ``replace`` returns the new text, or ``None`` to keep the match as it is. ``rule`` is a
    string, or a function of the match for steps that apply more than one rule.
    """

    def __init__(self, name: str, pattern: re.Pattern, replace: Callable[[re.Match], str | None],
                 rule: str | Callable[[re.Match], str]):
        self.name = name
        self._pattern = pattern
        self._replace = replace
        self._rule = rule if callable(rule) else (lambda m, r=rule: r)

    def _sub(self, m: re.Match) -> str:
        new = self._replace(m)
        return m.group() if new is None else new

    def apply(self, text: str) -> str:
        return self._pattern.sub(self._sub, text)

    def edits(self, text: str) -> list[Edit]:
        out = []
        for m in self._pattern.finditer(text):
            new = self._replace(m)
            if new is not None and new != m.group():
                out.append(Edit(m.start(), m.end(), m.group(), new, self._rule(m)))
        return out
