// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/tracefilelayout.h"

#include "tracefile/bytecursor.h"
#include "tracefile/ringbufferpage.h"
#include "tracefile/tracefilemessages.h"

#include <zstd.h>

#include <QSet>

#include <algorithm>

namespace refscope {

namespace {

// Limits well above anything trace-cmd writes, so that a corrupt count or
// size is refused before it is used to allocate or loop.
constexpr quint32 maxFormats = 100000;
constexpr quint32 maxCpus = 8192;
constexpr quint32 maxSectionSize = 1u << 30;
constexpr quint32 maxChunkSize = 1u << 28;
constexpr int maxOptionSections = 1024;

// Option ids (trace-cmd.dat.v7(5)).
enum Option : quint16 {
    Done = 0,
    Buffer = 3,
    Uname = 5,
    Offset = 7,
    TimeShift = 12,
    Tsc2Nsec = 14,
    HeaderInfo = 16,
    FtraceEvents = 17,
    EventFormats = 18,
    Kallsyms = 19,
    Printk = 20,
    Cmdlines = 21,
    BufferText = 22,
};

QString sectionName(quint16 id)
{
    switch (id) {
    case 0:
        return TraceFileMessages::tr("an options section");
    case HeaderInfo:
        return TraceFileMessages::tr("the ring-buffer header section");
    case FtraceEvents:
        return TraceFileMessages::tr("the ftrace event formats section");
    case EventFormats:
        return TraceFileMessages::tr("the event formats section");
    case Kallsyms:
        return TraceFileMessages::tr("the kernel symbols section");
    case Printk:
        return TraceFileMessages::tr("the printk formats section");
    case Cmdlines:
        return TraceFileMessages::tr("the command lines section");
    default:
        return TraceFileMessages::tr("section %1").arg(id);
    }
}

// The uname option's text up to its NUL, and no longer than a uname can be
// (four fields of 65 bytes): a corrupt size must not carry the file along.
QByteArray unameText(const QByteArray &option)
{
    const qsizetype end = option.indexOf('\0');
    return option.left(std::min<qsizetype>(end < 0 ? option.size() : end, 4 * 65));
}

class LayoutReader {
public:
    LayoutReader(const uchar *data, qint64 size, TraceFileLayout &layout)
        : m_data(data), m_size(size), m_layout(layout), m_budget(traceMemoryBudget(quint64(size)))
    {
    }
    bool read(QString *error);

private:
    bool fail(const QString &what)
    {
        m_error = what;
        return false;
    }
    ByteCursor file() const { return ByteCursor(m_data, m_size, m_layout.bigEndian); }
    bool readFormats(ByteCursor &in, bool ftrace);
    bool readHeaderInfo(ByteCursor &in);
    bool readSized(ByteCursor &in, int sizeBytes); // a size then that many bytes
    bool readCpuData(quint64 offset, quint64 size, int cpu);
    bool readV6(ByteCursor &in);
    bool readV7(ByteCursor &in);
    bool readSection(quint64 offset, quint16 expectedId, QByteArray *content);
    bool readOptions(ByteCursor &options, quint64 *next);
    // Counts `bytes` more against the budget; false (with the message
    // naming `what`) when they do not fit.
    bool charge(quint64 bytes, const QString &what);
    bool checkCpuRegions();

    const uchar *m_data;
    qint64 m_size;
    TraceFileLayout &m_layout;
    const quint64 m_budget;
    // The file bytes each CPU's data (or chunk table and chunks) takes.
    struct Region {
        quint64 begin, end;
        int cpu;
    };
    QList<Region> m_regions;
    QString m_error;
    bool m_knownPageFormat = false;
};

bool LayoutReader::read(QString *error)
{
    ByteCursor in = file();
    in.take(10); // magic, checked by checkTraceFileHeader
    m_layout.version = in.readString().toInt();
    const quint8 endian = in.read<quint8>();
    m_layout.bigEndian = endian == 1;
    m_layout.longSize = in.read<quint8>();
    in = ByteCursor(m_data, m_size, m_layout.bigEndian);
    in.seek(10);
    in.readString();
    in.take(2);
    m_layout.pageSize = in.read<quint32>();
    const quint32 page = m_layout.pageSize;
    bool ok = in.ok() && page >= 1024 && page <= (1u << 20) && (page & (page - 1)) == 0;
    if (!ok)
        ok = fail(TraceFileMessages::tr("the header's page size is corrupt"));
    else if (m_layout.version == 6)
        ok = readV6(in);
    else
        ok = readV7(in);
    if (ok && m_layout.cpus.isEmpty() && !m_layout.needsLibtracecmd)
        ok = fail(TraceFileMessages::tr("the file holds no ring-buffer data"));
    if (ok)
        ok = checkCpuRegions();
    // Pages of a layout RingBufferPage does not know are libtracecmd's.
    m_layout.needsLibtracecmd |= !m_knownPageFormat;
    if (!ok)
        *error = m_error;
    return ok;
}

bool LayoutReader::charge(quint64 bytes, const QString &what)
{
    if (bytes <= m_budget - std::min(m_budget, m_layout.structureBytes)) {
        m_layout.structureBytes += bytes;
        return true;
    }
    return fail(TraceFileMessages::tr("%1 would take more memory than a file of %2 KiB can need "
                                      "(%3 MiB in all): the file is corrupt or crafted")
                    .arg(what)
                    .arg(m_size / 1024)
                    .arg(m_budget >> 20));
}

// trace-cmd writes each CPU's data once: data that overlaps another CPU's
// would be read twice, the same bytes counting as events again and again.
bool LayoutReader::checkCpuRegions()
{
    std::sort(m_regions.begin(), m_regions.end(),
              [](const Region &a, const Region &b) { return a.begin < b.begin; });
    for (qsizetype i = 1; i < m_regions.size(); ++i)
        if (m_regions[i].begin < m_regions[i - 1].end)
            return fail(TraceFileMessages::tr("CPU %1's data overlaps CPU %2's")
                            .arg(m_regions[i].cpu)
                            .arg(m_regions[i - 1].cpu));
    return true;
}

bool LayoutReader::readSized(ByteCursor &in, int sizeBytes)
{
    const quint64 size = sizeBytes == 4 ? in.read<quint32>() : in.read<quint64>();
    in.take(size);
    return in.ok();
}

bool LayoutReader::readHeaderInfo(ByteCursor &in)
{
    const bool pageNamed = in.readString() == "header_page";
    const QByteArray page = in.takeCopy(in.read<quint64>());
    const bool eventNamed = in.readString() == "header_event";
    const QByteArray event = in.takeCopy(in.read<quint64>());
    if (!in.ok() || !pageNamed || !eventNamed)
        return fail(TraceFileMessages::tr("the ring-buffer header description is corrupt"));
    m_knownPageFormat = isKnownRingBufferFormat(page, event, m_layout.longSize);
    return true;
}

bool LayoutReader::readFormats(ByteCursor &in, bool ftrace)
{
    const quint32 systems = ftrace ? 1 : in.read<quint32>();
    for (quint32 s = 0; in.ok() && s < systems && s < maxFormats; ++s) {
        const QByteArray system = ftrace ? QByteArray("ftrace") : in.readString();
        const quint32 count = in.read<quint32>();
        if (count > maxFormats)
            in.fail();
        for (quint32 e = 0; in.ok() && e < count; ++e) {
            const quint64 length = in.read<quint64>();
            if (length > quint64(in.remaining())) {
                in.fail();
                break;
            }
            if (!charge(length + sizeof(QByteArray), TraceFileMessages::tr("the event formats")))
                return false;
            const QByteArray format = in.takeCopy(length);
            if (ftrace)
                m_layout.ftraceFormats.append(format);
            else
                m_layout.eventFormats.append({system, format});
        }
    }
    if (!in.ok() || systems > maxFormats)
        return fail(TraceFileMessages::tr("the event formats are corrupt"));
    return true;
}

bool LayoutReader::readCpuData(quint64 offset, quint64 size, int cpu)
{
    TraceFileLayout::CpuData data;
    data.cpu = cpu;
    data.fileOffset = offset;
    if (offset > quint64(m_size) || size > quint64(m_size) - offset)
        return fail(TraceFileMessages::tr("CPU %1's data lies outside the file").arg(cpu));
    if (!charge(sizeof(TraceFileLayout::CpuData), TraceFileMessages::tr("the table of CPUs")))
        return false;
    if (!m_layout.compressed || size == 0) {
        data.size = size / m_layout.pageSize * m_layout.pageSize;
        if (size > 0)
            m_regions.append({offset, offset + size, cpu});
        m_layout.pageBytes += data.size;
        m_layout.cpus.append(data);
        return true;
    }
    // The recorded size counts the chunks, not the chunk count before them.
    const qint64 tableBytes = std::min<qint64>(qint64(size) + 4, m_size - qint64(offset));
    ByteCursor in(m_data + offset, tableBytes, m_layout.bigEndian);
    const quint32 chunks = in.read<quint32>();
    quint32 largest = 0;
    for (quint32 c = 0; in.ok() && c < chunks; ++c) {
        TraceFileLayout::Chunk chunk;
        chunk.compressedSize = in.read<quint32>();
        chunk.size = in.read<quint32>();
        chunk.fileOffset = offset + quint64(in.position());
        if (chunk.size > maxChunkSize || chunk.size % m_layout.pageSize != 0)
            in.fail();
        in.take(chunk.compressedSize);
        if (!in.ok())
            break;
        if (!charge(sizeof chunk,
                    TraceFileMessages::tr("CPU %1's table of compressed chunks").arg(cpu)))
            return false;
        data.size += chunk.size;
        largest = std::max(largest, chunk.size);
        data.chunks.append(chunk);
    }
    if (!in.ok())
        return fail(
            TraceFileMessages::tr("CPU %1's table of compressed chunks is corrupt").arg(cpu));
    // Every CPU decompresses into a buffer of its own, all at once.
    if (!charge(largest, TraceFileMessages::tr("CPU %1's compressed chunks").arg(cpu)))
        return false;
    m_layout.pageBytes += data.size;
    if (m_layout.pageBytes > maxPageBytes(quint64(m_size)))
        return fail(TraceFileMessages::tr("CPU %1's compressed chunks would decompress to more "
                                          "than a file of %2 KiB can hold (%3 MiB of pages in "
                                          "all): the file is corrupt or crafted")
                        .arg(cpu)
                        .arg(m_size / 1024)
                        .arg(maxPageBytes(quint64(m_size)) >> 20));
    m_regions.append({offset, offset + quint64(in.position()), cpu});
    m_layout.cpus.append(data);
    return true;
}

bool LayoutReader::readV6(ByteCursor &in)
{
    if (!readHeaderInfo(in) || !readFormats(in, true) || !readFormats(in, false))
        return false;
    if (!readSized(in, 4) || !readSized(in, 4) || !readSized(in, 8)) // kallsyms, printk, cmdlines
        return fail(TraceFileMessages::tr("the symbol, printk or command-line tables are corrupt"));
    const quint32 cpus = in.read<quint32>();
    QByteArray kind = in.takeCopy(10);
    if (kind == QByteArray("options  \0", 10)) {
        for (quint16 id = in.read<quint16>(); in.ok() && id != Done; id = in.read<quint16>()) {
            m_layout.needsLibtracecmd |= id == Offset || id == TimeShift || id == Tsc2Nsec;
            m_layout.needsLibtracecmd |= id == Buffer; // another instance's data
            const quint32 size = in.read<quint32>();
            const uchar *bytes = in.take(size);
            if (id == Uname && in.ok())
                m_layout.uname =
                    unameText(QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(size)));
        }
        kind = in.takeCopy(10);
    }
    if (!in.ok() || cpus > maxCpus)
        return fail(TraceFileMessages::tr("the options or the CPU count are corrupt"));
    if (kind == QByteArray("latency  \0", 10)) {
        m_layout.needsLibtracecmd = true;
        return true;
    }
    if (kind != QByteArray("flyrecord\0", 10))
        return fail(TraceFileMessages::tr("the file names no known kind of trace data"));
    for (quint32 cpu = 0; cpu < cpus; ++cpu) {
        const quint64 offset = in.read<quint64>();
        const quint64 size = in.read<quint64>();
        if (!in.ok())
            return fail(TraceFileMessages::tr("the table of CPU data is truncated"));
        if (!readCpuData(offset, size, int(cpu)))
            return false;
    }
    return true;
}

bool LayoutReader::readSection(quint64 offset, quint16 expectedId, QByteArray *content)
{
    ByteCursor in = file();
    in.seek(offset);
    const quint16 id = in.read<quint16>();
    const quint16 flags = in.read<quint16>();
    in.read<quint32>(); // description string id
    const quint64 size = in.read<quint64>();
    const uchar *bytes = in.take(size);
    if (!in.ok() || id != expectedId || size > maxSectionSize)
        return fail(TraceFileMessages::tr("section %1 is corrupt or truncated").arg(expectedId));
    if (!(flags & 1)) {
        if (!charge(size, sectionName(expectedId)))
            return false;
        *content = QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(size));
        return true;
    }
    ByteCursor packed(bytes, qint64(size), m_layout.bigEndian);
    const quint32 packedSize = packed.read<quint32>();
    const quint32 unpackedSize = packed.read<quint32>();
    const uchar *data = packed.take(packedSize);
    if (!packed.ok() || unpackedSize > maxSectionSize || !m_layout.compressed)
        return fail(TraceFileMessages::tr("compressed section %1 is corrupt").arg(expectedId));
    // zstd says what a frame holds: a section claiming another size is
    // refused before its buffer is allocated.
    const unsigned long long frameSize = ZSTD_getFrameContentSize(data, packedSize);
    if (frameSize != ZSTD_CONTENTSIZE_UNKNOWN && frameSize != unpackedSize)
        return fail(TraceFileMessages::tr("compressed section %1 is corrupt").arg(expectedId));
    if (!charge(unpackedSize, sectionName(expectedId)))
        return false;
    content->resize(unpackedSize);
    const size_t got = ZSTD_decompress(content->data(), unpackedSize, data, packedSize);
    if (ZSTD_isError(got) || got != unpackedSize)
        return fail(
            TraceFileMessages::tr("compressed section %1 does not decompress").arg(expectedId));
    return true;
}

bool LayoutReader::readOptions(ByteCursor &options, quint64 *next)
{
    *next = 0;
    while (options.ok()) {
        const quint16 id = options.read<quint16>();
        const quint32 size = options.read<quint32>();
        const uchar *bytes = options.take(size);
        if (!options.ok())
            break;
        ByteCursor data(bytes, size, m_layout.bigEndian);
        if (id == Done) {
            *next = data.read<quint64>();
            return data.ok() || fail(TraceFileMessages::tr("an options section ends badly"));
        }
        m_layout.needsLibtracecmd |= id == Offset || id == TimeShift || id == Tsc2Nsec;
        m_layout.needsLibtracecmd |= id == BufferText;
        if (id == Uname)
            m_layout.uname =
                unameText(QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(size)));
        QByteArray section;
        const quint64 offset = id >= HeaderInfo && id <= Cmdlines ? data.read<quint64>() : 0;
        if (id >= HeaderInfo && id <= Cmdlines && !readSection(offset, id, &section))
            return false;
        ByteCursor in(reinterpret_cast<const uchar *>(section.constData()), section.size(),
                      m_layout.bigEndian);
        bool ok = true;
        if (id == HeaderInfo)
            ok = readHeaderInfo(in);
        else if (id == FtraceEvents || id == EventFormats)
            ok = readFormats(in, id == FtraceEvents);
        else if (id == Kallsyms || id == Printk)
            ok = readSized(in, 4) || fail(TraceFileMessages::tr("section %1 is corrupt").arg(id));
        else if (id == Cmdlines)
            ok = readSized(in, 8) || fail(TraceFileMessages::tr("the command lines are corrupt"));
        if (!ok)
            return false;
        if (id != Buffer)
            continue;
        data.read<quint64>(); // the flyrecord section, whose CPU data follows
        const QByteArray name = data.readString();
        data.readString(); // clock
        data.read<quint32>();
        const quint32 cpus = data.read<quint32>();
        if (!data.ok() || cpus > maxCpus)
            return fail(TraceFileMessages::tr("a buffer description is corrupt"));
        if (!name.isEmpty()) {
            m_layout.needsLibtracecmd = true;
            continue;
        }
        for (quint32 c = 0; c < cpus; ++c) {
            const int cpu = int(data.read<quint32>());
            const quint64 offset = data.read<quint64>();
            const quint64 size = data.read<quint64>();
            if (!data.ok() || cpu < 0 || cpu >= int(maxCpus))
                return fail(TraceFileMessages::tr("a buffer description is corrupt"));
            if (!readCpuData(offset, size, cpu))
                return false;
        }
    }
    return fail(TraceFileMessages::tr("an options section is truncated"));
}

bool LayoutReader::readV7(ByteCursor &in)
{
    const QByteArray compression = in.readString();
    in.readString(); // its version
    quint64 next = in.read<quint64>();
    if (!in.ok())
        return fail(TraceFileMessages::tr("the header is truncated"));
    if (compression != "none" && compression != "zstd")
        return fail(TraceFileMessages::tr("compression \"%1\" is not supported (zstd is)")
                        .arg(QString::fromLatin1(compression.left(32))));
    m_layout.compressed = compression == "zstd";
    QSet<quint64> seen;
    while (next != 0) {
        if (seen.contains(next) || seen.size() >= maxOptionSections)
            return fail(TraceFileMessages::tr("the options sections loop"));
        seen.insert(next);
        QByteArray options;
        if (!readSection(next, 0, &options))
            return false;
        ByteCursor cursor(reinterpret_cast<const uchar *>(options.constData()), options.size(),
                          m_layout.bigEndian);
        if (!readOptions(cursor, &next))
            return false;
    }
    return true;
}

} // namespace

quint64 traceMemoryBudget(quint64 fileSize)
{
    return (quint64(64) << 20) + 8 * fileSize;
}

quint64 maxPageBytes(quint64 fileSize)
{
    return (quint64(64) << 20) + 1024 * fileSize;
}

bool readTraceFileLayout(const uchar *data, qint64 size, TraceFileLayout *layout, QString *error)
{
    *layout = TraceFileLayout();
    layout->fileSize = quint64(size);
    return LayoutReader(data, size, *layout).read(error);
}

} // namespace refscope
