#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the crafted inputs of tests/fuzz/regressions/ that a code read
found before the fuzzers ran: files a few KB to a few hundred KB long that
made the readers allocate GiBs or abort. Built from the seeds cut from real
recordings (corpus/), so that everything but the hostile field is real.
Needs python3 and the zstd command.

usage: craft-regressions.py   (from anywhere; writes into regressions/)
"""
import os
import struct
import subprocess
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
FUZZ = os.path.dirname(HERE)
OUT = os.path.join(FUZZ, "regressions")


def write(target, name, data):
    os.makedirs(os.path.join(OUT, target), exist_ok=True)
    with open(os.path.join(OUT, target, name), "wb") as f:
        f.write(data)


def zstd(data):
    return subprocess.run(["zstd", "-q", "-19", "-c"], input=data, check=True,
                          stdout=subprocess.PIPE).stdout


# --- session files -------------------------------------------------------
def session(payload, size=None, prefix=None, version=2):
    compressed = struct.pack(">I", len(payload) if prefix is None else prefix) + \
        zlib.compress(payload, 9)
    size = len(payload) if size is None else size
    return b"RSCOPSES" + struct.pack(">IQQ", version, size, len(compressed)) + compressed


def qbytes(b):
    return struct.pack(">I", len(b)) + b


# The real snapshot of a session recorded in the lab (corpus/session).
real = open(os.path.join(FUZZ, "corpus", "session", "session-v2-loop.rscope"), "rb").read()
real_payload = zlib.decompress(real[28 + 4:])
snapshot = qbytes(real_payload[4:4 + struct.unpack(">I", real_payload[:4])[0]])
# A string table of 0xFFFFFFFF strings: Qt's reader reserved 96 GiB.
write("session", "string-table-count-4g.rscope", session(snapshot + struct.pack(">I", 0xFFFFFFFF)))
# qCompress's size says 2 GiB - 1 for a few bytes: inflated before any check.
write("session", "payload-claims-2g.rscope",
      session(snapshot + struct.pack(">I", 0), size=0x7FFFFFFF, prefix=0x7FFFFFFF))
# Version 1 holder reports whose fd list claims 0xFFFFFFFF entries.
v1 = snapshot + struct.pack(">I", 0) + struct.pack(">Q", 0) + struct.pack(">I", 0)
v1 += struct.pack(">I", 1) + qbytes("loop".encode("utf-16-be")) + struct.pack(">iI", 1, 1)
v1 += struct.pack(">Bi", 0, 1) + qbytes("cat".encode("utf-16-be")) + struct.pack(">I", 0xFFFFFFFF)
write("session", "v1-holder-fds-count-4g.rscope", session(v1, version=1))


# Version 5 compresses with zstd: a frame whose claims do not match the
# header, or that could hold other events unnoticed, is refused before the
# payload is decoded. Cut from a real version 5 session (corpus/session).
real5 = open(os.path.join(FUZZ, "corpus", "session", "session-v5-loop.rscope"), "rb").read()
payload5 = subprocess.run(["zstd", "-q", "-d", "-c"], input=real5[28:], check=True,
                          stdout=subprocess.PIPE).stdout


def session5(frame, size):
    return b"RSCOPSES" + struct.pack(">IQQ", 5, size, len(frame)) + frame


def zstd_frame(data, *options):
    return subprocess.run(["zstd", "-q", "-1", "-c", *options], input=data, check=True,
                          stdout=subprocess.PIPE).stdout


# The header claims 2 GiB for a frame of a few KB.
write("session", "zstd-payload-claims-2g.rscope", session5(zstd_frame(payload5), 0x7FFFFFFF))
# The header's size one byte more than the frame's own.
write("session", "zstd-frame-size-differs.rscope",
      session5(zstd_frame(payload5), len(payload5) + 1))
# A frame without its checksum: a flipped bit would open as other events.
write("session", "zstd-frame-without-checksum.rscope",
      session5(zstd_frame(payload5, "--no-check"), len(payload5)))
# A second frame after the first, the header's size the first's.
write("session", "zstd-second-frame.rscope",
      session5(zstd_frame(payload5) + zstd_frame(payload5), len(payload5)))


# --- trace.dat -------------------------------------------------------------
def v7(compression, sections):
    """A version 7 file: header, then `sections` (id, flags, content) laid
    one after the other; content may be a function of the offsets, so that
    options can point at sections after them."""
    header = b"\x17\x08\x44tracing7\0" + b"\0\x08" + struct.pack("<I", 4096)
    header += compression + b"\0" + b"1.5.4\0"
    first = len(header) + 8
    offsets, at = [], first
    placeholder = [0] * len(sections)  # lengths do not depend on offsets
    for _, _, content in sections:
        offsets.append(at)
        at += 16 + len(content(placeholder) if callable(content) else content)
    out = bytearray(header + struct.pack("<Q", first))
    for sid, flags, content in sections:
        body = content(offsets) if callable(content) else content
        out += struct.pack("<HHIQ", sid, flags, 0, len(body)) + body
    return bytes(out)


def option(oid, data):
    return struct.pack("<HI", oid, len(data)) + data


formats = open(os.path.join(FUZZ, "corpus", "tracefile", "loop-small-v6.dat"), "rb").read()
module_format = formats[formats.index(b"name: module_get"):]
module_format = module_format[:module_format.index(b"\0")] if b"\0" in module_format else module_format
module_format = module_format[:4096] + b" " * (65536 - min(len(module_format), 4096))
event_formats = struct.pack("<I", 1) + b"module\0" + struct.pack("<I", 1) + \
    struct.pack("<Q", len(module_format)) + module_format
# One event formats section referenced 20,000 times by one options section:
# each reference copied its formats again (GiBs of copies from 300 KB).
refs = 20000
write("tracefile", "event-formats-referenced-20000-times.dat", v7(b"none", [
    (0, 0, lambda o: b"".join(option(18, struct.pack("<Q", o[1])) for _ in range(refs))
     + option(0, struct.pack("<Q", 0))),
    (18, 0, event_formats),
]))
# A compressed section whose zstd frame holds 512 MiB (of one format text
# 512 MiB long): decompressed and copied before anything was checked.
big = 512 << 20
huge_formats = struct.pack("<I", 1) + b"module\0" + struct.pack("<I", 1) + \
    struct.pack("<Q", big - 23) + bytes(big - 23)
frame = zstd(huge_formats)
write("tracefile", "compressed-section-512m.dat", v7(b"zstd", [
    (0, 0, lambda o: option(18, struct.pack("<Q", o[1])) + option(0, struct.pack("<Q", 0))),
    (18, 1, struct.pack("<II", len(frame), len(huge_formats)) + frame),
]))


# CPU data overlapping: 4096 CPUs all pointing at the seed's first page
# run: every event counted 4096 times. Made from the uncompressed version 6
# seed by rewriting its CPU table.
seed6 = open(os.path.join(FUZZ, "corpus", "tracefile", "loop-small-v6.dat"), "rb").read()
fly = seed6.index(b"flyrecord\0")
cpus_at = seed6.rindex(b"options  \0", 0, fly) - 4 if b"options  \0" in seed6[:fly] else fly - 4
old_cpus = struct.unpack_from("<I", seed6, cpus_at)[0]
table_at = fly + 10
first_offset, first_size = struct.unpack_from("<QQ", seed6, table_at)
page = seed6[first_offset:first_offset + 4096]
ncpus = 4096
head = bytearray(seed6[:table_at])
struct.pack_into("<I", head, cpus_at, ncpus)
page_at = len(head) + 16 * ncpus
page_at += -page_at % 4096
table = b"".join(struct.pack("<QQ", page_at, 4096) for _ in range(ncpus))
body = bytes(head) + table
body += bytes(page_at - len(body)) + page
write("tracefile", "cpu-data-overlapping-4096-times.dat", body)
