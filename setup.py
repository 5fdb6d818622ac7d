"""The compiled parts, all optional: where one cannot be built, paknevis runs the same code
in Python, slower.

* In C: the ZWNJ step's scan (src/paknevis/repair/_scan.c) and the search for runs of
  characters from a set (_runs.c); see zwnj/restorer.py and runs.py.
* The ZWNJ step's Python (src/paknevis/repair/zwnj), compiled to C by mypyc from the same
  annotated source, as black and charset-normalizer are: a pass of ``fix`` over the speed
  benchmark's articles took 211 ms in Python and 184 ms compiled (best of five, taking
  turns). Set PAKNEVIS_PURE_PYTHON=1 to leave it in Python. The modules are built all or
  none (a module whose shared library failed would not import), and a stamp of their
  sources lets the package refuse a build older than its sources (zwnj/compiled.py).
"""
import hashlib
import json
import os
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ZWNJ = Path("src/paknevis/repair/zwnj")
#: the modules mypyc compiles: the ZWNJ step but its package's __init__ and the check of
#: the build (which must run in Python to judge it)
COMPILED = sorted(str(p) for p in ZWNJ.glob("*.py") if p.name not in ("__init__.py", "compiled.py"))
PACKAGE = "paknevis.repair.zwnj"
GROUP = "paknevis_zwnj"  # mypyc's shared library: paknevis_zwnj__mypyc
STAMP = "compiled-sources.json"  # (zwnj/compiled.py reads it)


def sources_digest() -> dict[str, str]:
    """The md5 of each compiled module's source, by file name."""
    return {Path(p).name: hashlib.md5(Path(p).read_bytes()).hexdigest() for p in COMPILED}


def mypyc_extensions() -> list[Extension]:
    if os.environ.get("PAKNEVIS_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # (pyproject's build requirements bring it)
        return []
    try:
        # (the build's environment has none of the package's dependencies, whose types the
        # ZWNJ step does not need; a type error stops mypyc, and the modules stay Python)
        extensions = mypycify(["--ignore-missing-imports", *COMPILED], opt_level="3", group_name=GROUP)
    except (Exception, SystemExit) as error:
        print(f"paknevis: mypyc could not compile the ZWNJ modules ({error!r}); they run in Python")
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
        stamp = Path(self.build_lib, *PACKAGE.split("."), STAMP)
        if self._failed & MYPYC_NAMES:
            for ext in self._compiled():
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            stamp.unlink(missing_ok=True)
            print("paknevis: mypyc could not build the ZWNJ modules; they run in Python")
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
        here = Path(build_py.get_package_dir(PACKAGE))
        if self._compiled() and not self._failed & MYPYC_NAMES:
            self.copy_file(str(Path(self.build_lib, *PACKAGE.split("."), STAMP)), str(here / STAMP))
            return
        # the ZWNJ step in Python: no module of an earlier compiled build may stay in its way
        shared = Path(build_py.get_package_dir("")).glob(f"{GROUP}__mypyc.*")
        for path in (*here.glob("*.so"), *here.glob("*.pyd"), *shared, here / STAMP):
            path.unlink(missing_ok=True)

    def _compiled(self) -> list:
        return [ext for ext in self.extensions if ext.name in MYPYC_NAMES]


C_EXTENSIONS = [Extension(f"paknevis.repair.{name}", [f"src/paknevis/repair/{name}.c"],
                          extra_compile_args=["-O2"], optional=True)
                for name in ("_scan", "_runs")]
MYPYC_EXTENSIONS = mypyc_extensions()
MYPYC_NAMES = {ext.name for ext in MYPYC_EXTENSIONS}

setup(ext_modules=C_EXTENSIONS + MYPYC_EXTENSIONS, cmdclass={"build_ext": BuildExt})
