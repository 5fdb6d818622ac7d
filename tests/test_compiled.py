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
