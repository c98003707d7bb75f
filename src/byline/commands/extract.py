"""`byline extract`: article records from pages, text dumps and URLs."""

from __future__ import annotations

import argparse

from ..runtime.task import Task
from ..sinks.render import format_record
from .batch import add_input_arguments, run_batch


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("extract", help="extract article records from pages or text dumps")
    add_input_arguments(parser)
    parser.add_argument("--format", choices=["json", "jsonl", "text", "markdown"], default="json")
    parser.add_argument("--attributions", action="store_true", help="add who-said-what attributions")
    return parser


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    task = Task("extract", attributions=args.attributions, timeout=args.timeout)
    return run_batch(parser, args, task, lambda record, single: format_record(record, args.format, single))
