"""A Telegram chat or channel exported by Telegram Desktop (``result.json``), a message a post.

Persian news and commentary live on Telegram channels, and an archive of one is its export:
one JSON document, ``{"name": …, "type": "public_channel", "id": …, "messages": [...]}``,
which may run to hundreds of megabytes. It is read a message at a time (ijson, whose C
parser streams it), so memory stays bounded however long the channel.

A message's text is a string, or a list of pieces and entities that read as one text
(``["روبرو شده ", {"type": "hashtag", "text": "#ايران"}, …]``). A message is a post: its
text, its time (``date_unixtime``, seconds in UTC; the ``date`` beside it is the exporting
machine's clock, with no zone), the chat's name as its source, its sender or signature as
its author, and in a channel or group its link (``https://t.me/c/ID/MESSAGE``, which opens
it for a member: the export names no public username), which also tells two messages of
the same text apart. A service message (a pin, a title changed) or one with no text (a photo, a
sticker) is a reject that says so: every message is accounted for.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

#: the export's first keys, before its messages (Telegram Desktop writes name, type, id)
looks_like_telegram_export = re.compile(
    rb'(?:\xef\xbb\xbf)?\s*\{\s*(?:"(?:name|type|id)"\s*:\s*(?:"(?:[^"\\]|\\.)*"|-?\d+|null)\s*,\s*)*'
    rb'"messages"\s*:\s*\[').match


def read_telegram_export(source: BinaryIO) -> Iterator[tuple[int | str, dict[str, Any] | str]]:
    """Each message of the export read from ``source``: its id, and its post's ``text``,
    ``published``, ``author`` and ``source`` (the chat's name), or why it is no post."""
    import ijson  # (loaded where an export is read)

    events = ijson.parse(source, use_float=True)
    chat: dict[str, Any] = {}
    for prefix, event, value in events:  # the chat's name, kind and id, up to its messages
        if prefix in ("name", "type", "id") and event in ("string", "number"):
            chat[prefix] = value
        elif prefix == "messages" and event == "start_array":
            break
    for n, message in enumerate(ijson.items(events, "messages.item"), 1):
        yield message.get("id", f"#{n}") if isinstance(message, dict) else f"#{n}", _post(message, chat)


def text_of(text: Any) -> str:
    """A message's text: a string, or its pieces and entities (each with its ``text``) read
    as one."""
    if isinstance(text, list):
        return "".join(piece if isinstance(piece, str) else str(piece.get("text") or "")
                       for piece in text if isinstance(piece, (str, dict)))
    return text if isinstance(text, str) else ""


def _post(message: Any, chat: dict[str, Any]) -> dict[str, Any] | str:
    if not isinstance(message, dict):
        return "a message that is no JSON object"
    if message.get("type", "message") != "message":
        action = message.get("action")
        return f"a service message ({action}), no post" if action else "a service message, no post"
    text = text_of(message.get("text"))
    if not text.strip():
        media = next((m for m in ("photo", "file", "sticker_emoji", "poll", "location_information",
                                  "contact_information") if message.get(m)), None)
        return "a message with no text" + (f" ({media.split('_')[0]})" if media else "")
    author = message.get("author") or message.get("from")
    return {"title": None, "url": _link(chat, message.get("id")), "published": _time(message),
            "author": author if isinstance(author, str) else None, "source": chat.get("name"), "text": text}


def _link(chat: dict[str, Any], message: Any) -> str | None:
    """The message's link, where Telegram gives one by the chat's id (a channel's or a
    group's, for its members: t.me/c/ID/MESSAGE); the export has no public username."""
    if chat.get("type") in _LINKED and isinstance(chat.get("id"), int) and isinstance(message, int):
        return f"https://t.me/c/{chat['id']}/{message}"
    return None


#: the chats whose messages have t.me/c/ links
_LINKED = frozenset(("public_channel", "private_channel", "public_supergroup", "private_supergroup"))


def _time(message: dict[str, Any]) -> str | None:
    """The message's time in UTC, from its Unix time; else its ``date`` as written."""
    seconds = message.get("date_unixtime")
    if isinstance(seconds, str) and seconds.isdigit():
        return dt.datetime.fromtimestamp(int(seconds), dt.UTC).isoformat()
    date = message.get("date")
    return date if isinstance(date, str) else None
