#!/usr/bin/env python3
"""Fails when a Swift file has a line longer than the limit (characters, not bytes): swift-format
breaks code, but not a long string literal or comment, so this catches what it leaves.

Usage: scripts/line-length.py LIMIT PATH..."""
import pathlib
import sys

limit, paths = int(sys.argv[1]), sys.argv[2:]
files = [p for path in map(pathlib.Path, paths) for p in ([path] if path.is_file() else sorted(path.rglob("*.swift")))]
long = [f"{file}:{number}:{limit + 1}: error: line is {len(line)} characters, more than {limit}; split it"
        for file in files for number, line in enumerate(file.read_text(encoding="utf-8").split("\n"), 1)
        if len(line) > limit]
print("\n".join(long), file=sys.stderr) if long else None
sys.exit(1 if long else 0)
