#!/usr/bin/env python3
"""Reads a CSV export the way a Python user would (csv module, utf-8-sig) and prints every
row on a line: its cells as hex of their UTF-8 bytes, separated by commas, so that the Rust
test can compare the values exactly (tests/export_safety.rs)."""
import csv
import sys

with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    for row in csv.reader(f, strict=True):
        print(",".join(cell.encode("utf-8").hex() for cell in row))
