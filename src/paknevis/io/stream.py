"""Text read as it arrives: a byte stream decoded a chunk at a time.

``paknevis fix`` repairs a block of lines at a time; reading the same way keeps its memory
bounded however large the input, and lets a pipe flow (``zcat dump.gz | paknevis fix``).
The encoding is chosen as :func:`.decode.decode_bytes` chooses it: UTF-8, then UTF-16 with
a BOM, then Windows-1256.

* A file is first read once as UTF-8 from end to end (decoding in C, a small share of the
  repair's time), so that it is taken as one encoding, or refused, before a line is
  written: what :func:`.decode.read_text` would say of it.
* A pipe cannot be read twice, so its first 64 KB decide: UTF-8 that breaks further on is
  an error from that byte on, after what came before it has been written.
* UTF-16 and Windows-1256 (old pages, small files) and anything not UTF-8 are read whole,
  through :func:`.decode.decode_bytes`.
"""
from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .decode import (
    SNIFF_BYTES,
    UTF8_CUT,
    DecodeError,
    compression_of,
    decode_bytes,
    looks_binary,
    open_binary,
    open_decompressed,
)

_CHUNK = 1 << 20


class TextStream:
    """The text of ``raw``, as :meth:`chunks` of decoded text.

    ``encoding`` names how it is read; it becomes :data:`.decode.UTF8_CUT` once the chunks
    are read, if the last character was cut and left out. ``empty_ok`` accepts an input
    with no bytes (standard input); a file with none is a :class:`DecodeError`.
    """

    def __init__(self, raw: BinaryIO, *, seekable: bool = False, empty_ok: bool = False):
        self._raw = raw
        self._head = raw.read(SNIFF_BYTES)
        self._whole: str | None = None  # the text, where it is read whole
        if not self._head:
            if not empty_ok:
                raise DecodeError("empty file")
            self.encoding, self._whole = "utf-8", ""
        elif not self._head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and (
                self._head.startswith(codecs.BOM_UTF8) or not looks_binary(self._head)) and (
                self._utf8(seekable)):
            self.encoding = "utf-8-sig" if self._head.startswith(codecs.BOM_UTF8) else "utf-8"
        else:  # binary data is refused here too
            self._whole, self.encoding = decode_bytes(self._head + raw.read())

    def _utf8(self, seekable: bool) -> bool:
        """Is the input UTF-8 (its last character may be cut)? A file is read through to
        the end and back; of a pipe, only the first bytes can tell."""
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            decoder.decode(self._head)
            if not seekable:
                return True
            while chunk := self._raw.read(_CHUNK):
                decoder.decode(chunk)
        except UnicodeDecodeError:
            return False
        finally:
            if seekable:
                self._raw.seek(len(self._head))
        return True

    def chunks(self) -> Iterator[str]:
        """The text, a chunk at a time; where a pipe stops being UTF-8, the text up to
        there, then a :class:`DecodeError`."""
        if self._whole is not None:
            if self._whole:
                yield self._whole
            return
        decoder = codecs.getincrementaldecoder("utf-8")()
        bom = len(codecs.BOM_UTF8) if self.encoding == "utf-8-sig" else 0
        done = bom  # bytes decoded before ``data``
        data = self._head[bom:]
        # what has come, so that a pipe flows (a stream without read1 waits for a chunk)
        read_some = getattr(self._raw, "read1", self._raw.read)
        while data:
            held = len(decoder.getstate()[0])  # the start of a character cut by the last read
            try:
                text = decoder.decode(data)
            except UnicodeDecodeError as e:
                if good := decoder.decode(data[:max(0, e.start - held)]):
                    yield good  # the text up to the broken byte
                raise DecodeError(f"not valid UTF-8 from byte {done - held + e.start} on "
                                  "(a damaged file, or two encodings in one)") from None
            if text:
                yield text
            done += len(data)
            data = read_some(_CHUNK)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:  # cut inside its last character: that one is left out
            self.encoding = UTF8_CUT


def open_text_stream(path: str | Path) -> tuple[BinaryIO, TextStream]:
    """Open a file to read as a :class:`TextStream`: (the file, to close; the stream). A
    compressed file (.gz, .zst, .bz2) is read as it is decompressed, as a pipe is: its first
    bytes decide its encoding, and damage is a :class:`DecodeError` where it comes."""
    kind = compression_of(path)
    raw = open_binary(path)  # (errors of opening named as for any file: no such file, ...)
    if kind is not None:
        raw.close()
        raw = io.BufferedReader(_Decompressing(open_decompressed(path), kind))
    try:
        return raw, TextStream(raw, seekable=kind is None)
    except BaseException:
        raw.close()
        raise


class _Decompressing(io.RawIOBase):
    """A compressed file's bytes, where damage (a gzip cut short, bytes that are no zstd) is
    a :class:`DecodeError`, not the decompressor's own exception."""

    def __init__(self, raw: BinaryIO, kind: str):
        super().__init__()
        self._raw, self._kind = raw, kind

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        try:
            data = self._raw.read(len(buffer))
        except Exception as e:  # (what gzip, bz2 and zstandard raise differ: EOFError, OSError, ZstdError)
            raise DecodeError(f"damaged {self._kind} data ({e})") from None
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()
