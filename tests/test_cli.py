"""The command line, run as a user runs it: a real process, real files."""
import json
import subprocess
import sys

import pytest

Z = "\u200c"


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "paknevis", *args], input=input,
                          capture_output=True, timeout=120)


def test_stdin_to_stdout():
    r = run("fix", input="کتابها را میخوانم".encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == f"کتاب{Z}ها را می{Z}خوانم"


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


def test_in_place_keeps_a_backup(tmp_path):
    f = tmp_path / "post.txt"
    f.write_text("کتابها", encoding="utf-8")
    r = run("fix", "--in-place", str(f))
    assert r.returncode == 0, r.stderr
    assert f.read_text(encoding="utf-8") == f"کتاب{Z}ها"
    assert (tmp_path / "post.txt.bak").read_text(encoding="utf-8") == "کتابها"


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


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"\x00\x01\x02\x03ELF binary", "not a text file (binary data)"),
    (bytes(range(128, 256)) * 4, "not UTF-8, UTF-16 or Windows-1256 text"),
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
    assert r.returncode == 2 and "roman" in r.stderr.decode()
    r = run("fix", "--no-such-flag")
    assert r.returncode == 2 and "No such option" in r.stderr.decode()


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
