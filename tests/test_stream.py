"""Reading input as it arrives (paknevis.io.stream): the same text and the same verdicts
as reading it whole, a chunk at a time; and cutting it into blocks of lines."""
import io

import pytest

from paknevis.io import UTF8_CUT, DecodeError, decode_bytes
from paknevis.io.stream import _CHUNK, TextStream
from paknevis.repair.lines import BlockTooLarge, line_blocks

# Lines of real Persian, long enough to cross the 64 KB sniff and the 1 MB reads; an odd
# number of one-byte characters per line, so that reads end inside two-byte letters too.
LINE = "شکستهای اخیر در منطقه، با استقبال بینالمللی روبهرو شده است. 1403\n"
TEXT = LINE * (3 * _CHUNK // len(LINE.encode()))


def read(data: bytes, *, seekable: bool, **kw) -> tuple[str, str]:
    stream = TextStream(io.BytesIO(data), seekable=seekable, **kw)
    text = "".join(stream.chunks())
    return text, stream.encoding


@pytest.mark.parametrize("seekable", [True, False])
@pytest.mark.parametrize("data", [TEXT.encode(), b"\xef\xbb\xbf" + TEXT.encode(),
                                  "كتابها را ميخوانم\n".encode("cp1256"), TEXT.encode("utf-16")])
def test_read_as_it_arrives_gives_what_reading_whole_gives(data, seekable):
    assert read(data, seekable=seekable) == decode_bytes(data)


@pytest.mark.parametrize("seekable", [True, False])
def test_a_cut_last_character_is_left_out_and_named(seekable):
    data = TEXT.encode()[:-2] + "ش".encode()[:1]
    assert read(data, seekable=seekable) == decode_bytes(data)
    assert decode_bytes(data)[1] == UTF8_CUT


def test_a_file_that_breaks_late_is_refused_before_a_line_is_read():
    data = TEXT.encode() + b"\xff tail\n"
    with pytest.raises(DecodeError, match=f"from byte {len(TEXT.encode())} on"):
        TextStream(io.BytesIO(data), seekable=True)


def test_a_pipe_that_breaks_late_gives_what_came_before_then_the_error():
    good = TEXT.encode()
    stream = TextStream(io.BytesIO(good + b"\xff tail\n"))
    got = []
    with pytest.raises(DecodeError, match=f"not valid UTF-8 from byte {len(good)} on"):
        for chunk in stream.chunks():
            got.append(chunk)
    assert "".join(got) == TEXT


def test_empty_input():
    with pytest.raises(DecodeError, match="empty file"):
        TextStream(io.BytesIO(b""), seekable=True)
    assert read(b"", seekable=False, empty_ok=True) == ("", "utf-8")


def test_binary_input_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        TextStream(io.BytesIO(bytes(range(256)) * 10))


def test_lines_too_long_to_repair_are_refused_before_they_are_all_read():
    def chunks():
        yield "کتاب\nبینالمللی\n"
        while True:  # a line that never ends
            yield "ب" * 1000

    blocks = line_blocks(chunks(), lines=2, max_chars=5000)
    assert next(blocks) == "کتاب\nبینالمللی\n"
    with pytest.raises(BlockTooLarge, match="^line 3 holds more than 5,000 characters"):
        next(blocks)
    with pytest.raises(BlockTooLarge, match="^lines 1 to 4 hold"):
        list(line_blocks("ب\n" * 3 + "ب" * 11, lines=5, max_chars=10))
