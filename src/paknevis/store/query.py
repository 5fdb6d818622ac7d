"""Queries, shared by every store: parsing (with repair and folding), and highlighting.

A query is parsed once into parts, then written in the store's own language: FTS5 for
SQLite, ``tsquery`` for PostgreSQL. Highlights are found in the original text with a regex
made from the folded terms, so both stores show the same snippets.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..dates.calendars import jalali_of
from ..repair import fix
from ..repair.fold import fold, fold_pattern


class QueryError(ValueError):
    """A search query that cannot be understood; the message says why."""


#: The kinds of names a record's entities hold (find_entities), each a facet of the archive
NAME_KINDS = ("person", "place", "organization")


@dataclass
class Filters:
    """What narrows a search: dates (ISO), a source, a hashtag, a name (a person, place or
    organisation the record names: ایالات متحده finds the records that name آمریکا)."""

    since: str | None = None
    until: str | None = None
    source: str | None = None
    hashtag: str | None = None
    name: str | None = None

    def __post_init__(self):
        if self.since and self.until and self.since > self.until:  # ISO days sort as text
            raise QueryError(f"the first day ({self.since}) is after the last ({self.until})")


@dataclass
class Hit:
    id: str
    title: str | None
    source: str | None
    published: str | None
    snippet: str  #: from the original text, matches marked with [[ ]]
    dup_cluster: str | None
    heading: str  #: the title, or where there is none (a Telegram message), see :func:`lead`


def lead(title: str | None, text: str, words: int = 12) -> str:
    """A record's heading: its title, or, where it has none (a Telegram message, a post
    whose first line is its text), the opening words of its text.

    >>> lead(None, "شکست‌های اخیر با استقبال روبه‌رو شده است", words=3)
    'شکست‌های اخیر با…'
    """
    if title:
        return title
    opening = text.split(maxsplit=words)
    return " ".join(opening[:words]) + ("…" if len(opening) > words else "")


# A part is ("word", w, prefix), ("phrase", [w, ...]) or ("either", w1, w2): the phrase
# "w1 w2" or the glued word w1w2.
Part = tuple
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def _clean(word: str) -> str:
    return re.sub(r"[^\w]", "", fold(word))


def parse_query(query: str, known: Callable[[str], bool] = lambda term: False
                ) -> tuple[list[Part], list[str]]:
    """A user's query as parts, and the terms to highlight.

    Words are ANDed; "quoted words" are a phrase; a trailing * is a prefix. The query is
    repaired (a space typed for a ZWNJ is put back) and folded, as the index was. Two
    words whose glued form is a ``known`` term may be that word typed apart, so they match
    as the phrase or the glued word (روح الله, روحالله).

    >>> parts, terms = parse_query('کتاب ها "بین المللی" تحلیل*')
    >>> parts
    [('word', 'کتابها', False), ('phrase', ['بینالمللی']), ('word', 'تحلیل', True)]
    >>> terms
    ['کتابها', 'بینالمللی', 'تحلیل']
    """
    if query.count('"') % 2:
        raise QueryError('a quotation mark (") is not closed')
    parts: list[Part] = []
    terms: list[str] = []
    # (punctuation left as typed: its straight quotes are the query's own syntax)
    for phrase, word in _TERM.findall(fix(query, punctuation=False)):
        if phrase:
            words = [w for w in map(_clean, phrase.split()) if w]
            if words:
                parts.append(("phrase", words))
                terms.append(" ".join(words))
        elif w := _clean(word):
            parts.append(("word", w, word.endswith("*")))
            terms.append(w)
    if not parts:
        raise QueryError("the query has no words to search for")
    out: list[Part] = []
    i = 0
    while i < len(parts):
        p, q = parts[i], parts[i + 1] if i + 1 < len(parts) else None
        if (p[0] == "word" and q and q[0] == "word" and not p[2] and not q[2]
                and known(p[1] + q[1])):
            out.append(("either", p[1], q[1]))
            i += 2
        else:
            out.append(p)
            i += 1
    return out, terms


def to_fts5(parts: list[Part]) -> str:
    """
    >>> to_fts5([("word", "کتاب", True), ("either", "روح", "الله")])
    '"کتاب"* ("روح الله" OR "روحالله")'
    """
    out = []
    for p in parts:
        if p[0] == "word":
            out.append(f'"{p[1]}"' + ("*" if p[2] else ""))
        elif p[0] == "phrase":
            out.append('"' + " ".join(p[1]) + '"')
        else:
            out.append(f'("{p[1]} {p[2]}" OR "{p[1] + p[2]}")')
    return " ".join(out)


def to_tsquery(parts: list[Part]) -> str:
    """
    >>> to_tsquery([("word", "کتاب", True), ("phrase", ["به", "رسمیت"]), ("either", "روح", "الله")])
    "'کتاب':* & ('به' <-> 'رسمیت') & ('روح' <-> 'الله' | 'روحالله')"
    """
    out = []
    for p in parts:
        if p[0] == "word":
            out.append(f"'{p[1]}'" + (":*" if p[2] else ""))
        elif p[0] == "phrase":
            out.append("(" + " <-> ".join(f"'{w}'" for w in p[1]) + ")")
        else:
            out.append(f"('{p[1]}' <-> '{p[2]}' | '{p[1] + p[2]}')")
    return " & ".join(out)


def highlighter(terms: list[str]) -> re.Pattern:
    """One regex for the query's words and phrases, as they stand in the original text."""
    alternatives = [r"\W+".join(fold_pattern(w) for w in t.split()) for t in terms]
    alternatives.sort(key=len, reverse=True)  # a phrase before its words
    return re.compile(rf"(?<![\w\u200c])(?:{'|'.join(alternatives)})(?![\w\u200c])", re.IGNORECASE)


def snippet(text: str, marks: re.Pattern, width: int = 80) -> str:
    spans = [m.span() for m in marks.finditer(text)]
    if not spans:
        return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
    first = max(spans, key=lambda sp: sp[1] - sp[0])[0]  # centre on the longest: a phrase
    start, end = max(0, first - width), min(len(text), first + width)
    out: list[str] = []
    pos = start
    for s, e in spans:
        if s < pos or e > end:
            continue
        out += (text[pos:s], "[[", text[s:e], "]]")
        pos = e
    out.append(text[pos:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")


WORD = re.compile(r"\w+")


def joined(folded: str) -> str:
    """Each pair of neighbouring words, glued: so روحالله finds 'روح الله' written apart."""
    words = WORD.findall(folded)
    return " ".join(a + b for a, b in zip(words, words[1:], strict=False))


def months(published: str | None) -> tuple[str | None, str | None]:
    """The Gregorian and Solar Hijri month of an ISO date, for the month facets.

    >>> months("2025-02-01T09:12:00-08:00")
    ('2025-02', '1403-11')
    """
    if not published or not re.match(r"\d{4}-\d\d-\d\d", published):
        return None, None
    try:
        j = jalali_of(dt.date.fromisoformat(published[:10]))
    except ValueError:  # 2025-13-45, from a record not made by paknevis
        return None, None
    return published[:7], f"{j.year:04d}-{j.month:02d}"


_TEXT_FIELDS = ("url", "source", "author", "title", "published", "text", "lang", "dup_cluster")


def record_problem(rec: object) -> str | None:
    """Why ``rec`` cannot be indexed as a paknevis record (a JSON line of `paknevis
    process`), or None. The stores read these fields; any other is kept as it is."""
    if not isinstance(rec, dict):
        return "not a JSON object"
    if not isinstance(rec.get("id"), str) or not rec["id"]:
        return "no id"
    for name in _TEXT_FIELDS:
        if not isinstance(rec.get(name), (str, type(None))):
            return f"{name} is not text"
    for name in ("hashtags", "mentions"):
        tags = rec.get(name)
        if tags is not None and not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
            return f"{name} is not a list of text"
    names = rec.get("entities")
    if names is not None and not (isinstance(names, list) and all(
            isinstance(e, dict) and isinstance(e.get("kind"), str) and isinstance(e.get("value"), str)
            for e in names)):
        return "entities is not a list of names (each with its kind and value)"
    return None


def tag_rows(rec: dict) -> list[tuple[str, str, str]]:
    """(kind, value, label) of what a record is tagged with, for the stores' tags table:
    each hashtag, mention and name (its kind: person, place, organization) once, the names
    of its title too (a record's ``entities`` are its text's, with offsets into it; a short
    news item may name its subject in its title alone: «پس از انصراف خاتمی…»). The value is
    folded, to match; the label as written, to show."""
    from ..entities import find_entities

    rows = [("hashtag", fold(t), t) for t in rec.get("hashtags") or []]
    rows += [("mention", m.lower(), m) for m in rec.get("mentions") or []]
    rows += [(e["kind"], fold(e["value"]), e["value"]) for e in rec.get("entities") or []]
    title = rec.get("title")
    rows += [(e.kind, fold(e.value), e.value) for e in find_entities(title)] if isinstance(title, str) else []
    return list(dict.fromkeys(rows))


def name_key(name: str) -> str:
    """The folded value a name filter matches: the name's usual form where the entity finder
    knows it (ایالات متحده: آمریکا), else the name as given."""
    from ..entities import find_entities

    name = fix(name.strip())
    found = find_entities(name)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
        name = found[0].value
    return fold(name)


def facet_counts(run: Callable[[str, list], list], where: str, args: list, *, top: int,
                 placeholder: str, key: str) -> dict:
    """Counts of the records selected by ``where`` by source, author, hashtag, mention, name
    (person, place, organization), language, cluster, year and month (Gregorian and Solar
    Hijri), and their number.

    The same SQL for both stores: ``placeholder`` is '?' or '%s', ``key`` the column that
    joins tags to records; ``run(sql, args)`` executes it.
    """
    out = {}
    for name, col in (("source", "r.source"), ("author", "r.author"), ("lang", "r.lang"),
                      ("cluster", "r.dup_cluster")):
        out[name] = run(f"SELECT {col}, count(*) AS n {where} AND {col} IS NOT NULL "
                        f"GROUP BY {col} ORDER BY n DESC LIMIT {placeholder}", args + [top])
    # the tags of the records selected, each kind's labels as written, grouped by their folded
    # value: one pass over the records' tags (a pass over every tag of a kind for each kind,
    # filtered by the records, took 0.1 s a page over 17,000 records once names were tags)
    kinds = ("hashtag", "mention", *NAME_KINDS)
    groups: dict[str, list] = {kind: [] for kind in kinds}
    for kind, label, n in run(f"SELECT t.kind, min(t.label), count(*) FROM (SELECT r.{key} AS id {where}) m "
                              f"JOIN tags t ON t.{key} = m.id GROUP BY t.kind, t.value", args):
        if kind in groups:
            groups[kind].append((label, n))
    for kind, rows in groups.items():
        out[kind] = sorted(rows, key=lambda row: (-row[1], row[0]))[:top]
    for name, col in (("year", "substr(r.month, 1, 4)"), ("jalali_year", "substr(r.jalali_month, 1, 4)"),
                      ("month", "r.month"), ("jalali_month", "r.jalali_month")):
        out[name] = run(f"SELECT {col}, count(*) {where} AND {col} IS NOT NULL "
                        f"GROUP BY {col} ORDER BY {col}", args)
    result = {k: [{"value": v, "count": n} for v, n in rows] for k, rows in out.items()}
    result["total"] = run(f"SELECT count(*) {where}", args)[0][0]
    return result


def filter_clauses(f: Filters, *, placeholder: str, key: str) -> tuple[list[str], list]:
    """SQL conditions (on records ``r``) for the filters, and their arguments."""
    sql, args = [], []
    for clause, value in (
            (f"AND r.published >= {placeholder}", f.since),
            (f"AND substr(r.published, 1, 10) <= {placeholder}", f.until),
            (f"AND r.source = {placeholder}", f.source),
            (f"AND r.{key} IN (SELECT {key} FROM tags WHERE kind = 'hashtag' AND value = {placeholder})",
             fold(f.hashtag.lstrip("#")) if f.hashtag else None),
            (f"AND r.{key} IN (SELECT {key} FROM tags WHERE kind IN {NAME_KINDS} AND value = {placeholder})",
             name_key(f.name) if f.name else None)):
        if value:
            sql.append(clause)
            args.append(value)
    return sql, args
