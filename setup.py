"""The compiled parts, all optional: where one cannot be built, paknevis runs the same code
in Python, slower.

* In C: the ZWNJ step's scan (src/paknevis/repair/_scan.c) and the search for runs of
  characters from a set (_runs.c); see zwnj/restorer.py and runs.py.
* The Python of the ZWNJ step (src/paknevis/repair/zwnj) and of the steps that do the most
  work in Python per edit (digits, spacing, harakat, lines, and the edits themselves), compiled to
  C by mypyc from the same annotated source, as black and charset-normalizer are. A pass
  of ``fix`` over the speed benchmark's articles (best of five, taking turns) took 218 to
  225 ms in Python and 160 to 173 ms compiled; the ZWNJ step alone compiled, 182 to 185 ms
  against 223 (docs/benchmarks.md). Not protect.py: a
  compiled module calls another of its group directly, where a test replaces one of its
  functions. Set PAKNEVIS_PURE_PYTHON=1 to leave them all in Python. They are built all or
  none (a module whose shared library failed would not import), and a stamp of their
  sources lets the package refuse a build older than its sources (repair/compiled.py).
"""
import hashlib
import json
import os
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SOURCES = Path("src/paknevis")
#: the modules mypyc compiles, from SOURCES: the ZWNJ step but its package's __init__, and
#: the steps above
ZWNJ_STEP = (str(p.relative_to(SOURCES)) for p in SOURCES.glob("repair/zwnj/*.py") if p.name != "__init__.py")
STEPS = (f"repair/{name}.py" for name in ("digits", "edits", "harakat", "lines", "spacing"))
COMPILED = sorted([*ZWNJ_STEP, *STEPS])
PACKAGE = "paknevis.repair"  # where the stamp goes
GROUP = "paknevis_repair"  # mypyc's shared library: paknevis_repair__mypyc
STAMP = "compiled-sources.json"  # (repair/compiled.py reads it)


def sources_digest() -> dict[str, str]:
    """The md5 of each compiled module's source, by its path in the package."""
    return {name: hashlib.md5((SOURCES / name).read_bytes()).hexdigest() for name in COMPILED}


def mypyc_extensions() -> list[Extension]:
    if os.environ.get("PAKNEVIS_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # (pyproject's build requirements bring it)
        return []
    try:
        # (the build's environment has none of the package's dependencies, whose types these
        # modules do not need; a type error stops mypyc, and the modules stay Python)
        extensions = mypycify(["--ignore-missing-imports", *(str(SOURCES / name) for name in COMPILED)],
                              opt_level="3", group_name=GROUP)
    except (Exception, SystemExit) as error:
        print(f"paknevis: mypyc could not compile its modules ({error!r}); they run in Python")
        return []
    for ext in extensions:
        ext.optional = True
    return extensions


class BuildExt(build_ext):
    """build_ext, with the mypyc modules built all or none, and stamped with their sources.
    (setuptools builds into build_lib and, for ``pip install -e``, copies to the sources.)"""

    _failed: frozenset[str] | set[str] = frozenset()  # the extensions that failed to build

    def build_extensions(self):
        self._failed = set()
        super().build_extensions()
        if not self._compiled():
            return
        stamp = self._built_stamp()
        if self._failed & MYPYC_NAMES:
            for ext in self._compiled():
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            stamp.unlink(missing_ok=True)
            print("paknevis: mypyc could not build its modules; they run in Python")
        else:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text(json.dumps(sources_digest(), indent=1, sort_keys=True) + "\n")

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception:
            self._failed.add(ext.name)
            raise

    def copy_extensions_to_source(self):
        super().copy_extensions_to_source()
        build_py = self.get_finalized_command("build_py")
        stamp = Path(build_py.get_package_dir(PACKAGE), STAMP)
        if self._compiled() and not self._failed & MYPYC_NAMES:
            self.copy_file(str(self._built_stamp()), str(stamp))
            return
        # the modules in Python: none of an earlier compiled build may stay in their way
        built = [SOURCES.joinpath(name).parent.glob(f"{Path(name).stem}.*") for name in COMPILED]
        shared = Path(build_py.get_package_dir("")).glob(f"{GROUP}__mypyc.*")
        for path in (*(p for paths in built for p in paths if p.suffix in (".so", ".pyd")), *shared, stamp):
            path.unlink(missing_ok=True)

    def _built_stamp(self) -> Path:
        """Where the build writes the stamp (build_lib: a wheel takes it from there)."""
        return Path(self.build_lib, *PACKAGE.split("."), STAMP)

    def _compiled(self) -> list:
        return [ext for ext in self.extensions if ext.name in MYPYC_NAMES]


C_EXTENSIONS = [Extension(f"paknevis.repair.{name}", [f"src/paknevis/repair/{name}.c"],
                          extra_compile_args=["-O2"], optional=True)
                for name in ("_scan", "_runs")]
MYPYC_EXTENSIONS = mypyc_extensions()
MYPYC_NAMES = {ext.name for ext in MYPYC_EXTENSIONS}

setup(ext_modules=C_EXTENSIONS + MYPYC_EXTENSIONS, cmdclass={"build_ext": BuildExt})
