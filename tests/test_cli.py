"""The command-line contract of DESIGN.md: ids, output shapes, formats, exit codes, time limits."""

from __future__ import annotations

import faulthandler
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from byline import cli
from byline.sources.files import doc_id
from byline.record import Article
from test_hostile import PARAGRAPHS


def article_html(title: str, paragraphs: list[str] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def byline(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "byline.cli", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        timeout=300,
    )


def jsonl(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.splitlines() if line.strip()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three good pages in a directory with a nested folder and hidden entries."""
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.html").write_text(article_html("Bravo headline"))
    (root / "a.htm").write_text(article_html("Alpha headline"))
    (root / "sub" / "c.html").write_text(article_html("Charlie headline"))
    (root / ".secret.html").write_text(article_html("Hidden"))
    (root / ".hidden" / "d.html").write_text(article_html("Hidden too"))
    return root


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("story.html", "story"),
        ("story.HTM", "story"),
        ("dump.txt", "dump"),
        ("page.html.gz", "page"),
        ("dump.txt.gz", "dump"),
        ("dir/sub/x.htm", "x"),
        ("data.json", "data.json"),
        ("archive.tar.gz", "archive.tar"),
        (".html", ".html"),
    ],
)
def test_id_is_file_name_without_page_suffixes(name, expected):
    assert doc_id(name) == expected


def test_single_input_is_one_pretty_json_object(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(article_html("Alpha headline"))
    result = byline("extract", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"{\n")
    record = json.loads(result.stdout)
    assert record["id"] == "story"
    assert "error" not in record
    assert any("harbour reopened" in p for p in record["body"])
    assert record["text"] == "\n\n".join(record["body"])


def test_several_inputs_are_json_lines_in_input_order(corpus):
    files = [corpus / "sub" / "c.html", corpus / "a.htm", corpus / "b.html"]
    result = byline("extract", *map(str, files))
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == ["c", "a", "b"]
    assert len(result.stdout.splitlines()) == 3


def test_directory_is_every_visible_file_sorted(corpus):
    result = byline("extract", str(corpus), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in jsonl(result.stdout)] == ["a", "b", "c"]


def test_workers_give_the_same_records_in_the_same_order(corpus, tmp_path):
    for i in range(12):
        (corpus / f"n{i:02d}.html").write_text(article_html(f"Number {i} headline"))
    one = byline("extract", str(corpus), "-j", "1")
    two = byline("extract", str(corpus), "-j", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(jsonl(one.stdout)) == 15


def test_output_file(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    result = byline("extract", str(corpus), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    assert [r["id"] for r in jsonl(out.read_bytes())] == ["a", "b", "c"]


def test_stdin_and_url():
    result = byline("extract", "-", stdin=article_html("Alpha headline").encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "stdin"
    url = "https://news.example.test/2024/10/alpha"
    result = byline("extract", "-", "--url", url, stdin=article_html("Alpha headline").encode())
    record = json.loads(result.stdout)
    assert record["id"] == url and record["url"] == url


def test_url_option_sets_the_url_of_a_file(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(article_html("Alpha headline"))
    url = "https://news.example.test/alpha"
    record = json.loads(byline("extract", str(path), "--url", url).stdout)
    assert record["url"] == url and record["id"] == "story"


def test_text_and_markdown_formats(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(article_html("Alpha headline"))
    text = byline("extract", str(path), "--format", "text").stdout.decode()
    assert PARAGRAPHS[0] in text and "{" not in text
    markdown = byline("extract", str(path), "--format", "markdown").stdout.decode()
    assert markdown.startswith("# ") and "Alpha headline" in markdown.splitlines()[0]
    assert PARAGRAPHS[1] in markdown


def test_failures_are_records_and_stderr_lines_and_exit_1(corpus):
    (corpus / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (corpus / "empty.txt").write_bytes(b"")
    result = byline("extract", str(corpus), "-j", "2")
    assert result.returncode == 1
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == ["a", "b", "broken", "empty", "c"]
    errors = {r["id"]: r["error"] for r in records if "error" in r}
    assert set(errors) == {"broken", "empty"}
    assert "PNG" in errors["broken"] and "empty" in errors["empty"]
    # A failed record still has every schema field, so JSON-lines consumers need no special case.
    assert set(Article().to_dict()) <= set(records[2])
    stderr = result.stderr.decode()
    assert "byline: broken: not a text document: PNG image" in stderr
    assert "byline: empty: empty document" in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "/no/such/file.html"],
        ["extract"],
        ["extract", "x.html", "--format", "pdf"],
        ["extract", "-", "-j", "0"],
        ["extract", "-", "--timeout", "-1"],
        ["frobnicate", "x"],
    ],
)
def test_usage_errors_exit_2(args):
    result = byline(*args)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and b"usage:" in result.stderr


def test_output_to_closed_pipe_is_quiet(corpus):
    for i in range(300):
        (corpus / f"n{i:03d}.html").write_text(article_html(f"Number {i} headline"))
    proc = subprocess.run(
        f"'{sys.executable}' -m byline.cli extract '{corpus}' -j 2 | head -c 10",
        shell=True, capture_output=True, timeout=300,
    )
    assert len(proc.stdout) == 10
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr


def test_quotes_command_shape(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text('"We are open again," the harbour master said on Monday.\nShips queued offshore.\n')
    result = byline("quotes", str(path), str(path))
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    assert [r["id"] for r in records] == ["clean", "clean"]
    assert all(isinstance(r["attributions"], list) for r in records)


# --- time limits and crashes, with an extractor that misbehaves on purpose -----------------------


def misbehaving_extract(data, url=None, *, id=None, attributions=False, charset=None):
    """`STUCK` ignores signals as a long C call does; `SLOW` loops in Python; `CRASH` segfaults."""
    text = bytes(data).decode()
    if text.startswith("STUCK"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(120)
    elif text.startswith("SLOW"):
        while True:
            pass
    elif text.startswith("CRASH"):
        faulthandler.disable()  # pytest's crash dump would be the only noise in the output
        os.kill(os.getpid(), signal.SIGSEGV)
    return Article(id=id, url=url, title=text.split()[0], body=[text])


@pytest.fixture
def misbehaving(monkeypatch, tmp_path):
    """Workers are forked after the patch, so they run the misbehaving extractor too."""
    import byline.pipeline
    import byline.runtime.pool

    monkeypatch.setattr(byline.pipeline, "extract", misbehaving_extract)
    monkeypatch.setattr(byline.runtime.pool, "_preload", lambda: None)
    folder = tmp_path / "docs"
    folder.mkdir()
    names = []
    for i, head in enumerate(["fine", "STUCK", "fine", "SLOW", "fine", "CRASH", "fine", "fine"]):
        names.append(f"{i}-{head.lower()}")
        (folder / f"{names[-1]}.txt").write_text(f"{head} document number {i}")
    return folder, names


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_time_limit_kills_stuck_documents_and_the_batch_goes_on(misbehaving, tmp_path, capsys, jobs):
    folder, names = misbehaving
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    status = cli.main(["extract", str(folder), "--timeout", "1", "-j", jobs, "-o", str(out)])
    elapsed = time.monotonic() - started
    records = jsonl(out.read_bytes())
    assert [r["id"] for r in records] == names
    errors = {r["id"]: r.get("error", "") for r in records}
    assert "timed out after 1 s" in errors["1-stuck"]
    assert "timed out after 1 s" in errors["3-slow"]
    assert "SIGSEGV" in errors["5-crash"]
    assert all(not errors[n] for n in names if n.endswith("fine"))
    assert status == 1
    assert elapsed < 30  # two documents of ~1-2 s each, not 120 s
    stderr = capsys.readouterr().err
    assert stderr.count("\n") == 3 and "byline: 1-stuck: timed out" in stderr


def test_no_time_limit_runs_in_process(monkeypatch, tmp_path):
    calls = []
    import byline.runtime.pool

    monkeypatch.setattr(byline.runtime.pool, "run_supervised", lambda *a: calls.append(a) or iter(()))
    path = tmp_path / "a.html"
    path.write_text(article_html("Alpha headline"))
    assert cli.main(["extract", str(path), "--timeout", "0", "-o", str(tmp_path / "o.json")]) == 0
    assert calls == []
    assert json.loads((tmp_path / "o.json").read_bytes())["id"] == "a"


def test_worker_recycling_keeps_order_and_loses_nothing(monkeypatch, tmp_path):
    import byline.pipeline
    import byline.runtime.pool

    monkeypatch.setattr(byline.pipeline, "extract", misbehaving_extract)
    monkeypatch.setattr(byline.runtime.pool, "RECYCLE_TASKS", 3)
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:03d}.txt").write_text(f"doc{i} body")
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(folder), "-j", "3", "-o", str(out)]) == 0
    assert [r["title"] for r in jsonl(out.read_bytes())] == [f"doc{i}" for i in range(40)]
