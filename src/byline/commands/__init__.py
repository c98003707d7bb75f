"""One module per `byline` subcommand, each with `add_parser(subparsers)` and `run(args) -> int`.

cli.py lists them in COMMANDS; adding a subcommand is adding a module and its name there.
"""
