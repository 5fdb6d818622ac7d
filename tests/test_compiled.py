"""The ZWNJ step as setup.py builds it: compiled by mypyc where it can be (its doctests run
here, against the compiled modules), and refused when a source changed after the build."""
from __future__ import annotations

import doctest
import hashlib
import importlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

import paknevis.repair.zwnj as zwnj_package
from paknevis.repair.zwnj import compiled

ZWNJ = Path(zwnj_package.__file__).parent
MODULES = sorted(p.stem for p in ZWNJ.glob("*.py") if p.stem not in ("__init__", "compiled"))
needs_compiled = pytest.mark.skipif(not compiled.is_compiled(), reason="the ZWNJ step is not compiled here")


@needs_compiled
@pytest.mark.parametrize("name", MODULES)
def test_the_doctests_of_a_compiled_module_hold(name, monkeypatch):
    # mypyc keeps no docstrings that doctest finds: the examples are read from the source
    # and run with the compiled module's names
    module = importlib.import_module(f"{zwnj_package.__name__}.{name}")
    assert not module.__file__.endswith(".py")
    spec = importlib.util.spec_from_file_location(f"{zwnj_package.__name__}._source_of_{name}",
                                                  ZWNJ / f"{name}.py")
    source = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, source)  # (a dataclass looks its module up)
    spec.loader.exec_module(source)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in doctest.DocTestFinder().find(source):
        test.globs = dict(vars(module))
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_a_build_older_than_its_source_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "is_compiled", lambda: True)
    (tmp_path / "words.py").write_text("WORDS = 1\n")
    digest = hashlib.md5(b"WORDS = 1\n").hexdigest()
    (tmp_path / compiled.STAMP).write_text(json.dumps({"words.py": digest}))
    compiled.check_build(tmp_path)  # built from this source
    (tmp_path / "words.py").write_text("WORDS = 2\n")
    with pytest.raises(ImportError, match="words.py changed after its module was compiled"):
        compiled.check_build(tmp_path)


def test_without_a_stamp_or_a_source_there_is_nothing_to_check(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "is_compiled", lambda: True)
    compiled.check_build(tmp_path)  # no stamp: installed without one
    (tmp_path / compiled.STAMP).write_text(json.dumps({"words.py": "0" * 32}))
    compiled.check_build(tmp_path)  # no source: only the compiled modules installed


@needs_compiled
def test_the_installed_build_is_of_these_sources():
    built = json.loads((ZWNJ / compiled.STAMP).read_text())
    assert sorted(built) == [f"{name}.py" for name in MODULES]
