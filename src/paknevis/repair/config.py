"""One object for every repair option, instead of a long list of boolean flags."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from .digits import DIGIT_POLICIES, DigitPolicy


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

    def __post_init__(self):
        if self.digits not in DIGIT_POLICIES:
            raise ValueError(f"digits must be one of {', '.join(DIGIT_POLICIES)}, not {self.digits!r}")


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
