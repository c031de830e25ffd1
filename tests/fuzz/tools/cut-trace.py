#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cuts a real trace.dat (version 6, uncompressed: `trace-cmd convert
--file-version 6 --compression none`) down to a small seed for the
trace.dat fuzz target: the same header, ring-buffer description, ftrace
formats and the `module` system's formats, empty kallsyms and printk
tables, and the first PAGES ring-buffer pages of each CPU. Everything kept
is the real file's bytes; `trace-cmd convert` turns the result into
version 7, compressed or not.

usage: cut-trace.py IN OUT PAGES
"""
import struct
import sys


def main():
    src, dst, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = open(src, "rb").read()
    pos = 0

    def take(n):
        nonlocal pos
        piece = data[pos:pos + n]
        pos += n
        return piece

    def string():
        nonlocal pos
        end = data.index(b"\0", pos)
        s = data[pos:end]
        pos = end + 1
        return s

    magic = take(10)
    version = string()
    assert version == b"6", "version 6 only"
    endian, long_size = take(1), take(1)
    assert endian == b"\0", "little endian only"
    page_size = struct.unpack("<I", take(4))[0]
    out = bytearray(magic + version + b"\0" + endian + long_size + struct.pack("<I", page_size))
    for name in (b"header_page", b"header_event"):
        assert string() == name
        size = struct.unpack("<Q", take(8))[0]
        out += name + b"\0" + struct.pack("<Q", size) + take(size)
    count = struct.unpack("<I", take(4))[0]
    out += struct.pack("<I", count)
    for _ in range(count):
        size = struct.unpack("<Q", take(8))[0]
        out += struct.pack("<Q", size) + take(size)
    systems = struct.unpack("<I", take(4))[0]
    kept = []
    for _ in range(systems):
        name = string()
        count = struct.unpack("<I", take(4))[0]
        formats = []
        for _ in range(count):
            size = struct.unpack("<Q", take(8))[0]
            formats.append(take(size))
        if name == b"module":
            kept.append((name, formats))
    out += struct.pack("<I", len(kept))
    for name, formats in kept:
        out += name + b"\0" + struct.pack("<I", len(formats))
        for f in formats:
            out += struct.pack("<Q", len(f)) + f
    take(struct.unpack("<I", take(4))[0])  # kallsyms
    take(struct.unpack("<I", take(4))[0])  # printk
    out += struct.pack("<I", 0) + struct.pack("<I", 0)
    size = struct.unpack("<Q", take(8))[0]
    out += struct.pack("<Q", size) + take(size)  # cmdlines
    cpus = struct.unpack("<I", take(4))[0]
    out += struct.pack("<I", cpus)
    kind = take(10)
    if kind == b"options  \0":
        out += kind
        while True:
            option = struct.unpack("<H", take(2))[0]
            out += struct.pack("<H", option)
            if option == 0:
                break
            size = struct.unpack("<I", take(4))[0]
            out += struct.pack("<I", size) + take(size)
        kind = take(10)
    assert kind == b"flyrecord\0", kind
    out += kind
    table = [struct.unpack("<QQ", take(16)) for _ in range(cpus)]
    table_at = len(out)
    out += bytes(16 * cpus)
    for cpu, (offset, size) in enumerate(table):
        keep = min(size, pages * page_size)
        out += bytes(-len(out) % page_size)
        start = len(out)
        out += data[offset:offset + keep]
        struct.pack_into("<QQ", out, table_at + 16 * cpu, start, keep)
    open(dst, "wb").write(out)


main()
