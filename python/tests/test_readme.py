"""The package README's Python examples run, from the repository's root, and print what their
`# prints:` comments say."""

import contextlib
import io
import os
import re

from conftest import REPO

README = REPO / "python" / "README.md"


def blocks():
    return re.findall(r"```python\n(.*?)```", README.read_text(), re.S)


def test_readme_examples_run_and_print_what_they_say():
    found = blocks()
    assert len(found) >= 3
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        for code in found:
            expected = [m.group(1) for m in re.finditer(r"^# prints: (.*)$", code, re.M)]
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(code, str(README), "exec"), {})
            assert out.getvalue().splitlines() == expected, code
    finally:
        os.chdir(cwd)
