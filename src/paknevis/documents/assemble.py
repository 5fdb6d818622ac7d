"""From the raw parts of a post (however they were found) to a repaired Document.

The text and HTML readers only locate parts: a date line, a title line, body lines, and
hints from metadata. Everything else happens here, once, for both: repair with
:func:`paknevis.fix`, the byline, the title repeated at the top of the body, the
boilerplate footer, tags, mentions, links, dates and names (entities).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Unpack

from ..analyse import detect_language, is_boilerplate, quality_signals
from ..dates import english_date, find_dates, read_date
from ..entities import find_entities
from ..repair import RepairOptions, fix, fix_and_explain
from . import social
from .record import Document, document_id

# OUTLET - AUTHOR: headline (ایلاف لندن - موسی افشار: تظاهرات ...)
_BYLINE = re.compile(r"(?P<source>[^\-–—:|\n]{2,40}?)\s+[-–—]\s+(?P<author>[^\-–—:|\n]{2,40}?)\s*:\s*"
                     r"(?P<headline>\S.{4,})")
_SPACES = re.compile(r"\s+")


@dataclass
class RawPost:
    """What a reader found in one input, all as written (nothing repaired yet)."""

    raw_text: str
    title: str | None = None
    date_line: str | None = None  #: the platform's date header, e.g. '۱۴۰۳ بهمن ۱۳, شنبه'
    body: list[str] = field(default_factory=list)  #: paragraphs / lines of the post
    url: str | None = None
    published: str | None = None  #: a date from metadata (schema.org, meta tags, a dump field), as written
    source: str | None = None  #: the site's name, if no byline names an outlet
    author: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: links the post holds behind its words, not in its text (a Telegram message's
    #: text_link, the address a tweet's t.co stands for)
    links: list[str] = field(default_factory=list)


def post_of(fields: dict, body: list[str]) -> RawPost:
    """A post a reader of many found (a feed's item, a dump's article, a TEI text), from its
    ``fields`` as that reader gives them (title, url, published, author, source) and
    ``body``, its lines."""
    title = fields.get("title")
    return RawPost(raw_text="\n".join([title, *body] if title else body), body=body, **fields)


def _same(a: str, b: str) -> bool:
    """Two repaired lines that differ only in spacing."""
    return _SPACES.sub(" ", a).strip() == _SPACES.sub(" ", b).strip()


def split_byline(title: str) -> tuple[str | None, str | None, str]:
    """``OUTLET - AUTHOR: headline`` -> (outlet, author, headline); else (None, None, title).

    >>> split_byline("ایلاف لندن - موسی افشار: تظاهرات ۸ فوریه ایرانیان در پاریس")
    ('ایلاف لندن', 'موسی افشار', 'تظاهرات ۸ فوریه ایرانیان در پاریس')
    """
    m = _BYLINE.fullmatch(title.strip())
    if m and len(m["source"].split()) <= 4 and len(m["author"].split()) <= 4:
        return m["source"].strip(), m["author"].strip(), m["headline"].strip()
    return None, None, title.strip()


def assemble(raw: RawPost, **options: Unpack[RepairOptions]) -> Document:
    """The record of ``raw``, repaired (``options``: :func:`paknevis.fix`'s)."""
    warnings = list(raw.warnings)
    title = fix((raw.title or "").strip(), **options)
    source, author, headline = split_byline(title) if title else (None, None, None)

    body = [line.strip() for line in raw.body]
    while body and not body[0]:
        body.pop(0)
    if title and body and _same(fix(body[0], **options), title):
        body.pop(0)  # the title repeated at the top of the body: kept once
    # The footer: the lines that end the body and are boilerplate or marks alone (👇👇,
    # ➖➖), where one at least is boilerplate; repaired and kept out of the text.
    at, signed, tail = len(body), False, []  # (tail: the lines after ``at``, repaired, last first)
    while at:
        line = fix(body[at - 1], **options) if body[at - 1] else ""
        if line and is_boilerplate(line):
            signed = True
        elif line and not _only_marks(line):
            break
        tail.append(line)
        at -= 1
    footer = [line for line in reversed(tail) if line] if signed else []
    if signed:
        del body[at:]
    paragraphs = [line for line in body if line]
    raw_body = "\n\n".join(paragraphs)
    text, edits = fix_and_explain(raw_body, **options)

    published = None
    published_raw = raw.date_line.strip() if raw.date_line else None
    if published_raw:
        found = [m for m in find_dates(published_raw) if m.kind in ("date", "datetime") and m.value]
        if found:
            published = found[0].value
            if found[0].warning:
                warnings.append(f"published: {found[0].warning}")
        else:
            published = english_date(published_raw)
    metadata = read_date(raw.published) if raw.published else None
    if published is None and raw.published:
        published, published_raw = metadata, published_raw or raw.published
        if metadata is None:
            warnings.append(f"published: cannot read the date {raw.published!r}")
    elif published and metadata and metadata[:10] != published[:10]:
        warnings.append(f"published: date header says {published}, metadata says {raw.published}")
    if published is None and not raw.published:
        warnings.append("published: no date found")

    # the day as a date, not as text, in which a year before 1700 is read as Solar Hijri
    day = dt.date.fromisoformat(published[:10]) if published else None

    # tags, mentions and links: in the title, the text, and the footer (repaired once each)
    everything = "\n".join([title, text, *footer])
    return Document(
        id=document_id(raw.raw_text, raw.url), url=raw.url,
        # (a site's name or an author from metadata is repaired as the title is: an archive
        # filters by them, and سايت is سایت)
        source=source or _fixed(raw.source, options), author=author or _fixed(raw.author, options),
        title=headline or None,
        published=published, published_raw=published_raw, text=text, raw_text=raw.raw_text,
        hashtags=social.hashtags(everything), mentions=social.mentions(everything),
        links=list(dict.fromkeys([*social.links(everything), *raw.links])),
        dates=[m.to_dict() for m in find_dates(text, base=day)],
        entities=[m.to_dict() for m in find_entities(text)],
        lang=_language(raw_body, text, raw.title or ""),
        quality=quality_signals(text), edits_count=len(edits), warnings=warnings)


def _only_marks(line: str) -> bool:
    """A line of emoji and punctuation alone, with no letter or digit (👇👇)."""
    return not any(c.isalnum() for c in line)


def _fixed(name: str | None, options: RepairOptions) -> str | None:
    return (fix(name.strip(), **options) or None) if name else None


def _language(raw_body: str, text: str, raw_title: str) -> str:
    """The language, judged on the raw text, as repair folds an Arabic text's ي and ك; on
    the repaired one where only repair made the text readable (mojibake, HTML references);
    with the title, where the text is too short to tell (a post that is a headline and a
    photo)."""
    lang = detect_language(raw_body)
    if lang == "und" and text != raw_body:
        lang = detect_language(text)
    if lang == "und" and raw_title.strip():
        lang = detect_language(f"{raw_title}\n{raw_body}")
    return lang
