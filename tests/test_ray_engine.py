"""--engine ray on a real local Ray (bound to 127.0.0.1) gives the local engine's output;
without Ray, a clear error."""
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from paknevis.corpus.ray_engine import ray_results
from paknevis.corpus.run import DumpFields

ROOT = Path(__file__).resolve().parents[1]


def test_a_folder_named_ray_is_no_ray(monkeypatch):
    # Ray's own session folder, /tmp/ray, imports as an empty namespace package for a run
    # started in /tmp (python -m): the user gets the message, not an AttributeError
    fake = types.ModuleType("ray")
    fake.__path__ = []
    monkeypatch.setitem(sys.modules, "ray", fake)
    monkeypatch.delitem(sys.modules, "ray.data", raising=False)
    with pytest.raises(RuntimeError, match="needs Ray"):
        next(ray_results([], workers=1, dump_fields=DumpFields(), max_bytes=1000))


def test_ray_output_equals_local_output(tmp_path):
    pytest.importorskip("ray")
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "post.txt").write_bytes((ROOT / "examples" / "blogger-post.txt").read_bytes())
    (posts / "page.html").write_bytes((ROOT / "tests" / "data" / "pages" / "blogger.html").read_bytes())
    (posts / "empty.txt").write_bytes(b"")
    dump = tmp_path / "dump.jsonl"
    text = "کتابها را میخوانم و سیاستهای بینالمللی را."
    rows = [json.dumps({"text": f"خبر {i}: {text}", "title": f"عنوان {i}"}, ensure_ascii=False)
            for i in range(150)]
    dump.write_text("\n".join(rows[:70] + ["{not json"] + rows[70:]) + "\n", encoding="utf-8")
    words = tmp_path / "words.txt"  # (a house style that glues کتابها: the workers have it too)
    words.write_text("کتابها\n", encoding="utf-8")
    outputs = {}
    for engine in ("local", "ray"):
        out = tmp_path / f"{engine}.jsonl"
        r = subprocess.run([sys.executable, "-m", "paknevis", "process", str(posts), str(dump),
                            "-o", str(out), "--engine", engine, "--workers", "2", "--words", str(words),
                            "--digits", "latin", "--skip", "zwnj.join_suffix"],
                           capture_output=True, timeout=600)
        assert r.returncode == 0, r.stderr.decode()[-2000:]
        outputs[engine] = (out.read_text(encoding="utf-8"),
                           (tmp_path / f"{engine}.rejects.jsonl").read_text(encoding="utf-8"))
    local, ray = outputs["local"], outputs["ray"]
    assert len(local[0].splitlines()) == 152 and len(local[1].splitlines()) == 2
    assert ray == local  # record for record, reject for reject, in the same order
    assert local[0].count("کتابها را می\u200cخوانم") == 150
    # (and the options of repair: Latin digits, a plural typed apart left so)
    assert '"خبر 149: ' in local[0] and "سیاستهای" in local[0]
