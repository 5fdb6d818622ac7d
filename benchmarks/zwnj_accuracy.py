"""ZWNJ restoration on the UD Persian dev sentences, scored by ../shared/tools/zwnj_score.py.

    python benchmarks/zwnj_accuracy.py                 # paknevis, 5-fold cross-validated
    python benchmarks/zwnj_accuracy.py --anchors       # and the normalizers installed
    python benchmarks/zwnj_accuracy.py --anchors-only  # in the shekar venv (anchors.py)
    python benchmarks/zwnj_accuracy.py --by-rule       # and which rule put in each ZWNJ
    python benchmarks/zwnj_accuracy.py --oracle        # and the gold's majority writing
    python benchmarks/zwnj_accuracy.py --no-dev-lemmas # and without hazm's lemmas of the dev
    python benchmarks/zwnj_accuracy.py --errors E.tsv  # and each error, beside the gold's writing

Inputs are the gold sentences with every ZWNJ deleted ('glued') or replaced by a space
('spaced'), and as written ('written': text that needs no ZWNJ repaired, where a ZWNJ put
in or taken out makes it worse; P counts the ZWNJs put in, R those kept). paknevis is
measured honestly: each fold of each dev file is repaired with a word table built (by
scripts/build_zwnj_lexicon.py) from everything *except* that fold, so no sentence is scored
by a table that saw it. The shipped table is built from all of them.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections import Counter
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts"), str(ROOT / "benchmarks")]

import build_zwnj_lexicon as builder  # noqa: E402
from anchors import anchor_fixers  # noqa: E402

from paknevis.repair import Lexicon, Repairer  # noqa: E402
from paknevis.repair.chars import WORD_CHAR_SET, WORD_CHARS  # noqa: E402

SCORER = ROOT.parent / "shared" / "tools" / "zwnj_score.py"
ZWNJ = "\u200c"
_GOLD_WORD = re.compile("[\u0600-\u06ff\u200c]+")  # Arabic-script runs, ZWNJ included
VARIANTS = {"glued": lambda s: s.replace(ZWNJ, ""), "spaced": lambda s: s.replace(ZWNJ, " "),
            "written": lambda s: s}


def load_scorer():
    spec = importlib.util.spec_from_file_location("zwnj_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_lines() -> dict[str, list[str]]:
    return {name: (builder.SHARED / name).read_text(encoding="utf-8").splitlines()
            for name in builder.GOLD_FILES}


def paknevis_outputs(gold: dict[str, list[str]], folds: int, tally: Counter | None = None,
                     lists: tuple | None = None, errors: list | None = None,
                     ) -> dict[tuple[str, str], list[str]]:
    """Cross-validated outputs: {(file, variant): [repaired line, ...]}, with tables built
    from the builder's word ``lists`` (``builder.word_lists()`` if None).

    With ``tally``, also count there, per (variant, rule, right?), the ZWNJs each rule put
    in; right means the gold has a ZWNJ there. With ``errors``, also list there each ZWNJ
    missed or put in wrong, as (file, line, variant, gold offset, rule; None for a miss).
    Offsets map one to one: the damaged input is the gold with each ZWNJ deleted (glued),
    turned into a space (spaced) or left (written), and gold lines need no other repair
    that changes lengths."""
    out = {(n, v): [None] * len(lines) for n, lines in gold.items() for v in VARIANTS}
    for k in range(folds):
        holdout = held_out(gold, folds, k)
        repairer = Repairer(lexicon=Lexicon.from_lines(builder.build_lines(holdout, lists)))
        for name, lines in gold.items():
            for i in holdout[name]:
                for variant, damage in VARIANTS.items():
                    if tally is None and errors is None:
                        out[name, variant][i] = repairer.fix(damage(lines[i]))
                        continue
                    out[name, variant][i], edits = repairer.fix_and_explain(damage(lines[i]))
                    at = gold_zwnj_offsets(lines[i], variant)
                    inserted = dict(inserted_zwnjs(edits))
                    for offset, rule in inserted.items():
                        if tally is not None:
                            tally[variant, rule, offset in at] += 1
                        if errors is not None and offset not in at:
                            errors.append((name, i, variant, offset, rule))
                    if errors is not None:
                        errors += [(name, i, variant, offset, None)
                                   for offset in sorted(at - inserted.keys())]
    return out


def to_gold(line: str, variant: str, offset: int, missed: bool) -> int:
    """Where in the gold ``line`` the error at ``offset`` of its damaged form stands: the
    gold's ZWNJ that was ``missed``, else the space made a ZWNJ or the letter a ZWNJ was
    put before."""
    if variant != "glued":
        return offset
    letters = -1
    for j, ch in enumerate(line):  # the letter that is ``offset``-th in the damaged line
        letters += ch != ZWNJ
        if letters == offset:
            return j - missed  # a missed ZWNJ stands right before it
    return len(line) - missed


def error_rows(scorer, gold: dict[str, list[str]], errors: list) -> list[tuple]:
    """Each CV error with what the gold writes there, what paknevis wrote (the gold's
    writing with that one ZWNJ changed), and how often the dev gold itself writes it
    paknevis's way elsewhere, in the same file and in the other: a word the gold writes
    both ways (آنها and آن‌ها) is an error on one of them whatever a system does. Only
    the gaps the scorer counts: between two Persian letters, the left one joining."""
    texts = {name: "\n".join(lines) for name, lines in gold.items()}
    rows = []
    for name, i, variant, offset, rule in errors:
        line = gold[name][i]
        g = to_gold(line, variant, offset, missed=rule is None)
        after = g + (line[g] in (" ", ZWNJ))  # past the gold's space or ZWNJ, if any
        left, right = line[g - 1:g], line[after:after + 1]
        if not (scorer.is_fa_letter(left) and scorer.is_fa_letter(right)) or left in scorer.NON_JOINERS:
            continue
        s, e = g, after  # grown to the word or two words around it
        while s and line[s - 1] in WORD_CHAR_SET:
            s -= 1
        while e < len(line) and line[e] in WORD_CHAR_SET:
            e += 1
        if rule is None:  # missed: the gold's ZWNJ deleted, or a space
            ours = line[s:g] + ("" if variant == "glued" else " ") + line[g + 1:e]
        elif line[g] == " ":  # the space made a ZWNJ
            ours = line[s:g] + ZWNJ + line[g + 1:e]
        else:  # a ZWNJ put in before the letter
            ours = line[s:g] + ZWNJ + line[g:e]
        written = re.compile(f"(?<![{WORD_CHARS}]){re.escape(ours)}(?![{WORD_CHARS}])")
        seen = {other: len(written.findall(text)) for other, text in texts.items()}
        rows.append((Path(name).stem, i + 1, variant, "wrong" if rule else "missed", rule or "",
                     line[s:e], ours, seen[name], sum(seen.values()) - seen[name]))
    return rows


def write_errors(path: Path, rows: list[tuple]) -> None:
    """The errors as TSV, and a summary: of each kind, how many the gold writes
    paknevis's way elsewhere."""
    header = ("file", "line", "variant", "kind", "rule", "gold", "paknevis",
              "gold_same_file", "gold_other_file")
    path.write_text("\n".join("\t".join(map(str, r)) for r in (header, *rows)) + "\n",
                    encoding="utf-8")
    print(f"\nerrors written to {path}; of each kind, how many the dev gold writes "
          "paknevis's way elsewhere (same file / other file):")
    for key in sorted({(r[0], r[2], r[3]) for r in rows}):
        these = [r for r in rows if (r[0], r[2], r[3]) == key]
        same = sum(1 for r in these if r[7])
        other = sum(1 for r in these if not r[7] and r[8])
        print(f"  {'/'.join(map(str, key)):28} {len(these):4}  {same:4} / {other:4}")


def lists_without_dev_lemmas(gold: dict[str, list[str]]) -> tuple:
    """The builder's word lists without the lemmas that hazm lists uncounted and that are
    words of the dev sentences. hazm's list holds tokens of the corpus that the Seraji
    treebank comes from, in its tokenization (عبدالله‌بن‌زبیر، مروان‌بن‌حکم، صنعت‌نفت, all
    in seraji-dev), so a table built from it may have seen a held-out sentence's words:
    without them, the cross-validation measures what that can add. (It also takes out
    such lemmas that any word list would have, so it errs low.)"""
    wf, lemmas, *rest = builder.word_lists()
    dev = {builder.canonical(word) for lines in gold.values() for line in lines
           for word in _GOLD_WORD.findall(line)}
    dev |= {word.replace(ZWNJ, "") for word in dev}
    kept = Counter({w: n for w, n in lemmas.items() if n >= builder.HAZM_LEMMA or w not in dev})
    return (wf, kept, *rest)


def held_out(gold: dict[str, list[str]], folds: int, k: int) -> dict[str, set[int]]:
    """The lines of fold ``k``: of each file, every ``folds``-th line from line ``k``."""
    return {name: set(range(k, len(lines), folds)) for name, lines in gold.items()}


def gold_zwnj_offsets(line: str, variant: str) -> set[int]:
    """Where the gold line's ZWNJs stand in its damaged form, to be put back (none in
    text as written, which has them all: a ZWNJ put in there is one too many)."""
    if variant == "glued":
        return set(accumulate(map(len, line.split(ZWNJ)[:-1])))
    if variant == "written":
        return set()
    return {j for j, ch in enumerate(line) if ch == ZWNJ}


def inserted_zwnjs(edits) -> list[tuple[int, str]]:
    """(input offset, rule) of each ZWNJ the edits put in: a space turned into one, or one
    put inside a word (offset of the character it goes before)."""
    out = []
    for e in edits:
        if e.old == " " and e.new == ZWNJ:
            out.append((e.start, e.rule))
        elif ZWNJ in e.new and ZWNJ not in e.old:
            before = e.new.split(ZWNJ)[:-1]  # the text before each inserted ZWNJ
            for k in accumulate(map(len, before)):
                out.append((e.start + k, e.rule))
    return out


def majority_oracle(gold: dict[str, list[str]], folds: int | None = None,
                    ) -> dict[tuple[str, str], list[str]]:
    """Glued text with each word written as the gold writes it most often, counted over
    the dev sets themselves: a ceiling for any method that decides word by word, since
    the gold writes some words both ways (آنها and آن‌ها).

    With ``folds``, each fold's words are written as the *other* folds write them most
    often, and words they never saw are left glued: what a system that learned the gold's
    habits perfectly, from the same folds paknevis learns from, would write: a system
    more precise on those words must beat the gold's own majority, or put in fewer of the
    ZWNJs it is right to."""
    def best_forms(lines) -> dict[str, str]:
        forms: dict[str, Counter] = {}
        for line in lines:
            for word in _GOLD_WORD.findall(line):
                forms.setdefault(word.replace(ZWNJ, ""), Counter())[word] += 1
        return {key: c.most_common(1)[0][0] for key, c in forms.items()}

    def rewrite(line: str, best: dict[str, str]) -> str:
        return _GOLD_WORD.sub(lambda m: best.get(m.group(), m.group()), line.replace(ZWNJ, ""))

    if folds is None:
        best = best_forms(line for lines in gold.values() for line in lines)
        return {(name, "glued"): [rewrite(line, best) for line in lines]
                for name, lines in gold.items()}
    out = {(name, "glued"): [None] * len(lines) for name, lines in gold.items()}
    for k in range(folds):
        holdout = held_out(gold, folds, k)
        best = best_forms(line for name, lines in gold.items()
                          for i, line in enumerate(lines) if i not in holdout[name])
        for name, lines in gold.items():
            for i in holdout[name]:
                out[name, "glued"][i] = rewrite(lines[i], best)
    return out


def summarise(scorer, gold_ls, outputs) -> dict:
    s = scorer.summarize([scorer.score(g, o) for g, o in zip(gold_ls, outputs, strict=True)])
    return {k: s[k] for k in ("precision", "recall", "f1", "tp", "gold_z", "fp_none", "fp_space",
                              "miss_none", "miss_space", "word_acc_zwnj_words")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--anchors", action="store_true",
                    help="also score the other normalizers installed (see benchmarks/anchors.py)")
    ap.add_argument("--anchors-only", action="store_true",
                    help="score only the other normalizers (for a venv without hazm's word list)")
    ap.add_argument("--oracle", action="store_true",
                    help="also score the gold's own majority writing of each word, over all"
                         " of it and over the other folds only (ceilings)")
    ap.add_argument("--by-rule", action="store_true",
                    help="also count, per repair rule, the ZWNJs it put in right and wrong")
    ap.add_argument("--no-dev-lemmas", action="store_true",
                    help="also cross-validate paknevis without hazm's uncounted lemmas that are"
                         " words of the dev sentences (see lists_without_dev_lemmas)")
    ap.add_argument("--errors", type=Path,
                    help="write paknevis's CV errors here (TSV: the gold's writing, paknevis's,"
                         " and how often the dev gold writes it paknevis's way elsewhere)")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args()

    scorer = load_scorer()
    gold = gold_lines()
    results = {}
    systems = {}
    tally = Counter() if args.by_rule else None
    errors = [] if args.errors else None
    if not args.anchors_only:
        t = time.perf_counter()
        systems["paknevis"] = paknevis_outputs(gold, args.folds, tally, errors=errors)
        print(f"paknevis: {args.folds}-fold cross-validation took {time.perf_counter() - t:.0f} s")
    if args.no_dev_lemmas:
        systems["paknevis-no-dev-lemmas"] = paknevis_outputs(
            gold, args.folds, lists=lists_without_dev_lemmas(gold))
    if args.anchors or args.anchors_only:
        for name, fx in anchor_fixers().items():
            systems[name] = {(n, v): [fx(VARIANTS[v](s)) for s in lines]
                             for n, lines in gold.items() for v in VARIANTS}
    if args.oracle:
        systems["oracle"] = majority_oracle(gold)
        systems["oracle-seen"] = majority_oracle(gold, args.folds)
    for system, sys_outs in systems.items():
        for variant in VARIANTS:
            if (next(iter(gold)), variant) not in sys_outs:
                continue  # the oracle has no spaced variant
            pooled_g, pooled_o = [], []
            for name, lines in gold.items():
                r = summarise(scorer, lines, sys_outs[name, variant])
                results[f"{system}/{variant}/{Path(name).stem}"] = r
                pooled_g += lines
                pooled_o += sys_outs[name, variant]
            results[f"{system}/{variant}/both"] = summarise(scorer, pooled_g, pooled_o)
    width = max(34, *map(len, results))
    print(f"{'system/variant/set':{width}} {'P':>7} {'R':>7} {'F1':>7}  tp/gold   fp(none,space)")
    for key, r in results.items():
        print(f"{key:{width}} {r['precision'] or 0:7.4f} {r['recall'] or 0:7.4f} {r['f1']:7.4f}"
              f"  {r['tp']}/{r['gold_z']}  ({r['fp_none']},{r['fp_space']})")
    if tally:  # paknevis ran (not --anchors-only)
        print(f"\n{'variant':8} {'rule':22} {'right':>6} {'wrong':>6}  (paknevis, ZWNJs put in)")
        for variant, rule in sorted({(v, r) for v, r, _ in tally}):
            print(f"{variant:8} {rule:22} {tally[variant, rule, True]:6} {tally[variant, rule, False]:6}")
        results["paknevis/by_rule"] = {f"{v}/{r}/{'right' if ok else 'wrong'}": n
                                       for (v, r, ok), n in sorted(tally.items())}
    if errors is not None:
        write_errors(args.errors, error_rows(scorer, gold, errors))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
