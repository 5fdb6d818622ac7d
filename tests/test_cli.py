"""The command line, run as a user runs it: a real process, real files."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

Z = "\u200c"


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "paknevis", *args], input=input,
                          capture_output=True, timeout=120)


def test_stdin_to_stdout():
    r = run("fix", input="کتابها را میخوانم".encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == f"کتاب{Z}ها را می{Z}خوانم"


def test_a_dash_names_standard_input(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("کتابها", encoding="utf-8")
    r = run("fix", str(f), "-", input="میشود".encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == f"کتاب{Z}ها" + f"می{Z}شود"
    r = run("fix", "--in-place", "-", input="میشود".encode())
    assert r.returncode == 2 and b"standard input" in r.stderr


def test_file_to_stdout(sample_post_fixed, tmp_path):
    from pathlib import Path
    src = Path(__file__).resolve().parents[1] / "examples" / "blogger-post.txt"
    r = run("fix", str(src))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == sample_post_fixed


def test_explain_prints_json_lines(tmp_path):
    f = tmp_path / "post.txt"
    f.write_text("علي میشود", encoding="utf-8")
    r = run("fix", "--explain", str(f))
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(e["start"], e["old"], e["new"], e["rule"]) for e in rows] == [
        (2, "ي", "ی", "letters.arabic_yeh"), (4, "میشود", f"می{Z}شود", "zwnj.word")]
    assert all(e["file"] == str(f) for e in rows)


DAMAGED = "درست است.\nكتابها را میخوانم\n"


@pytest.fixture
def damaged_and_clean(tmp_path):
    """A file that repair would change (on its second line), and one it would not."""
    damaged, clean = tmp_path / "a.txt", tmp_path / "b.txt"
    damaged.write_text(DAMAGED, encoding="utf-8")
    clean.write_text(f"کتاب{Z}ها را می{Z}خوانم", encoding="utf-8")
    return damaged, clean


def test_check_names_what_would_change_and_changes_nothing(damaged_and_clean):
    damaged, clean = damaged_and_clean
    r = run("fix", "--check", str(damaged), str(clean))
    assert r.returncode == 1, r.stderr
    assert r.stdout.decode() == f"{damaged}: 2 edits (letters.arabic_kaf+zwnj.word 1, zwnj.word 1)\n"
    assert r.stderr.decode() == "1 of 2 inputs would change\n"
    assert damaged.read_text(encoding="utf-8") == DAMAGED  # (nothing written)
    r = run("fix", "--check", str(clean))
    assert r.returncode == 0 and r.stdout == b""
    r = run("fix", "--check", input="میشود".encode())
    assert r.returncode == 1 and r.stdout.decode() == "<stdin>: 1 edit (zwnj.word 1)\n"
    for flag in ("--explain", "--in-place"):
        r = run("fix", "--check", flag, str(damaged))
        assert r.returncode == 2 and "cannot be used together" in r.stderr.decode()


def test_diff_shows_the_lines_repair_would_change_and_changes_nothing(damaged_and_clean, tmp_path):
    damaged, clean = damaged_and_clean
    r = run("fix", "--diff", str(damaged), str(clean))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == f"{damaged}:2: [-كتابها-]{{+کتاب{Z}ها+}} را [-میخوانم-]{{+می{Z}خوانم+}}\n"
    assert damaged.read_text(encoding="utf-8") == DAMAGED
    # with --check, each input named after its lines, and the exit code of --check
    r = run("fix", "--diff", "--check", str(damaged), str(clean))
    assert r.returncode == 1 and r.stdout.decode().splitlines()[1:] == [
        f"{damaged}: 2 edits (letters.arabic_kaf+zwnj.word 1, zwnj.word 1)"]
    # line numbers run on across the blocks a large input is cut into, on two workers too
    many = tmp_path / "many.txt"
    many.write_text("درست است.\n" * 700 + "میشود\n" + "درست است.\n" * 10, encoding="utf-8")
    r = run("fix", "--diff", "--workers", "2", str(many))
    assert r.stdout.decode() == f"{many}:701: [-میشود-]{{+می{Z}شود+}}\n"
    r = run("fix", "--diff", "--explain", str(damaged))
    assert r.returncode == 2 and "cannot be used together" in r.stderr.decode()


def test_diff_is_coloured_on_a_terminal_unless_no_color(tmp_path):
    import os
    import pty

    f = tmp_path / "a.txt"
    f.write_text("میشود", encoding="utf-8")
    for no_color, coloured in (("", True), ("1", False)):
        terminal, its_end = pty.openpty()
        env = {**os.environ, "NO_COLOR": no_color}
        r = subprocess.run([sys.executable, "-m", "paknevis", "fix", "--diff", str(f)],
                           stdout=its_end, stderr=subprocess.PIPE, env=env, timeout=120)
        os.close(its_end)
        shown = os.read(terminal, 65536).decode()
        os.close(terminal)
        assert r.returncode == 0, r.stderr
        assert ("\x1b[31m[-میشود-]\x1b[m" in shown) is coloured and "[-میشود-]" in shown


def test_rules_says_what_a_rule_means():
    r = run("rules", "zwnj.join_bound", "letters.arabic_kaf+zwnj.word")
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().splitlines() == [
        "zwnj.join_bound", "    a compound typed apart, one of whose parts hardly stands alone",
        f"    بین المللی → بین{Z}المللی",
        "letters.arabic_kaf", "    the Arabic kaf (ك) as the Persian kaf (ک)", "    كتاب → کتاب",
        "zwnj.word", "    a word written as the word table writes it", f"    بینالمللی → بین{Z}المللی"]
    # invisible characters named, the options a rule needs, a family, and all of them
    shown = run("rules", "spacing.odd_space", "digits.latin").stdout.decode()
    assert "سلام<U+00A0>دنیا → سلام دنیا" in shown and "(digits='latin')" in shown
    assert run("rules", "handles").stdout.decode().count("\nhandles.") == 3
    from paknevis.repair.rules import RULES
    assert run("rules").stdout.decode().count("\n    ") == 2 * len(RULES)
    r = run("rules", "zwnj.nothing")
    assert r.returncode == 2 and r.stderr.decode() == (
        "paknevis: error: no rule 'zwnj.nothing': 'paknevis rules' lists them all\n")


def test_in_place_keeps_a_backup(tmp_path):
    f = tmp_path / "post.txt"
    f.write_text("کتابها", encoding="utf-8")
    r = run("fix", "--in-place", str(f))
    assert r.returncode == 0, r.stderr
    assert f.read_text(encoding="utf-8") == f"کتاب{Z}ها"
    assert (tmp_path / "post.txt.bak").read_text(encoding="utf-8") == "کتابها"


def test_in_place_leaves_a_clean_file_alone(tmp_path):
    f = tmp_path / "post.txt"
    f.write_text(f"کتاب{Z}ها", encoding="utf-8")
    r = run("fix", "--in-place", str(f))
    assert r.returncode == 0, r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["post.txt"]  # no backup, no temporary file


def test_in_place_through_a_symbolic_link_rewrites_the_file_it_points_to(tmp_path):
    f, link = tmp_path / "post.txt", tmp_path / "link.txt"
    f.write_text("کتابها", encoding="utf-8")
    link.symlink_to(f)
    assert run("fix", "--in-place", str(link)).returncode == 0
    assert link.is_symlink() and f.read_text(encoding="utf-8") == f"کتاب{Z}ها"
    assert (tmp_path / "link.txt.bak").read_text(encoding="utf-8") == "کتابها"


def test_a_file_of_many_blocks_is_repaired_and_explained_whole(tmp_path):
    # More lines than one block (repair.blocks.BLOCK_LINES): the file is repaired a block at
    # a time, and the edits still count their offsets from the start of the file.
    from paknevis import Edit, apply_edits, fix

    text = "".join(f"بند {i}: کتابها را میخوانم، با استقبال بینالمللی\n" for i in range(700))
    f = tmp_path / "big.txt"
    f.write_text(text, encoding="utf-8")
    out = run("fix", str(f)).stdout.decode()
    assert out == fix(text) and out.count("\n") == 700
    rows = [json.loads(line) for line in run("fix", "--explain", str(f)).stdout.decode().splitlines()]
    assert len(rows) == 700 * 4  # digits, کتاب‌ها, می‌خوانم, بین‌المللی on each line
    edits = [Edit(r["start"], r["end"], r["old"], r["new"], r["rule"]) for r in rows]
    assert apply_edits(text, edits) == out
    assert run("fix", "--in-place", str(f)).returncode == 0
    assert f.read_text(encoding="utf-8") == out


@pytest.mark.parametrize("data, encoding", [
    ("کتابها".encode("cp1256"), "Windows-1256"),
    ("کتابها".encode("utf-16"), "UTF-16 with BOM"),
    (b"\xef\xbb\xbf" + "کتابها".encode(), "UTF-8 with BOM"),
])
def test_other_encodings_are_read(tmp_path, data, encoding):
    f = tmp_path / "post.txt"
    f.write_bytes(data)
    r = run("fix", str(f))
    assert r.returncode == 0, (encoding, r.stderr)
    assert r.stdout.decode() == f"کتاب{Z}ها"


def test_an_old_sites_page_in_windows_1256_is_read(tmp_path):
    # Persian words in much markup: a third of it is no letter, but every byte above ASCII
    # reads as Persian (refused as "not UTF-8, UTF-16 or Windows-1256 text" before)
    body = "<p>کتابهاي قديمي «ايران» را ميخوانم، و بعد؟</p>"
    page = ("<html><head><style>body{font:12px tahoma}</style></head><body>"
            + '<div class="box">' * 40 + body + "</div>" * 40 + "</body></html>")
    f = tmp_path / "old.html"
    f.write_bytes(page.encode("cp1256"))
    r = run("parse", str(f))
    assert r.returncode == 0, r.stderr
    assert f"کتاب{Z}های قدیمی «ایران» را می{Z}خوانم" in json.loads(r.stdout)["text"]
    # ... while Latin-1 text, which Windows-1256 reads with the same é, is still refused
    f.write_bytes("Très élégant café, à la française. ".encode("latin-1") * 3)
    assert run("fix", str(f)).returncode == 2


def test_utf8_cut_inside_its_last_letter_is_read(tmp_path):
    f = tmp_path / "cut.txt"
    f.write_bytes("کتابها".encode()[:-1])  # a scraper's size limit, in the middle of ا
    r = run("fix", str(f))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == "کتابه"
    # ... and the user is told that a character's bytes were left out
    assert r.stderr.decode().strip() == (
        f"paknevis: warning: {f}: the text ends inside a character, whose bytes are left out")
    r = run("fix", input="کتابها".encode()[:-1])
    assert r.stdout.decode() == "کتابه" and "warning: <stdin>" in r.stderr.decode()


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"\x00\x01\x02\x03ELF binary", "not a text file (binary data)"),
    (bytes(range(128, 256)) * 4, "not UTF-8, UTF-16 or Windows-1256 text"),
    # read as Windows-1256, the UTF-8 half would come out as ط³ظ„ط§ظ…: refused, not garbled
    ("سلام دنیا\n".encode() + "سلام دنيا".encode("cp1256"),
     "UTF-8 text that is not valid UTF-8 from byte 18 on (a damaged file, or two encodings in one)"),
])
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path, data, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    r = run("fix", str(f))
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert err == f"paknevis: error: {f}: {message}", err
    assert "Traceback" not in err


def test_missing_file_and_wrong_flag():
    r = run("fix", "/no/such/file.txt")
    assert r.returncode == 2 and "no such file" in r.stderr.decode()
    r = run("fix", "--digits", "roman")
    # click's message, not pydantic's ("Value error, ..."), which typer 0.26 on gives an enum
    assert r.returncode == 2 and r.stderr.decode().splitlines()[-1] == (
        "Error: Invalid value for '--digits': 'roman' is not one of 'persian', 'latin', 'keep'.")
    r = run("fix", "--no-such-flag")
    assert r.returncode == 2 and "No such option" in r.stderr.decode()
    r = run("fix", "--skip", "zwnj.nothing", input="میشود".encode())
    assert r.returncode == 2 and r.stdout == b"" and r.stderr.decode() == (
        "paknevis: error: skip: no rule 'zwnj.nothing': 'paknevis rules' lists them all\n")


#: a text that every step has work in: Arabic yeh, a stray haraka, a run of spaces, a Latin
#: question mark, a handle that bidi broke, Latin digits, a lost ZWNJ
EVERY_STEP = "علي  كتابها را BaharIran@ 7 میخوانَد? در 1403"


@pytest.mark.parametrize("flags, options", [
    ((), {}),
    (("--no-letters",), {"letters": False}),
    (("--keep-diacritics",), {"keep_diacritics": True}),
    (("--no-spacing",), {"spacing": False}),
    (("--no-punctuation",), {"punctuation": False}),
    (("--no-handles",), {"handles": False}),
    (("--digits", "latin"), {"digits": "latin"}),
    (("--digits", "keep"), {"digits": "keep"}),
    (("--no-zwnj",), {"zwnj": False}),
    (("--skip", "letters.arabic_yeh,digits", "--skip", "zwnj.word"),
     {"skip": ["letters.arabic_yeh", "digits", "zwnj.word"]}),
])
def test_each_option_of_fix_is_a_flag(flags, options):
    from paknevis import fix
    r = run("fix", *flags, input=EVERY_STEP.encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == fix(EVERY_STEP, **options)
    assert options == {} or r.stdout.decode() != fix(EVERY_STEP)  # the flag changed something


def test_a_words_file_writes_its_words_as_given(tmp_path):
    from paknevis import fix
    words = tmp_path / "words.txt"
    words.write_text(f"# the team's names\nمیناوند\n\nآن{Z}ها\n", encoding="utf-8")
    text = "مهرداد میناوند و آنها میشود"
    r = run("fix", "--words", str(words), input=text.encode())
    assert r.returncode == 0, r.stderr
    right = f"مهرداد میناوند و آن{Z}ها می{Z}شود"
    assert r.stdout.decode() == fix(text, words=["میناوند", f"آن{Z}ها"]) == right
    r = run("fix", "--words", str(words), "--workers", "2", input=text.encode())
    assert r.stdout.decode() == right
    words.write_text("میناوند\nسه کلمه جدا\n", encoding="utf-8")
    for path in (words, tmp_path / "none.txt"):
        r = run("fix", "--words", str(path), input=text.encode())
        assert r.returncode == 2 and r.stdout == b""
        assert len(r.stderr.decode().splitlines()) == 1 and str(path) in r.stderr.decode()


def test_process_and_parse_write_a_words_files_words_as_given(tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "a.txt").write_text("مهرداد میناوند به تمرین آمد و آنها رفتند", encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_text(f"میناوند\nآن{Z}ها\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    r = run("process", str(posts), "-o", str(out), "--words", str(words))
    assert r.returncode == 0, r.stderr
    right = f"مهرداد میناوند به تمرین آمد و آن{Z}ها رفتند"
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == right
    r = run("parse", str(posts / "a.txt"), "--words", str(words))
    assert json.loads(r.stdout)["text"] == right
    words.write_text("سه کلمه جدا\n", encoding="utf-8")
    r = run("process", str(posts), "-o", str(tmp_path / "s.jsonl"), "--words", str(words))
    assert r.returncode == 2 and "سه کلمه جدا" in r.stderr.decode() and not (tmp_path / "s.jsonl").exists()


def test_process_and_parse_take_the_digits_and_rules_to_skip(tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "a.txt").write_text('او گفت "نرم افزار ها" در ۲۰ کشور', encoding="utf-8")
    out = tmp_path / "r.jsonl"
    flags = ("--digits", "latin", "--skip", "punctuation,zwnj.join_compound")
    right = 'او گفت "نرم افزارها" در 20 کشور'
    r = run("process", str(posts), "-o", str(out), *flags)
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == right
    r = run("parse", str(posts / "a.txt"), *flags)
    assert json.loads(r.stdout)["text"] == right
    commands = (("process", str(posts), "-o", str(tmp_path / "s.jsonl")), ("parse", str(posts / "a.txt")))
    for command in commands:
        r = run(*command, "--skip", "zwnj.nothing")
        assert r.returncode == 2 and r.stdout == b"" and r.stderr.decode() == (
            "paknevis: error: skip: no rule 'zwnj.nothing': 'paknevis rules' lists them all\n")
    assert not (tmp_path / "s.jsonl").exists()


def test_every_repair_option_has_a_flag():
    from dataclasses import fields

    from paknevis.repair.config import RepairConfig
    help_text = run("fix", "--help").stdout.decode()
    for field in fields(RepairConfig):
        assert f"--{field.name.replace('_', '-')}" in help_text, field.name


def test_huge_single_line(tmp_path):
    f = tmp_path / "big.txt"
    line = "کتابها را میخوانم و بینالمللی " * 200_000  # ~10 MB on one line
    f.write_text(line, encoding="utf-8")
    r = run("fix", str(f))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().count(f"کتاب{Z}ها") == 200_000


def test_help_and_version():
    r = run("fix", "--help")
    assert r.returncode == 0 and "--explain" in r.stdout.decode()
    assert run("--version").stdout.decode().startswith("paknevis ")


@pytest.mark.parametrize("command", ["fix", "parse", "process", "index", "search", "serve"])
def test_help_names_values_not_python_types(command):
    """A flag shows no value, an option's value is named for what it holds (--workers N,
    --db DB) and an argument by its name (FILE), not by a Python type (typer's <bool>,
    <int range>, <str>, <list[Path]>)."""
    text = run(command, "--help").stdout.decode()
    described = text[text.index("Arguments:" if "Arguments:" in text else "Options:"):]
    assert "Options:" in described and not re.search(r"<[a-zA-Z]|\\\[", described), described


def test_parse_prints_one_record():
    from pathlib import Path
    src = Path(__file__).resolve().parents[1] / "examples" / "blogger-post.txt"
    r = run("parse", str(src))
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert rec["published"] == "2025-02-01" and rec["mentions"] == ["@BaharIran7"]
    r = run("parse", str(src), "--format", "text")
    assert "published: 2025-02-01" in r.stdout.decode()


def test_parse_bad_input_is_one_line(tmp_path):
    f = tmp_path / "page.html"
    f.write_text("<html><body><script>x</script></body></html>", encoding="utf-8")
    r = run("parse", str(f))
    assert r.returncode == 2
    assert r.stderr.decode().strip() == f"paknevis: error: {f}: no text found in the page"
    for name in ("gone.docx", "gone.doc", "gone.rtf", "gone.txt"):  # (not a traceback: one line)
        r = run("parse", str(tmp_path / name))
        assert (r.returncode, r.stderr.decode()) == (2, f"paknevis: error: {tmp_path / name}: no such file\n")
        (tmp_path / name).write_bytes(b"")
        r = run("parse", str(tmp_path / name))
        assert (r.returncode, r.stderr.decode()) == (2, f"paknevis: error: {tmp_path / name}: empty file\n")


def test_process_accounts_for_every_input(tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    (posts / "post.txt").write_bytes((root / "examples" / "blogger-post.txt").read_bytes())
    (posts / "page.html").write_bytes((root / "tests" / "data" / "pages" / "blogger.html").read_bytes())
    (posts / "broken.html").write_text("<html><body><div class='post-body'><p>متن ناقص", encoding="utf-8")
    (posts / "empty.txt").write_bytes(b"")
    (posts / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    # Windows-1256 has no Persian yeh: old sites typed the Arabic one (ي)
    (posts / "old.txt").write_bytes("کتابهاي قديمي\n\nمتن با رمزگذاري ويندوز".encode("cp1256"))
    (posts / "huge.txt").write_text("کتاب " * 2_400_000, encoding="utf-8")  # one 21 MB line
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"text": "کتابها را میخوانم", "title": "عنوان"}\n{not json\n\n'
                    '{"title": "بی‌متن"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for workers in ("1", "2"):
        r = run("process", str(posts), str(dump), "-o", str(out), "--workers", workers)
        assert r.returncode == 0, r.stderr
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        rejects = [json.loads(line) for line in
                   (tmp_path / "out.rejects.jsonl").read_text(encoding="utf-8").splitlines()]
        assert len(records) + len(rejects) == 10  # 7 files + 3 non-blank dump lines
        reasons = {Path(r["input"]).name: r["reason"] for r in rejects}
        assert reasons["empty.txt"] == "empty file"
        assert reasons["binary.txt"] == "not a text file (binary data)"
        assert reasons["huge.txt"].startswith("document too large (20.6 MB")
        assert reasons["dump.jsonl:2"].startswith("not JSON")
        assert reasons["dump.jsonl:4"] == "no field 'text' (the line has: title; see --text-field)"
        texts = {rec["text"] for rec in records}
        assert "متن ناقص" in texts and f"کتاب{Z}ها را می{Z}خوانم" in texts
        assert any("ویندوز" in t for t in texts)  # the Windows-1256 file was read
        assert "10 inputs: 5 records" in r.stderr.decode()


def test_process_missing_input_and_bad_flag(tmp_path):
    r = run("process", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl"))
    assert r.returncode == 2 and "no such input" in r.stderr.decode()
    r = run("process", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--workers", "0")
    assert r.returncode == 2
    r = run("process", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--engine", "spark")
    assert r.returncode == 2 and r.stderr.decode().splitlines()[-1] == (
        "Error: Invalid value for '--engine': 'spark' is not one of 'local', 'ray'.")


def test_process_groups_near_copies(tmp_path):
    from pathlib import Path
    post = (Path(__file__).resolve().parents[1] / "examples" / "blogger-post.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(post, encoding="utf-8")
    # the same post republished: ZWNJs spaced, Arabic letters, another footer
    copy = post.replace("\u200c", " ").replace("ی", "ي") + "\n\nانتهای پیام/"
    (tmp_path / "b.txt").write_text(copy, encoding="utf-8")
    (tmp_path / "c.txt").write_text("تیم ملی فوتبال فردا با ژاپن بازی می‌کند.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run("process", str(tmp_path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    a, b, c = recs  # folders are read in name order
    assert a["dup_cluster"] == b["dup_cluster"] == a["id"]
    assert c["dup_cluster"] == c["id"]
    assert "1 cluster of two or more" in r.stderr.decode()


def test_standard_input_flows_a_block_at_a_time():
    # A pipe is repaired as it arrives: the first blocks come out while it is still open.
    import select
    import threading

    line = "کتابها را میخوانم، با استقبال بینالمللی\n"
    p = subprocess.Popen([sys.executable, "-m", "paknevis", "fix"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # more than the 64 KB that decide the encoding, written from a thread, since the child
    # writes its first blocks before it reads on
    feed = threading.Thread(target=lambda: (p.stdin.write((line * 2000).encode()), p.stdin.flush()))
    try:
        feed.start()
        assert select.select([p.stdout], [], [], 60)[0], "no output while the input is open"
        first = p.stdout.readline().decode()
        assert first == f"کتاب{Z}ها را می{Z}خوانم، با استقبال بین{Z}المللی\n"
        feed.join(timeout=60)
        p.stdin.close()
        rest = p.stdout.read().decode()
        assert p.wait(timeout=60) == 0, p.stderr.read()
        assert (first + rest).splitlines() == [first.strip()] * 2000
    finally:
        p.kill()


@pytest.mark.parametrize("args", [["fix"], ["fix", "--explain"]])
def test_workers_give_what_one_process_gives(tmp_path, args):
    # one pool serves every file of the run
    text = "".join(f"بند {i}: کتابها را میخوانم، با استقبال بینالمللی\n" for i in range(1000))
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(text, encoding="utf-8")
    small.write_text("منطقهای میشود", encoding="utf-8")
    files = [str(big), str(small), str(big)]
    one, two = run(*args, *files), run(*args, "--workers", "2", *files)
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) >= 2000


def test_workers_report_a_damaged_pipe_as_one_process_does():
    data = ("کتابها را میخوانم\n" * 5000).encode() + b"\xff\n"
    r = run("fix", "--workers", "2", input=data)
    assert r.returncode == 2
    assert "not valid UTF-8 from byte 165000 on" in r.stderr.decode()
    assert r.stdout.decode().count("\n") == 4864  # the blocks before the damage: 19 x 256 lines


def test_a_scraped_dump_with_mojibake_references_and_a_kurdish_line(tmp_path):
    # what a web dump mixes: garbled lines of both kinds, references left in, a quoted
    # Kurdish line; a thousand lines of it, so that blocks and workers see it too
    garbled = "میشود کتاب ها".encode().decode("cp1252")
    garbled_1256 = "آیا میشود؟".encode().decode("cp1256")  # ؟ shows as طں, with an Urdu ں
    kurdish = "ئەم هەواڵە لە هەولێرەوە بڵاوکرایەوە"
    lines = [garbled, "بین&zwnj;المللی و سلام&nbsp;دنیا", kurdish, garbled_1256] * 250
    f = tmp_path / "dump.txt"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = [f"می{Z}شود کتاب{Z}ها", f"بین{Z}المللی و سلام دنیا", kurdish, f"آیا می{Z}شود؟"] * 250
    for workers in ("1", "2"):
        r = run("fix", "--workers", workers, str(f))
        assert r.returncode == 0, r.stderr
        assert r.stdout.decode().splitlines() == expected


# JSON: a dump of a document a line, repaired as text, lost its JSON ("…" made «…», "," ،)
DUMP_LINES = [{"id": 1, "title": "كتاب ها", "paragraphs": ["به گزارش \"ورزش سه\", میشود", "درست است."]},
              {"id": 2, "title": "درست است.", "tags": ["ايران"]}]


@pytest.fixture
def dump(tmp_path):
    f = tmp_path / "dump.jsonl"
    f.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DUMP_LINES), encoding="utf-8")
    return f


def test_the_formats_fix_takes_are_those_repair_knows():
    from paknevis.cli.fix_input import InputFormat
    from paknevis.repair.forms import KINDS

    assert [f.value for f in InputFormat] == ["auto", *KINDS, "parquet", "docx", "epub", "odt"]  # (binary)


def test_a_json_lines_dump_stays_json(dump):
    r = run("fix", str(dump))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert [json.loads(line) for line in lines] == [
        {"id": 1, "title": f"کتاب{Z}ها", "paragraphs": [f"به گزارش «ورزش سه»، می{Z}شود", "درست است."]},
        {"id": 2, "title": "درست است.", "tags": ["ایران"]}]
    assert lines[1] == '{"id": 2, "title": "درست است.", "tags": ["ایران"]}'  # its form kept
    # standard input, known by its first line; --format text repairs the JSON too, as asked
    assert run("fix", input=dump.read_bytes()).stdout == r.stdout
    as_text = run("fix", "--format", "text", input=dump.read_bytes()).stdout.decode()
    assert '"title": «درست است.»' in as_text


def test_a_json_dumps_edits_name_their_line_and_place(dump):
    r = run("fix", "--explain", str(dump))
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert {(e["line"], e["field"]) for e in rows} == {(1, "/title"), (1, "/paragraphs/0"), (2, "/tags/0")}
    assert all(e["file"] == str(dump) for e in rows)
    title = [e for e in rows if e["field"] == "/title"]
    assert [(e["start"], e["old"], e["new"]) for e in title] == [(0, "ك", "ک"), (4, " ", Z)]
    r = run("fix", "--diff", "--check", str(dump))
    assert r.returncode == 1
    assert r.stdout.decode().splitlines()[:2] == [
        f"{dump}:1:/title: [-كتاب ها-]{{+کتاب{Z}ها+}}", f"{dump}:1:/paragraphs/0: به گزارش "
        f'[-"ورزش-]{{+«ورزش+}} [-سه",-]{{+سه»،+}} [-میشود-]{{+می{Z}شود+}}']


def test_fields_limit_a_json_repair(dump, tmp_path):
    r = run("fix", "--field", "title,tags", str(dump))
    assert [json.loads(line)["paragraphs"] for line in r.stdout.decode().splitlines()[:1]] == [
        DUMP_LINES[0]["paragraphs"]]
    assert json.loads(r.stdout.decode().splitlines()[1])["tags"] == ["ایران"]
    r = run("fix", "--field", "titel", str(dump))  # a typing error: said, not passed over
    assert r.returncode == 0 and "no object of the first lines has the field 'titel'" in r.stderr.decode()
    text = tmp_path / "post.txt"
    text.write_text("كتاب", encoding="utf-8")
    r = run("fix", "--field", "title", str(text))
    assert r.returncode == 2 and b"--field is for JSON, tables, XML and Parquet" in r.stderr and not r.stdout


def test_a_json_file_that_breaks_is_refused_before_anything_is_written(dump, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text(dump.read_text(encoding="utf-8") * 200 + '{"title": "كتاب"\n', encoding="utf-8")
    r = run("fix", str(broken))
    assert r.returncode == 2 and not r.stdout
    assert r.stderr.decode().strip() == (f"paknevis: error: {broken}: line 401: not JSON: "
                                         "Expecting ',' delimiter (column 17)")
    before = broken.read_bytes()
    assert run("fix", "--in-place", str(broken)).returncode == 2 and broken.read_bytes() == before
    # a text file whose first line reads as JSON: the error says how to take it as text
    post = tmp_path / "post.txt"
    post.write_text("[1]\nكتاب\n", encoding="utf-8")
    r = run("fix", str(post))
    assert r.returncode == 2 and r.stderr.decode().strip().endswith("(--format text reads it as text)")
    assert run("fix", "--format", "text", str(post)).stdout.decode() == "[1]\nکتاب\n"


def test_a_pretty_printed_json_file_in_place(tmp_path):
    doc = tmp_path / "doc.json"
    value = {"title": "كتاب ها", "body": {"p": ["میشود"]}, "n": 1}
    doc.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")
    r = run("fix", "--in-place", str(doc))
    assert r.returncode == 0, r.stderr
    assert json.loads(doc.read_text(encoding="utf-8")) == {
        "title": f"کتاب{Z}ها", "body": {"p": [f"می{Z}شود"]}, "n": 1}
    assert json.loads((tmp_path / "doc.json.bak").read_text(encoding="utf-8")) == value


@pytest.mark.parametrize("args", [[], ["--explain"]])
def test_workers_repair_a_json_dump_as_one_process_does(dump, tmp_path, args):
    big = tmp_path / "big.jsonl"
    big.write_text(dump.read_text(encoding="utf-8") * 600, encoding="utf-8")
    one, two = run("fix", *args, str(big)), run("fix", *args, "--workers", "2", str(big))
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) >= 1200


# A table: as text, its commas between Persian cells became ، its quotes « », its ids Persian
TABLE = 'id,text,label\r\n1,"علي گفت: ""کتاب ها"", بله",مثبت\r\n2,"چند\r\nخطی ها",منفي\r\n'


def test_a_csv_file_stays_a_table(tmp_path):
    f = tmp_path / "comments.csv"
    f.write_bytes(TABLE.encode())
    r = run("fix", str(f))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == ('id,text,label\r\n1,"علی گفت: «کتاب\u200cها»، بله",مثبت\r\n'
                                 '2,"چند\r\nخطی\u200cها",منفی\r\n')
    r = run("fix", "--diff", str(f))  # a cell's place is its column; its lines are the file's
    assert r.stdout.decode().splitlines() == [
        f'{f}:2:2: [-علي-]{{+علی+}} گفت: [-"کتاب ها",-]{{+«کتاب{Z}ها»،+}} بله',
        f"{f}:4:2: [-خطی ها-]{{+خطی{Z}ها+}}", f"{f}:4:3: [-منفي-]{{+منفی+}}"]
    rows = [json.loads(line) for line in run("fix", "--explain", str(f)).stdout.decode().splitlines()]
    assert {(e["line"], e["field"]) for e in rows} == {(2, "2"), (3, "2"), (4, "3")}
    # a tab-separated table, by its name, or --format tsv on standard input
    tsv = tmp_path / "a.tsv"
    tsv.write_text("1\tمی شود\t12\n", encoding="utf-8")
    assert run("fix", str(tsv)).stdout.decode() == f"1\tمی{Z}شود\t12\n"
    assert run("fix", "--format", "tsv", input=tsv.read_bytes()).stdout.decode() == f"1\tمی{Z}شود\t12\n"
    assert run("fix", input=tsv.read_bytes()).stdout.decode() == f"۱\tمی{Z}شود\t۱۲\n"  # as text


def test_fields_limit_a_table_repair_to_their_columns(tmp_path):
    f = tmp_path / "comments.csv"
    f.write_bytes(TABLE.encode())
    r = run("fix", "--field", "text", str(f))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == ('id,text,label\r\n1,"علی گفت: «کتاب\u200cها»، بله",مثبت\r\n'
                                 '2,"چند\r\nخطی\u200cها",منفي\r\n')
    r = run("fix", "--field", "text", "--format", "csv", input=TABLE.encode())
    assert r.returncode == 0 and r.stdout.decode().endswith(",منفي\r\n")
    # a column the header does not have: one line, exit 2, nothing written
    r = run("fix", "--field", "txet", str(f))
    assert r.returncode == 2 and not r.stdout
    assert r.stderr.decode().strip() == (f"paknevis: error: {f}: line 1: the header has no "
                                         "column 'txet' (it has: 'id', 'text', 'label')")
    r = run("fix", "--field", "text", "--format", "html", str(f))
    assert r.returncode == 2
    assert "--field is for JSON, tables, XML and Parquet, not --format html" in r.stderr.decode()


@pytest.mark.parametrize("table, problem", [
    ('a,b\r\n"c,d\r\n', "line 2: a quoted cell is never closed"),
    ('a,b\n"c"d,e\n', "line 2: text after the closing quote of a cell (column 1)"),
])
def test_a_broken_table_is_refused_before_anything_is_written(tmp_path, table, problem):
    f = tmp_path / "t.csv"
    f.write_text(table * 1 if "never" in problem else "a,b\n" * 300 + table, encoding="utf-8")
    r = run("fix", str(f))
    assert r.returncode == 2 and not r.stdout
    line = int(problem.split()[1].rstrip(":")) + (0 if "never" in problem else 300)
    assert r.stderr.decode().strip() == f"paknevis: error: {f}: line {line}:{problem.split(':', 1)[1]}"


def test_workers_repair_a_table_as_one_process_does(tmp_path):
    f = tmp_path / "big.csv"
    f.write_bytes(TABLE.encode() * 400)
    one, two = run("fix", str(f)), run("fix", "--workers", "2", str(f))
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout and one.stdout.count(b"\r\n") == 1600


def test_compressed_files_are_read_as_their_names_say(dump, tmp_path, sample_post_fixed):
    import gzip

    import zstandard

    fixed = run("fix", str(dump)).stdout
    packed = tmp_path / "dump.jsonl.gz"  # JSON by its name, under the .gz
    packed.write_bytes(gzip.compress(dump.read_bytes()))
    assert run("fix", str(packed)).stdout == fixed
    table = tmp_path / "t.csv.zst"
    table.write_bytes(zstandard.ZstdCompressor().compress(TABLE.encode()))
    f = tmp_path / "t.csv"
    f.write_bytes(TABLE.encode())
    assert run("fix", str(table)).stdout == run("fix", str(f)).stdout
    sample = Path(__file__).resolve().parents[1] / "examples" / "blogger-post.txt"
    post = tmp_path / "post.txt.gz"
    post.write_bytes(gzip.compress(sample.read_bytes()))
    assert run("fix", str(post)).stdout.decode() == sample_post_fixed
    import bz2  # (Wikipedia's dumps: an XML file, read a block at a time)

    wiki = tmp_path / "fawiki.xml.bz2"
    pages = ("<mediawiki>\n<page><title>كتاب ها</title><revision><text>[[كتاب]] ها ''كتاب'' ها"
             "</text></revision></page>\n</mediawiki>\n")
    wiki.write_bytes(bz2.compress(pages.encode()))  # (a title is a name, kept; a link's target too)
    assert run("fix", str(wiki)).stdout.decode() == pages.replace("''كتاب'' ها", f"''کتاب''{Z}ها")
    wiki.write_bytes(wiki.read_bytes()[:20])
    assert run("fix", str(wiki)).stderr.decode().startswith(f"paknevis: error: {wiki}: damaged bzip2 data (")
    # damaged: one clear line; and --in-place would write text over the compressed file
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed.read_bytes()[:30])
    r = run("fix", str(cut))
    assert r.returncode == 2 and r.stderr.decode().strip() == (
        f"paknevis: error: {cut}: damaged gzip data (Compressed file ended before the "
        "end-of-stream marker was reached)")
    before = packed.read_bytes()
    r = run("fix", "--in-place", str(packed))
    assert r.returncode == 2 and b"is compressed" in r.stderr and packed.read_bytes() == before


def test_a_page_stays_a_page(tmp_path):
    # as text, the script's ; became ؛ and the link's كتاب کتاب: another address
    page = ('<!DOCTYPE html>\n<html><head><title>كتاب ها</title></head><body>\n'
            '<p title="میشود"><a href="/s?q=كتاب">كتاب ها</a></p>\n'
            '<script>alert("کتاب ها");</script>\n</body></html>\n')
    expected = page.replace("كتاب ها<", f"کتاب{Z}ها<").replace('"میشود"', f'"می{Z}شود"')
    f = _kept_as_what_it_is(tmp_path / "page.htm", page, expected, 'alert("کتاب‌ها")؛')
    assert run("fix", "--diff", str(f)).stdout.decode().splitlines() == [
        f"{f}:2:text: [-كتاب ها-]{{+کتاب{Z}ها+}}", f"{f}:3:title: [-میشود-]{{+می{Z}شود+}}",
        f"{f}:3:text: [-كتاب ها-]{{+کتاب{Z}ها+}}"]


def _kept_as_what_it_is(f, source, expected, broken_as_text):
    """``source`` written to ``f`` comes out ``expected``, known by its name and, on standard
    input, by its start; as text it would have held ``broken_as_text``."""
    f.write_text(source, encoding="utf-8")
    assert run("fix", str(f)).stdout.decode() == expected
    assert run("fix", input=source.encode()).stdout.decode() == expected
    assert broken_as_text in run("fix", "--format", "text", str(f)).stdout.decode()
    return f


def test_a_markdown_post_keeps_its_code_and_lists(tmp_path):
    post = ('---\ntags: [ايران, كتاب]\n---\n\n1. كتاب ها , `f("كتاب");`\n\n'
            '```js\nalert("کتاب ها");\n```\n')
    f = tmp_path / "post.md"
    f.write_text(post, encoding="utf-8")
    assert run("fix", str(f)).stdout.decode() == post.replace("1. كتاب ها ,", f"1. کتاب{Z}ها،")
    assert run("fix", "--format", "markdown", input=post.encode()).stdout == run("fix", str(f)).stdout


def test_a_feed_stays_a_feed(tmp_path):
    # as text, its article's script lost its ; and its category's attribute was rewritten
    feed = ('<?xml version="1.0"?>\n<rss><channel><item><title>كتاب ها</title>\n'
            '<category domain="كتاب">كتاب</category><content:encoded><![CDATA[<p>میشود</p>'
            '<script>f("كتاب");</script>]]></content:encoded></item></channel></rss>\n')
    expected = feed.replace("<title>كتاب ها", f"<title>کتاب{Z}ها").replace(
        ">كتاب</category>", ">کتاب</category>").replace("<p>میشود", f"<p>می{Z}شود")
    f = _kept_as_what_it_is(tmp_path / "feed.rss", feed, expected, 'f("کتاب")؛')
    assert run("fix", "--diff", str(f)).stdout.decode().splitlines() == [
        f"{f}:2:title: [-كتاب ها-]{{+کتاب{Z}ها+}}", f"{f}:3:category: [-كتاب-]{{+کتاب+}}",
        f"{f}:3:content:encoded: [-میشود-]{{+می{Z}شود+}}"]
    # only the titles; an element no one has is said
    assert run("fix", "--field", "title", str(f)).stdout.decode() == feed.replace(
        "<title>كتاب ها", f"<title>کتاب{Z}ها")
    r = run("fix", "--field", "titel", str(f))
    assert r.returncode == 0 and r.stdout.decode() == feed
    assert "no element of the first lines is named 'titel' (they are: category, channel" in r.stderr.decode()
    r = run("parse", str(f))  # many posts, not one
    assert r.returncode == 2 and "'paknevis process' makes a record of each" in r.stderr.decode()


@pytest.mark.parametrize("record, problem", [
    ({"text": "متن"}, "no id"),
    ({"id": "a", "text": "متن", "published": 20250201}, "published is not text"),
    ({"id": "a", "text": ["متن"]}, "text is not text"),
    ({"id": "a", "text": "متن", "hashtags": "ایران"}, "hashtags is not a list of text"),
    ({"id": "a", "text": "متن", "entities": ["ایران"]},
     "entities is not a list of names (each with its kind and value)"),
    ([1, 2], "not a JSON object"),
])
def test_index_refuses_what_is_not_a_record_in_one_line(tmp_path, record, problem):
    good = {"id": "b", "text": "باران آمد", "published": "2025-13-45"}  # a day that is none: no month
    src = tmp_path / "records.jsonl"
    src.write_text(json.dumps(good) + "\n" + json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("index", str(src), "--db", str(tmp_path / "a.db"))
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    assert r.stderr.decode().strip() == f"paknevis: error: {src}:2: not a paknevis record ({problem})"
    src.write_text(json.dumps(good) + "\n", encoding="utf-8")
    r = run("index", str(src), "--db", str(tmp_path / "b.db"))
    assert r.returncode == 0, r.stderr
    assert run("search", "باران", "--db", str(tmp_path / "b.db")).stderr.strip() == b"1 hit"


def test_index_of_an_empty_records_file_indexes_none(tmp_path):
    """(a run whose every input was a reject writes an empty records file)"""
    src = tmp_path / "records.jsonl"
    src.write_bytes(b"")
    r = run("index", str(src), "--db", str(tmp_path / "a.db"))
    assert r.returncode == 0 and r.stderr.decode().startswith("0 records indexed into ")
