#!/usr/bin/env python3
"""Prints the workspace's crates in layer order with their workspace dependencies, and fails
when a crate depends on a crate of its own or a higher layer.

Cargo already refuses cycles between crates; this check also keeps the order of the layers the
README describes, so that, say, the certificate model can never start to depend on the engine.

Usage: scripts/layers.py   (from anywhere in the repository; needs cargo and python3)
"""
import json
import subprocess
import sys

# The data flow, lowest layer first. A crate may depend (normal or build dependency) only on
# crates of lower layers; dev-dependencies are free (tests may use anything).
LAYERS = [
    ["smimelint-der", "smimelint-input"],
    ["smimelint-cert"],
    ["smimelint-revocation"],
    ["smimelint-factory"],
    ["smimelint-engine"],
    ["smimelint-lints"],
    ["smimelint-output"],
    ["smimelint-runner"],
    ["smimelint-ct", "smimelint-service"],
    ["smimelint"],
    ["xtask", "smimelint-python"],
]

# Narrower than the layers: the rulebook sees the engine and the certificate model, never the
# DER walker, so a lint cannot decode ASN.1 itself.
ONLY = {"smimelint-lints": {"smimelint-engine", "smimelint-cert", "smimelint-revocation"}}


def main() -> int:
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--no-deps"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    level = {name: i for i, layer in enumerate(LAYERS) for name in layer}
    members = {p["name"]: p for p in meta["packages"]}
    problems = []
    for name in members:
        if name not in level:
            problems.append(f"{name}: not placed in a layer (add it to LAYERS in {sys.argv[0]})")
    for i, layer in enumerate(LAYERS):
        for name in layer:
            pkg = members.get(name)
            if pkg is None:
                continue
            deps = sorted(
                d["name"]
                for d in pkg["dependencies"]
                if d["name"] in members and d.get("kind") in (None, "build")
            )
            print(f"{i}  {name:<20} -> {', '.join(deps) if deps else '(none)'}")
            for d in deps:
                if name in ONLY and d not in ONLY[name]:
                    problems.append(f"{name} may depend only on {sorted(ONLY[name])}, not {d}")
                if level.get(d, len(LAYERS)) >= i:
                    problems.append(f"{name} (layer {i}) depends on {d} (layer {level.get(d)})")
    for p in problems:
        print(f"layers: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
