"""Reading bytes into text: the first step of every input, with clear errors."""
from .decode import DecodeError, decode_bytes, read_text

__all__ = ["DecodeError", "decode_bytes", "read_text"]
