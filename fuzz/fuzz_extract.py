"""Fuzz `byline.extract` for a fixed time: `make fuzz FUZZ_SECONDS=60`
(or `python fuzz/fuzz_extract.py --seconds 60 [--engine atheris|hypothesis]`).

With atheris installed it runs coverage-guided (libFuzzer) from generated seed pages; without it,
hypothesis generates pages, text dumps, mutated pages and raw bytes until the time is up. Either
way an input that raises anything but InputError, breaks the record schema, or runs past the
per-input time limit is saved under fuzz/crashes/ and the run exits non-zero.
"""

from __future__ import annotations

import argparse
import hashlib
import signal
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the schema check and generators of the tests

CRASHES = HERE / "crashes"
PER_INPUT_S = 10


class Hang(Exception):
    pass


def _on_alarm(signum, frame):
    raise Hang


def check_one(data: bytes) -> None:
    """The property fuzzed: a record of the right shape, or InputError; nothing else."""
    from byline import InputError, extract
    from test_properties import check_record

    try:
        record = extract(data, attributions=True).to_dict()
    except InputError:
        return
    check_record(record)


def save(data: bytes, reason: str) -> Path:
    CRASHES.mkdir(exist_ok=True)
    path = CRASHES / f"crash-{hashlib.sha1(data).hexdigest()[:16]}.bin"
    path.write_bytes(data)
    print(f"fuzz: {reason}; input saved to {path}", file=sys.stderr)
    return path


def seeds() -> list[bytes]:
    """A few generated pages and dumps to start from (nothing copied from anywhere)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from test_properties import html_pages, text_dumps

    found: list[bytes] = []

    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(html_pages().map(lambda p: p[0]), text_dumps()))
    def collect(text: str) -> None:
        found.append(text.encode())

    collect()
    return found


def run_atheris(seconds: int) -> int:
    import atheris

    with atheris.instrument_imports(include=["byline"]):
        import byline.attribution  # noqa: F401 - imported here to be instrumented
        import byline.extract  # noqa: F401
        import byline.html  # noqa: F401
        import byline.text  # noqa: F401

    corpus = Path(tempfile.mkdtemp(prefix="byline-fuzz-"))
    for i, seed in enumerate(seeds()):
        (corpus / f"seed-{i}").write_bytes(seed)
    CRASHES.mkdir(exist_ok=True)
    atheris.Setup(
        [sys.argv[0], f"-max_total_time={seconds}", f"-timeout={PER_INPUT_S}", "-rss_limit_mb=2048",
         "-max_len=200000", f"-artifact_prefix={CRASHES}/", str(corpus)],
        check_one,
    )
    atheris.Fuzz()
    return 0


def run_hypothesis(seconds: int) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from test_properties import html_pages, text_dumps

    hostile = st.sampled_from([b"<div>" * 3000, b"\x00", b"\xff\xfe", b"<script>", b"</", b"<!--",
                               b"&#x110000;", b'<meta charset="utf-16">', b"\x1f\x8b", b"]]>"])

    @st.composite
    def mutated(draw) -> bytes:
        data = bytearray(draw(html_pages())[0].encode())
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(data)))
            op = draw(st.integers(0, 2))
            if op == 0:
                data[at:at] = draw(hostile)
            elif op == 1:
                del data[at : at + draw(st.integers(1, 200))]
            else:
                data[at:at] = draw(st.binary(min_size=1, max_size=16))
        return bytes(data)

    inputs = st.one_of(
        html_pages().map(lambda p: p[0].encode()),
        text_dumps().map(str.encode),
        mutated(),
        st.binary(max_size=5000),
    )
    failures: list[Path] = []
    count = 0

    @settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz_batch(data: bytes) -> None:
        nonlocal count
        count += 1
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, PER_INPUT_S)
        try:
            check_one(data)
        except Hang:
            failures.append(save(data, f"no result within {PER_INPUT_S} s"))
        except Exception as exc:  # every other failure is a finding
            failures.append(save(data, f"{type(exc).__name__}: {exc}"[:300]))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    end = time.monotonic() + seconds
    while time.monotonic() < end and not failures:
        fuzz_batch()
    print(f"fuzz: {count} inputs in {seconds} s, {len(failures)} failing", file=sys.stderr)
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    args = parser.parse_args()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    print(f"fuzz: {engine} for {args.seconds} s", file=sys.stderr)
    return run_atheris(args.seconds) if engine == "atheris" else run_hypothesis(args.seconds)


if __name__ == "__main__":
    sys.exit(main())
