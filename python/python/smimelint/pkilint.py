"""smimelint findings in the shape of pkilint's validation results.

A script written around pkilint's ``ValidationResult`` / ``ValidationFindingDescription``
objects can take its results from smimelint instead:

>>> import smimelint
>>> from smimelint import pkilint
>>> results = pkilint.validate(smimelint.Linter(), b"not a certificate")
>>> [(str(d.finding.severity), d.finding.code) for r in results for d in r.finding_descriptions]
[('FATAL', 'e_input_not_certificate')]

A finding whose lint has a pkilint equivalent carries pkilint's code, severity, validator name
and node path (the table of the pkilint-compatible REST endpoint, docs/xref/pkilint-rest.txt);
one without keeps the lint's name as its code and its own severity, at the node
``certificate``. smimelint's details are the message.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Dict, List, NamedTuple, Optional, Tuple

from . import _smimelint

if TYPE_CHECKING:
    from . import Finding, Linter, Result

__all__ = [
    "Node",
    "ValidationFinding",
    "ValidationFindingDescription",
    "ValidationFindingSeverity",
    "ValidationResult",
    "results_of",
    "validate",
]


class ValidationFindingSeverity(enum.IntEnum):
    """pkilint's severities, with pkilint's values (lower is more severe)."""

    FATAL = 0
    ERROR = 1
    WARNING = 2
    NOTICE = 3
    INFO = 4
    DEBUG = 5

    def __str__(self) -> str:
        return self.name


class ValidationFinding(NamedTuple):
    severity: ValidationFindingSeverity
    code: str

    def __repr__(self) -> str:
        return f"{self.code} ({self.severity.name})"


class ValidationFindingDescription(NamedTuple):
    finding: ValidationFinding
    message: Optional[str]

    def __repr__(self) -> str:
        message = f": {self.message}" if self.message else ""
        return f"{self.finding}{message}"


class Node(NamedTuple):
    """Where pkilint reports a finding: ``path`` as pkilint's ``PDUNode.path``."""

    path: str

    def __str__(self) -> str:
        return self.path


class ValidationResult(NamedTuple):
    """One finding's result; ``validator`` is the name of pkilint's validator class (the lint's
    name where pkilint has no equivalent)."""

    validator: str
    node: Node
    finding_descriptions: List[ValidationFindingDescription]

    def __repr__(self) -> str:
        findings = ", ".join(str(f) for f in self.finding_descriptions)
        return f'{self.validator} result for "{self.node}": {findings}'


_OWN_SEVERITY = {
    "fatal": ValidationFindingSeverity.FATAL,
    "error": ValidationFindingSeverity.ERROR,
    "warn": ValidationFindingSeverity.WARNING,
    "notice": ValidationFindingSeverity.NOTICE,
}

_table: Optional[Dict[str, List[Tuple[str, str, str, str]]]] = None


def _rows(lint: str) -> List[Tuple[str, str, str, str]]:
    global _table
    if _table is None:
        _table = _smimelint.pkilint_table()
    return _table.get(lint, [])


def _results_of_finding(finding: "Finding") -> List[ValidationResult]:
    rows = _rows(finding.lint)
    if not rows:
        own = _OWN_SEVERITY[finding.status.word]
        rows = [(finding.lint, finding.lint, own.name, "certificate")]
    out = []
    for code, validator, severity_name, node in rows:
        description = ValidationFindingDescription(
            ValidationFinding(ValidationFindingSeverity[severity_name], code), finding.details
        )
        out.append(ValidationResult(validator or finding.lint, Node(node), [description]))
    return out


def results_of(result: "Result") -> List[ValidationResult]:
    """A smimelint record's findings (notice and above) as pkilint validation results."""
    return [r for f in result.issues() for r in _results_of_finding(f)]


def validate(linter: "Linter", data: bytes) -> List[ValidationResult]:
    """Lints one document and returns its findings as pkilint validation results, in the place
    of pkilint's ``validator.validate(cert.root)``."""
    return results_of(linter.lint(data))
