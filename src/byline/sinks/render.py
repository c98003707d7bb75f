"""A record as the bytes of one output format: json, jsonl, text or markdown."""

from __future__ import annotations

import orjson

from ..record import Article


def format_record(record: dict, fmt: str, single: bool) -> bytes:
    """One record in `fmt`; `single` says it is the only record of the run (pretty JSON then)."""
    if fmt == "text":
        return (record.get("text") or "").encode() + b"\n"
    if fmt == "markdown":
        if "error" in record:
            return f"<!-- {record['id']}: {record['error']} -->\n\n".encode()
        article = Article.from_dict(record)
        head = f"# {article.title}\n\n" if article.title else ""
        return (head + "\n\n".join(article.body) + "\n\n").encode()
    if fmt == "json" and single:
        return orjson.dumps(record, option=orjson.OPT_INDENT_2) + b"\n"
    return orjson.dumps(record) + b"\n"
