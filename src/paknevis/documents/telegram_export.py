"""A Telegram chat or channel exported by Telegram Desktop, a message a post: as JSON
(``result.json``) or as HTML (``messages.html``, ``messages2.html``, … of a thousand
messages each).

Persian news and commentary live on Telegram channels, and an archive of one is its export:
one JSON document, ``{"name": …, "type": "public_channel", "id": …, "messages": [...]}``,
which may run to hundreds of megabytes. It is read a message at a time, so memory stays
bounded however long the channel: Telegram Desktop writes a message to an indented block,
by which the messages are cut apart and read each alone (:mod:`.json_stream`: a damaged
byte costs its message alone); an export written on one line is cut by its braces.

A message's text is a string, or a list of pieces and entities that read as one text
(``["روبرو شده ", {"type": "hashtag", "text": "#ايران"}, …]``). A message is a post: its
text, its time (``date_unixtime``, seconds in UTC; the ``date`` beside it is the exporting
machine's clock, with no zone), the chat's name as its source, its sender or signature as
its author, and in a channel or group its link (``https://t.me/c/ID/MESSAGE``, which opens
it for a member: the export names no public username), which also tells two messages of
the same text apart. A service message (a pin, a title changed) or one with no text (a
photo, a sticker) is a reject that says so: every message is accounted for.

The HTML pages say the same of each message (``div.message``: its ``from_name``, its time
in the ``title`` of its ``date``, with the zone since 2021, its ``text`` and its author's
``signature``), but a message sent right after another by the same sender (``joined``)
names no sender: it is the last one named. Their date lines between days are no messages.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..io.decode import skip_bom
from .json_stream import array_items, items_indent, laid_out_items

#: the export's first keys, before its messages (Telegram Desktop writes name, type, id)
looks_like_telegram_export = re.compile(
    rb'(?:\xef\xbb\xbf)?\s*\{\s*(?:"(?:name|type|id)"\s*:\s*(?:"(?:[^"\\]|\\.)*"|-?\d+|null)\s*,\s*)*'
    rb'"messages"\s*:\s*\[').match


def read_telegram_export(source: BinaryIO) -> Iterator[tuple[int | str, dict[str, Any] | str]]:
    """Each message of the export read from ``source``: its id, and its post's ``text``,
    ``published``, ``author`` and ``source`` (the chat's name), or why it is no post."""
    import orjson

    source = skip_bom(source)
    head = source.peek(1 << 16)  # type: ignore[attr-defined]
    messages = looks_like_telegram_export(head)  # (up to the [ of its messages)
    try:  # the chat's name, type and id, before its messages
        chat = orjson.loads(head[:messages.end()] + b"]}") if messages else None
    except orjson.JSONDecodeError:
        chat = None
    if messages is None or not isinstance(chat, dict):
        raise ValueError("not a Telegram export: no messages after the chat's name, type and id")
    indent = items_indent(head, messages.end())
    source.read(messages.end())
    # (as Telegram Desktop writes it, a message to an indented block; else by its braces, the
    # export's closing } after its messages)
    items = laid_out_items(source, indent) if indent is not None else array_items(source, after=b"}")
    for n, (message, why) in enumerate(items, 1):
        number = message.get("id") if isinstance(message, dict) else None
        yield (number if isinstance(number, int) else f"n{n}",
               f"a message {why}" if why else _post(message, chat))


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
            "author": author if isinstance(author, str) else None, "source": chat.get("name"), "text": text,
            "links": _behind_words(message.get("text"))}


def _behind_words(text: Any) -> list[str]:
    """The addresses of a message's text_link entities: links behind its words."""
    return [href for piece in text if isinstance(piece, dict) and isinstance(href := piece.get("href"), str)
            and href.startswith(("http://", "https://"))] if isinstance(text, list) else []


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
        try:
            return dt.datetime.fromtimestamp(int(seconds), dt.UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            pass  # (no time: the date as written)
    date = message.get("date")
    return date if isinstance(date, str) else None


#: a page of Telegram Desktop's HTML export: its wrap and header, in its first kilobytes
looks_like_telegram_page = re.compile(rb'<div class="page_wrap">\s*<div class="page_header">').search
#: a message's time as the page writes it: 01.02.2025 10:00:00 UTC+03:30 (the zone since 2021)
_PAGE_TIME = re.compile(r"(\d\d)\.(\d\d)\.(\d{4}) (\d\d:\d\d:\d\d)(?: UTC([+-]\d\d:\d\d))?")
#: what a message with no text holds, as the classes of its media name it
_MEDIA = ("photo", "video", "voice", "sticker", "audio", "file", "poll", "location")


def read_telegram_page(html: str) -> Iterator[tuple[int | str, dict[str, Any] | str]]:
    """Each message of a page of Telegram Desktop's HTML export, as :func:`read_telegram_export`
    gives those of the JSON."""
    import lxml.html

    from .html_page import plain_lines  # (loaded where a page is read: lxml)

    page = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    name = " ".join(page.xpath("string(//div[@class='page_header']//div[contains(@class, 'text')])").split())
    sender = None
    for n, message in enumerate(page.xpath("//div[@class='history']/div[contains(@class, 'message')]"), 1):
        classes = (message.get("class") or "").split()
        number = (message.get("id") or "").removeprefix("message")
        key: int | str = int(number) if number.isdigit() else f"n{n}"
        if "service" in classes:
            sender = None  # (the page names the sender again after it)
            if not number.startswith("-"):  # (a negative one is a date line: no message)
                yield key, f"a service message ({' '.join(message.text_content().split())[:60]}), no post"
            continue
        named = message.xpath("./div[@class='body']/div[@class='from_name']")
        if named:
            sender = " ".join((named[0].text or "").split()) or None
        text = "\n".join(line for el in message.xpath(".//div[@class='text']")
                         for line in plain_lines(lxml.html.tostring(el, encoding="unicode")))
        if not text.strip():
            media = next((m for m in _MEDIA if message.xpath(f".//*[contains(@class, '{m}')]")), None)
            yield key, "a message with no text" + (f" ({media})" if media else "")
            continue
        behind = [href for href in message.xpath(".//div[@class='text']//a/@href")  # (as the record's, once)
                  if href.startswith(("http://", "https://"))]
        times = message.xpath(".//div[contains(@class, 'date')]/@title")
        signed = " ".join(message.xpath("string(./div[@class='body']/div[@class='signature details'])")
                          .split())
        yield key, {"title": None, "url": None, "published": _page_time(times[0]) if times else None,
                    "author": signed or sender, "source": name or None, "text": text, "links": behind}


def _page_time(title: str) -> str | None:
    """01.02.2025 10:00:00 UTC+03:30 -> 2025-02-01T10:00:00+03:30 (no zone: as written)."""
    m = _PAGE_TIME.match(title.strip())
    if m is None:
        return None
    day, month, year, time, zone = m.groups()
    return f"{year}-{month}-{day}T{time}{zone or ''}"
