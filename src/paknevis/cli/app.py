"""The ``paknevis`` command (a typer app) and what its commands share: their repair
options, a clear error, and how many of a thing."""
from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

import typer

from .. import __version__
from ..io import DecodeError, read_text
from ..repair import RepairConfig, RepairOptions
from ..repair.config import config_of

app = typer.Typer(
    help="paknevis (پاک‌نویس): repair Persian web text — ZWNJ, letters, digits, spacing.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    rich_markup_mode=None)

# typer's plain help names an argument by its Python type besides its metavar (FILE
# <list[Path]>), and takes no setting against it: an argument with a metavar is named by it
_argument_type = typer.core.TyperArgument.display_type_rich
typer.core.TyperArgument.display_type_rich = (  # type: ignore[method-assign]
    lambda self, ctx: None if self.metavar else _argument_type(self, ctx))


def one_of(choices: type[StrEnum]):
    """A parser for an option of fixed choices. (Without one, typer 0.26 and later check an
    enum with pydantic, whose message begins "Value error, ".)"""
    def parse(value: Any) -> StrEnum:
        if isinstance(value, choices):
            return value
        try:
            return choices(value)
        except ValueError:
            names = ", ".join(repr(choice.value) for choice in choices)
            raise typer.BadParameter(f"{value!r} is not one of {names}.") from None
    return parse


class Digits(StrEnum):
    persian = "persian"
    latin = "latin"
    keep = "keep"


class Format(StrEnum):
    json = "json"
    text = "text"


# The options of repair that fix, parse and process share, each with its help
def digits_option(help_text: str) -> Any:
    return typer.Option(Digits.persian, metavar="persian|latin|keep", parser=one_of(Digits), help=help_text)


def words_option(help_text: str) -> Any:
    return typer.Option(None, metavar="FILE", help=help_text)


def skip_option(help_text: str) -> Any:
    return typer.Option(None, metavar="RULE", help=help_text, show_default=False)


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"paknevis: error: {message}", err=True)
    raise typer.Exit(code)


def many(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"paknevis {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """paknevis (پاک‌نویس): repair Persian web text."""


def names_of(names: list[str] | None) -> tuple[str, ...]:
    """The names of an option given again or with commas (``--skip``, ``--field``)."""
    return tuple(name.strip() for given in names or () for name in given.split(",") if name.strip())


def repair_options(words: Path | None, digits: Digits, skip: list[str] | None) -> RepairOptions:
    """The options of repair that parse and process take, checked."""
    options = RepairOptions(words=words_of(words), digits=digits.value, skip=names_of(skip))
    check_options(options)
    return options


def check_options(options: Mapping[str, Any]) -> None:
    """One clear line and exit code 2 for options repair cannot take, before any work."""
    try:
        config_of(options)
    except ValueError as e:
        fail(str(e))


def words_of(path: Path | None) -> tuple[str, ...]:
    """The words of a ``--words`` file, one a line (blank lines and # comments left out), as
    the ZWNJ step will take them; a clear error for a file or a word it cannot take."""
    if path is None:
        return ()
    try:
        text, _ = read_text(path)
        lines = (line.strip() for line in text.splitlines())
        words = [line for line in lines if line and not line.startswith("#")]
        return tuple(RepairConfig(words=words).words)
    except (DecodeError, ValueError) as e:
        fail(f"{path}: {e}")
