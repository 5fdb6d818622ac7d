"""Reading bytes into text: the first step of every input, with clear errors."""
from .decode import UTF8_CUT, DecodeError, decode_bytes, mend_surrogates, read_text

__all__ = ["UTF8_CUT", "DecodeError", "decode_bytes", "mend_surrogates", "read_text"]
