// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/ringbufferscan.h"

#include "events/hugepagecolumn.h"
#include "events/moduleids.h"
#include "tracefile/moduleeventdecoder.h"
#include "tracefile/moduleformats.h"
#include "tracefile/ringbufferpage.h"
#include "tracefile/tracefilemessages.h"

#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <numeric>
#include <thread>

namespace refscope {

namespace {

struct ZstdDeleter {
    void operator()(ZSTD_DCtx *context) const { ZSTD_freeDCtx(context); }
};

// The smallest module event in a ring buffer (header, common fields, ip,
// refcnt, name) takes 32 bytes: an upper bound of the events in some bytes.
constexpr quint64 minEventBytes = 32;
// Uncompressed pages are walked in place, this many between progress reports.
constexpr quint64 pagesPerStep = 64;

// What all CPUs' scans share: the file, its layout, the decoder, the bytes
// scanned so far and whether to stop (loading cancelled, or a CPU's data
// is corrupt and the file refused anyway).
struct ScanShared {
    const uchar *file;
    const TraceFileLayout &layout;
    const ModuleEventDecoder &decoder;
    const LoadProgress &progress;
    quint64 totalBytes = 0;
    std::atomic<quint64> doneBytes{0};
    std::atomic<bool> stop{false};
    std::atomic<bool> cancelled{false};
    int lastPermille = -1; // the loading thread's alone

    // Only the loading thread reports progress: `progress` is the caller's
    // and may not be called from another thread.
    void reportProgress()
    {
        const int permille =
            int(doneBytes.load(std::memory_order_relaxed) * 999 / std::max<quint64>(totalBytes, 1));
        if (!progress || permille == lastPermille)
            return;
        lastPermille = permille;
        if (!progress(permille)) {
            cancelled = true;
            stop = true;
        }
    }
};

// The module events of one stretch of one CPU's pages (a segment), as its
// scan found them; merged with the others once all are scanned.
struct CpuEvents {
    struct Event {
        qint64 timestampNs;
        qint32 refcount;
        quint16 module; // in `modules`, this CPU's own numbering
        quint8 kind;
    };
    HugePageVector<Event> events; // as the store's columns, filled a huge page per fault
    ModuleIds modules;
    // The record offset of every checkpointInterval-th event, as libtracecmd
    // numbers records.
    std::vector<quint64> checkpointOffsets;
    std::vector<LostEvents> lost;
    QString error; // corrupt data; empty when it ended or was stopped
};

// A stretch of one CPU's pages scanned on its own: ring-buffer pages stand
// alone (each starts with its own timestamp) and compressed chunks hold
// whole pages, so a CPU splits at chunk (or page) boundaries, and one busy
// CPU (a flood recorded on one core) still spreads over every core.
struct Segment {
    const TraceFileLayout::CpuData *cpu;
    quint64 virtualStart; // of the CPU's data, as libtracecmd numbers records
    quint64 begin = 0;    // bytes of the CPU's (decompressed) data before it
    quint64 end = 0;
    int firstChunk = 0;
    CpuEvents out;
};

// One segment's module events in order, read page by page: in place in an
// uncompressed file, else from the chunk last decompressed. Segments are
// scanned on as many threads as there are cores (decompression and
// decoding are most of a load); a thread decompressing ahead of one scan
// did not pay, its handovers cost more CPU than zstd itself.
class CpuStream {
public:
    CpuStream(ScanShared &shared, Segment &segment)
        : m_shared(shared), m_cpu(*segment.cpu), m_out(segment.out),
          m_page(shared.layout.bigEndian, shared.layout.longSize), m_consumed(segment.begin),
          m_end(segment.end), m_chunk(segment.firstChunk), m_virtualOffset(segment.virtualStart)
    {
        if (shared.layout.compressed)
            m_zstd.reset(ZSTD_createDCtx());
    }

    // Scans the segment into its `out`; `reporter` on the loading thread.
    void scan(bool reporter);

private:
    bool next();
    bool loadPage();
    bool fillBuffer();
    bool fail(const QString &what)
    {
        m_out.error = TraceFileMessages::tr("CPU %1 %2").arg(m_cpu.cpu).arg(what);
        m_shared.stop = true;
        return false;
    }

    ScanShared &m_shared;
    const TraceFileLayout::CpuData &m_cpu;
    CpuEvents &m_out;
    RingBufferPage m_page;
    std::unique_ptr<ZSTD_DCtx, ZstdDeleter> m_zstd;
    std::vector<uchar> m_buffer;    // the chunk last decompressed
    const uchar *m_pages = nullptr; // in the file or in m_buffer
    quint64 m_bufferBytes = 0;
    quint64 m_bufferVirtualOffset = 0; // of m_pages[0]
    quint64 m_pageInBuffer = 0;        // byte offset of the current page
    quint64 m_consumed;                // bytes of the CPU's data in buffers so far
    quint64 m_end;
    int m_chunk;
    quint64 m_virtualOffset;
    bool m_pageLoaded = false;
    bool m_pageNew = false; // no record of the page read yet
    bool m_started = false;
    bool m_reporter = false;
    // The event next() moved to.
    qint64 m_timestampNs = 0;
    ModuleEventDecoder::Decoded m_event{};
    quint64 m_recordOffset = 0;
};

bool CpuStream::fillBuffer()
{
    const quint32 pageSize = m_shared.layout.pageSize;
    if (m_cpu.chunks.isEmpty()) {
        m_pages = m_shared.file + m_cpu.fileOffset + m_consumed;
        m_bufferBytes = std::min<quint64>(pagesPerStep * pageSize, m_end - m_consumed);
        m_bufferVirtualOffset = m_cpu.fileOffset + m_consumed;
    } else {
        if (m_chunk >= m_cpu.chunks.size())
            return false;
        const TraceFileLayout::Chunk &chunk = m_cpu.chunks[m_chunk++];
        m_buffer.resize(chunk.size);
        const size_t got =
            ZSTD_decompressDCtx(m_zstd.get(), m_buffer.data(), chunk.size,
                                m_shared.file + chunk.fileOffset, chunk.compressedSize);
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
    m_shared.doneBytes.fetch_add(m_bufferBytes, std::memory_order_relaxed);
    if (m_reporter)
        m_shared.reportProgress();
    return !m_shared.stop.load(std::memory_order_relaxed);
}

bool CpuStream::loadPage()
{
    const quint32 pageSize = m_shared.layout.pageSize;
    if (m_started)
        m_pageInBuffer += pageSize;
    m_started = true;
    if (m_pageInBuffer + pageSize > m_bufferBytes) {
        if (m_consumed >= m_end)
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
                m_out.lost.push_back(LostEvents{qint64(m_page.pageTimestamp()), m_cpu.cpu,
                                                missed > 0 ? missed : -1});
        }
        if (step == RingBufferPage::Step::End) {
            m_pageLoaded = false;
            continue;
        }
        const auto decoded = m_shared.decoder.decode(m_page.data(), m_page.length());
        if (!decoded)
            continue;
        m_timestampNs = qint64(m_page.timestamp());
        m_event = *decoded;
        m_recordOffset = m_bufferVirtualOffset + m_pageInBuffer + m_page.offset();
        return true;
    }
}

void CpuStream::scan(bool reporter)
{
    m_reporter = reporter;
    try {
        // A first reservation for what the pages can hold, within this
        // segment's share of what the layout left of the file's memory
        // budget: a corrupt size only means the vector grows as real
        // events arrive.
        const TraceFileLayout &layout = m_shared.layout;
        const quint64 budget = traceMemoryBudget(layout.fileSize);
        const quint64 spare = budget - std::min(budget, layout.structureBytes);
        const quint64 bytes = m_end - m_consumed;
        const double share = double(bytes) / double(std::max<quint64>(m_shared.totalBytes, 1));
        m_out.events.reserve(std::min<quint64>(
            bytes / minEventBytes, quint64(share * double(spare / sizeof(CpuEvents::Event)))));
        while (next()) {
            const int module = m_out.modules.idOf(m_event.module);
            if (module > std::numeric_limits<quint16>::max())
                throw std::length_error("more than 65536 distinct module names in one recording");
            if (m_out.events.size() % TraceFileDetails::checkpointInterval == 0)
                m_out.checkpointOffsets.push_back(m_recordOffset);
            m_out.events.push_back(
                {m_timestampNs, m_event.refcount, quint16(module), quint8(m_event.kind)});
        }
    } catch (const std::exception &e) {
        // On a scanning thread nothing may escape; the load fails instead.
        m_out.error = QString::fromUtf8(e.what());
        m_shared.stop = true;
    }
}

// Cuts every CPU's data into segments of about `target` bytes, in CPU
// order and, within a CPU, in page order.
std::vector<std::unique_ptr<Segment>> cutSegments(const TraceFileLayout &layout, quint64 target)
{
    std::vector<const TraceFileLayout::CpuData *> cpus;
    std::vector<quint64> virtualStarts;
    quint64 virtualStart = layout.pageSize;
    for (const TraceFileLayout::CpuData &cpu : layout.cpus) {
        cpus.push_back(&cpu);
        virtualStarts.push_back(virtualStart);
        virtualStart += cpu.size;
    }
    std::vector<std::size_t> byNumber(cpus.size());
    std::iota(byNumber.begin(), byNumber.end(), 0);
    std::stable_sort(byNumber.begin(), byNumber.end(),
                     [&](std::size_t a, std::size_t b) { return cpus[a]->cpu < cpus[b]->cpu; });
    const quint64 step = quint64(pagesPerStep) * layout.pageSize;
    target = std::max(target, step);
    std::vector<std::unique_ptr<Segment>> segments;
    for (const std::size_t c : byNumber) {
        const TraceFileLayout::CpuData &cpu = *cpus[c];
        const auto add = [&](quint64 begin, quint64 end, int firstChunk) {
            auto segment = std::make_unique<Segment>();
            segment->cpu = &cpu;
            segment->virtualStart = virtualStarts[c];
            segment->begin = begin;
            segment->end = end;
            segment->firstChunk = firstChunk;
            segments.push_back(std::move(segment));
        };
        if (cpu.chunks.isEmpty()) {
            const quint64 size = target - target % step; // whole steps of pages
            for (quint64 begin = 0; begin < cpu.size; begin += size)
                add(begin, std::min(cpu.size, begin + size), 0);
            continue;
        }
        quint64 begin = 0;
        quint64 end = 0;
        int firstChunk = 0;
        for (int i = 0; i < int(cpu.chunks.size()); ++i) {
            end += cpu.chunks[i].size;
            if (end - begin >= target || i + 1 == int(cpu.chunks.size())) {
                add(begin, end, firstChunk);
                begin = end;
                firstChunk = i + 1;
            }
        }
    }
    return segments;
}

// Scans every segment, on as many threads as there are cores (the loading
// thread among them, reporting progress for all).
void scanAll(std::vector<std::unique_ptr<Segment>> &segments, ScanShared &shared)
{
    std::atomic<std::size_t> nextSegment{0};
    const auto work = [&](bool reporter) {
        for (std::size_t i = nextSegment++; i < segments.size() && !shared.stop; i = nextSegment++)
            CpuStream(shared, *segments[i]).scan(reporter);
    };
    const std::size_t threads = std::max<std::size_t>(
        1, std::min<std::size_t>(segments.size(), std::thread::hardware_concurrency()));
    std::mutex lock;
    std::condition_variable wake;
    std::size_t running = threads - 1;
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < threads; ++t)
        workers.emplace_back([&] {
            work(false);
            const std::lock_guard guard(lock);
            --running;
            wake.notify_one();
        });
    work(true);
    // The other threads' last segments: progress and a cancel still answered.
    std::unique_lock guard(lock);
    while (running > 0) {
        wake.wait_for(guard, std::chrono::milliseconds(20));
        guard.unlock();
        shared.reportProgress();
        guard.lock();
    }
    guard.unlock();
    for (std::thread &worker : workers)
        worker.join();
}

// Appends the CPUs' module events in trace-cmd report's order: the earliest
// first, the lower CPU number on a tie (`segments` are in CPU order).
void merge(std::vector<std::unique_ptr<Segment>> &segments, EventStore &store, RingBufferScan *scan)
{
    // One CPU's segments with events, read one after the other.
    struct Cursor {
        std::vector<const Segment *> segments;
        std::vector<std::vector<int>> ids; // per segment: its module numbers -> the store's
        std::size_t segment = 0;
        std::size_t next = 0; // in the current segment
        const CpuEvents::Event &event() const { return segments[segment]->out.events[next]; }
    };
    ModuleIds ids(store);
    std::vector<Cursor> live;
    std::size_t total = 0;
    std::vector<LostEvents> lost;
    for (const auto &segment : segments) {
        const CpuEvents &out = segment->out;
        total += out.events.size();
        lost.insert(lost.end(), out.lost.begin(), out.lost.end());
        if (out.events.empty())
            continue;
        if (live.empty() || live.back().segments.front()->cpu != segment->cpu)
            live.emplace_back();
        live.back().segments.push_back(segment.get());
        std::vector<int> &map = live.back().ids.emplace_back();
        for (const std::string &name : out.modules.names())
            map.push_back(ids.idOf(name));
    }
    // The losses in time order, as they were met when one thread merged
    // while it read.
    std::stable_sort(lost.begin(), lost.end(), [](const LostEvents &a, const LostEvents &b) {
        return a.timestampNs < b.timestampNs;
    });
    for (const LostEvents &loss : lost)
        store.appendLost(loss);
    store.reserve(total);
    while (!live.empty()) {
        // The earliest next event, a tie going to the lower CPU (the earlier
        // cursor); that CPU then goes on for as long as it stays the
        // earliest, one comparison per event instead of one per CPU.
        auto best = live.begin();
        for (auto it = live.begin() + 1; it != live.end(); ++it)
            if (it->event().timestampNs < best->event().timestampNs)
                best = it;
        auto runnerUp = live.end();
        for (auto it = live.begin(); it != live.end(); ++it)
            if (it != best &&
                (runnerUp == live.end() || it->event().timestampNs < runnerUp->event().timestampNs))
                runnerUp = it;
        Cursor &cursor = *best;
        bool more = true;
        while (more) {
            const Segment &segment = *cursor.segments[cursor.segment];
            const CpuEvents::Event &event = cursor.event();
            const int cpu = segment.cpu->cpu;
            const std::size_t index =
                store.appendDeferred(event.timestampNs, cpu, ModuleEventKind(event.kind),
                                     cursor.ids[cursor.segment][event.module], event.refcount);
            // Every checkpointInterval-th event of each segment: never more
            // than that many module events of the CPU apart, all a lookup
            // needs.
            if (cursor.next % TraceFileDetails::checkpointInterval == 0)
                scan->checkpoints[cpu].push_back(
                    {std::uint32_t(index),
                     segment.out
                         .checkpointOffsets[cursor.next / TraceFileDetails::checkpointInterval]});
            if (++cursor.next == segment.out.events.size()) {
                cursor.next = 0;
                if (++cursor.segment == cursor.segments.size()) {
                    live.erase(best);
                    break;
                }
            }
            if (runnerUp != live.end()) {
                const qint64 next = cursor.event().timestampNs;
                const qint64 other = runnerUp->event().timestampNs;
                more = next < other || (next == other && best < runnerUp);
            }
        }
    }
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
    ScanShared shared{data, layout, decoder, progress};
    int maxCpu = 0;
    for (const TraceFileLayout::CpuData &cpu : layout.cpus) {
        shared.totalBytes += cpu.size;
        maxCpu = std::max(maxCpu, cpu.cpu);
    }
    // A few segments per core, so that the threads end together; none so
    // small that what each costs shows.
    const quint64 cores = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::unique_ptr<Segment>> segments = cutSegments(
        layout, std::clamp<quint64>(shared.totalBytes / (4 * cores), 1 << 20, 64 << 20));
    scanAll(segments, shared);
    if (shared.cancelled) {
        *error = TraceFileMessages::tr("loading cancelled");
        return false;
    }
    // The first problem in CPU and page order when several were found.
    for (const auto &segment : segments) {
        if (!segment->out.error.isEmpty()) {
            *error = segment->out.error;
            return false;
        }
    }
    try {
        scan->checkpoints.assign(maxCpu + 1, {});
        merge(segments, *scan->store, scan);
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

} // namespace refscope
