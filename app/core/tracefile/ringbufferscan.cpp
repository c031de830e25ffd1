// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/ringbufferscan.h"

#include "events/moduleids.h"
#include "tracefile/childcheck.h"
#include "tracefile/moduleeventdecoder.h"
#include "tracefile/ringbufferpage.h"
#include "tracefile/tracefilemessages.h"

#include <traceevent/event-parse.h>

#include <zstd.h>

#include <QElapsedTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <mutex>
#include <sys/wait.h>
#include <unistd.h>

namespace refscope {

namespace {

extern "C" void __sanitizer_set_death_callback(void (*callback)()) __attribute__((weak));

// libtraceevent parses formats through a global buffer (ThreadSanitizer
// saw two background loads write it at once): one parse at a time.
std::mutex g_tepLock;

struct TepDeleter {
    void operator()(tep_handle *tep) const
    {
        std::lock_guard lock(g_tepLock);
        tep_free(tep);
    }
};
struct ZstdDeleter {
    void operator()(ZSTD_DCtx *context) const { ZSTD_freeDCtx(context); }
};

// The smallest module event in a ring buffer (header, common fields, ip,
// refcnt, name) takes 32 bytes: an upper bound of the events in some bytes.
constexpr quint64 minEventBytes = 32;
// What the store's columns take an event (EventStore::columnBytes).
constexpr quint64 columnBytesPerEvent = 16;
// Uncompressed pages are walked in place, this many between progress reports.
constexpr quint64 pagesPerStep = 64;

// What all CPUs' streams share: the file, its layout, the decoder, the
// progress made and the store the losses go to.
struct ScanContext {
    const uchar *file;
    const TraceFileLayout &layout;
    const ModuleEventDecoder &decoder;
    const LoadProgress &progress;
    EventStore &store;
    quint64 totalBytes = 0;
    quint64 doneBytes = 0;
    int lastPermille = -1;
    QString error;

    bool pageDone(quint64 bytes)
    {
        doneBytes += bytes;
        const int permille = int(doneBytes * 999 / std::max<quint64>(totalBytes, 1));
        if (!progress || permille == lastPermille)
            return true;
        lastPermille = permille;
        if (progress(permille))
            return true;
        error = TraceFileMessages::tr("loading cancelled");
        return false;
    }
};

// One CPU's module events in order, read page by page: in place in an
// uncompressed file, else from the chunk last decompressed. (A thread
// decompressing ahead did not pay: its handovers cost more CPU than zstd
// itself and saved no time on two cores.)
class CpuStream {
public:
    CpuStream(ScanContext &context, const TraceFileLayout::CpuData &cpu, quint64 virtualStart)
        : m_context(context), m_cpu(cpu), m_page(context.layout.bigEndian, context.layout.longSize),
          m_virtualOffset(virtualStart)
    {
        if (context.layout.compressed)
            m_zstd.reset(ZSTD_createDCtx());
    }

    int cpu() const { return m_cpu.cpu; }
    // Moves to the CPU's next module event; false at the end or on an error
    // (then the context's error says what).
    bool next();

    qint64 timestampNs = 0;
    ModuleEventDecoder::Decoded event{};
    quint64 recordOffset = 0; // as libtracecmd numbers records
    std::size_t ordinal = 0;  // of this event among the CPU's module events

private:
    bool loadPage();
    bool fillBuffer();
    bool fail(const QString &what)
    {
        m_context.error = TraceFileMessages::tr("CPU %1 %2").arg(m_cpu.cpu).arg(what);
        return false;
    }

    ScanContext &m_context;
    const TraceFileLayout::CpuData &m_cpu;
    RingBufferPage m_page;
    std::unique_ptr<ZSTD_DCtx, ZstdDeleter> m_zstd;
    std::vector<uchar> m_buffer;    // the chunk last decompressed
    const uchar *m_pages = nullptr; // in the file or in m_buffer
    quint64 m_bufferBytes = 0;
    quint64 m_bufferVirtualOffset = 0; // of m_pages[0]
    quint64 m_pageInBuffer = 0;        // byte offset of the current page
    quint64 m_consumed = 0;            // bytes of the CPU's data in buffers so far
    int m_chunk = 0;
    quint64 m_virtualOffset;
    bool m_pageLoaded = false;
    bool m_pageNew = false; // no record of the page read yet
    bool m_started = false;
    std::size_t m_count = 0;
};

bool CpuStream::fillBuffer()
{
    const quint32 pageSize = m_context.layout.pageSize;
    if (m_cpu.chunks.isEmpty()) {
        m_pages = m_context.file + m_cpu.fileOffset + m_consumed;
        m_bufferBytes = std::min<quint64>(pagesPerStep * pageSize, m_cpu.size - m_consumed);
        m_bufferVirtualOffset = m_cpu.fileOffset + m_consumed;
    } else {
        const TraceFileLayout::Chunk &chunk = m_cpu.chunks[m_chunk++];
        m_buffer.resize(chunk.size);
        const size_t got =
            ZSTD_decompressDCtx(m_zstd.get(), m_buffer.data(), chunk.size,
                                m_context.file + chunk.fileOffset, chunk.compressedSize);
        if (ZSTD_isError(got) || got != chunk.size)
            return fail(TraceFileMessages::tr("has corrupt compressed data"));
        m_pages = m_buffer.data();
        // libtracecmd numbers a compressed file's records as if the CPUs'
        // decompressed data followed one another from the first page on.
        m_bufferVirtualOffset = m_virtualOffset + m_consumed;
        m_bufferBytes = chunk.size;
    }
    m_consumed += m_bufferBytes;
    m_pageInBuffer = 0;
    return m_context.pageDone(m_bufferBytes);
}

bool CpuStream::loadPage()
{
    const quint32 pageSize = m_context.layout.pageSize;
    if (m_started)
        m_pageInBuffer += pageSize;
    m_started = true;
    if (m_pageInBuffer + pageSize > m_bufferBytes) {
        if (m_consumed >= m_cpu.size)
            return false;
        if (!fillBuffer())
            return false;
        if (m_bufferBytes < pageSize)
            return false;
    }
    if (!m_page.load(m_pages + m_pageInBuffer, pageSize))
        return fail(TraceFileMessages::tr("has a corrupt ring-buffer page"));
    m_pageLoaded = true;
    m_pageNew = true;
    return true;
}

bool CpuStream::next()
{
    for (;;) {
        if (!m_pageLoaded && !loadPage())
            return false;
        const RingBufferPage::Step step = m_page.next();
        if (step == RingBufferPage::Step::Corrupt)
            return fail(TraceFileMessages::tr("has a corrupt event"));
        if (m_pageNew) {
            m_pageNew = false;
            if (const qint64 missed = m_page.missedEvents(); missed != 0)
                m_context.store.appendLost(LostEvents{qint64(m_page.pageTimestamp()), m_cpu.cpu,
                                                      missed > 0 ? missed : -1});
        }
        if (step == RingBufferPage::Step::End) {
            m_pageLoaded = false;
            continue;
        }
        const auto decoded = m_context.decoder.decode(m_page.data(), m_page.length());
        if (!decoded)
            continue;
        timestampNs = qint64(m_page.timestamp());
        event = *decoded;
        recordOffset = m_bufferVirtualOffset + m_pageInBuffer + m_page.offset();
        ordinal = m_count++;
        return true;
    }
}

tep_handle *parseModuleFormats(const TraceFileLayout &layout)
{
    tep_handle *tep = tep_alloc();
    tep_set_file_bigendian(tep, layout.bigEndian ? TEP_BIG_ENDIAN : TEP_LITTLE_ENDIAN);
    tep_set_local_bigendian(tep, QSysInfo::ByteOrder == QSysInfo::BigEndian ? TEP_BIG_ENDIAN
                                                                            : TEP_LITTLE_ENDIAN);
    tep_set_long_size(tep, layout.longSize);
    tep_set_page_size(tep, int(layout.pageSize));
    for (const auto &[system, format] : layout.eventFormats)
        if (system == "module")
            tep_parse_event(tep, format.constData(), format.size(), "module");
    return tep;
}

std::unique_ptr<tep_handle, TepDeleter> moduleFormats(const TraceFileLayout &layout)
{
    std::lock_guard lock(g_tepLock);
    return std::unique_ptr<tep_handle, TepDeleter>(parseModuleFormats(layout));
}

// libtraceevent's format parser follows a NULL pointer on some malformed
// format texts (a fuzzer found one): they are parsed in a child process
// first, as files that go to libtracecmd are read (tracehandle.cpp), and a
// file that kills the child (or keeps it 10 s, twice) is refused.
ChildVerdict parseFormatsInChild(const TraceFileLayout &layout);

bool formatsParseWithoutCrashing(const TraceFileLayout &layout)
{
    // A child forked while another thread holds a lock the parse needs can
    // wait for it forever (likely an allocator's under AddressSanitizer,
    // whose runtime in Debian's GCC has no fork handlers: a real trace once
    // timed out there): a hang gets a second child before the file is
    // refused.
    ChildVerdict verdict = parseFormatsInChild(layout);
    if (verdict == ChildVerdict::TimedOut)
        verdict = parseFormatsInChild(layout);
    return verdict == ChildVerdict::Succeeded || verdict == ChildVerdict::Unknown;
}

ChildVerdict parseFormatsInChild(const TraceFileLayout &layout)
{
    const pid_t child = fork();
    if (child < 0)
        return ChildVerdict::Unknown; // cannot tell: parse as before
    if (child == 0) {
        if (__sanitizer_set_death_callback)
            __sanitizer_set_death_callback(nullptr); // the fuzzer's crash report is the parent's
        parseModuleFormats(layout);
        _exit(0);
    }
    return waitForCheckChild(child, 10000);
}

// Appends the CPUs' module events in trace-cmd report's order: the earliest
// first, the lower CPU number on a tie.
bool merge(std::vector<std::unique_ptr<CpuStream>> &streams, ScanContext &context,
           RingBufferScan *scan)
{
    ModuleIds ids(context.store);
    std::vector<CpuStream *> live;
    for (auto &stream : streams) {
        if (stream->next())
            live.push_back(stream.get());
        else if (!context.error.isEmpty())
            return false;
    }
    while (!live.empty()) {
        auto best = live.begin();
        for (auto it = live.begin() + 1; it != live.end(); ++it)
            if ((*it)->timestampNs < (*best)->timestampNs)
                best = it;
        CpuStream &stream = **best;
        const std::size_t index =
            context.store.appendDeferred(stream.timestampNs, stream.cpu(), stream.event.kind,
                                         ids.idOf(stream.event.module), stream.event.refcount);
        if (stream.ordinal % TraceFileDetails::checkpointInterval == 0)
            scan->checkpoints[stream.cpu()].push_back({std::uint32_t(index), stream.recordOffset});
        if (!stream.next()) {
            if (!context.error.isEmpty())
                return false;
            live.erase(best);
        }
    }
    return true;
}

} // namespace

bool scanRingBuffers(const uchar *data, const TraceFileLayout &layout, const LoadProgress &progress,
                     RingBufferScan *scan, QString *error)
{
    scan->store = std::make_shared<EventStore>();
    if (!formatsParseWithoutCrashing(layout)) {
        *error = TraceFileMessages::tr("the module event formats are corrupt");
        return false;
    }
    const auto tep = moduleFormats(layout);
    const ModuleEventDecoder decoder(tep.get());
    if (!decoder.hasModuleEvents()) {
        *error = TraceFileMessages::tr("the recording has no module events (record them with "
                                       "trace-cmd record -e module)");
        return false;
    }
    ScanContext context{data, layout, decoder, progress, *scan->store, 0, 0, -1, {}};
    std::vector<std::unique_ptr<CpuStream>> streams;
    quint64 virtualStart = layout.pageSize;
    int maxCpu = 0;
    for (const TraceFileLayout::CpuData &cpu : layout.cpus) {
        streams.push_back(std::make_unique<CpuStream>(context, cpu, virtualStart));
        virtualStart += cpu.size;
        context.totalBytes += cpu.size;
        maxCpu = std::max(maxCpu, cpu.cpu);
    }
    // Ties go to the lower CPU number: keep the streams in that order.
    std::stable_sort(streams.begin(), streams.end(),
                     [](const auto &a, const auto &b) { return a->cpu() < b->cpu(); });
    try {
        scan->checkpoints.assign(maxCpu + 1, {});
        // A first reservation for the events the pages can hold, within
        // what the layout left of the file's memory budget: a corrupt size
        // only means the columns grow as real events arrive.
        const quint64 budget = traceMemoryBudget(layout.fileSize);
        const quint64 spare = budget - std::min(budget, layout.structureBytes);
        scan->store->reserve(
            std::min(context.totalBytes / minEventBytes, spare / columnBytesPerEvent));
        if (!merge(streams, context, scan)) {
            *error = context.error;
            return false;
        }
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

} // namespace refscope
