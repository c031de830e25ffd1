#include "trace/ringbufferscan.h"

#include "trace/moduleeventdecoder.h"
#include "trace/moduleids.h"

#include <traceevent/event-parse.h>
// kbuffer.h, unlike event-parse.h, declares its functions without C linkage.
extern "C" {
#include <traceevent/kbuffer.h>
}

#include <zstd.h>

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace refscope {

namespace {

struct TepDeleter {
    void operator()(tep_handle *tep) const { tep_free(tep); }
};
struct KbufferDeleter {
    void operator()(kbuffer *buffer) const { kbuffer_free(buffer); }
};
struct ZstdDeleter {
    void operator()(ZSTD_DCtx *context) const { ZSTD_freeDCtx(context); }
};

// The ring buffer's page header: a timestamp, then `commit`, a long whose
// low 27 bits are the bytes of events on the page (the rest are flags).
constexpr quint64 commitMask = (1u << 27) - 1;
// The smallest module event in a ring buffer (header, common fields, ip,
// refcnt, name) takes 32 bytes: an upper bound of the events in some bytes.
constexpr quint64 minEventBytes = 32;

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
        error = QStringLiteral("loading cancelled");
        return false;
    }
};

// One CPU's module events in order, read page by page: pages in place in
// an uncompressed file, else from the chunk last decompressed. Buffers get
// room past their end as kbuffer may read a few bytes beyond a page.
class CpuStream {
public:
    CpuStream(ScanContext &context, const TraceFileLayout::CpuData &cpu, quint64 virtualStart)
        : m_context(context), m_cpu(cpu), m_virtualOffset(virtualStart)
    {
        const TraceFileLayout &layout = context.layout;
        m_kbuffer.reset(
            kbuffer_alloc(layout.longSize == 8 ? KBUFFER_LSIZE_8 : KBUFFER_LSIZE_4,
                          layout.bigEndian ? KBUFFER_ENDIAN_BIG : KBUFFER_ENDIAN_LITTLE));
        if (layout.compressed)
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
        m_context.error = QStringLiteral("CPU %1 %2").arg(m_cpu.cpu).arg(what);
        return false;
    }

    ScanContext &m_context;
    const TraceFileLayout::CpuData &m_cpu;
    std::unique_ptr<kbuffer, KbufferDeleter> m_kbuffer;
    std::unique_ptr<ZSTD_DCtx, ZstdDeleter> m_zstd;
    std::vector<uchar> m_buffer; // decompressed chunk, or a copy of uncompressed pages
    quint64 m_bufferBytes = 0;
    quint64 m_bufferVirtualOffset = 0; // of m_buffer[0]
    quint64 m_pageInBuffer = 0;        // byte offset of the current page
    qint64 m_pageEnd = 0;              // of its events, from the page's start
    quint64 m_consumed = 0;            // bytes of the CPU's data in buffers so far
    int m_chunk = 0;
    quint64 m_virtualOffset;
    bool m_pageLoaded = false;
    bool m_started = false;
    std::size_t m_count = 0;
};

bool CpuStream::fillBuffer()
{
    const quint32 pageSize = m_context.layout.pageSize;
    if (m_cpu.chunks.isEmpty()) {
        // Uncompressed: 64 pages at a time, copied so that no read passes
        // the end of the mapping.
        const quint64 bytes = std::min<quint64>(64 * pageSize, m_cpu.size - m_consumed);
        m_buffer.resize(bytes + 64);
        std::memcpy(m_buffer.data(), m_context.file + m_cpu.fileOffset + m_consumed, bytes);
        m_bufferVirtualOffset = m_cpu.fileOffset + m_consumed;
        m_bufferBytes = bytes;
    } else {
        const TraceFileLayout::Chunk &chunk = m_cpu.chunks[m_chunk++];
        m_buffer.resize(chunk.size + 64);
        const size_t got =
            ZSTD_decompressDCtx(m_zstd.get(), m_buffer.data(), chunk.size,
                                m_context.file + chunk.fileOffset, chunk.compressedSize);
        if (ZSTD_isError(got) || got != chunk.size)
            return fail(QStringLiteral("has corrupt compressed data"));
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
    const TraceFileLayout &layout = m_context.layout;
    if (m_started)
        m_pageInBuffer += layout.pageSize;
    m_started = true;
    if (m_pageInBuffer + layout.pageSize > m_bufferBytes) {
        if (m_consumed >= m_cpu.size)
            return false;
        if (!fillBuffer())
            return false;
        if (m_bufferBytes < layout.pageSize)
            return false;
    }
    const uchar *page = m_buffer.data() + m_pageInBuffer;
    const int headerSize = 8 + layout.longSize;
    const quint64 commit =
        (layout.longSize == 8 ? (layout.bigEndian ? qFromBigEndian<quint64>(page + 8)
                                                  : qFromLittleEndian<quint64>(page + 8))
                              : (layout.bigEndian ? qFromBigEndian<quint32>(page + 8)
                                                  : qFromLittleEndian<quint32>(page + 8))) &
        commitMask;
    if (commit > layout.pageSize - headerSize)
        return fail(QStringLiteral("has a corrupt ring-buffer page"));
    m_pageEnd = headerSize + qint64(commit);
    kbuffer_load_subbuffer(m_kbuffer.get(), const_cast<uchar *>(page));
    if (const int missed = kbuffer_missed_events(m_kbuffer.get()); missed != 0) {
        const quint64 pageTs =
            layout.bigEndian ? qFromBigEndian<quint64>(page) : qFromLittleEndian<quint64>(page);
        m_context.store.appendLost(LostEvents{qint64(pageTs), m_cpu.cpu, missed > 0 ? missed : -1});
    }
    m_pageLoaded = true;
    return true;
}

bool CpuStream::next()
{
    kbuffer *kb = m_kbuffer.get();
    for (;;) {
        unsigned long long ts = 0;
        void *data = nullptr;
        if (m_pageLoaded) {
            data = kbuffer_next_event(kb, &ts);
        } else {
            if (!loadPage())
                return false;
            data = kbuffer_read_event(kb, &ts);
        }
        if (!data) {
            m_pageLoaded = false;
            continue;
        }
        const int size = kbuffer_event_size(kb);
        const uchar *page = m_buffer.data() + m_pageInBuffer;
        const qint64 end = static_cast<const uchar *>(data) - page + size;
        if (size < 0 || end > m_pageEnd)
            return fail(QStringLiteral("has a corrupt event"));
        const auto decoded = m_context.decoder.decode(data, size);
        if (!decoded)
            continue;
        timestampNs = qint64(ts);
        event = *decoded;
        recordOffset = m_bufferVirtualOffset + m_pageInBuffer + kbuffer_curr_offset(kb);
        ordinal = m_count++;
        return true;
    }
}

std::unique_ptr<tep_handle, TepDeleter> moduleFormats(const TraceFileLayout &layout)
{
    std::unique_ptr<tep_handle, TepDeleter> tep(tep_alloc());
    tep_set_file_bigendian(tep.get(), layout.bigEndian ? TEP_BIG_ENDIAN : TEP_LITTLE_ENDIAN);
    tep_set_local_bigendian(
        tep.get(), QSysInfo::ByteOrder == QSysInfo::BigEndian ? TEP_BIG_ENDIAN : TEP_LITTLE_ENDIAN);
    tep_set_long_size(tep.get(), layout.longSize);
    tep_set_page_size(tep.get(), int(layout.pageSize));
    for (const auto &[system, format] : layout.eventFormats)
        if (system == "module")
            tep_parse_event(tep.get(), format.constData(), format.size(), "module");
    return tep;
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
            context.store.append(stream.timestampNs, stream.cpu(), stream.event.kind,
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
    const auto tep = moduleFormats(layout);
    const ModuleEventDecoder decoder(tep.get());
    if (!decoder.hasModuleEvents()) {
        *error = QStringLiteral("the recording has no module events (record them with "
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
    scan->checkpoints.assign(maxCpu + 1, {});
    scan->store->reserve(context.totalBytes / minEventBytes);
    try {
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
