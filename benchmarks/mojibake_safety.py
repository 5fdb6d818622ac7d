"""Does the mojibake step leave real words alone? Every distinct word of the sources, in
contexts that open the step's door, through the step alone.

    pip install -e '.[build]'            # wordfreq and hazm, for their word lists
    apt-get install myspell-fa           # Debian's Persian spelling dictionary (optional)
    python benchmarks/mojibake_safety.py

Windows-1256 shows UTF-8's lead bytes as Arabic letters (ط ظ ع غ), so real Persian can
look like a garbled pair: ``عکس`` starts with ع and ک, which is ژ read so. The step decodes a
run only if it holds a Latin sign that no Persian word has beside a letter, and only into
Persian. Here each word is given a ``§`` earlier in the text (the sign of ا that lets the
step look at a text at all) and put before ``…``, ``،`` and ``؟`` and after ``ی``: the step
should change none, but words that are themselves mojibake, which web word lists take in.
Sources that are not installed are skipped, and said so.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paknevis.repair.mojibake import mojibake_step  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
HUNSPELL = Path("/usr/share/hunspell/fa_IR.dic")
CONTEXTS = ("§ {}", "§ {}…", "§ {}،", "§ {}؟", "§ ی{}…")
LATIN_1_LANGUAGES = ("fr", "de", "es", "pt", "it", "nl", "ca", "sv", "da", "nb", "fi", "is")


def sources() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    words = set()
    for name in ("farsnews-1-4.jsonl", "varzesh3-1.jsonl"):
        with open(DATA / "web" / name, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                words.update(" ".join([d["title"], d["abstract"], *d["paragraphs"]]).split())
    out["web articles"] = words
    out["UD dev sentences"] = {w for name in ("perdt-dev.txt", "seraji-dev.txt")
                               for w in (DATA / "gold" / name).read_text(encoding="utf-8").split()}
    if importlib.util.find_spec("wordfreq"):
        import wordfreq

        for lang in ("fa", "ar", "ur"):
            out[f"wordfreq {lang}"] = set(wordfreq.get_frequency_dict(lang, wordlist="best"))
        # languages written with Latin-1's letters, which Windows-1256 reads as Arabic ones
        out["wordfreq Latin-1 languages"] = {
            w for lang in LATIN_1_LANGUAGES for w in wordfreq.get_frequency_dict(lang, wordlist="best")}
    else:
        print("skipped: wordfreq is not installed")
    if spec := importlib.util.find_spec("hazm"):
        lemmas = Path(spec.origin).parent / "data" / "words.dat"
        out["hazm lemmas"] = {line.split("\t")[0] for line in lemmas.read_text(encoding="utf-8").splitlines()}
    else:
        print("skipped: hazm is not installed")
    if HUNSPELL.exists():
        out["myspell-fa"] = set(HUNSPELL.read_text(encoding="utf-8").split())
    else:
        print(f"skipped: {HUNSPELL} (apt-get install myspell-fa)")
    return out


def changed(word: str) -> str | None:
    """What the step makes of ``word`` in the first context that changes it, or None."""
    for context in CONTEXTS:
        text = context.format(word)
        fixed = mojibake_step.apply(text)
        if fixed != text:
            return fixed
    return None


def main() -> int:
    every = set()
    for name, words in sources().items():
        print(f"{name:18} {len(words):>9,} distinct words")
        every |= words
    hits = sorted((w, c) for w in every if (c := changed(w)) is not None)
    print(f"all sources        {len(every):>9,} distinct words, {len(hits)} changed by the step:")
    for word, fixed in hits:
        print(f"  {word!r} -> {fixed!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
