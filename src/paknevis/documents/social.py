"""Hashtags, @mentions and links in repaired text.

Run on text that :func:`paknevis.fix` has repaired, so that ``# مجاهدین_خلق`` is already
``#مجاهدین_خلق`` and ``BaharIran@ 7`` is ``@BaharIran7``; tag values have one alphabet.

>>> hashtags("🍏#مجاهدین_خلق ایران #ایران #ایران")
['مجاهدین_خلق', 'ایران']
>>> mentions("توئیتر @BaharIran7 و ali@example.com")
['@BaharIran7']
"""
from __future__ import annotations

import re

from ..repair.chars import WORD_CHARS

_HASHTAG = re.compile(f"(?<![\\w&/#])#([{WORD_CHARS}\\w]+)")
_MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]{1,30})\b(?!\.\w)")
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»()]+[^\s<>\"'«».,،:;!?()]")


def _unique(items):
    return list(dict.fromkeys(items))


def hashtags(text: str) -> list[str]:
    """Tag values (without #), in order of first use. A ZWNJ at a tag's end is not kept."""
    return _unique(m.group(1).strip("\u200c_") for m in _HASHTAG.finditer(text)
                   if not m.group(1).isdigit())


def mentions(text: str) -> list[str]:
    return _unique("@" + m.group(1) for m in _MENTION.finditer(text))


def links(text: str) -> list[str]:
    return _unique(m.group() for m in _LINK.finditer(text))
