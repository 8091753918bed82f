#!/usr/bin/env python3
"""Size statistics of the Rust sources, to compare a codebase before and after a restructuring.

usage: scripts/code_stats.py [ROOT] [--top-files N] [--top-fns N]     (ROOT default: the repository)

Prints
  (a) the largest .rs files by line count (every line, blank and comment lines included), and
  (b) the longest functions: name, file, lines.

Method for (b), a scan, not a parser:
  1. Comments, string literals (plain, byte, raw r#"…"#) and char literals are blanked out,
     keeping newlines, so braces inside them do not count and line numbers stay right.
  2. Each `fn NAME` is a function; its body is the first `{` after the name, unless a `;` comes
     first (a declaration without a body, e.g. in a trait, which is skipped).
  3. The body ends at the matching `}`; the length is last line - line of `fn` + 1, so doc
     comments and attributes above it are not counted, the signature is.
  Nested functions are counted on their own and inside their parent; closures are not functions.
  `fn` inside macro_rules! templates is matched like any other.
Directories named target (target/, fuzz/target/) and hidden ones (.git) are skipped.
"""

import os
import re
import sys


def rust_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "target" and not d.startswith("."))
        for f in sorted(filenames):
            if f.endswith(".rs"):
                yield os.path.join(dirpath, f)


def blank(src):
    """Comments and literals replaced by spaces (newlines kept)."""
    out = list(src)
    n = len(src)
    i = 0

    def wipe(a, b):
        for k in range(a, min(b, n)):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            wipe(i, j)
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            wipe(i, j)
            i = j
        elif (m := re.compile(r'b?r(#*)"').match(src, i)) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            end = src.find('"' + m.group(1), m.end())
            j = n if end < 0 else end + 1 + len(m.group(1))
            wipe(i, j)
            i = j
        elif c == '"' or (c == "b" and src.startswith('b"', i) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_"))):
            j = i + (2 if c == "b" else 1)
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            wipe(i, j + 1)
            i = j + 1
        elif c == "'":
            # A char literal ('x', '\n', '\u{..}', '{') or a lifetime / label ('a, 'static).
            if i + 1 < n and src[i + 1] == "\\":
                j = src.find("'", i + 2)
                j = n if j < 0 else j
                wipe(i, j + 1)
                i = j + 1
            elif i + 2 < n and src[i + 2] == "'":
                wipe(i, i + 3)
                i += 3
            else:
                i += 1
        else:
            i += 1
    return "".join(out)


FN = re.compile(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)")


def functions(text):
    """(name, first line, last line) of every fn with a body in blanked text."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(pos):
        lo, hi = 0, len(line_starts)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if line_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return lo + 1

    for m in FN.finditer(text):
        j = m.end()
        brace = text.find("{", j)
        semi = text.find(";", j)
        if brace < 0 or (0 <= semi < brace):
            continue
        depth, k = 0, brace
        while k < len(text):
            if text[k] == "{":
                depth += 1
            elif text[k] == "}":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        yield m.group(1), line_of(m.start()), line_of(k)


def main(argv):
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    top_files, top_fns = 15, 10
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--top-files":
            top_files = int(args.pop(0))
        elif a == "--top-fns":
            top_fns = int(args.pop(0))
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            root = os.path.abspath(a)

    files, fns = [], []
    for path in rust_files(root):
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8", errors="replace") as f:
            src = f.read()
        files.append((src.count("\n") + (0 if src.endswith("\n") or not src else 1), rel))
        for name, first, last in functions(blank(src)):
            fns.append((last - first + 1, name, rel, first))

    total = sum(n for n, _ in files)
    print(f"# {root}: {len(files)} .rs files, {total} lines, {len(fns)} functions with a body")
    print(f"\n## The {top_files} largest .rs files (lines)")
    for n, rel in sorted(files, key=lambda t: (-t[0], t[1]))[:top_files]:
        print(f"{n:7d}  {rel}")
    print(f"\n## The {top_fns} longest functions (lines, from `fn` to its closing brace)")
    for n, name, rel, first in sorted(fns, key=lambda t: (-t[0], t[2], t[3]))[:top_fns]:
        print(f"{n:7d}  {name}  {rel}:{first}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
