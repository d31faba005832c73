#!/usr/bin/env python3
"""Re-checks the hash chain of a thamdinh database with Python's standard library alone,
as anyone can without thamdinh (docs/reference.md, "The ledger").

    python3 bench/verify-ledger.py council.sqlite [N:HEX]

Every row of the `audit` table, in the order of its `id`, must carry
SHA-256(previous row's hash as 32 bytes ‖ encoding of its 17 columns), the first row chaining
on 32 zero bytes. A column is encoded as a tag byte and its value: 00 for NULL; 01 and 8 bytes
big-endian for an integer; 02, a 4-byte big-endian length and the UTF-8 bytes for a text
(03 and 8 bytes for a real, 04, a length and the bytes for a blob).

Prints `head N:HEX` (the number of rows and the first 16 hex digits of the last hash, as
`thamdinh rank` prints it) and exits 0 when every row holds; prints the first row that does not
and exits 1. With N:HEX (a head printed with a result), also says whether row N has that hash.
This checks the chain only; `thamdinh verify` also replays the log against the decisions.
"""

import hashlib
import sqlite3
import struct
import sys

COLUMNS = [
    "id", "at", "appraiser", "action", "year", "unit", "item",
    "old_state", "old_score", "old_comment", "old_appraiser", "old_decided_at", "old_round",
    "new_state", "new_score", "comment", "undoes",
]


def encode(values):
    out = bytearray()
    for v in values:
        if v is None:
            out += b"\x00"
        elif isinstance(v, int):
            out += b"\x01" + struct.pack(">q", v)
        elif isinstance(v, str):
            b = v.encode("utf-8")
            out += b"\x02" + struct.pack(">I", len(b)) + b
        elif isinstance(v, float):
            out += b"\x03" + struct.pack(">d", v)
        else:
            b = bytes(v)
            out += b"\x04" + struct.pack(">I", len(b)) + b
    return bytes(out)


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    conn = sqlite3.connect(f"file:{argv[1]}?mode=ro", uri=True)
    rows = conn.execute(f"SELECT {', '.join(COLUMNS)}, hash FROM audit ORDER BY id")
    prev = bytes(32)
    hashes = []
    for n, row in enumerate(rows, start=1):
        values, stored = row[:-1], row[-1]
        computed = hashlib.sha256(prev + encode(values)).hexdigest()
        if row[0] != n:
            print(f"row {row[0]}: expected id {n} (rows {n}–{row[0] - 1} are missing)")
            return 1
        if stored is None or stored.lower() != computed:
            print(f"row {row[0]}: hash expected {computed}, found {stored}")
            return 1
        hashes.append(computed)
        prev = bytes.fromhex(computed)
    head = f"{len(hashes)}:{prev.hex()[:16]}"
    print(f"head {head}")
    if len(argv) == 3:
        n_text, _, prefix = argv[2].partition(":")
        n, prefix = int(n_text), prefix.lower()
        at_n = bytes(32).hex() if n == 0 else (hashes[n - 1] if n <= len(hashes) else None)
        if at_n is None or not at_n.startswith(prefix):
            print(f"printed head {argv[2]} does not match: row {n} is {at_n}")
            return 1
        print(f"printed head {argv[2]} matches ({len(hashes) - n} rows written since)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
