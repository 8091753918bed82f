"""Fast linter for S/MIME certificates, CRLs and OCSP responses.

Checks against the CA/Browser Forum S/MIME Baseline Requirements and RFC 5280; the engine is
the Rust `smimelint` library, so results are the same as the command line tool's.

>>> import smimelint
>>> linter = smimelint.Linter()
>>> result = linter.lint(b"not a certificate")
>>> result.worst
<Status.FATAL: 6>
>>> [f.lint for f in result.issues()]
['e_input_not_certificate']
"""

from __future__ import annotations

import builtins as _builtins
import datetime as _dt
import enum
import json
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _smimelint

if TYPE_CHECKING:
    from . import pkilint

__all__ = [
    "Finding",
    "Linter",
    "Result",
    "Status",
    "explain",
    "lints",
    "__version__",
]

__version__: str = _smimelint.VERSION


class Status(enum.IntEnum):
    """A lint's result on one document, ordered by severity (``Status.ERROR > Status.WARN``).

    ``str(status)`` is the word the CLI writes: ``pass``, ``NA``, ``NE``, ``notice``, ``warn``,
    ``error``, ``fatal``.

    >>> Status.parse("warn") < Status.ERROR
    True
    >>> str(Status.NA)
    'NA'
    """

    PASS = 0
    NA = 1
    NE = 2
    NOTICE = 3
    WARN = 4
    ERROR = 5
    FATAL = 6

    @property
    def word(self) -> str:
        return _WORDS[self]

    @property
    def is_finding(self) -> bool:
        """Notice and above are findings; pass, NA and NE are not."""
        return self >= Status.NOTICE

    @classmethod
    def parse(cls, word: str) -> "Status":
        """The status the CLI writes as ``word`` (case-insensitive)."""
        try:
            return _BY_WORD[word.lower()]
        except (KeyError, AttributeError):
            raise ValueError(f"not a status: {word!r}") from None

    def __str__(self) -> str:
        return self.word


_WORDS = {
    Status.PASS: "pass",
    Status.NA: "NA",
    Status.NE: "NE",
    Status.NOTICE: "notice",
    Status.WARN: "warn",
    Status.ERROR: "error",
    Status.FATAL: "fatal",
}
_BY_WORD = {word.lower(): status for status, word in _WORDS.items()}


class Finding:
    """One lint's result on one document."""

    __slots__ = ("lint", "status", "citation", "details")

    def __init__(self, lint: str, status: Status, citation: str, details: Optional[str]) -> None:
        self.lint = lint
        self.status = status
        self.citation = citation
        self.details = details

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> "Finding":
        return cls(
            record["lint"], Status.parse(record["status"]), record["citation"], record["details"]
        )

    def to_dict(self) -> Dict[str, Any]:
        """The finding as the CLI's JSON writes it."""
        return {
            "lint": self.lint,
            "status": self.status.word,
            "citation": self.citation,
            "details": self.details,
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Finding) and self.to_dict() == other.to_dict()

    def __hash__(self) -> int:
        return hash((self.lint, self.status, self.citation, self.details))

    def __repr__(self) -> str:
        details = f": {self.details}" if self.details else ""
        return f"<Finding {self.status.word} {self.lint}{details}>"


class Result:
    """The record of one document (certificate, TBSCertificate, CRL or OCSP response).

    Attributes mirror the CLI's JSON record: ``input``, ``sha256``, ``form``, ``kind``,
    ``type``, ``type_source``, ``scope`` (CRLs and OCSP responses) and ``findings``.
    """

    __slots__ = ("input", "sha256", "form", "kind", "type", "type_source", "scope", "findings",
                 "_record")

    def __init__(self, record: Mapping[str, Any]) -> None:
        self._record = dict(record)
        self.input: str = record["input"]
        self.sha256: Optional[str] = record["sha256"]
        self.form: Optional[str] = record["form"]
        self.kind: Optional[str] = record["kind"]
        self.type: Optional[str] = record["type"]
        self.type_source: Optional[str] = record["type_source"]
        self.scope: Optional[str] = record.get("scope")
        self.findings: List[Finding] = [Finding.from_dict(f) for f in record["findings"]]

    @classmethod
    def from_json(cls, line: str) -> "Result":
        """A record from one line of ``smimelint --format jsonl``."""
        return cls(json.loads(line))

    @property
    def worst(self) -> Status:
        """The most severe status among the findings (``Status.PASS`` when there are none)."""
        return max((f.status for f in self.findings), default=Status.PASS)

    def issues(self) -> List[Finding]:
        """The findings (notice and above), leaving out pass, NA and NE results."""
        return [f for f in self.findings if f.status.is_finding]

    def to_dict(self) -> Dict[str, Any]:
        """Exactly the CLI's JSON record for this document (same keys, same order)."""
        out = dict(self._record)
        out["findings"] = [f.to_dict() for f in self.findings]
        return out

    def to_json(self) -> str:
        """The record as one line of ``smimelint --format jsonl`` (without the newline)."""
        return json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False)

    def pkilint(self) -> List["pkilint.ValidationResult"]:
        """The findings as pkilint ``ValidationResult`` objects (see ``smimelint.pkilint``)."""
        from . import pkilint

        return pkilint.results_of(self)

    def __repr__(self) -> str:
        return f"<Result {self.input} {self.form} worst={self.worst.word} findings={len(self.findings)}>"


Input = Union[bytes, bytearray, memoryview, Tuple[str, Union[bytes, bytearray, memoryview]]]


def _words(value: Union[None, str, Iterable[str]], what: str) -> List[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    words = list(value)
    for w in words:
        if not isinstance(w, str):
            raise TypeError(f"{what}: expected lint names or globs (str), got {type(w).__name__}")
    return words


def _at(value: Union[None, str, _dt.date, _dt.datetime]) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m-%d")
    raise TypeError(f"at: expected a str, date or datetime, got {type(value).__name__}")


def _policy_map(value: Union[None, str, Mapping[str, str]]) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return "\n".join(f"{oid} {cert_type}" for oid, cert_type in value.items())
    raise TypeError(f"policy_map: expected a str or a mapping, got {type(value).__name__}")


def _bytes(value: Any, what: str) -> bytes:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{what}: expected bytes, got {type(value).__name__}")


class Linter:
    """A configured linter. Build it once and share it: it is safe to call from many threads.

    :param type: lint every certificate as this SBR type (``"mailbox-strict"``, …) instead of
        detecting it.
    :param at: evaluation time for effective dates: ``"now"``, ``"YYYY-MM-DD"``,
        ``"YYYY-MM-DDTHH:MM:SSZ"``, a ``date`` or a ``datetime``; default each certificate's
        notBefore.
    :param policy_map: the CA's own policy OIDs mapped to types: ``{"1.2.3.4":
        "mailbox-strict"}`` or the text of a ``--policy-map`` file.
    :param issuer: the issuing CA's certificate (PEM, base64 or DER) for the chain-aware lints.
    :param include: lint names or globs to run (default all).
    :param exclude: lint names or globs not to run.
    :param include_passes: also list pass, NA and NE results (the CLI's ``--all``).
    :raises ValueError: for an unknown type, a malformed time, policy map or glob, or an issuer
        that is not a certificate.
    """

    def __init__(
        self,
        type: Optional[str] = None,
        at: Union[None, str, _dt.date, _dt.datetime] = None,
        policy_map: Union[None, str, Mapping[str, str]] = None,
        issuer: Optional[bytes] = None,
        include: Union[None, str, Iterable[str]] = None,
        exclude: Union[None, str, Iterable[str]] = None,
        include_passes: bool = False,
    ) -> None:
        if type is not None and not isinstance(type, str):
            raise TypeError(f"type: expected a str, got {_builtins.type(type).__name__}")
        self._native = _smimelint.NativeLinter(
            type,
            _at(at),
            _policy_map(policy_map),
            None if issuer is None else _bytes(issuer, "issuer"),
            _words(include, "include"),
            _words(exclude, "exclude"),
            bool(include_passes),
        )

    def lint(self, data: bytes, name: str = "-") -> Result:
        """Lints one document: a certificate or TBSCertificate, CRL or OCSP response, as PEM,
        base64 or DER. Bytes that are none of these give a record with a fatal finding.

        :param name: the record's ``input`` field (the CLI writes the file's path there).
        :raises ValueError: when ``data`` holds several documents (use :meth:`lint_many`).
        """
        records = self._native.lint(name, _bytes(data, "data"))
        if len(records) != 1:
            raise ValueError(
                f"data holds {len(records)} documents; lint_many([data]) lints them all"
            )
        return Result.from_json(records[0])

    def lint_many(self, inputs: Iterable[Input]) -> List[Result]:
        """Lints many inputs in parallel (on all cores, without holding the GIL).

        Each input is ``bytes`` (named ``#1``, ``#2``, … by position) or a ``(name, bytes)``
        pair. Results come in input order, one per document: an input holding several PEM
        blocks gives one record each, named ``name#1``, ``name#2``, … as the CLI names them.
        """
        if isinstance(inputs, (bytes, bytearray, memoryview, str)) or not hasattr(
            inputs, "__iter__"
        ):
            raise TypeError(f"inputs: expected an iterable of inputs, got {type(inputs).__name__}")
        named: List[Tuple[str, bytes]] = []
        for i, item in enumerate(inputs, 1):
            if isinstance(item, tuple):
                if len(item) != 2 or not isinstance(item[0], str):
                    raise TypeError(f"input {i}: expected bytes or a (name, bytes) pair")
                named.append((item[0], _bytes(item[1], f"input {i}")))
            else:
                named.append((f"#{i}", _bytes(item, f"input {i}")))
        return [Result.from_json(r) for r in self._native.lint_many(named)]


def lints() -> List[Dict[str, Any]]:
    """Every lint's metadata (name, level, description, citation, source, effective dates,
    pkilint and zlint equivalents, …), as ``smimelint lints --format json`` lists it."""
    infos: List[Dict[str, Any]] = json.loads(_smimelint.lints_json())
    return infos


def explain(name: str) -> str:
    """A lint's documentation, as ``smimelint explain NAME`` prints it.

    :raises KeyError: when no lint has that name.
    """
    if not isinstance(name, str):
        raise TypeError(f"name: expected a str, got {type(name).__name__}")
    return _smimelint.explain(name)
