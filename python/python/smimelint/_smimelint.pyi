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
