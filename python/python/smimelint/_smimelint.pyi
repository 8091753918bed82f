# Type stub for the native module; the public API is in smimelint/__init__.py.
from typing import Dict, List, Optional, Tuple

VERSION: str

class NativeLinter:
    def __init__(
        self,
        cert_type: Optional[str],
        at: Optional[str],
        policy_map: Optional[str],
        issuer: Optional[bytes],
        include: List[str],
        exclude: List[str],
        include_passes: bool,
    ) -> None: ...
    def lint(self, name: str, data: bytes) -> List[str]: ...
    def lint_many(self, inputs: List[Tuple[str, bytes]]) -> List[str]: ...

def lints_json() -> str: ...
def explain(name: str) -> str: ...
def pkilint_table() -> Dict[str, List[Tuple[str, str, str, str]]]: ...

# Certificate Transparency shards (smimelint.ct).
def ct_last_index(
    log_url: str, timeout_s: int = 60, retries: int = 5, retry_delay_ms: int = 500
) -> Optional[int]: ...
def ct_scan_range(
    linter: NativeLinter,
    log_url: str,
    start: int,
    end: int,
    records_path: Optional[str] = None,
    *,
    all_certs: bool = False,
    batch: int = 256,
    concurrency: int = 4,
    retries: int = 5,
    retry_delay_ms: int = 500,
    timeout_s: int = 60,
    max_failures: int = 16,
) -> str: ...
def merge_summaries(summaries: List[str]) -> str: ...
