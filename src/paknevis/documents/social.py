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


# (Both patterns start with a lookbehind, which re tries at every position: a text without
# the sign is not searched. That was 0.08 ms a news article, most of which have neither.)
def hashtags(text: str) -> list[str]:
    """Tag values (without #), in order of first use. A ZWNJ at a tag's end is not kept."""
    if "#" not in text:
        return []
    return _unique(m.group(1).strip("\u200c_") for m in _HASHTAG.finditer(text)
                   if not m.group(1).isdigit())


def mentions(text: str) -> list[str]:
    return _unique("@" + m.group(1) for m in _MENTION.finditer(text)) if "@" in text else []


def links(text: str) -> list[str]:
    return _unique(m.group() for m in _LINK.finditer(text))
