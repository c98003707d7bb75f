"""Soak test of `byline extract DIR -j N`: a large batch with 1% hostile inputs loses nothing and
stays within its time and memory limits.

The corpus is generated here: varied news pages and text dumps (structure, lengths, metadata,
encodings, gzip), a few heavy but valid pages (50 MB page, 10 MB line, deep nesting) and 1% inputs
that must fail (empty, binary, truncated gzip, random bytes...; generators of tests/test_hostile.py).
The real command line runs over it, with the default per-document time limit, and the run passes
when there is exactly one record per input in input order, the expected errors and articles,
no timeouts, peak memory under 1 GiB and worker and parent memory flat over the batch.

    .venv/bin/python scripts/soak.py [--docs 10000] [-j 2] [--no-single]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import test_hostile as hostile  # noqa: E402 - the hostile generators live with their tests

from byline.sources.files import doc_id  # noqa: E402

HOSTILE_SHARE = 0.01
HEAVY_EVERY = 2000  # one heavy but valid page per this many documents
PEAK_LIMIT_MIB = 1024
GROWTH_LIMIT_MIB = 16  # allowed rise of median RSS from the first to the last third of the batch
SAMPLES = 20  # memory samples over the batch (every 500 documents for 10,000)

# Hostile inputs that must become error records; the seeded ones vary from document to document.
SEEDED_HOSTILE: dict[str, Callable[[int], bytes]] = {
    "png": hostile.png,
    "pdf": hostile.pdf,
    "random-bytes": hostile.random_bytes,
    "truncated-gzip": hostile.truncated_gzip,
}
HOSTILE_KINDS = ["empty", "whitespace", "whitespace-utf16", "png", "pdf", "gzip-of-binary",
                 "random-bytes", "nul-bytes", "truncated-gzip"]
HEAVY_KINDS = ["page-50mb", "line-10mb-html", "nested-100k", "jsonld-gigantic", "huge-attribute"]

FIRST = ["Maria", "James", "Aisha", "Lorne", "Tara", "Kenji", "Olga", "Samuel", "Priya", "Diego",
         "Fatima", "Henrik", "Grace", "Mateo", "Ingrid", "Kwame", "Chloé", "Yusuf", "Elena", "Tomás"]
LAST = ["Lopez", "Cook", "Copp", "Okafor", "Nakamura", "Petrova", "Lindqvist", "Haddad", "Brennan",
        "Castillo", "Mensah", "Dubois", "Kowalski", "Sato", "O'Neill", "Fischer", "Ramírez", "Osei"]
PLACES = ["BRUSSELS", "NAIROBI", "LIMA", "OSLO", "MANILA", "DENVER", "LYON", "ACCRA", "HANOI", "PERTH"]
AGENCIES = ["AP", "Reuters", "AFP", None, None]
SUBJECTS = ["The city council", "Regional health officials", "The transport ministry", "Local farmers",
            "A group of residents", "The central bank", "Investigators", "The school board",
            "Emergency crews", "The port authority", "Several lawmakers", "The company"]
VERBS = ["approved", "rejected", "delayed", "announced", "criticised", "reviewed", "expanded",
         "suspended", "defended", "questioned", "funded", "postponed"]
OBJECTS = ["a plan to rebuild the northern bridge", "new limits on water use", "the budget for next year",
           "a proposal to close two clinics", "an inquiry into the flooding", "plans for a solar farm",
           "the contract for the new rail line", "a ban on night flights", "the merger talks",
           "a programme of free school meals", "rules for short-term rentals", "the wildfire response"]
TAILS = ["after months of debate", "despite strong objections", "on Tuesday evening",
         "according to documents seen by reporters", "in a close vote", "following public pressure",
         "for the second time this year", "without giving a reason", "at a cost of $4.2 million", ""]
QUOTES = ["We have waited long enough for this", "Nobody told us what would happen next",
          "This decision will affect thousands of families", "The numbers simply do not add up",
          "We will keep working with everyone involved", "It is too early to say what went wrong"]
ROLES = ["a spokeswoman for the ministry", "the mayor", "a local shop owner", "an economist at the university",
         "the union's regional secretary", "a resident of the area"]
SECTIONS = ["World", "Politics", "Business", "Science", "Local", "Climate", "Health"]
BOILERPLATE = ["Advertisement", "Share this article", "Sign up for our newsletter", "Read more",
               "Most read", "Skip to content", "Follow us on social media", "Comments (12)"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return f"“{rng.choice(QUOTES)},” said {person(rng)}, {rng.choice(ROLES)}."
    tail = rng.choice(TAILS)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{' ' + tail if tail else ''}."


def paragraphs(rng: random.Random) -> list[str]:
    count = min(80, max(1, int(rng.lognormvariate(2.4, 0.6))))
    return [" ".join(sentence(rng) for _ in range(rng.randint(1, 5))) for _ in range(count)]


def headline(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


@dataclass
class Story:
    """What a generated document says, whichever way it is laid out."""

    title: str
    authors: list[str]
    date: str
    place: str
    agency: str | None
    section: str
    body: list[str]
    url: str

    @classmethod
    def make(cls, rng: random.Random, i: int) -> Story:
        title = headline(rng)
        slug = "-".join(title.lower().split()[:6])
        date = f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return cls(title, [person(rng) for _ in range(rng.choice([0, 1, 1, 1, 2, 3]))], date,
                   rng.choice(PLACES), rng.choice(AGENCIES), rng.choice(SECTIONS), paragraphs(rng),
                   f"https://news{rng.randint(1, 40)}.example/{date.replace('-', '/')}/{slug}-{i}")


def page_furniture(rng: random.Random) -> tuple[str, str, str]:
    """(head assets, menu, comments): what makes real pages 50-300 KB around a 5 KB article."""
    state = {"page": {"id": rng.randrange(10**9), "tags": [headline(rng) for _ in range(rng.randint(5, 40))]},
             "ads": [{"slot": f"ad-{i}", "sizes": [[300, 250], [728, 90]]} for i in range(rng.randint(5, 60))]}
    rules = "".join(f".c{i}{{margin:{i % 7}px;color:#{rng.randrange(1 << 24):06x}}}" for i in range(rng.randint(100, 2500)))
    assets = f"<style>{rules}</style><script>window.__STATE__ = {json.dumps(state)};</script>"
    menu = "".join(f'<li><a href="/{s.lower()}/{i}">{s} {i}</a></li>' for s in SECTIONS
                   for i in range(rng.randint(2, 15)))
    comments = "".join(
        f'<div class="comment"><a href="/u/{i}">reader{rng.randrange(9999)}</a><p>{sentence(rng)}</p></div>'
        for i in range(rng.choice([0, 0, 0, rng.randint(5, 80)])))
    return assets, f"<ul class=\"menu\">{menu}</ul>", f'<section class="comments">{comments}</section>'


def html_page(story: Story, rng: random.Random) -> str:
    """A news page: boilerplate around the article, metadata in one or more of the usual places."""
    head = [f"<title>{story.title} | {story.section} | Daily Example</title>"]
    if rng.random() < 0.6:
        head.append(f'<meta property="og:title" content="{story.title}">'
                    f'<meta property="og:url" content="{story.url}">'
                    f'<meta name="description" content="{story.body[0][:150]}">')
    if rng.random() < 0.5:
        head.append('<script type="application/ld+json">' + json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": story.title,
            "datePublished": story.date, "articleSection": story.section,
            "author": [{"@type": "Person", "name": a} for a in story.authors]}) + "</script>")
    body = []
    for i, text in enumerate(story.body):
        if i == 0 and rng.random() < 0.5:
            agency = f" ({story.agency})" if story.agency else ""
            text = f"{story.place}{agency} — {text}"
        if i and rng.random() < 0.08:
            body.append(f"<h2>{headline(rng)}</h2>")
        if rng.random() < 0.05:
            body.append(f'<figure><img src="/img/{rng.randint(1, 9999)}.jpg"><figcaption>{sentence(rng)} '
                        f"Photo: {person(rng)}</figcaption></figure>")
        if rng.random() < 0.04:
            body.append("<ul>" + "".join(f"<li>{sentence(rng)}</li>" for _ in range(3)) + "</ul>")
        if rng.random() < 0.03:
            body.append(f'<div class="ad">{rng.choice(BOILERPLATE)}</div>')
        body.append(f"<p>{text}</p>")
    byline = f'<p class="byline">By {" and ".join(story.authors)}</p>' if story.authors else ""
    meta = f'<time datetime="{story.date}T{rng.randint(0, 23):02d}:15:00Z">{story.date}</time>{byline}'
    related = "".join(f'<li><a href="/r/{rng.randint(1, 999)}">{headline(rng)}</a></li>'
                      for _ in range(rng.randint(0, 4)))
    article = f"<h1>{story.title}</h1>{meta}{''.join(body)}" + (f"<aside><ul>{related}</ul></aside>" if related else "")
    wrapper = rng.choice(["<article>{}</article>", '<div class="story-body">{}</div>',
                          '<main><section class="content">{}</section></main>'])
    links = "".join(f'<a href="/{s.lower()}">{s}</a> ' for s in SECTIONS)
    sidebar = "".join(f'<li><a href="/p/{rng.randint(1, 999)}">{headline(rng)}</a></li>' for _ in range(rng.randint(0, 20)))
    assets, menu, comments = page_furniture(rng)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="{{charset}}">{"".join(head)}{assets}</head>'
            f'<body><header><nav>{links}{menu}</nav></header>{wrapper.format(article)}{comments}'
            f'<div class="sidebar"><h3>Most read</h3><ul>{sidebar}</ul></div>'
            f'<footer>{links}<p>© 2024 Daily Example. All rights reserved.</p></footer>'
            f"<script>window.dataLayer=[];</script></body></html>")


def text_dump(story: Story, rng: random.Random) -> str:
    """A scraped text dump: title, byline, date, paragraphs, with boilerplate lines here and there."""
    lines = [f"{story.title} | Daily Example"] if rng.random() < 0.7 else []
    lines += [rng.choice(BOILERPLATE) for _ in range(rng.randint(0, 3))]
    lines.append(story.title)
    if story.authors:
        lines.append(f"By {', '.join(story.authors)}")
    lines.append(rng.choice([story.date, f"Published {story.date}", f"Updated {story.date} 10:24"]))
    for text in story.body:
        if rng.random() < 0.05:
            lines.append(rng.choice(BOILERPLATE))
        lines.append(text)
    lines += [rng.choice(BOILERPLATE) for _ in range(rng.randint(0, 4))]
    return "\n".join(lines) + "\n"


def valid_document(rng: random.Random, i: int) -> tuple[str, bytes]:
    """(file suffix, bytes) of one realistic page or dump, in a varied encoding."""
    story = Story.make(rng, i)
    if rng.random() < 0.3:
        suffix, data = ".txt", text_dump(story, rng).encode()
    else:
        charset = rng.choice(["utf-8"] * 8 + ["windows-1252", "iso-8859-1"])
        page = html_page(story, rng).replace("{charset}", charset)
        suffix, data = ".html", page.encode("cp1252" if charset != "utf-8" else "utf-8", "replace")
    if rng.random() < 0.1:
        suffix, data = suffix + ".gz", gzip.compress(data)
    return suffix, data


def heavy_document(kind: str) -> tuple[str, bytes, Callable[[dict], None]]:
    """(file name, bytes, check) of a heavy but valid input from tests/test_hostile.py."""
    if kind == "page-50mb":
        return "page-50mb.html", hostile.page_50_mb("dense-markup").encode(), hostile.article_case(hostile.WESTERN)
    file_name, make, check = hostile.CASES[kind]
    return file_name, make(), check


def article_check(record: dict) -> None:
    assert "error" not in record, record.get("error")
    assert record["text"], "empty article"


@dataclass
class Corpus:
    folder: Path
    ids: list[str] = field(default_factory=list)
    checks: list[Callable[[dict], None]] = field(default_factory=list)
    errors: int = 0
    heavy: int = 0


def generate(folder: Path, docs: int, seed: int = 1) -> Corpus:
    """`docs` files named so that sorted order is generation order; 1% hostile, a few heavy."""
    rng = random.Random(seed)
    hostile_at = set(rng.sample(range(docs), round(docs * HOSTILE_SHARE)))
    heavy_at = {i for i in range(HEAVY_EVERY // 2, docs, HEAVY_EVERY) if i not in hostile_at}
    corpus = Corpus(folder)
    width = len(str(docs - 1))
    for i in range(docs):
        if i in hostile_at:
            kind = HOSTILE_KINDS[corpus.errors % len(HOSTILE_KINDS)]
            file_name, make, check = hostile.CASES[kind]
            data = SEEDED_HOSTILE[kind](rng.randrange(1 << 30)) if kind in SEEDED_HOSTILE else make()
            corpus.errors += 1
        elif i in heavy_at:
            file_name, data, check = heavy_document(HEAVY_KINDS[corpus.heavy % len(HEAVY_KINDS)])
            corpus.heavy += 1
        else:
            suffix, data = valid_document(rng, i)
            file_name, check = ("news" if ".html" in suffix else "dump") + suffix, article_check
        name = f"{i:0{width}d}-{file_name}"
        (folder / name).write_bytes(data)
        corpus.ids.append(doc_id(name))
        corpus.checks.append(check)
    return corpus


def rss_mib(pid: int) -> float:
    """Resident memory of a process from /proc (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20)
    except (OSError, ValueError, IndexError):
        return 0.0


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (the CLI's workers), found by scanning /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    stat = fh.read()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                found.append(int(entry))
    return found


@dataclass
class Run:
    jobs: int
    records: list[dict]
    wall_s: float
    returncode: int
    stderr: str
    peak_mib: float  # largest resident size of the CLI or any of its workers
    max_stall_s: float  # longest wait for the next record
    samples: list[tuple[int, float, list[float]]]  # (records so far, parent MiB, worker MiB each)


def run_cli(folder: Path, jobs: int, docs: int) -> Run:
    """`byline extract folder -j jobs` with the default time limit, memory sampled as records arrive."""
    every = max(1, docs // SAMPLES)
    start = last = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "byline.cli", "extract", str(folder), "-j", str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stderr: list[bytes] = []
    drain = threading.Thread(target=lambda: stderr.extend(proc.stderr), daemon=True)
    drain.start()
    records, samples, max_stall = [], [], 0.0
    for line in proc.stdout:
        now = time.monotonic()
        max_stall, last = max(max_stall, now - last), now
        records.append(json.loads(line))
        if len(records) % every == 0:
            workers = [rss_mib(pid) for pid in children(proc.pid)]
            samples.append((len(records), rss_mib(proc.pid), [w for w in workers if w]))
    # wait4's usage covers the CLI and the workers it reaped: its peak is the largest of them all.
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    drain.join()
    return Run(jobs, records, wall, proc.returncode, b"".join(stderr).decode(errors="replace"),
               usage.ru_maxrss / 1024, max_stall, samples)


def growth_mib(values: list[float]) -> float:
    """Rise of the median from the first to the last third of a series (0 when too short)."""
    third = len(values) // 3
    if third == 0:
        return 0.0
    return statistics.median(values[-third:]) - statistics.median(values[:third])


def check(corpus: Corpus, run: Run, timeout: float = 10.0) -> list[str]:
    """What is wrong with a run (empty when it passes)."""
    failures = []
    got = [r.get("id") for r in run.records]
    if got != corpus.ids:
        lost = len(set(corpus.ids) - set(got))
        failures.append(f"{len(got)} records for {len(corpus.ids)} inputs ({lost} lost) or out of order")
    for record, check_record in zip(run.records, corpus.checks):
        try:
            check_record(record)
        except AssertionError as exc:
            failures.append(f"{record['id']}: {exc or 'check failed'}")
    errors = sum("error" in r for r in run.records)
    if errors != corpus.errors:
        failures.append(f"{errors} errors, expected {corpus.errors}")
    if run.returncode != (1 if corpus.errors else 0):
        failures.append(f"exit status {run.returncode}")
    if "Traceback" in run.stderr:
        failures.append("a traceback on stderr")
    if run.max_stall_s > timeout + 5:
        failures.append(f"waited {run.max_stall_s:.1f} s for one record (limit {timeout:g} s)")
    if run.peak_mib > PEAK_LIMIT_MIB:
        failures.append(f"peak RSS {run.peak_mib:.0f} MiB over {PEAK_LIMIT_MIB} MiB")
    workers = [max(w) for _, _, w in run.samples if w]
    parent = [p for _, p, _ in run.samples]
    for who, series in (("worker", workers), ("parent", parent)):
        if growth_mib(series) > GROWTH_LIMIT_MIB:
            failures.append(f"{who} memory grew {growth_mib(series):.0f} MiB over the batch")
    return failures


def report(corpus: Corpus, run: Run, failures: list[str]) -> str:
    errors = sum("error" in r for r in run.records)
    lines = [
        f"-j {run.jobs}: {len(run.records)} records for {len(corpus.ids)} inputs: "
        f"{len(run.records) - errors} articles, {errors} errors (expected {len(corpus.ids) - corpus.errors} "
        f"and {corpus.errors}), exit status {run.returncode}",
        f"  wall {run.wall_s:.1f} s, {len(run.records) / run.wall_s:.1f} docs/s, longest wait for a record "
        f"{run.max_stall_s:.2f} s, peak RSS {run.peak_mib:.0f} MiB",
        "  RSS MiB after N records: parent | workers",
    ]
    for n, parent, workers in run.samples:
        lines.append(f"    {n:>6}: {parent:6.0f} | {' '.join(f'{w:.0f}' for w in workers)}")
    lines.append("  " + ("PASS" if not failures else "FAIL:\n    " + "\n    ".join(failures[:20])))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--no-single", action="store_true", help="skip the single-process (-j 1) run")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="byline-soak-") as tmp:
        started = time.monotonic()
        corpus = generate(Path(tmp), args.docs, args.seed)
        size = sum(f.stat().st_size for f in Path(tmp).iterdir()) / (1 << 20)
        print(f"corpus: {len(corpus.ids)} documents ({corpus.errors} hostile, {corpus.heavy} heavy), "
              f"{size:.0f} MiB, generated in {time.monotonic() - started:.1f} s", flush=True)
        ok = True
        for jobs in dict.fromkeys([args.jobs] + ([] if args.no_single else [1])):
            run = run_cli(Path(tmp), jobs, args.docs)
            failures = check(corpus, run)
            print(report(corpus, run, failures), flush=True)
            ok = ok and not failures
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
