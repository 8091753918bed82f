"""lint_many from several Python threads at once (the GIL is released while linting), and the
memory a long run holds."""

import gc
import threading
import time

import smimelint

from conftest import certs


def inputs():
    return [(p.name, p.read_bytes()) for p in certs()]


def as_dicts(results):
    return [r.to_dict() for r in results]


def test_lint_many_from_several_threads_gives_the_serial_results():
    linter = smimelint.Linter(include_passes=True)
    data = inputs() * 4
    serial = as_dicts(linter.lint_many(data))
    outcomes, errors = {}, []

    def work(i):
        try:
            for _ in range(3):
                outcomes.setdefault(i, []).append(as_dicts(linter.lint_many(data)))
        except Exception as e:  # reported below: a thread's exception is otherwise lost
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(outcomes) == 6
    for runs in outcomes.values():
        assert len(runs) == 3 and all(run == serial for run in runs)


def test_linting_releases_the_gil():
    # While one thread lints a large batch, this one keeps running: holding the GIL through
    # the call would leave a gap as long as the call in this thread's ticks.
    linter = smimelint.Linter()
    data = inputs() * 200
    done = threading.Event()
    span = []

    def lint():
        start = time.monotonic()
        linter.lint_many(data)
        span.append(time.monotonic() - start)
        done.set()

    t = threading.Thread(target=lint)
    ticks = [time.monotonic()]
    t.start()
    while not done.is_set():
        ticks.append(time.monotonic())
    t.join()
    longest_gap = max(b - a for a, b in zip(ticks, ticks[1:]))
    assert span[0] > 0.2, "batch too small to tell"
    assert longest_gap < span[0] / 2


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def test_memory_stays_flat_over_100000_lints():
    linter = smimelint.Linter()
    batch = [b for _, b in inputs()] + [b"junk", b"\x30\x00"]
    rounds = 100_000 // len(batch) + 1
    done = 0
    for i in range(rounds):
        done += len(linter.lint_many(batch))
        if i == rounds // 10:
            gc.collect()
            warm = rss_kib()
    gc.collect()
    assert done >= 100_000
    grown = rss_kib() - warm
    # A leak of one record per lint would add tens of megabytes over 90,000 lints.
    assert grown < 8 * 1024, f"RSS grew {grown} KiB after warm-up"
