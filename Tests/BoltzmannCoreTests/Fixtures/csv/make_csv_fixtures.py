"""Writes the CSV fixtures that BoltzmannCoreTests/IO reads (run once, from this folder).

    python3 make_csv_fixtures.py

The expected values are spelled out again in CSVReadTests.swift.
"""
import gzip

with open("with_header.csv", "w", newline="") as f:
    f.write(
        "# Two observables measured at three temperatures\n"
        'temperature,"energy, per spin",magnetisation\n'
        "\n"
        "0.5, -1.9875 ,0.99\n"
        "1.0,-1.75,0.875\n"
        "   # an indented comment between rows\n"
        "2.5,-0.5e0,1e-3\n")
with open("semicolon_bom_crlf.csv", "wb") as f:
    f.write(b"\xef\xbb\xbfx;y\r\n1;2\r\n-3.25;4e2\r\n")
with open("no_header.tsv", "w", newline="") as f:
    f.write("1\t2\t3\n4\t5\t6\n")
with open("small.csv.gz", "wb") as f:
    f.write(gzip.compress(b"a,b\n1,2\n3,4.5\n", mtime=0))
# The first half of a gzip stream: `gzip -d` reports "unexpected end of file".
stream = gzip.compress("".join(f"{i},{i * i}\n" for i in range(2000)).encode(), mtime=0)
with open("truncated.csv.gz", "wb") as f:
    f.write(stream[: len(stream) // 2])
