"""Inputs that a platform exports for its user: a Telegram channel or chat (Telegram
Desktop's result.json, or its HTML pages) and an X (Twitter) account's archive (the zip file
X gives, or its data/tweets.js), each a stream of :class:`~paknevis.corpus.inputs.Item`, a
message or tweet each, or a reject that says why one is no post (the readers are in
:mod:`paknevis.documents`: ``telegram_export``, ``twitter_archive``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

import orjson

from ..io.decode import open_decompressed
from .inputs import Item, file_head, read_on

#: a page of Telegram's HTML export is named as a page, and holds many posts
PAGES = (".html", ".htm")


def is_telegram_export(path: Path) -> bool:
    """Is ``path`` Telegram Desktop's export of a chat: its result.json, or a page of its
    HTML (named .html or .htm)?"""
    from ..documents.telegram_export import looks_like_telegram_export, looks_like_telegram_page

    looks = looks_like_telegram_page if path.name.lower().endswith(PAGES) else looks_like_telegram_export
    return looks(file_head(path) or b"") is not None


def telegram_items(path: Path) -> Iterator[Item]:
    """The messages of a Telegram export (its result.json, streamed, or a page of its HTML,
    a thousand messages read whole); ref: the file and the message's id."""
    from ..documents.telegram_export import read_telegram_export, read_telegram_page
    from ..io import read_text

    if path.name.lower().endswith(PAGES):
        yield from _message_items(path, read_telegram_page(read_text(path)[0]))
    else:
        with open_decompressed(path) as raw:
            yield from _message_items(path, read_telegram_export(raw))


def _message_items(path: Path, messages: Iterable[tuple[int | str, dict | str]]) -> Iterator[Item]:
    """Each message a post, or a reject where it is none (the reader says why)."""
    for message, post in messages:
        ref = f"{path}#{message}"
        yield (Item(ref=ref, error=post) if isinstance(post, str)
               else Item(ref=ref, post=orjson.dumps(post).decode()))


def is_twitter_archive(path: Path) -> bool:
    from ..documents.twitter_archive import looks_like_twitter_archive

    return looks_like_twitter_archive(file_head(path) or b"") is not None


def tweet_items(path: Path) -> Iterator[Item]:
    """The tweets of an X (Twitter) archive's tweets.js, its account from account.js beside
    it; ref: the file and the tweet's id."""
    from ..documents.twitter_archive import account_of, read_twitter_archive

    beside = path.parent / "account.js"
    account = account_of(beside.read_bytes() if beside.is_file() else None)
    with open_decompressed(path) as raw:
        yield from _message_items(path, read_twitter_archive(raw, account))


def _archive_names(path: Path) -> list[str] | None:
    """The files of tweets in a zip file that is an X (Twitter) archive (none in another),
    or None where it is no zip file that zipfile can read (damaged, or of a later version)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as packed:
            return _tweet_files(packed.namelist())
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError):
        return None


def _tweet_files(names: Iterable[str]) -> list[str]:
    from ..documents.twitter_archive import TWEET_FILES

    return [name for name in names if TWEET_FILES.fullmatch(name)]


def is_zipped_archive(path: Path) -> bool:
    """Is ``path`` an X (Twitter) archive as X gives it, a zip file with tweets in it?"""
    return bool(_archive_names(path))


def zip_items(path: Path) -> Iterator[Item]:
    """A zip file named alone: the tweets of an X (Twitter) archive, or a reject that says
    what it is not."""
    names = _archive_names(path)
    if names:
        yield from read_on(path, zipped_tweet_items(path))
    else:
        yield Item(ref=str(path), error="not an X (Twitter) archive (not a zip file that can be read)"
                   if names is None else "a zip file, not an X (Twitter) archive (no data/tweets.js in it)")


def zipped_tweet_items(path: Path) -> Iterator[Item]:
    """The tweets of an X (Twitter) archive as X gives it, a zip file; ref: the zip file,
    the file of tweets in it and the tweet's id (archive.zip!data/tweets.js#ID)."""
    import zipfile

    from ..documents.twitter_archive import account_of, read_twitter_archive

    with zipfile.ZipFile(path) as packed:
        names = packed.namelist()
        account = account_of(packed.read("data/account.js") if "data/account.js" in names else None)
        for name in _tweet_files(names):
            with packed.open(name) as raw:  # (it can peek, as read_twitter_archive asks)
                tweets = read_twitter_archive(cast(BinaryIO, raw), account)
                yield from _message_items(Path(f"{path}!{name}"), tweets)
