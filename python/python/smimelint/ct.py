"""Certificate Transparency scans split into shards, for any scheduler that runs Python
functions on many machines (Dask, a Kubernetes Indexed Job, a plain process pool).

A shard is an inclusive index range of one log. :func:`scan_shard` fetches and lints it with
the command line tool's own pipeline (``smimelint ct --log-url``: the same fetcher with its
retries and back-off, the same S/MIME filter) and returns its JSON summary; :func:`merge`
adds shard summaries as ``smimelint merge-summaries`` does. A shard's output files appear
whole or not at all, so a shard that runs twice (its worker died, the scheduler retried it)
is counted once.

>>> shards(0, 9, 4)
[Shard(start=0, end=3), Shard(start=4, end=7), Shard(start=8, end=9)]
"""

from __future__ import annotations

import functools
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import Linter, _smimelint

__all__ = [
    "FetchOptions",
    "Shard",
    "ShardStopped",
    "last_index",
    "merge",
    "scan_shard",
    "shards",
]


@dataclass(frozen=True)
class Shard:
    """Entries ``start..=end`` of a log (both inclusive, as ``smimelint ct --start/--end``)."""

    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start + 1

    @property
    def name(self) -> str:
        """A file name stem that sorts in index order."""
        return f"shard-{self.start:012d}-{self.end:012d}"


@dataclass(frozen=True)
class FetchOptions:
    """How a shard is fetched; the ``smimelint ct`` options of the same names."""

    batch_size: int = 256
    concurrency: int = 4
    retries: int = 5
    retry_delay_ms: int = 500
    timeout: int = 60
    max_failures: int = 16
    all_certs: bool = False


class ShardStopped(RuntimeError):
    """The log kept failing and the shard's scan ended before its range did. Nothing of the
    shard is written, so a scheduler can run it again."""


def shards(start: int, end: int, size: int) -> List[Shard]:
    """Splits ``start..=end`` into consecutive shards of ``size`` entries (the last may be
    smaller). Every index is in exactly one shard.

    :raises ValueError: for a negative start, a size below 1 or an end before the start.
    """
    if start < 0 or size < 1:
        raise ValueError(f"start must be >= 0 and size >= 1 (got start={start}, size={size})")
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    return [Shard(first, min(first + size - 1, end)) for first in range(start, end + 1, size)]


def last_index(log_url: str, fetch: FetchOptions = FetchOptions()) -> Optional[int]:
    """The index of the log's last entry from its ``get-sth``, or None when the log is empty."""
    return _smimelint.ct_last_index(log_url, fetch.timeout, fetch.retries, fetch.retry_delay_ms)


# Linter settings cross process boundaries as plain keyword arguments; each worker process
# builds the linter once.
LinterOptions = Mapping[str, Any]


def _freeze(options: Optional[LinterOptions]) -> Tuple[Tuple[str, Any], ...]:
    def frozen(v: Any) -> Any:
        if isinstance(v, (list, tuple)):
            return tuple(v)
        if isinstance(v, Mapping):
            return tuple(sorted(v.items()))
        return v

    return tuple(sorted((k, frozen(v)) for k, v in (options or {}).items()))


@functools.lru_cache(maxsize=8)
def _linter(frozen: Tuple[Tuple[str, Any], ...]) -> Linter:
    options: Dict[str, Any] = {
        k: (dict(v) if k == "policy_map" and isinstance(v, tuple) else v) for k, v in frozen
    }
    return Linter(**options)


def _replace_atomically(path: Path, write: Callable[[Path], Any]) -> None:
    # A unique temporary name per attempt: two attempts at one shard never share a file.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.part")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def scan_shard(
    log_url: str,
    shard: Union[Shard, Tuple[int, int]],
    out_dir: Union[None, str, "os.PathLike[str]"] = None,
    linter: Optional[LinterOptions] = None,
    fetch: FetchOptions = FetchOptions(),
) -> Dict[str, Any]:
    """Fetches and lints one shard; returns its summary (the ``--summary-format json``
    layout, as a dict).

    With ``out_dir``, writes ``<shard.name>.jsonl`` (one ``--format jsonl`` record per linted
    entry) and ``<shard.name>.summary.json`` there, each replacing any earlier attempt's file
    in one step.

    :param linter: keyword arguments for :class:`smimelint.Linter` (picklable, unlike the
        linter itself).
    :raises ShardStopped: when the log kept failing (see ``max_failures``).
    :raises RuntimeError: for an unreachable log or a malformed answer.
    """
    if not isinstance(shard, Shard):
        shard = Shard(*shard)
    native = _linter(_freeze(linter))._native
    span = shard

    def scan(records_path: Optional[str]) -> Dict[str, Any]:
        text = _smimelint.ct_scan_range(
            native,
            log_url,
            span.start,
            span.end,
            records_path,
            all_certs=fetch.all_certs,
            batch=fetch.batch_size,
            concurrency=fetch.concurrency,
            retries=fetch.retries,
            retry_delay_ms=fetch.retry_delay_ms,
            timeout_s=fetch.timeout,
            max_failures=fetch.max_failures,
        )
        summary: Dict[str, Any] = json.loads(text)
        if summary.get("stopped"):
            raise ShardStopped(f"{span.name}: {summary['stopped']}")
        return summary

    if out_dir is None:
        return scan(None)
    out = Path(out_dir)
    result: Dict[str, Any] = {}

    def records(tmp: Path) -> None:
        result.update(scan(str(tmp)))

    _replace_atomically(out / f"{shard.name}.jsonl", records)
    text = json.dumps(result, indent=2) + "\n"
    _replace_atomically(out / f"{shard.name}.summary.json", lambda tmp: tmp.write_text(text))
    return result


def merge(summaries: Iterable[Union[str, Mapping[str, Any]]]) -> Dict[str, Any]:
    """Shard summaries (dicts or JSON text) added into the summary of the whole, as
    ``smimelint merge-summaries --format json`` adds them.

    :raises ValueError: for a summary that is not one, or of another ``summary_version``.
    """
    texts = [s if isinstance(s, str) else json.dumps(s) for s in summaries]
    merged: Dict[str, Any] = json.loads(_smimelint.merge_summaries(texts))
    return merged
