// SPDX-License-Identifier: GPL-3.0-or-later
// The structure of a trace.dat file (trace-cmd.dat.v6(5), .v7(5)), read
// with every length and offset checked against the file: where the event
// formats are, and where each CPU's ring-buffer pages lie (for compressed
// files, the table of compressed chunks). libtracecmd trusts these fields
// and crashes on bad ones, so nothing reaches it before they pass here;
// RefScope's own fast reader then walks the pages this describes.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace refscope {

struct TraceFileLayout {
    int version = 0;
    quint64 fileSize = 0;
    bool bigEndian = false;
    int longSize = 8;
    quint32 pageSize = 4096;
    bool compressed = false; // zstd chunks; "none" is not compressed
    // The recording machine's "sysname nodename release machine", as
    // trace-cmd stores it (its uname option); empty when the file has none.
    QByteArray uname;

    // Event format files, as the kernel's tracefs shows them.
    QList<QByteArray> ftraceFormats;                       // ftrace/*/format
    QList<std::pair<QByteArray, QByteArray>> eventFormats; // (system, format)

    // A compressed piece of one CPU's data; uncompressed it holds whole pages.
    struct Chunk {
        quint64 fileOffset = 0; // of the compressed bytes
        quint32 compressedSize = 0;
        quint32 size = 0;
    };
    struct CpuData {
        int cpu = 0;
        quint64 fileOffset = 0; // uncompressed: the first page; compressed: the chunk table
        quint64 size = 0;       // bytes of pages once uncompressed
        QList<Chunk> chunks;    // empty when the file is not compressed
    };
    QList<CpuData> cpus; // the top-level buffer's CPUs

    // What the reader may hold besides the events themselves (memoryBudget):
    // sections and format texts, the decompression buffer of every CPU
    // and the events' first reservation are charged to it.
    quint64 structureBytes = 0;
    // Every CPU's pages, decompressed: at most maxPageBytes(file size).
    quint64 pageBytes = 0;

    // Timestamps that options shift or scale (OFFSET, TSC2NSEC, TIME_SHIFT),
    // other buffers, latency data or ring-buffer pages of a layout other
    // than RingBufferPage's: libtracecmd reads those files.
    bool needsLibtracecmd = false;
};

// Memory a file of `fileSize` bytes may make the reader hold besides its
// events: 64 MiB and 8 times its size. A file whose sections, formats and
// decompression buffers would take more is refused, naming the section:
// a few KB could otherwise declare GiBs (a compressed section, a section
// referenced again and again, overlapping CPU data, 256 MiB chunks).
quint64 traceMemoryBudget(quint64 fileSize);
// The pages a compressed file may decompress to in all: 64 MiB and 1024
// times its size (trace-cmd's zstd reaches 10 to 20 on real recordings;
// empty pages more). Uncompressed files hold their pages themselves.
quint64 maxPageBytes(quint64 fileSize);

// Reads the layout of the file mapped at `data`; false and a message
// (without the path) if anything is out of bounds or unknown.
bool readTraceFileLayout(const uchar *data, qint64 size, TraceFileLayout *layout, QString *error);

} // namespace refscope
