"""The ``paknevis`` command line."""
from __future__ import annotations

import shutil
import sys
from enum import StrEnum
from pathlib import Path

import orjson
import typer

from . import __version__
from .io import DecodeError, read_text
from .repair import RepairConfig, repairer

app = typer.Typer(
    help="paknevis (پاک‌نویس): repair Persian web text — ZWNJ, letters, digits, spacing.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


class Digits(StrEnum):
    persian = "persian"
    latin = "latin"
    keep = "keep"


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"paknevis: error: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"paknevis {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """paknevis (پاک‌نویس): repair Persian web text."""


@app.command()
def fix(
    files: list[Path] | None = typer.Argument(
        None, help="Text files to repair. Without files, read standard input.", show_default=False),
    explain: bool = typer.Option(
        False, "--explain", help="Print the edits as JSON lines (start, end, old, new, rule) "
                                 "instead of the text."),
    in_place: bool = typer.Option(
        False, "--in-place", "-i", help="Rewrite each file, keeping the original as FILE.bak."),
    digits: Digits = typer.Option(
        Digits.persian, help="Digits in Persian text: Persian (۱۲۳), Latin (123), or keep them."),
    keep_diacritics: bool = typer.Option(False, help="Keep harakat (ـَ ـِ ـُ) instead of removing them."),
    zwnj: bool = typer.Option(True, help="Restore lost ZWNJs (half-spaces) and remove wrong ones."),
) -> None:
    """Repair Persian text: letters, digits, spacing, @handles, #hashtags and ZWNJ.

    Examples:

        echo 'کتابها را میخوانم' | paknevis fix

        paknevis fix post.txt --explain

        paknevis fix *.txt --in-place
    """
    if in_place and not files:
        _fail("--in-place needs files to rewrite")
    if in_place and explain:
        _fail("--in-place and --explain cannot be used together")
    options = dict(digits=digits.value, keep_diacritics=keep_diacritics, zwnj=zwnj)
    RepairConfig(**options)  # validates before any work
    rep = repairer(**options)
    sources = [(str(p), p) for p in files] if files else [("<stdin>", None)]
    failed = False
    for name, path in sources:
        try:
            text = read_text(path)[0] if path else _read_stdin()
        except DecodeError as e:
            typer.echo(f"paknevis: error: {name}: {e}", err=True)
            failed = True
            continue
        if explain:
            fixed, edits = rep.fix_and_explain(text)
            out = sys.stdout.buffer
            for e in edits:
                row = e.to_dict()
                if path:
                    row = {"file": name, **row}
                out.write(orjson.dumps(row) + b"\n")
            out.flush()
        elif in_place:
            fixed = rep.fix(text)
            if fixed != text:
                shutil.copy2(path, path.with_name(path.name + ".bak"))
                path.write_text(fixed, encoding="utf-8")
        else:
            sys.stdout.write(rep.fix(text))
            sys.stdout.flush()
    if failed:
        raise typer.Exit(2)


def _read_stdin() -> str:
    from .io import decode_bytes

    data = sys.stdin.buffer.read()
    return decode_bytes(data)[0] if data else ""


if __name__ == "__main__":
    app()
