"""An X (Twitter) account's archive, as X gives its owner to download: a tweet a post.

The archive's ``data/tweets.js`` (``tweet.js`` in older ones; ``tweets-part1.js``… past a
size) is JSON behind a line of JavaScript: ``window.YTD.tweets.part0 = [{"tweet": {…}},
…]``, a tweet to an indented block, by which the tweets are cut apart and read each alone
(:mod:`.json_stream`: a damaged byte costs its tweet alone); written on one line, by their
braces. A tweet is a post: its
``full_text`` (in which X escapes ``&``, ``<`` and ``>`` as HTML does), its time
(``created_at``: ``Sat Feb 01 10:00:00 +0000 2025``), its link, and the addresses its t.co
links stand for (``entities.urls``, among the record's links). The account, from
``data/account.js`` beside it where the archive has one, is the source (``@username``), its
display name the author, and the username a part of each tweet's link. The archive is
read as X gives it, a zip file, or unpacked.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..io.decode import skip_bom
from .json_stream import array_items, items_indent, laid_out_items

#: the line of JavaScript before the tweets' JSON (tweets in archives since 2020, tweet before)
looks_like_twitter_archive = re.compile(rb"(?:\xef\xbb\xbf)?\s*window\.YTD\.tweets?\.part\d+\s*=\s*\[").match
_ACCOUNT = re.compile(rb"\s*window\.YTD\.account\.part\d+\s*=\s*")


def read_twitter_archive(source: BinaryIO, account: dict[str, str] | None = None
                         ) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """Each tweet of the archive file read from ``source``: its id, and its post's
    ``text``, ``published``, ``url``, ``author`` and ``source``, or why it is no post.
    ``account``: the archive's account (:func:`account_of`)."""
    reader = skip_bom(source)
    head = reader.peek(4096)  # type: ignore[attr-defined]
    array = looks_like_twitter_archive(head)  # (up to the [ of its tweets)
    if array is None:
        raise ValueError("not an X archive's tweets: no window.YTD.tweets.part0 = [ at its start")
    indent = items_indent(head, array.end())
    account = account or {}
    reader.read(array.end())
    # (as X writes it, a tweet to an indented block; else by its braces)
    items = laid_out_items(reader, indent) if indent is not None else array_items(reader)
    for n, (item, why) in enumerate(items, 1):
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        number = tweet.get("id_str") if isinstance(tweet, dict) else None
        yield (number if isinstance(number, str) and number.isdigit() else f"n{n}",
               f"a tweet {why}" if why else _post(tweet, account))


def account_of(script: bytes | None) -> dict[str, str]:
    """The account an archive is of, from its account.js (``script``): ``username`` and
    ``accountDisplayName``; nothing where the archive has none or it cannot be read."""
    import orjson

    if script is None or (line := _ACCOUNT.match(script)) is None:
        return {}
    try:
        found = orjson.loads(script[line.end():])[0]["account"]
    except (ValueError, LookupError, TypeError):
        return {}
    return {k: v for k, v in found.items() if k in ("username", "accountDisplayName")
            and isinstance(v, str)} if isinstance(found, dict) else {}


#: an archive's files of tweets, as a zip file of it names them
TWEET_FILES = re.compile(r"data/tweets?(?:-part\d+)?\.js")


def _post(tweet: Any, account: dict[str, str]) -> dict[str, Any] | str:
    if not isinstance(tweet, dict):
        return "a tweet that is no JSON object"
    text = tweet.get("full_text") or tweet.get("text")
    if not isinstance(text, str) or not text.strip():
        return "a tweet with no text"
    number, user = tweet.get("id_str"), account.get("username")
    linked = isinstance(number, str) and number.isdigit()
    url = f"https://x.com/{user or 'i/web'}/status/{number}" if linked else None
    entities = tweet.get("entities")
    shortened = entities.get("urls") if isinstance(entities, dict) else None
    links = [link for u in shortened if isinstance(u, dict) and isinstance(link := u.get("expanded_url"), str)
             ] if isinstance(shortened, list) else []
    return {"title": None, "url": url, "published": _time(tweet.get("created_at")),
            "author": account.get("accountDisplayName") or None, "source": f"@{user}" if user else None,
            "text": html.unescape(text), "links": links}


def _time(created: Any) -> str | None:
    """``Sat Feb 01 10:00:00 +0000 2025`` -> ``2025-02-01T10:00:00+00:00``; else as written."""
    try:
        return dt.datetime.strptime(created, "%a %b %d %H:%M:%S %z %Y").isoformat()
    except (TypeError, ValueError):
        return created if isinstance(created, str) else None
