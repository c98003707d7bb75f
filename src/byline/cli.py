"""Command line: `byline extract` and `byline quotes` (DESIGN.md's contract).

Argument parsing and wiring only: each subcommand is a module of byline.commands with
`add_parser(subparsers)` and `run(args, parser) -> int`, listed once in COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ("extract", "quotes")


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, tuple[object, argparse.ArgumentParser]]]:
    parser = argparse.ArgumentParser(prog="byline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    commands = {}
    for name in COMMANDS:
        module = importlib.import_module(f"byline.commands.{name}")
        commands[name] = (module, module.add_parser(sub))
    return parser, commands


def main(argv: list[str] | None = None) -> int:
    parser, commands = build_parser()
    args = parser.parse_args(argv)
    module, sub_parser = commands[args.command]
    return module.run(args, sub_parser)


if __name__ == "__main__":
    sys.exit(main())
