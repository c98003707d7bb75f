"""`byline quotes`: attributions of clean article text (one paragraph per line), as JSON lines."""

from __future__ import annotations

import argparse

from ..runtime.task import Task
from ..sinks.render import format_record
from .batch import add_input_arguments, run_batch


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("quotes", help="attributions of clean article text (one paragraph per line)")
    add_input_arguments(parser)
    parser.add_argument("--dump", action="store_true", help="text inputs are scraped dumps: extract first")
    return parser


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    task = Task("quotes", dump=args.dump, timeout=args.timeout)
    return run_batch(parser, args, task, lambda record, single: format_record(record, "jsonl", single))
