// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecapturetracefs.h"

#include "capture/histcounts.h"
#include "capture/livecapturesymbols.h"
#include "tracefile/moduleformats.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <mutex>
#include <poll.h>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <vector>

extern "C" {
#include <kbuffer.h>
#include <tracefs.h>
}

namespace refscope {

namespace {

using Clock = std::chrono::steady_clock;

// The delivery thread hands events over about this often.
constexpr int kDeliverIntervalMs = 50;
// A CPU's reader wakes at least this often when its buffer fills slower than
// the kernel's wake-up mark (buffer_percent), and then reads the page the
// writer is on if no whole page came for kPartialIntervalMs: a trickle of
// events never fills a page.
constexpr int kPollTimeoutMs = 50;
constexpr qint64 kPartialIntervalMs = 100;
// An event is reserved (and timestamped) slightly before a reader can see
// it, longer when the (virtual) CPU is preempted in between: events this
// close to the moment a CPU's buffer was found empty wait for the next
// delivery, so batches stay in order.
constexpr qint64 kOrderingMarginNs = 200 * 1000 * 1000;
// One splice moves at most this many pages through the reader's pipe.
constexpr int kPipePages = 64;
// Pages a reader may hold undecoded: beyond this it stops taking pages and
// the kernel drops (and counts) what no longer fits, so a delivery thread
// that falls behind costs counted events, never unbounded memory.
constexpr int kQueuedBuffersMax = 1;
// With CaptureOptions::decodeAtStop, kept pages are decoded this many per
// CPU at a time, so that one step's events are in memory at once besides
// the pages.
constexpr std::size_t kDecodeStepPages = 256;
// stop() gives the last drain this long, under any flood.
constexpr auto kStopDeadline = std::chrono::seconds(10);

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// Where a field lies in an event's record, from its format. The live
// buffers are this machine's, in its byte order: a field is read in place,
// which costs a fraction of libtraceevent's general reader per event.
struct FieldAt {
    int offset = -1;
    int size = 0;
};

FieldAt fieldAt(const tep_format_field *field)
{
    if (!field || field->offset < 0 ||
        (field->size != 1 && field->size != 2 && field->size != 4 && field->size != 8))
        return {};
    return {field->offset, field->size};
}

// 0 for a field the event lacks or that lies beyond the record.
quint64 readField(FieldAt field, const void *data, int recordSize)
{
    if (field.offset < 0 || field.offset + field.size > recordSize)
        return 0;
    const char *at = static_cast<const char *>(data) + field.offset;
    switch (field.size) {
    case 1:
        return quint8(*at);
    case 2: {
        quint16 v = 0;
        memcpy(&v, at, 2);
        return v;
    }
    case 4: {
        quint32 v = 0;
        memcpy(&v, at, 4);
        return v;
    }
    default: {
        quint64 v = 0;
        memcpy(&v, at, 8);
        return v;
    }
    }
}

// "overrun: N", "dropped events: N", "entries: N" of per_cpu/cpuN/stats.
qint64 statsValue(const QByteArray &stats, const QByteArray &key)
{
    for (const QByteArray &line : stats.split('\n')) {
        if (line.startsWith(key + ':'))
            return line.mid(key.size() + 1).trimmed().toLongLong();
    }
    return 0;
}

QByteArray readStats(const QString &path)
{
    if (path.isEmpty()) // a stopped buffer's pages, whose losses nobody counts
        return {};
    QFile stats(path);
    return stats.open(QIODevice::ReadOnly) ? stats.readAll() : QByteArray();
}

struct EventFields {
    ModuleEventKind kind;
    FieldAt name;
    FieldAt refcnt;
    FieldAt ip;
};

// One CPU's ring buffer, its reader thread and what the delivery thread
// keeps of it.
struct CpuBuffer {
    int cpu = 0;
    int fd = -1;            // per_cpu/cpuN/trace_pipe_raw, non-blocking
    int pipe[2] = {-1, -1}; // splice goes through it
    QString statsPath;
    std::thread thread;

    // Shared between the reader and the delivery thread.
    std::mutex lock;
    std::vector<QByteArray> pages; // read, not yet decoded
    // Every event of this CPU stamped up to here has been read: the reader
    // found the buffer empty shortly after.
    qint64 coveredNs = 0;
    bool drained = false; // the last drain emptied the buffer
    QString error;

    // The delivery thread's alone.
    qint64 lastTs = 0;
    qint64 lossesSeen = 0;
    QList<CapturedEvent> pending;    // decoded, not yet handed over
    std::vector<TaskRename> renames; // decoded, not yet taken by deliver()
    // The last event's module, as the kernel wrote it and as a string: a
    // flood repeats it, and comparing bytes costs less than a lookup.
    QByteArray lastRawName;
    QString lastName;
};

} // namespace

struct TracefsCapture::Reader {
    CaptureInstance instance;
    tep_handle *tep = nullptr;
    kbuffer *kbuf = nullptr;
    QHash<int, EventFields> fields; // by event id
    FieldAt typeField;
    FieldAt pidField;
    int stackEventId = -1;
    FieldAt stackSize;
    int stackCallerOffset = -1;
    int renameEventId = -1;
    FieldAt renamePid; // absent in newer kernels: the renamed task is current
    FieldAt oldComm;   // char[16] each
    FieldAt newComm;
    TaskRenames renames; // decoded from every CPU, not applied yet
    std::vector<std::unique_ptr<CpuBuffer>> cpus;
    QHash<QByteArray, QString> moduleNames;
    KernelSymbols symbols;
    // Call sites as the kernel's hist tables name them (the capture's
    // counting triggers are keyed by name and call site, with symbols): a
    // few lines to read where /proc/kallsyms is over 100,000, which cost
    // the capture most of a second on an emulated CPU. An address those
    // tables do not know is named from kallsyms (symbols).
    QHash<quint64, QString> siteNames;
    QSet<quint64> sitesNamedBySymbols;
    bool histNamesReadable = true;
    // The hist triggers are read by the delivery thread and read and
    // removed by stop()'s, which leaves its reading for the last drain.
    std::mutex histLock;
    bool histRemoved = false;
    QByteArray getsAtStop;
    QByteArray putsAtStop;
    TaskNames tasks;
    bool addresses = true;        // CaptureOptions::addresses
    bool decodeAtStop = false;    // CaptureOptions::decodeAtStop
    std::size_t keptBytesMax = 0; // CaptureOptions::keptBytesMax
    qint64 tasksReadNs = 0;
    BatchHandler onBatch;
    int pageSize = int(sysconf(_SC_PAGESIZE));
    std::thread thread; // delivery
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    // Set by stop() (with the deadline first) once tracing is off: the
    // readers empty their buffers and end.
    std::atomic<bool> lastDrain = false;
    std::atomic<Clock::rep> deadline = 0;
    std::atomic<quint64> *delivered = nullptr;
    std::atomic<qint64> *lost = nullptr;
    std::atomic<qint64> *unread = nullptr;

    QString loadFormats();
    QString setUp(const CaptureOptions &options);
    void tearDown();
    void run();
    void readCpu(CpuBuffer &cpu);
    bool pastDeadline() const;
    int spliceWholePages(CpuBuffer &cpu, QByteArray &chunk, int budget);
    bool readPartialPages(CpuBuffer &cpu, QByteArray &chunk, int budget);
    void takePages(CpuBuffer &cpu, qint64 *coveredNs, bool *drained,
                   std::size_t maxPages = std::numeric_limits<std::size_t>::max());
    std::size_t keptPages();
    void decodeKeptPages(bool readersDone);
    void decode(CpuBuffer &cpu, const QByteArray &page);
    void parse(CpuBuffer &cpu, void *data, int size, qint64 ts);
    void deliver(qint64 bound, bool all);
    QString callSiteName(quint64 address);
    bool readHistNames();
    void reportUnread();
};

// The module events' and kernel stacks' formats, and the page decoder.
QString TracefsCapture::Reader::loadFormats()
{
    // The events' own format files; an event this kernel lacks has none and
    // is missed below.
    QList<std::pair<QByteArray, QByteArray>> formats;
    auto read = [&formats](const char *system, const QByteArray &event) {
        int size = 0;
        char *text = tracefs_event_file_read(nullptr, system, event.constData(), "format", &size);
        if (text && size > 0)
            formats.append({QByteArray(system), QByteArray(text, size)});
        free(text);
    };
    for (const ModuleEventKind kind : kModuleEventKinds)
        read("module", moduleEventKindName(kind).toLatin1());
    read("ftrace", "kernel_stack");
    read("task", "task_rename");
    tep = localEventFormats(formats, pageSize).release();
    if (!tep)
        return QStringLiteral("cannot read the module events' formats from tracefs");
    for (const ModuleEventKind kind : kModuleEventKinds) {
        const QByteArray name = moduleEventKindName(kind).toLatin1();
        tep_event *event = tep_find_event_by_name(tep, "module", name.constData());
        if (!event)
            return QStringLiteral("this kernel has no %1 tracepoint").arg(QLatin1String(name));
        EventFields f;
        f.kind = kind;
        f.name = fieldAt(tep_find_field(event, "name"));
        f.refcnt = fieldAt(tep_find_field(event, "refcnt"));
        f.ip = fieldAt(tep_find_field(event, "ip"));
        fields.insert(event->id, f);
        typeField = fieldAt(tep_find_common_field(event, "common_type"));
        pidField = fieldAt(tep_find_common_field(event, "common_pid"));
    }
    if (typeField.offset < 0)
        return QStringLiteral("the module events' format has no event type field");
    if (tep_event *stack = tep_find_event_by_name(tep, "ftrace", "kernel_stack")) {
        stackEventId = stack->id;
        stackSize = fieldAt(tep_find_field(stack, "size"));
        if (const tep_format_field *caller = tep_find_field(stack, "caller"))
            stackCallerOffset = caller->offset;
    }
    if (tep_event *rename = tep_find_event_by_name(tep, "task", "task_rename")) {
        const auto text = [](const tep_format_field *field) {
            return field && field->offset >= 0 && field->size > 0
                       ? FieldAt{field->offset, field->size}
                       : FieldAt{};
        };
        renamePid = fieldAt(tep_find_field(rename, "pid"));
        oldComm = text(tep_find_field(rename, "oldcomm"));
        newComm = text(tep_find_field(rename, "newcomm"));
        if (oldComm.offset >= 0 && newComm.offset >= 0)
            renameEventId = rename->id;
    }
    kbuf = kbuffer_alloc(sizeof(long) == 8 ? KBUFFER_LSIZE_8 : KBUFFER_LSIZE_4,
                         QSysInfo::ByteOrder == QSysInfo::BigEndian ? KBUFFER_ENDIAN_BIG
                                                                    : KBUFFER_ENDIAN_LITTLE);
    return {};
}

QString TracefsCapture::Reader::setUp(const CaptureOptions &options)
{
    addresses = options.addresses;
    decodeAtStop = options.decodeAtStop;
    keptBytesMax = std::max(options.keptBytesMax, std::size_t(pageSize));
    const QString error = instance.create(options);
    if (!error.isEmpty())
        return error;
    const QString formats = loadFormats();
    if (!formats.isEmpty())
        return formats;
    for (int cpu = 0;; ++cpu) {
        const QByteArray dir = "per_cpu/cpu" + QByteArray::number(cpu);
        const QString raw = instance.file(dir + "/trace_pipe_raw");
        if (!QFile::exists(raw))
            break;
        auto buffer = std::make_unique<CpuBuffer>();
        buffer->cpu = cpu;
        buffer->statsPath = instance.file(dir + "/stats");
        buffer->fd = open(QFile::encodeName(raw).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (buffer->fd < 0)
            return QStringLiteral("cannot open %1: %2")
                .arg(raw, QString::fromLocal8Bit(strerror(errno)));
        if (pipe2(buffer->pipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return QStringLiteral("cannot create a pipe: %1")
                .arg(QString::fromLocal8Bit(strerror(errno)));
        // A bigger pipe moves more pages per splice; the default 16 pages
        // still work when the kernel refuses.
        fcntl(buffer->pipe[1], F_SETPIPE_SZ, kPipePages * pageSize);
        cpus.push_back(std::move(buffer));
    }
    return instance.enableEvents();
}

void TracefsCapture::Reader::tearDown()
{
    for (auto &cpu : cpus) {
        for (int fd : {cpu->fd, cpu->pipe[0], cpu->pipe[1]})
            if (fd >= 0)
                close(fd);
    }
    cpus.clear();
    // Open trace files pin an instance: they are all closed by now.
    instance.remove();
    if (kbuf)
        kbuffer_free(kbuf);
    kbuf = nullptr;
    if (tep)
        TepDeleter{}(tep); // one at a time, as it was parsed
    tep = nullptr;
}

bool TracefsCapture::Reader::pastDeadline() const
{
    return lastDrain && Clock::now().time_since_epoch().count() > deadline.load();
}

// Moves at most `budget` whole pages out of the ring buffer; never the page
// the writer is on. Returns the pages taken, -1 on an error (cpu.error).
int TracefsCapture::Reader::spliceWholePages(CpuBuffer &cpu, QByteArray &chunk, int budget)
{
    int taken = 0;
    while (taken < budget && !pastDeadline()) {
        const size_t want = size_t(std::min(budget - taken, kPipePages)) * size_t(pageSize);
        const ssize_t n =
            splice(cpu.fd, nullptr, cpu.pipe[1], nullptr, want, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (n == 0 || (n < 0 && (errno == EAGAIN || errno == EINTR)))
            break;
        if (n < 0) {
            std::lock_guard lock(cpu.lock);
            cpu.error = QStringLiteral("cannot splice CPU %1's trace buffer: %2")
                            .arg(cpu.cpu)
                            .arg(QString::fromLocal8Bit(strerror(errno)));
            return -1;
        }
        // Everything spliced in is read out at once: the pipe is empty
        // again before the next splice.
        if (chunk.size() < n)
            chunk.resize(n);
        ssize_t got = 0;
        while (got < n) {
            const ssize_t r = read(cpu.pipe[0], chunk.data() + got, size_t(n - got));
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            got += r;
        }
        std::vector<QByteArray> pages;
        for (ssize_t at = 0; at + pageSize <= got; at += pageSize)
            pages.emplace_back(chunk.constData() + at, pageSize);
        taken += int(pages.size());
        std::lock_guard lock(cpu.lock);
        for (QByteArray &page : pages)
            cpu.pages.push_back(std::move(page));
    }
    return taken;
}

// Reads what the buffer holds, the writer's page included, at most `budget`
// pages (a read returns one); true once the buffer was found empty.
bool TracefsCapture::Reader::readPartialPages(CpuBuffer &cpu, QByteArray &chunk, int budget)
{
    if (chunk.size() < pageSize)
        chunk.resize(pageSize);
    for (int i = 0; i < budget && !pastDeadline(); ++i) {
        const qint64 before = monotonicNs();
        const ssize_t n = read(cpu.fd, chunk.data(), size_t(pageSize));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n < 0 && errno != EAGAIN) {
                std::lock_guard lock(cpu.lock);
                cpu.error = QStringLiteral("cannot read CPU %1's trace buffer: %2")
                                .arg(cpu.cpu)
                                .arg(QString::fromLocal8Bit(strerror(errno)));
                return false;
            }
            std::lock_guard lock(cpu.lock);
            cpu.coveredNs = std::max(cpu.coveredNs, before - kOrderingMarginNs);
            return true;
        }
        // Whole page for kbuffer, whose header says how much of it is data.
        QByteArray page(chunk.constData(), int(n));
        page.resize(pageSize, '\0');
        std::lock_guard lock(cpu.lock);
        cpu.pages.push_back(std::move(page));
    }
    return false;
}

// A CPU's reader: sleeps in poll() until the kernel says its buffer filled
// up to the wake-up mark, or for kPollTimeoutMs; every system call here is
// non-blocking, so it notices stop() within one poll.
void TracefsCapture::Reader::readCpu(CpuBuffer &cpu)
{
    const int bufferPages = instance.bufferPagesPerCpu();
    QByteArray chunk;
    qint64 lastPartialNs = 0;
    while (!lastDrain) {
        pollfd ready{cpu.fd, POLLIN, 0};
        const int polled = poll(&ready, 1, kPollTimeoutMs);
        if (lastDrain)
            break;
        std::size_t queued = 0;
        {
            std::lock_guard lock(cpu.lock);
            queued = cpu.pages.size();
        }
        const std::size_t queuedMax =
            decodeAtStop ? keptBytesMax / std::size_t(pageSize)
                         : std::size_t(kQueuedBuffersMax) * std::size_t(bufferPages);
        if (queued >= queuedMax) {
            // The delivery thread is behind: leave the pages to the kernel.
            std::this_thread::sleep_for(std::chrono::milliseconds(kPollTimeoutMs));
            continue;
        }
        // A drain takes at most what the buffer can hold, then polls again.
        const int taken = spliceWholePages(cpu, chunk, bufferPages);
        if (taken < 0)
            return;
        const qint64 now = monotonicNs();
        if (taken == 0 && now - lastPartialNs >= kPartialIntervalMs * 1000000) {
            lastPartialNs = now;
            readPartialPages(cpu, chunk, 4);
            std::lock_guard lock(cpu.lock);
            if (!cpu.error.isEmpty())
                return;
        } else if (taken == 0 && polled > 0) {
            // Woken without a whole page to take: do not spin on it.
            std::this_thread::sleep_for(std::chrono::milliseconds(kPollTimeoutMs));
        }
    }
    // Tracing is off: nothing is written any more, so the buffer holds at
    // most one buffer's worth of pages, read here whole, then the rest of
    // the writer's last page.
    if (spliceWholePages(cpu, chunk, bufferPages + 1) < 0)
        return;
    const bool empty = readPartialPages(cpu, chunk, bufferPages + 1);
    std::lock_guard lock(cpu.lock);
    cpu.drained = empty;
}

void TracefsCapture::Reader::run()
{
    for (auto &cpu : cpus) {
        CpuBuffer *c = cpu.get();
        c->thread = std::thread([this, c] { readCpu(*c); });
    }
    for (;;) {
        bool last = false;
        {
            std::unique_lock lock(mutex);
            wake.wait_for(lock, std::chrono::milliseconds(kDeliverIntervalMs),
                          [this] { return stopping; });
            last = stopping;
        }
        if (last) {
            // Each reader ends within one system call of the deadline.
            for (auto &cpu : cpus)
                cpu->thread.join();
            if (decodeAtStop)
                decodeKeptPages(true);
        } else if (decodeAtStop && keptPages() * std::size_t(pageSize) >= keptBytesMax) {
            decodeKeptPages(false); // more than they may keep: half of it goes
        }
        // Kept for stop() while they fit: decoding meanwhile would take
        // CPU time from the traced command. Not decoding, `covered` stays 0
        // below: each CPU bounds the delivery at its last decoded event,
        // which comes before any page it keeps.
        const bool decodeNow = !decodeAtStop || last;
        qint64 bound = std::numeric_limits<qint64>::max();
        QString error;
        for (auto &cpu : cpus) {
            qint64 covered = 0;
            bool drained = false;
            if (decodeNow)
                takePages(*cpu, &covered, &drained);
            bound = std::min(bound, std::max(cpu->lastTs, covered));
            std::lock_guard lock(cpu->lock);
            if (error.isEmpty())
                error = cpu->error;
        }
        deliver(bound, last);
        if (!error.isEmpty() && !last)
            qWarning("live capture: %s", qPrintable(error));
        if (last) {
            reportUnread();
            return;
        }
    }
}

void TracefsCapture::Reader::takePages(CpuBuffer &cpu, qint64 *coveredNs, bool *drained,
                                       std::size_t maxPages)
{
    std::vector<QByteArray> pages;
    {
        std::lock_guard lock(cpu.lock);
        if (cpu.pages.size() <= maxPages) {
            pages.swap(cpu.pages);
        } else {
            const auto end = cpu.pages.begin() + std::ptrdiff_t(maxPages);
            pages.assign(std::make_move_iterator(cpu.pages.begin()), std::make_move_iterator(end));
            cpu.pages.erase(cpu.pages.begin(), end);
        }
        *coveredNs = cpu.coveredNs;
        *drained = cpu.drained;
    }
    // Room for about what the pages hold (a module event takes 36 bytes or
    // more of a page): one allocation instead of a list grown step by step.
    cpu.pending.reserve(cpu.pending.size() + qsizetype(pages.size()) * (pageSize / 32));
    for (const QByteArray &page : pages)
        decode(cpu, page);
}

std::size_t TracefsCapture::Reader::keptPages()
{
    std::size_t pages = 0;
    for (auto &cpu : cpus) {
        std::lock_guard lock(cpu->lock);
        pages += cpu->pages.size();
    }
    return pages;
}

// The kept pages, decoded a step per CPU at a time and handed over in
// order: all of them once the readers ended, else until half the most
// they may keep is left. A CPU with pages left has no event before the
// last one decoded from it; one without has none before what its reader
// covered (none at all once the readers ended): events up to the least of
// those can go.
void TracefsCapture::Reader::decodeKeptPages(bool readersDone)
{
    const std::size_t leave = readersDone ? 0 : keptBytesMax / 2 / std::size_t(pageSize);
    // While the readers go on, as many steps as the excess takes at the
    // start: a flood that fills pages as fast as they are decoded cannot
    // keep the delivery thread here.
    std::size_t steps = std::numeric_limits<std::size_t>::max();
    if (!readersDone)
        steps = keptPages() / kDecodeStepPages + 1;
    for (; steps > 0 && keptPages() > leave; --steps) {
        qint64 bound = std::numeric_limits<qint64>::max();
        for (auto &cpu : cpus) {
            qint64 covered = 0;
            bool drained = false;
            takePages(*cpu, &covered, &drained, kDecodeStepPages);
            std::lock_guard lock(cpu->lock);
            if (!cpu->pages.empty())
                bound = std::min(bound, cpu->lastTs);
            else if (!readersDone)
                bound = std::min(bound, std::max(cpu->lastTs, covered));
        }
        deliver(bound, false);
    }
}

void TracefsCapture::Reader::decode(CpuBuffer &cpu, const QByteArray &page)
{
    // kbuffer reads the page in place and never writes it.
    if (kbuffer_load_subbuffer(kbuf, const_cast<char *>(page.constData())) < 0)
        return;
    unsigned long long ts = 0;
    while (void *data = kbuffer_read_event(kbuf, &ts)) {
        parse(cpu, data, kbuffer_event_size(kbuf), qint64(ts));
        kbuffer_next_event(kbuf, nullptr);
    }
}

void TracefsCapture::Reader::parse(CpuBuffer &cpu, void *data, int size, qint64 ts)
{
    const int type = int(readField(typeField, data, size));
    if (type == stackEventId && stackCallerOffset >= 0) {
        if (cpu.pending.isEmpty() || !cpu.pending.last().details.stack.isEmpty())
            return;
        const int entries = int(readField(stackSize, data, size));
        const int room = (size - stackCallerOffset) / int(sizeof(quint64));
        QStringList &stack = cpu.pending.last().details.stack;
        for (int i = 0; i < std::min(entries, room); ++i) {
            quint64 address = 0;
            memcpy(&address, static_cast<const char *>(data) + stackCallerOffset + i * 8, 8);
            if (address == 0)
                break;
            const QString name = symbols.name(address);
            if (addresses)
                stack << QStringLiteral("%1 (0x%2)").arg(name).arg(address, 0, 16);
            else // "?": an address no symbol covers, which is not handed out
                stack << (name.isEmpty() ? QStringLiteral("?") : name);
        }
        return;
    }
    if (type == renameEventId) {
        const auto text = [data, size](FieldAt field) {
            if (field.offset + field.size > size)
                return QString();
            const char *at = static_cast<const char *>(data) + field.offset;
            return QString::fromUtf8(at, qsizetype(strnlen(at, size_t(field.size))));
        };
        TaskRename rename;
        rename.timestampNs = ts;
        rename.pid =
            int(qint32(readField(renamePid.offset >= 0 ? renamePid : pidField, data, size)));
        rename.oldComm = text(oldComm);
        rename.newComm = text(newComm);
        cpu.renames.push_back(std::move(rename));
        return;
    }
    const auto f = fields.constFind(type);
    if (f == fields.constEnd())
        return;
    // __data_loc char[] name: offset in the low 16 bits, length in the high.
    const quint64 loc = readField(f->name, data, size);
    const int offset = int(loc & 0xffff);
    const int length = int((loc >> 16) & 0xffff);
    if (offset + length > size)
        return;
    const char *raw = static_cast<const char *>(data) + offset;
    const int rawLength = int(strnlen(raw, size_t(length)));
    if (rawLength != cpu.lastRawName.size() ||
        memcmp(raw, cpu.lastRawName.constData(), size_t(rawLength)) != 0) {
        cpu.lastRawName = QByteArray(raw, rawLength);
        auto name = moduleNames.constFind(cpu.lastRawName);
        if (name == moduleNames.constEnd())
            name = moduleNames.insert(cpu.lastRawName, QString::fromUtf8(cpu.lastRawName));
        cpu.lastName = *name;
    }
    CapturedEvent event;
    event.event.timestampNs = ts;
    event.event.cpu = cpu.cpu;
    event.event.kind = f->kind;
    event.event.module = cpu.lastName;
    event.event.refcount =
        f->refcnt.offset >= 0 ? int(qint32(readField(f->refcnt, data, size))) - 1 : -1;
    event.details.pid = int(qint32(readField(pidField, data, size)));
    event.details.callSite = readField(f->ip, data, size);
    cpu.pending.append(std::move(event));
    cpu.lastTs = ts;
}

// Every event the ring buffer holds was counted by the hist triggers
// first: its call site is in their tables, unless they are full or absent.
QString TracefsCapture::Reader::callSiteName(quint64 address)
{
    if (address == 0)
        return {};
    if (const auto known = siteNames.constFind(address); known != siteNames.constEnd())
        return *known;
    if (!sitesNamedBySymbols.contains(address) && readHistNames()) {
        if (const auto known = siteNames.constFind(address); known != siteNames.constEnd())
            return *known;
    }
    sitesNamedBySymbols.insert(address);
    return symbols.name(address);
}

bool TracefsCapture::Reader::readHistNames()
{
    if (!histNamesReadable)
        return false;
    QByteArray texts[2];
    bool read = false;
    {
        std::lock_guard lock(histLock);
        QString error;
        if (histRemoved) {
            texts[0] = getsAtStop;
            texts[1] = putsAtStop;
            read = !texts[0].isEmpty() && !texts[1].isEmpty();
        } else {
            read = instance.readHist("module_get", &texts[0], &error) &&
                   instance.readHist("module_put", &texts[1], &error);
        }
    }
    for (const QByteArray &text : texts) {
        HistTable table;
        QString error;
        if (!read || !parseHistText(text, &table, &error)) {
            histNamesReadable = false; // no triggers on this kernel: kallsyms
            return false;
        }
        for (const HistEntry &entry : std::as_const(table.entries)) {
            if (entry.address != 0 && !entry.kernelSymbol.isEmpty())
                siteNames.insert(entry.address, callSiteFromKernelSymbol(entry.kernelSymbol));
        }
    }
    return true;
}

void TracefsCapture::Reader::deliver(qint64 bound, bool all)
{
    CaptureBatch batch;
    for (auto &c : cpus) {
        CpuBuffer &cpu = *c;
        qsizetype ready = 0;
        while (ready < cpu.pending.size() &&
               (all || cpu.pending.at(ready).event.timestampNs <= bound))
            ++ready;
        if (ready == cpu.pending.size()) { // the usual case: all of them, moved
            batch.events.append(std::move(cpu.pending));
            cpu.pending = {};
        } else {
            batch.events.append(cpu.pending.mid(0, ready));
            cpu.pending.remove(0, ready);
        }
        // The kernel counts what it overwrote (overrun) or refused (dropped
        // events: the buffers do not overwrite) per CPU; each new loss is
        // reported once. A task rename lost with them counts too: what is
        // reported lost is never less than the module events lost.
        const QByteArray stats = readStats(cpu.statsPath);
        const qint64 losses = statsValue(stats, "overrun") + statsValue(stats, "dropped events");
        if (losses > cpu.lossesSeen) {
            batch.lost.append({cpu.lastTs, cpu.cpu, losses - cpu.lossesSeen});
            *lost += losses - cpu.lossesSeen;
            cpu.lossesSeen = losses;
        }
    }
    // Renames up to the bound name the tasks of the next batches; those
    // after it name the events before them.
    for (auto &cpu : cpus)
        renames.add(&cpu->renames);
    renames.beginBatch();
    const qint64 renamesBefore = all ? std::numeric_limits<qint64>::max() : bound + 1;
    if (batch.events.isEmpty() && batch.lost.isEmpty()) {
        renames.applyBefore(renamesBefore, &tasks);
        renames.endBatch();
        return;
    }
    // Each CPU's events are in order already, and a flood mostly fills one
    // CPU's buffer per batch: sorting is then a pass that finds nothing to
    // move (an event moved costs two strings and a list).
    const auto earlier = [](const CapturedEvent &a, const CapturedEvent &b) {
        return a.event.timestampNs < b.event.timestampNs;
    };
    if (!std::is_sorted(batch.events.cbegin(), batch.events.cend(), earlier))
        std::stable_sort(batch.events.begin(), batch.events.end(), earlier);
    // Pids are forgotten once a second (they are reused, comms change);
    // saved_cmdlines is read only for a pid not known yet.
    const qint64 now = monotonicNs();
    if (now - tasksReadNs > 1000 * 1000 * 1000) {
        tasks.clear();
        tasksReadNs = now;
    }
    tasks.nextBatch();
    // A flood repeats its task and call site: each is looked up once per run.
    int lastPid = -1;
    QString lastComm;
    quint64 lastSite = 0;
    QString lastSiteName;
    for (CapturedEvent &e : batch.events) {
        if (!renames.isEmpty() && renames.applyBefore(e.event.timestampNs, &tasks))
            lastPid = -1;
        if (e.details.pid != lastPid) {
            lastPid = e.details.pid;
            const QString *before = renames.nameBeforeNext(lastPid);
            lastComm = before ? *before : tasks.comm(lastPid);
        }
        if (e.details.callSite != lastSite || lastSite == 0) {
            lastSite = e.details.callSite;
            lastSiteName = callSiteName(lastSite);
        }
        e.details.comm = lastComm;
        e.details.callSiteName = lastSiteName;
        if (!addresses)
            e.details.callSite = 0;
    }
    renames.applyBefore(renamesBefore, &tasks);
    renames.endBatch();
    *delivered += quint64(batch.events.size());
    onBatch(std::move(batch));
}

// After the last drain: what is still in a buffer (the drain ran out of
// time) is reported as lost, so that events + lost stays what the kernel
// recorded.
void TracefsCapture::Reader::reportUnread()
{
    CaptureBatch batch;
    for (auto &cpu : cpus) {
        if (cpu->drained)
            continue;
        const qint64 left = statsValue(readStats(cpu->statsPath), "entries");
        if (left <= 0)
            continue;
        batch.lost.append({cpu->lastTs, cpu->cpu, left});
        *lost += left;
        *unread += left;
    }
    if (!batch.lost.isEmpty())
        onBatch(std::move(batch));
}

TracefsCapture::TracefsCapture() = default;

TracefsCapture::~TracefsCapture()
{
    stop();
}

QString TracefsCapture::start(const CaptureOptions &options, BatchHandler onBatch)
{
    if (m_reader)
        return QStringLiteral("a capture is already running");
    auto reader = std::make_unique<Reader>();
    reader->onBatch = std::move(onBatch);
    m_delivered = 0;
    m_lost = 0;
    m_unread = 0;
    m_kernelCounts.reset();
    m_kernelCountsError.clear();
    reader->delivered = &m_delivered;
    reader->lost = &m_lost;
    reader->unread = &m_unread;
    const QString error = reader->setUp(options);
    if (!error.isEmpty()) {
        reader->tearDown();
        return error;
    }
    reader->thread = std::thread([r = reader.get()] { r->run(); });
    m_reader = std::move(reader);
    return {};
}

void TracefsCapture::stop()
{
    if (!m_reader)
        return;
    // Writers stop first: the last drain then has a fixed amount to read,
    // and no reader ever races a writer for the page it is on.
    const QString off = m_reader->instance.stopWriting();
    if (!off.isEmpty())
        qWarning("live capture: %s", qPrintable(off));
    // The kernel's counts right when the events stop: they go on counting
    // until their triggers are removed, the events do not.
    QByteArray getsText;
    QByteArray putsText;
    QString countsError;
    {
        std::lock_guard lock(m_reader->histLock);
        if (m_reader->instance.readHist("module_get", &getsText, &countsError))
            m_reader->instance.readHist("module_put", &putsText, &countsError);
        m_reader->instance.removeHistTriggers();
        m_reader->histRemoved = true;
        if (countsError.isEmpty()) {
            m_reader->getsAtStop = getsText;
            m_reader->putsAtStop = putsText;
        }
    }
    m_reader->deadline = (Clock::now() + kStopDeadline).time_since_epoch().count();
    m_reader->lastDrain = true;
    {
        std::lock_guard lock(m_reader->mutex);
        m_reader->stopping = true;
    }
    m_reader->wake.notify_all();
    m_reader->thread.join();
    // The delivery thread is done with the symbols: the counts' call sites
    // get the same names as the events'.
    HistTable gets;
    HistTable puts;
    if (countsError.isEmpty() && parseHistText(getsText, &gets, &countsError) &&
        parseHistText(putsText, &puts, &countsError)) {
        // Named as the events are (the delivery thread is done).
        Reader &reader = *m_reader;
        m_kernelCounts = combineHistTables(
            gets, puts, [&reader](quint64 address) { return reader.callSiteName(address); },
            m_reader->addresses);
    } else {
        m_kernelCountsError = countsError;
        qWarning("live capture: no call site counts: %s", qPrintable(countsError));
    }
    m_reader->tearDown();
    m_reader.reset();
}

QString TracefsCapture::decodeRawFiles(const QStringList &perCpuFiles, bool addresses,
                                       BatchHandler onBatch)
{
    Reader reader; // its instance stays unmade: remove() does nothing
    std::atomic<quint64> delivered = 0;
    std::atomic<qint64> lost = 0;
    std::atomic<qint64> unread = 0;
    reader.delivered = &delivered;
    reader.lost = &lost;
    reader.unread = &unread;
    reader.addresses = addresses;
    reader.onBatch = std::move(onBatch);
    QString error = reader.loadFormats();
    for (int cpu = 0; error.isEmpty() && cpu < perCpuFiles.size(); ++cpu) {
        auto buffer = std::make_unique<CpuBuffer>();
        buffer->cpu = cpu;
        // Non-blocking: a read of an empty buffer says so instead of
        // waiting for events that a stopped buffer never gets.
        buffer->fd = open(QFile::encodeName(perCpuFiles.at(cpu)).constData(),
                          O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (buffer->fd < 0) {
            error = QStringLiteral("cannot open %1: %2")
                        .arg(perCpuFiles.at(cpu), QString::fromLocal8Bit(strerror(errno)));
            break;
        }
        QByteArray chunk;
        while (!reader.readPartialPages(*buffer, chunk, 64)) {
            if (!buffer->error.isEmpty()) {
                error = buffer->error;
                break;
            }
        }
        reader.cpus.push_back(std::move(buffer));
    }
    if (error.isEmpty()) {
        for (auto &cpu : reader.cpus) {
            qint64 covered = 0;
            bool drained = false;
            reader.takePages(*cpu, &covered, &drained);
        }
        reader.deliver(std::numeric_limits<qint64>::max(), true);
    }
    reader.tearDown();
    return error;
}

bool TracefsCapture::isRunning() const
{
    return m_reader != nullptr;
}

} // namespace refscope
