"""Lines that blog and news platforms add around a post, which are not its text.

Kept short and specific: a line is boilerplate only if it is (nearly) all template words,
so an author's sentence that mentions Twitter is not taken for a footer.
"""
from __future__ import annotations

import re

from ..repair.chars import ZWNJ

# Each pattern must match a whole line (after repair), so that text is never taken for it.
_NETWORK = r"(?:توئیتر|توییتر|تویتر|ایکس|فیسبوک|تلگرام|اینستاگرام)"
_FOOTER = [
    rf"پیوند این (?:بلاگ|بلاک|وبلاگ) (?:با|به|در) {_NETWORK}(?: .{{0,40}})?",
    rf"(?:ما را|ما) در {_NETWORK} دنبال کنید.{{0,40}}",
    r"(?:ارسال شده|نوشته شده|پست شده) (?:توسط|در) .{0,60}",
    r"برچسب(?:{Z})?ها: .{0,200}",
    r"(?:ادامه مطلب|بیشتر بخوانید|لینک ثابت|لینک کوتاه|نظرات|هیچ نظری موجود نیست)[:.…]*",
    r"(?:اشتراک(?:{Z})?گذاری|هم(?:{Z})?رسانی) در .{0,40}",
    r"Posted by .{0,60}|Labels: .{0,200}|Share this:?.{0,40}",
]
_FOOTER_RE = re.compile("|".join(f"(?:{p.replace('{Z}', ZWNJ)})" for p in _FOOTER))
#: a channel's signature, which Telegram channels end each post with: its handles and t.me
#: links alone on a line, among emoji and marks (🆔 @farsna, 📡 @ISNA_NEWS | t.me/isna)
_SIGNATURE = re.compile(r"[\W_]*(?:(?:@[A-Za-z]\w{3,31}|(?:https?://)?(?:t|telegram)\.me/[\w/+-]+)[\W_]*)+")
_DECOR = re.compile(r"^[\W_\d]*", re.UNICODE)  # emoji bullets and punctuation before a line


def is_boilerplate(line: str) -> bool:
    """True for a template line such as 'پیوند این بلاک با توئیتر @BaharIran7'.

    >>> is_boilerplate("🌻 پیوند این بلاک با توئیتر @BaharIran7")
    True
    >>> is_boilerplate("او در توئیتر نوشت که تظاهرات برگزار می‌شود.")
    False
    >>> is_boilerplate("🆔 @farsna"), is_boilerplate("📡 @ISNA_NEWS | https://t.me/isna")
    (True, True)
    >>> is_boilerplate("@BaharIran7 گفت که تظاهرات برگزار می‌شود")
    False
    """
    core = _DECOR.sub("", line.strip()).strip()
    return bool(core) and (_FOOTER_RE.fullmatch(core) or _SIGNATURE.fullmatch(line.strip())) is not None
