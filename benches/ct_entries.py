#!/usr/bin/env python3
"""Writes RFC 6962 get-entries responses (one JSON object per line) to stdout, built from
PEM certificates: x509 entries, and every third certificate as a precert entry (the
certificate itself stands in for the precertificate). Streams; memory stays flat.

usage: ct_entries.py COUNT PAGE_SIZE CERT.pem...
"""
import base64
import re
import struct
import sys


def ders(paths):
    for p in paths:
        text = open(p).read()
        for body in re.findall(r"-----BEGIN [^-]+-----(.*?)-----END", text, re.S):
            yield base64.b64decode("".join(body.split()))


def u24(b):
    return struct.pack(">I", len(b))[1:] + b


def entry(i, der):
    ts = struct.pack(">Q", 1700000000000 + i)
    if i % 3 == 2:
        # TBSCertificate: the first element of the Certificate SEQUENCE.
        hdr = 2 + (der[1] & 0x7F if der[1] & 0x80 else 0)
        tbs_len_bytes = der[hdr + 1] & 0x7F if der[hdr + 1] & 0x80 else 0
        tbs_len = int.from_bytes(der[hdr + 2 : hdr + 2 + tbs_len_bytes], "big") if tbs_len_bytes else der[hdr + 1]
        tbs = der[hdr : hdr + 2 + tbs_len_bytes + tbs_len]
        leaf = b"\0\0" + ts + b"\0\1" + b"\x11" * 32 + u24(tbs) + b"\0\0"
        extra = u24(der) + u24(b"")
    else:
        leaf = b"\0\0" + ts + b"\0\0" + u24(der) + b"\0\0"
        extra = u24(b"")
    return '{"leaf_input":"%s","extra_data":"%s"}' % (
        base64.b64encode(leaf).decode(),
        base64.b64encode(extra).decode(),
    )


def main():
    count, page = int(sys.argv[1]), int(sys.argv[2])
    pool = [entry(i, d) for i, d in enumerate(ders(sys.argv[3:]))]
    if not pool:
        sys.exit("no certificates")
    out = sys.stdout
    n = 0
    while n < count:
        k = min(page, count - n)
        out.write('{"entries":[' + ",".join(pool[(n + j) % len(pool)] for j in range(k)) + "]}\n")
        n += k


if __name__ == "__main__":
    main()
