"""One object for every repair option, instead of a long list of boolean flags."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from difflib import get_close_matches
from itertools import pairwise
from typing import Any, TypedDict

from .chars import PERSIAN_LETTERS, ZWNJ, joins_left
from .digits import DIGIT_POLICIES, DigitPolicy
from .rules import RULES, rules_of

#: One Persian word, with ZWNJs between its letters, or two with a space between them
#: (Arabic yeh and kaf are taken for Persian ones, as the letter step takes them before the
#: ZWNJ step sees the text)
_WORD = f"[{PERSIAN_LETTERS}]+(?:{ZWNJ}[{PERSIAN_LETTERS}]+)*"
_ONE_WORD = re.compile(f"{_WORD}(?: {_WORD})?")
_YEH_KAF = str.maketrans("يكى", "یکی")


@dataclass(frozen=True)
class RepairConfig:
    """What :func:`paknevis.fix` does. Every step is on by default.

    >>> RepairConfig(digits="latin").digits
    'latin'
    """

    #: Arabic yeh/kaf/heh, presentation forms, kashida, invisible chars, HTML references
    letters: bool = True
    #: keep every haraka (ـَ ـِ ـُ ـّ); else only those of vocalized passages and حتماً's tanvin
    keep_diacritics: bool = False
    digits: DigitPolicy = "persian"  #: 'persian', 'latin' or 'keep' (see paknevis.repair.digits)
    spacing: bool = True  #: odd spaces, runs of spaces, spaces around punctuation
    #: Persian punctuation in Persian text: ، ؛ ؟ for a Latin , ; ? and «» for "" or “”
    punctuation: bool = True
    handles: bool = True  #: bidi-mangled @handles, hashtags split by a space
    zwnj: bool = True  #: restore lost ZWNJs, remove wrong ones
    #: words the ZWNJ step writes as given, glued or with their ZWNJs: a corpus's names
    #: (میناوند) or a house style's words (آن‌ها); never split, and joined from two words
    #: typed apart only as the word table joins them; and two words with a space between
    #: them, never joined (نخست وزیر). (Each list makes a word table of its own: half a
    #: second and some 25 MB, once.)
    words: Sequence[str] = ()
    #: rules whose edits are not made (``zwnj.join_compound``), or families of them
    #: (``punctuation``), as ``paknevis rules`` names them: the rest of their step runs
    skip: Sequence[str] = ()

    def __post_init__(self):
        if self.digits not in DIGIT_POLICIES:
            raise ValueError(f"digits must be one of {', '.join(DIGIT_POLICIES)}, not {self.digits!r}")
        object.__setattr__(self, "words", _checked_words(self.words))
        object.__setattr__(self, "skip", _checked_rules(self.skip))

    @property
    def skipped_rules(self) -> frozenset[str]:
        """The rules of ``skip``, each family given as its rules."""
        return frozenset(rule.name for name in self.skip for rule in rules_of(name))


def _checked_words(words: Sequence[str]) -> tuple[str, ...]:
    """``words`` as the ZWNJ step will see them, or a clear error for one that cannot be."""
    if isinstance(words, str):
        raise TypeError("words takes a list of words, not one str")
    checked = []
    for word in words:
        if not isinstance(word, str) or not _ONE_WORD.fullmatch(word := word.translate(_YEH_KAF)):
            raise ValueError(f"words: {word!r} is not one Persian word (letters, and ZWNJs between "
                             "them) nor two with a space between them")
        if any(ch == ZWNJ and not joins_left(prev) for prev, ch in pairwise(word)):
            raise ValueError(f"words: {word!r} has a ZWNJ after a letter that never joins (ا د ذ ر ز ژ و), "
                             "where it does nothing: write the word without it")
        checked.append(word)
    return tuple(checked)


def _checked_rules(names: Sequence[str]) -> tuple[str, ...]:
    """``names`` as rules or families of rules, or a clear error for one that is neither."""
    if isinstance(names, str):
        raise TypeError("skip takes a list of rules, not one str")
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"skip: {name!r} is no rule's name")
        try:
            rules_of(name)
        except KeyError as e:
            raise ValueError(f"skip: {no_such_rule(e.args[0])}") from None
    return tuple(names)


def no_such_rule(name: str) -> str:
    """What to say of ``name``, which is no rule nor family: the closest one, if any is."""
    families = {rule.split(".")[0] for rule in RULES}
    return f"no rule {name!r}{_did_you_mean(name, [*RULES, *families])}: 'paknevis rules' lists them all"


def config_of(options: Mapping[str, Any]) -> RepairConfig:
    """``options`` (as :func:`paknevis.fix` takes them) as a :class:`RepairConfig`, with a
    clear ``TypeError`` for a name it has not (``zwjn``)."""
    known = [field.name for field in fields(RepairConfig)]
    for name in options:
        if name not in known:
            raise TypeError(f"no repair option {name!r}{_did_you_mean(name, known)}; "
                            f"the options are {', '.join(known)}")
    return RepairConfig(**options)


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    close = get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class RepairOptions(TypedDict, total=False):
    """The options :func:`paknevis.fix` takes as keywords: :class:`RepairConfig`'s fields,
    so that a type checker or an editor knows them (``fix(text, digits="latin")``)."""

    letters: bool
    keep_diacritics: bool
    digits: DigitPolicy
    spacing: bool
    punctuation: bool
    handles: bool
    zwnj: bool
    words: Sequence[str]
    skip: Sequence[str]
