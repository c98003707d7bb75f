"""Files and directories named on the command line: which files, their ids, their bytes."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..decode import InputError

SUFFIXES = (".gz", ".html", ".htm", ".txt")
MAX_INPUT_BYTES = 512 * 1024 * 1024


def doc_id(name: str) -> str:
    """File name without .html/.htm/.txt/.gz suffixes (`a.html.gz` → `a`)."""
    name = os.path.basename(name)
    changed = True
    while changed:
        changed = False
        for suffix in SUFFIXES:
            if name.lower().endswith(suffix) and len(name) > len(suffix):
                name, changed = name[: -len(suffix)], True
    return name


def walk_files(root: str) -> Iterator[str]:
    """Every non-hidden file below `root`, in sorted order, without following directory links."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


def read_file(path: str) -> bytes:
    """A file's bytes, refusing files too large to be a page."""
    try:
        size = os.path.getsize(path)
        if size > MAX_INPUT_BYTES:
            raise InputError(f"file too large ({size >> 20} MiB)")
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
