"""Bytes to text: UTF-8, then UTF-16 with a BOM, then Windows-1256 (old Persian sites).

Anything else (a binary file, an empty file) is a :class:`DecodeError` with a message a
user can act on, never a traceback and never silently garbled text.

>>> decode_bytes("سلام".encode("cp1256"))
('سلام', 'cp1256')
>>> decode_bytes(b"\\x00\\x01\\x02binary")
Traceback (most recent call last):
...
paknevis.io.decode.DecodeError: not a text file (binary data)
"""
from __future__ import annotations

import bz2
import codecs
import gzip
import io
import os
import re
from pathlib import Path
from typing import IO, BinaryIO

# Control characters that do not occur in text: their presence marks binary data.
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})
#: How much of an input is looked at to tell binary data, and the encoding of a stream.
SNIFF_BYTES = 1 << 16
#: What :func:`decode_bytes` names as the encoding of UTF-8 text cut inside its last
#: character (a scraper's size limit, ``head -c``): the bytes of that character are left
#: out, and a caller tells its user so.
UTF8_CUT = "utf-8, cut inside its last character"


class DecodeError(ValueError):
    """The input cannot be read as text; the message says why."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def mend_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (half an emoji, cut by a scraper or a JavaScript
    slice; a str that no file decodes to, but a JSON escape or a caller may give) made
    U+FFFD, and a pair written as two halves joined, so that it can be written as UTF-8."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def looks_binary(data: bytes) -> bool:
    """Do the first bytes of ``data`` hold NULs, or more than 1% other control bytes?"""
    sample = data[:SNIFF_BYTES]
    return b"\x00" in sample or sum(map(sample.count, _BINARY_BYTES)) > len(sample) // 100


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``, or raise :class:`DecodeError`."""
    if not data:
        raise DecodeError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if looks_binary(data):
        raise DecodeError("not a text file (binary data)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if e.end == len(data) and e.reason == "unexpected end of data":
            return data[:e.start].decode("utf-8"), UTF8_CUT
        if _mostly_utf8_persian(data):
            # read as Windows-1256, the UTF-8 part would come out garbled (سلام as ط³ظ„ط§ظ…)
            raise DecodeError(f"UTF-8 text that is not valid UTF-8 from byte {e.start} on "
                              "(a damaged file, or two encodings in one)") from None
    text, enc = _strict(data, "cp1256")
    # cp1256 maps nearly every byte to something: accept it only if it reads like text,
    # Arabic-script words separated by spaces.
    if not _plausible_cp1256(text[:SNIFF_BYTES]):
        raise DecodeError("not UTF-8, UTF-16 or Windows-1256 text")
    return text, enc


# A Persian letter in UTF-8: two bytes, the first D8-DB. In Windows-1256 text such a pair is
# rare (a sample post: 0.1% of its bytes above 0x7F; the same post in UTF-8: 99%).
_UTF8_ARABIC_LETTER = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
_HIGH_BYTES = bytes(range(128, 256))


def _mostly_utf8_persian(data: bytes) -> bool:
    sample = data[:SNIFF_BYTES]
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    return high > 0 and 2 * len(_UTF8_ARABIC_LETTER.findall(sample)) > high // 2


#: What Persian text in Windows-1256 holds above ASCII besides Arabic-script letters and
#: marks: the ZWNJ and bidi marks, guillemets, NBSP and typographic punctuation
_PERSIAN_PUNCTUATION = frozenset("\u200c\u200d\u200e\u200f«»\xa0…–—‘’“”•")


def _plausible_cp1256(text: str) -> bool:
    """Does ``text``, read as Windows-1256, read as Persian? Words separated by spaces, and
    Arabic-script letters a third of it, or, around markup or Latin text (an old site's
    page: Persian words in ``<p>`` and ``<td>``), nearly every character above ASCII
    Persian's. (Bytes of another kind, read so, give Latin letters and signs as well.)"""
    spaces = sum(ch.isspace() for ch in text)
    if len(text) >= 40 and spaces < len(text) // 40:
        return False
    letters = sum("\u0621" <= ch <= "\u06d5" for ch in text)
    if letters >= len(text) // 3:
        return True
    high = [ch for ch in text if ch > "\x7f"]
    persian = sum("\u0600" <= ch <= "\u06ff" or ch in _PERSIAN_PUNCTUATION for ch in high)
    return 0 < len(high) <= 2 * letters and persian >= 0.9 * len(high)


def _strict(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as e:
        # utf-8-sig counts from after its BOM; the user counts from the file's start
        at = e.start + (len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0)
        raise DecodeError(f"not valid {encoding} (byte {at})") from None


#: A file to read or write whole, binary (Parquet, a zipped document): its path, or the file
Source = str | os.PathLike[str] | IO[bytes]


def open_binary(path: str | Path) -> BinaryIO:
    """Open a file for reading bytes; errors name the problem, not the path."""
    try:
        return open(path, "rb")
    except IsADirectoryError:
        raise DecodeError("is a directory") from None
    except FileNotFoundError:
        raise DecodeError("no such file") from None
    except PermissionError:
        raise DecodeError("permission denied") from None


#: Compressed files, known by the end of their names (Wikipedia's dumps are bzip2)
COMPRESSIONS = {".gz": "gzip", ".zst": "zstd", ".bz2": "bzip2"}


def compression_of(path: str | Path) -> str | None:
    """How a file is compressed, by its name ("gzip", "zstd", "bzip2"), or None."""
    name = str(path).lower()
    return next((kind for end, kind in COMPRESSIONS.items() if name.endswith(end)), None)


def open_decompressed(path: str | Path) -> BinaryIO:
    """Open a file for reading its bytes, decompressed where its name says it is compressed
    (.gz, .zst, .bz2). What a damaged file raises is its decompressor's (EOFError, OSError,
    zstandard.ZstdError)."""
    kind = compression_of(path)
    if kind == "gzip":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if kind == "bzip2":
        return bz2.open(path, "rb")  # type: ignore[return-value]
    if kind == "zstd":
        import zstandard  # (a dependency of the corpus reader; loaded where needed)

        raw = open(path, "rb")
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
    return open(path, "rb")


def skip_bom(source: BinaryIO) -> BinaryIO:
    """``source`` (as :func:`open_decompressed` opens it: it can peek) past a UTF-8 byte
    order mark at its start, which Windows editors write and a JSON parser takes for text."""
    if source.peek(3)[:3] == codecs.BOM_UTF8:  # type: ignore[attr-defined]
        source.read(3)
    return source


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a file as text (see :func:`decode_bytes`); errors name the problem, not the path."""
    with open_binary(path) as f:
        return decode_bytes(f.read())
