"""Repair as setup.py builds it: the ZWNJ step and some steps compiled by mypyc where they
can be (their doctests run here, against the compiled modules), and refused when a source
changed after the build."""
from __future__ import annotations

import doctest
import hashlib
import importlib
import importlib.util
import json
import sys

import pytest

from paknevis.repair import compiled

BUILT = compiled.compiled_sources() if compiled.is_compiled() else {}
needs_compiled = pytest.mark.skipif(not BUILT, reason="repair is not compiled here")


def module_name(path: str) -> str:
    return "paknevis." + path.removesuffix(".py").replace("/", ".")


@needs_compiled
@pytest.mark.parametrize("path", sorted(BUILT))
def test_the_doctests_of_a_compiled_module_hold(path, monkeypatch):
    # mypyc keeps no docstrings that doctest finds: the examples are read from the source
    # and run with the compiled module's names
    module = importlib.import_module(module_name(path))
    assert not module.__file__.endswith(".py")
    package, _, name = module.__name__.rpartition(".")
    spec = importlib.util.spec_from_file_location(f"{package}._source_of_{name}", compiled.PACKAGE / path)
    source = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, source)  # (a dataclass looks its module up)
    spec.loader.exec_module(source)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in doctest.DocTestFinder().find(source):
        test.globs = dict(vars(module))
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


@needs_compiled
def test_the_build_compiled_the_zwnj_step_and_the_busiest_steps():
    busiest = {"repair/zwnj/restorer.py", "repair/zwnj/words.py", "repair/digits.py", "repair/edits.py"}
    assert busiest <= set(BUILT)


def test_a_build_older_than_its_source_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "is_compiled", lambda: True)
    (tmp_path / "repair").mkdir()
    (tmp_path / "repair" / "words.py").write_text("WORDS = 1\n")
    stamp = {"repair/words.py": hashlib.md5(b"WORDS = 1\n").hexdigest()}
    (tmp_path / "repair" / compiled.STAMP).write_text(json.dumps(stamp))
    compiled.check_build(tmp_path)  # built from this source
    (tmp_path / "repair" / "words.py").write_text("WORDS = 2\n")
    with pytest.raises(ImportError, match="words.py changed after its module was compiled"):
        compiled.check_build(tmp_path)


def test_without_a_stamp_or_a_source_there_is_nothing_to_check(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "is_compiled", lambda: True)
    (tmp_path / "repair").mkdir()
    compiled.check_build(tmp_path)  # no stamp: installed without one
    (tmp_path / "repair" / compiled.STAMP).write_text(json.dumps({"repair/words.py": "0" * 32}))
    compiled.check_build(tmp_path)  # no source: only the compiled modules installed


# A child Python that writes what fix_and_explain makes of each text it is given: with the
# compiled modules ("compiled"), with each of them imported from its source instead
# ("python", as PAKNEVIS_PURE_PYTHON=1 installs them), or with no C at all ("no-c", as an
# install without a C compiler runs repair: the C parts _scan and _runs cannot be imported).
EXPLAIN = """
import importlib.abc, importlib.util, json, sys
from pathlib import Path

package, sources, build = Path(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
modules = {"paknevis." + path.removesuffix(".py").replace("/", "."): package / path for path in sources}
c_parts = ("paknevis.repair._scan", "paknevis.repair._runs")

class FromSource(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in c_parts and build == "no-c":
            raise ModuleNotFoundError(name)
        return importlib.util.spec_from_file_location(name, modules[name]) if name in modules else None

if build != "compiled":
    sys.meta_path.insert(0, FromSource())
from paknevis import fix_and_explain
from paknevis.repair import compiled, runs
from paknevis.repair.zwnj import restorer
assert compiled.is_compiled() == (build == "compiled")
assert (runs._c_runs is None and restorer._c_scan is None) == (build == "no-c")

def explained(text, options):
    fixed, edits = fix_and_explain(text, **options)
    return [fixed, [[e.start, e.end, e.old, e.new, e.rule] for e in edits]]

json.dump([explained(text, options) for text, options in json.load(sys.stdin)], sys.stdout)
"""


@needs_compiled
def test_the_compiled_build_writes_what_python_does(farsnews_texts, sample_post):
    # mypyc compiles the same source, but its ints, attributes and calls are its own, and
    # the C parts are code of their own: all three builds must agree edit for edit, on the
    # news as published and with every ZWNJ deleted or typed as a space, and with other
    # options
    import subprocess

    texts = [sample_post, *farsnews_texts]
    cases = [(damage(text), {}) for text in texts
             for damage in (str, lambda t: t.replace("\u200c", ""), lambda t: t.replace("\u200c", " "))]
    cases += [(text, {"digits": "latin", "keep_diacritics": True}) for text in texts[:50]]

    def explained(build: str) -> list:
        return json.loads(subprocess.run(
            [sys.executable, "-c", EXPLAIN, str(compiled.PACKAGE), json.dumps(sorted(BUILT)), build],
            input=json.dumps(cases), capture_output=True, text=True, check=True, timeout=600).stdout)

    in_c = explained("compiled")
    assert explained("python") == in_c
    assert explained("no-c") == in_c
