"""Find the names of people, places and organisations in repaired Persian text.

No model ships for this (the data paknevis may learn from has no named entities marked), so
the finder reads what a careful reader reads: names it knows (:mod:`.vocab`: countries,
cities, provinces, organisations, clubs, people in the news), and names that the words
around them announce:

- a title before a person (آقای، دکتر، حجت‌الاسلام، سردار…), or a given name (محمد، لیونل)
  before a family name;
- a sentence's first word before a verb of speech: «نوری اضافه کرد», «کمالوند خاطرنشان کرد»;
- a word before a place (استان، شهرستان، روستای…) or a club (باشگاه);
- the agency a report comes from: «به گزارش خبرگزاری فارس از طبس».

It favours precision: a word that may be a name or a common word is taken only where the
words around it say which (``benchmarks/entities.py`` measures it on hand-marked news).
Run it on text that :func:`paknevis.fix` has repaired, as the record's steps do.

>>> [(m.text, m.kind, m.value) for m in find_entities("به گزارش ایسنا، امریکا و سازمان ملل")]
[('ایسنا', 'organization', 'ایسنا'), ('امریکا', 'place', 'آمریکا'), \
('سازمان ملل', 'organization', 'سازمان ملل متحد')]
>>> [(m.text, m.kind) for m in find_entities("حجت‌الاسلام محسن سالاری امام جمعه شهرستان سیریک گفت")]
[('محسن سالاری', 'person'), ('سیریک', 'place')]
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate

from ..repair.chars import WORD_CHARS
from . import vocab

ZWNJ = "\u200c"
_WORDS = re.compile(f"([{WORD_CHARS}]+)")  # (a group: split keeps the words between the gaps)
#: What may stand between the words of one name: spaces or a ZWNJ; in a name the lists know,
#: a comma too (وزارت صنعت، معدن و تجارت), never in a list of people («فاطمه، میثم»)
_JOIN = re.compile(r"[ \u00a0\u200c]+")
_JOIN_LISTED = re.compile(r"[ \u00a0\u200c]*،?[ \u00a0\u200c]+")
_SENTENCE_END = re.compile(r"[.!?؟:\n«»\"]")


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A name found in a text: where it stands, what it names, and its usual form."""

    start: int
    end: int
    text: str
    kind: str  # person | place | organization
    value: str  # the name as it is usually written (امریکا: آمریکا), else as in the text

    def to_dict(self) -> dict:
        # (a dict written out: dataclasses.asdict copies deeply, 4 µs a name, a tenth of a
        # record's names' cost)
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "value": self.value}


def _key(word: str) -> str:
    """A word's lookup key: no ZWNJ, Persian yeh and kaf (the text is repaired, or nearly)."""
    return word.replace(ZWNJ, "").replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(_key(w) for w in _WORDS.findall(phrase))


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]
    kind: str
    value: str
    sport_only: bool = False


@cache
def _gazetteer() -> dict[str, list[_Entry]]:
    """Each known name by its first word's key, the longest first. A name with a ZWNJ is
    also found glued or with a space (ذوب‌آهن، ذوبآهن، ذوب آهن)."""
    by_first: dict[str, list[_Entry]] = {}
    tables = [(vocab.COUNTRIES, "place", False), (vocab.CITIES, "place", False),
              (vocab.REGIONS, "place", False), (vocab.ORGANIZATIONS, "organization", False),
              (vocab.SPORT_CLUBS, "organization", False),
              (vocab.SPORT_CLUBS_AMBIGUOUS, "organization", True), (vocab.PEOPLE, "person", False)]
    for table, kind, sport_only in tables:
        for value, others in table.items():
            for name in (value, *others):
                words = _keys(name.replace(ZWNJ, " "))
                forms = {_keys(name), words, ("".join(words),)}
                for form in forms:
                    entry = _Entry(form, kind, value, sport_only)
                    by_first.setdefault(form[0], []).append(entry)
    for entries in by_first.values():
        entries.sort(key=lambda e: -len(e.words))
    return by_first


def _key_set(words) -> frozenset[str]:
    return frozenset(_key(w) for w in words)


def _by_first(phrases) -> dict[str, list[tuple[str, ...]]]:
    """Phrases by their first word's key, the longest first: a word that begins none costs
    one look in a dict (the finder looks at each word of a text)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        out.setdefault(phrase[0], []).append(phrase)
    return out


def _phrase(t: _Text, i: int, phrases: dict[str, list[tuple[str, ...]]]) -> tuple[str, ...] | None:
    """The longest of ``phrases`` that words i… read, if any."""
    if i < len(t.keys) and t.keys[i] in phrases:
        return next((p for p in phrases[t.keys[i]] if t.phrase_at(i, p)), None)
    return None


def _given_names() -> frozenset[str]:
    """The given names, with those made of two (vocab.GIVEN_HEADS…): سیدمصطفی، محمدکریم،
    رضاعلی، شکرالله، عبدالحمید، ابوالفضل."""
    names = _key_set(vocab.GIVEN_NAMES)
    heads = _key_set(vocab.GIVEN_HEADS)  # (not one after another: میر سید is می‌رسید)
    made = {head + name for head in heads for name in names - heads}
    made |= {stem + "علی" for stem in vocab.ALI_STEMS}
    made |= {stem + end for stem in vocab.ALLAH_STEMS for end in ("الله", "اله")}
    made |= {head + name for head in ("عبدال", "ابوال") for name in vocab.GOD_NAMES}
    return frozenset(names | made)


_GIVEN = _given_names()
_AMBIGUOUS_GIVEN = _key_set(vocab.AMBIGUOUS_GIVEN)
_NOT_NAMES = _key_set(vocab.NOT_NAMES)
_TITLES = _key_set(t for t in vocab.PERSON_TITLES if " " not in t)
#: titles of two words, or of a word that is something else alone (امیر سرتیپ، و المسلمین)
_TITLE_PHRASES = _by_first(_keys(t) for t in vocab.PERSON_TITLES if " " in t)
_TITLE_LINKS = _key_set(vocab.TITLE_LINKS)
_PLACE_HEADS = _key_set(vocab.PLACE_HEADS)
_TAILS = _key_set(vocab.SURNAME_TAILS)
#: words that begin no family name (بزرگ begins none alone, but بزرگ نیا)
_NOT_HEADS = _NOT_NAMES - _key_set("بزرگ کوچک جدید".split())
_HEADS = _key_set(vocab.SURNAME_HEADS)
_SPORT_CUES = _key_set(vocab.SPORT_CUES)
_WEAK_SPORT_CUES = _key_set(vocab.WEAK_SPORT_CUES)
_SPORT_ONLY = _key_set(vocab.SPORT_CLUBS_AMBIGUOUS)
_AFTER_HEAD = _key_set(vocab.PLACES_AFTER_HEAD)
_NATIONAL_BODIES = frozenset(vocab.NATIONAL_BODIES)
_COUNTRIES = frozenset(vocab.COUNTRIES)
_LOCAL = frozenset({"استان", "شهرستان"})
_OFFICES = frozenset(_keys("اداره سازمان مرکز بنیاد ستاد شرکت دانشگاه شورای انجمن کانون دادگستری "
                           "دفتر جمعیت کمیته بانک بهزیستی هلال"))
_STOPS = (_NOT_NAMES - {"و", "کل"}) | _PLACE_HEADS
_LIGHT_VERBS = frozenset(vocab.LIGHT_VERBS)
#: those of کردن and نمودن: no family name before one (not شد: «جانشین مهدی تارتار شد»)
_DOING = frozenset(v for v in _LIGHT_VERBS if v.startswith(("کر", "کن", "نمود")))
_SPEECH = _by_first(_keys(v) for v in vocab.SPEECH_VERBS)
#: Words before an organisation's name: an agency, a paper, a channel, a club
_NAMERS = frozenset(_keys("خبرگزاری روزنامه هفته‌نامه شبکه باشگاه"))
_TRIGGERS = _TITLES | set(_TITLE_PHRASES) | _GIVEN | _PLACE_HEADS | _NAMERS


class _Text:
    """A text's words (their places and keys) and what stands between them."""

    def __init__(self, text: str):
        self.text = text
        for arabic, persian in (("ي", "ی"), ("ى", "ی"), ("ك", "ک")):  # (one for one: offsets kept)
            if arabic in text:
                text = text.replace(arabic, persian)
        # words and the gaps between them from one split (the gap before word i is
        # gaps[i]); their offsets are counted only for the names found
        self.parts = _WORDS.split(text)
        self.gaps, self.words = self.parts[0::2], self.parts[1::2]
        self.keys = [w.replace(ZWNJ, "") if ZWNJ in w else w for w in self.words]
        # the words of a hashtag (#ایران، #مجاهدین_خلق) are the tag's, not a name's: taken
        gaps = self.gaps
        self.taken = [gaps[i].endswith(("#", "_")) or gaps[i + 1].startswith("_")
                      for i in range(len(self.words))] if "#" in text else [False] * len(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def gap(self, i: int) -> str:
        """What stands between word i-1 and word i."""
        return self.gaps[i] if i else ""

    def spans(self) -> list[int]:
        """Offsets of the parts: word i is text[offsets[2i+1]:offsets[2i+2]]."""
        return [0, *accumulate(map(len, self.parts))]

    def joined(self, i: int, listed: bool = False) -> bool:
        """Word i follows word i-1 within one name's reach (a space between them; ``listed``,
        in a name the lists know, a comma too). (Asked of the few words that may go on a
        name: a look at every gap took a third of the time.)"""
        gap = self.gap(i)
        return gap == " " or bool(i and (_JOIN_LISTED if listed else _JOIN).fullmatch(gap))

    def starts_sentence(self, i: int) -> bool:
        gap = self.gap(i)
        return i == 0 or gap != " " and bool(_SENTENCE_END.search(gap))

    def runs_on(self, i: int, n: int, listed: bool = False) -> bool:
        """Words i to i+n-1 are there, free, and read as one phrase."""
        return (i + n <= len(self.words) and not any(self.taken[i:i + n])
                and all(self.joined(k, listed) for k in range(i + 1, i + n)))

    def phrase_at(self, i: int, words: tuple[str, ...], listed: bool = False) -> bool:
        keys = self.keys  # (the second word first: most phrases that begin here end there)
        if len(words) > 1 and (i + 1 >= len(keys) or keys[i + 1] != words[1]):
            return False
        return tuple(keys[i:i + len(words)]) == words and self.runs_on(i, len(words), listed)


def find_entities(text: str) -> list[EntityMention]:
    """The names of people, places and organisations in ``text``, in order (see the module doc)."""
    t = _Text(text)
    keys, taken, n = t.keys, t.taken, len(t)
    found: list[tuple[int, int, str, str]] = []  # (first word, end word, kind, value)

    present = set(keys)
    strong = len(_SPORT_CUES.intersection(present))
    sport = strong >= 2 or strong == 1 and len(_WEAK_SPORT_CUES.intersection(present)) >= 2
    if not sport and not _SPORT_ONLY.isdisjoint(present):  # «باشگاه استقلال»: the club, so sport
        sport = any(key in _SPORT_ONLY and keys[i - 1] in ("باشگاه", "تیم")
                    for i, key in enumerate(keys) if i)
    gazetteer = _gazetteer()
    # the words where a name or a rule may begin, found in one pass (most words are none)
    marks = _marks()
    marked = [(i, key) for i, key in enumerate(keys) if key in marks]
    for i, key in marked:
        if taken[i] or key not in gazetteer:
            continue
        for entry in gazetteer[key]:
            words = entry.words
            if (entry.sport_only and not sport) or len(words) > 1 and not t.phrase_at(i, words, listed=True):
                continue
            found.append(_take(t, i, i + len(words), entry.kind, entry.value))
            break

    # the words where a rule below may begin: a title, a given name, a word before a place
    # or an organisation, the word after «به گزارش», a sentence's first word before speech
    starts = set()
    for i, key in marked:
        if key in _TRIGGERS:
            starts.add(i)
        if key in _SPEECH:
            starts.update(k for k in (i - 1, i - 2) if k >= 0 and t.starts_sentence(k))
        elif key == "گزارش":
            starts.add(i + 1)
    for i in sorted(starts):
        if i < 0 or i >= n or taken[i]:
            continue
        key = keys[i]
        if key in _TITLES or key in _TITLE_PHRASES and _phrase(t, i, _TITLE_PHRASES):
            j = _after_titles(t, i)
            end = _person_end(t, j, titled=True)
            if end:
                found.append(_take(t, j, end, "person"))
        elif key in _GIVEN and (end := _person_end(t, i, titled=False)):
            found.append(_take(t, i, end, "person"))
        elif key in _PLACE_HEADS:
            if (_rare_name(t, i + 1) and (i + 2 >= n or keys[i + 2] not in _LIGHT_VERBS)
                    or i + 1 < n and not taken[i + 1] and keys[i + 1] in _AFTER_HEAD):
                found.append(_take(t, i + 1, i + 2, "place"))
        elif key in _NAMERS:
            if _rare_name(t, i + 1):
                found.append(_take(t, i + 1, i + 2, "organization"))
        elif i >= 2 and keys[i - 1] == "گزارش" and keys[i - 2] == "به":
            if _namelike(t, i) and "،" in (t.gap(i + 1) if i + 1 < n else ""):
                found.append(_take(t, i, i + 1, "organization"))  # «به گزارش فارس،»: the agency
        else:
            # «نوری اضافه کرد», «احمدی نژاد گفت»: a sentence's first word, before speech (a
            # given name too, that begins no full name: «فرح در پایان گفت»)
            end = i + 2 if i + 1 < n and keys[i + 1] in _TAILS else i + 1
            if (end < n and keys[end] in _SPEECH and _phrase(t, end, _SPEECH)
                    and not _talk(keys, end)
                    and t.starts_sentence(i) and _namelike(t, i) and t.runs_on(i, end - i)):
                found.append(_take(t, i, end, "person"))

    _place_of_report(t, found)
    if any(kind == "person" for _, _, kind, _ in found):
        _same_people(t, found)
    found.sort()
    _provincial_bodies(t, found)
    _join_states(t, found)
    at = t.spans() if found else []
    return [EntityMention(at[2 * a + 1], at[2 * b], text[at[2 * a + 1]:at[2 * b]], kind,
                          value or text[at[2 * a + 1]:at[2 * b]])
            for a, b, kind, value in found]


def _talk(keys: list[str], i: int) -> bool:
    """Words i… are «گفت و گو» (a talk, گفت و گوی، گفت و گوهای), not «گفت» (said)."""
    return keys[i + 1:i + 2] == ["و"] and i + 2 < len(keys) and keys[i + 2].startswith("گو")


@cache
def _marks() -> frozenset[str]:
    """Every word that may begin a name the lists know or a rule of the finder."""
    return frozenset(_gazetteer()) | _TRIGGERS | frozenset(_SPEECH) | {"گزارش"}


def _take(t: _Text, a: int, b: int, kind: str, value: str = "") -> tuple[int, int, str, str]:
    for k in range(a, b):
        t.taken[k] = True
    return a, b, kind, value


def _after_titles(t: _Text, i: int) -> int:
    """The first word after the titles that begin at word i (حجت‌الاسلام و المسلمین دکتر)."""
    while i < len(t) and not t.taken[i]:
        if t.keys[i] in _TITLES or t.keys[i] in _TITLE_LINKS:
            i += 1
            continue
        phrase = _phrase(t, i, _TITLE_PHRASES)
        if phrase is None:
            break
        i += len(phrase)
    return i


@cache
def _common_words() -> frozenset[str]:
    """wordfreq's 5,000 most frequent Persian words (scripts/build_common_words.py): no
    place, club or paper is named by one of these that the lists do not know."""
    return frozenset(_ranked_words())


@cache
def _very_common_words() -> frozenset[str]:
    """The 1,000 most frequent: no family name after a given name («فاطمه رو»، «علی دل»;
    over the articles, nine in ten of the names these cut were no names)."""
    return frozenset(_ranked_words()[:1000])


@cache
def _ranked_words() -> list[str]:
    data = (resources.files("paknevis.data") / "common-words.txt.gz").read_bytes()
    return gzip.decompress(data).decode("utf-8").split()


@cache
def _demonyms() -> frozenset[str]:
    """The adjectives of the places known (فرانسوی، آمریکایی، روسی): no names themselves."""
    out: set[str] = set()
    for table in (vocab.COUNTRIES, vocab.CITIES, vocab.REGIONS):
        for name in table:
            k = _key(name).replace(" ", "")
            out.update((k + "ی", k + "ای", k + "ایی", k[:-1] + "وی", k[:-2] + "ی", k[:-1] + "ی"))
    return frozenset(out - set(_gazetteer()))


def _namelike(t: _Text, i: int, family: bool = False) -> bool:
    """Word i may be a name: free, no function word or role (وی، رئیس), no verb (می‌گوید),
    no place's adjective (فرانسوی), unless it is a ``family`` name (قمی، شیرازی)."""
    if i >= len(t) or t.taken[i]:
        return False
    word, key = t.words[i], t.keys[i]
    return (len(key) > 1 and key not in _NOT_NAMES and key not in _TITLES and key not in _PLACE_HEADS
            and not word.startswith(("می" + ZWNJ, "نمی" + ZWNJ))
            and (family or key not in _demonyms()))


def _rare_name(t: _Text, i: int) -> bool:
    """Word i may be a name and is no common word (after استان, باشگاه: not قطب, نظری)."""
    return _namelike(t, i) and t.keys[i] not in _common_words()


def _person_end(t: _Text, i: int, titled: bool) -> int:
    """Where the person's name that begins at word i ends (0 where none begins there): given
    names, then a family name (with a piece typed apart: احمدی نژاد، گل محمدی، حسین زاده).
    Untitled, a name needs a family name, and a given name that is no common word or two."""
    j = i
    while j < len(t) and j - i < 3 and t.keys[j] in _GIVEN \
            and (j == i or t.runs_on(j, 1) and t.joined(j)) and not t.taken[j] \
            and not (j > i and j + 1 < len(t) and t.keys[j + 1] in _TAILS):  # (علی حسین زاده)
        j += 1
    givens = j - i
    if givens and j + 1 < len(t) and t.keys[j] in ("بن", "ابن") and t.runs_on(j, 2):
        j += 1  # «محمد بن سلمان»: a father's name follows
    if givens and j < len(t) and t.keys[j] in _TAILS and t.runs_on(j, 1) and t.joined(j):
        return j + 1  # the last given name and a piece are the family name (حسین زاده)
    if not titled and (givens == 0 or t.keys[i] in _AMBIGUOUS_GIVEN):
        return 0  # (an untitled name begins with no word that may be another: «پیام علی‌اصغر فانی»)
    if not titled and givens == 1 and t.keys[i] == "علی" and j < len(t) and t.keys[j].startswith("ال"):
        return 0  # the Arabic «on the»: «علی الظاهر», «نصر علی المومنین» (علی الهی is lost)
    if (j + 1 < len(t) and (j == i or t.joined(j)) and t.keys[j + 1] in _TAILS and t.runs_on(j, 2)
            and t.keys[j] not in _NOT_HEADS):
        return j + 2  # a family name of a word and a piece (بزرگ نیا، داروغه زاده)
    if (j < len(t) and (j == i or t.joined(j)) and t.keys[j] not in _GIVEN
            and (_namelike(t, j, family=True) or t.keys[j] in _HEADS and not t.taken[j])
            and not _phrase(t, j, _SPEECH)  # (طاهره تصریح کرد: no family name)
            and (j + 1 >= len(t) or t.keys[j + 1] not in _DOING)  # (اسحاق اذعان کرد)
            and (t.keys[j] in _HEADS or t.keys[j] not in (
                _very_common_words() if givens else _common_words()))):  # (علی دل، حضرت خواستند)
        head = t.keys[j] in _HEADS
        j += 1
        if j < len(t) and t.joined(j) and not t.taken[j] and (
                t.keys[j] in _TAILS or head and _namelike(t, j, family=True)):
            j += 1
        return j
    # two given names and no family name: the last is the family name (محمدرضا عارف، بیژن بختیار)
    return j if titled and givens or givens >= 2 else 0


def _same_people(t: _Text, found: list[tuple[int, int, str, str]]) -> None:
    """A news text names a person in full once, then by the family name alone: «مهدی ربانی
    … ربانی افزود». Each later word that is the family name of a person found (a word, or a
    word and a piece: حسین زاده) is that person too; where the text names one person of that
    family name in full, each mention by the family name alone gets the full name as its
    value. (Not a given name, nor a word among the 1,000 most frequent: «میلاد جهانی» does
    not make «جام جهانی» a person; among the 5,000, only a subject: «اتحادیه» after «محمد
    اتحادیه» is still the union.)"""
    keys = t.keys
    full: dict[tuple[str, ...], set[tuple[int, int]]] = {}  # family name -> its full names
    for a, b, kind, _ in found:
        if kind != "person":
            continue
        family = tuple(keys[b - 2 if b - a >= 3 and keys[b - 1] in _TAILS else b - 1:b])
        if len(family) == 1 and (family[0] in _GIVEN or family[0] in _very_common_words()):
            continue
        names = full.setdefault(family, set())
        if b - a > len(family):
            names.add((a, b))
    if not full:
        return
    by_first = _by_first(full)
    common = _common_words()
    for i, key in enumerate(keys):
        words = _phrase(t, i, by_first) if key in by_first and not t.taken[i] else None
        if words and _namelike(t, i, family=True) and (
                len(words) > 1 or words[0] not in common
                # a common word that is a family name too (حسینی، جعفری; not اتحادیه، محله,
                # nor «رحمت الهی»): where it begins a sentence, as the subject
                or words[0].endswith("ی") and t.starts_sentence(i)):
            a = i  # a given name before it is the person's, even one that may be a word (رضا اسدی)
            while a > i - 2 and a and keys[a - 1] in _GIVEN and not t.taken[a - 1] and t.joined(a):
                a -= 1
            found.append(_take(t, a, i + len(words), "person"))
            if a < i:
                full[words].add((a, i + len(words)))
    at = t.spans()
    for n, (a, b, kind, _) in enumerate(found):
        spans = full.get(tuple(keys[a:b])) if kind == "person" else None
        if spans and len({tuple(keys[c:d]) for c, d in spans}) == 1:
            c, d = min(spans)
            found[n] = (a, b, kind, t.text[at[2 * c + 1]:at[2 * d]])


def _join_states(t: _Text, found: list[tuple[int, int, str, str]]) -> None:
    """A state's body and the state: «شورای امنیت روسیه», «وزارت امور خارجه آمریکا» are one
    organisation (and not the UN's council, nor Iran's ministry); so are a body and its
    province or county: «آموزش و پرورش استان کردستان», «نیروی انتظامی شهرستان دماوند»."""
    for n in range(len(found) - 2, -1, -1):
        (a, b, kind, value), (c, d, next_kind, next_value) = found[n], found[n + 1]
        state = value in _NATIONAL_BODIES and c == b and next_value in _COUNTRIES
        local = (kind == "organization" and c == b + 1 and t.keys[b] in _LOCAL and next_kind == "place"
                 and t.joined(b))
        if (state or local) and t.joined(c):
            found[n:n + 2] = [(a, d, kind, "")]


def _provincial_bodies(t: _Text, found: list[tuple[int, int, str, str]]) -> None:
    """An office of a province or county, named from its head word to the place: «اداره کل
    فرهنگ و ارشاد اسلامی استان اصفهان», «سازمان جهاد کشاورزی استان فارس» are one
    organisation (the names inside it, آموزش و پرورش or اصفهان, are its)."""
    keys = t.keys
    n = len(found) - 1
    while n >= 0:
        c, d, kind, _ = found[n]
        head, i = -1, c - 1
        if kind == "place" and c >= 2 and keys[c - 1] in _LOCAL and t.joined(c):
            while (i > 0 and c - i <= 9 and t.gap(i) in (" ", "\u200c", "، ", "،")
                   and keys[i - 1] not in _STOPS):
                i -= 1
                if keys[i] in _OFFICES and i < c - 2:  # (not «مرکز استان»: its capital)
                    head = i
        if head >= 0:  # the names inside it are its: one organisation in their place
            first = next(k for k, (a, _, _, _) in enumerate(found) if a >= head)
            found[first:n + 1] = [(head, d, "organization", "")]
            n = first
        n -= 1


def _place_of_report(t: _Text, found: list[tuple[int, int, str, str]]) -> None:
    """«به گزارش خبرگزاری فارس از طبس»: the word after از is the place the report is from."""
    for a, b, kind, _ in list(found):
        if (kind == "organization" and a >= 2 and t.keys[a - 2:a] == ["به", "گزارش"]
                and b + 1 < len(t) and t.keys[b] == "از" and t.joined(b + 1) and _namelike(t, b + 1)
                and t.keys[b + 1] not in ("قول", "نقل")):
            found.append(_take(t, b + 1, b + 2, "place"))
