// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecapturetracefs.h"

#include "capture/livecapturesymbols.h"

#include <QFile>
#include <QHash>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <thread>
#include <time.h>
#include <unistd.h>

extern "C" {
#include <kbuffer.h>
#include <tracefs.h>
}

namespace refscope {

namespace {

constexpr int kPollIntervalMs = 50;
// An event is reserved (and timestamped) slightly before a reader can see
// it, longer when the (virtual) CPU is preempted in between: events this
// close to the last poll wait for the next one, so batches stay in order.
constexpr qint64 kOrderingMarginNs = 200 * 1000 * 1000;

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

quint64 readNumber(tep_format_field *field, const void *data)
{
    unsigned long long value = 0;
    return field && tep_read_number_field(field, data, &value) == 0 ? value : 0;
}

struct EventFields {
    ModuleEventKind kind;
    tep_format_field *name = nullptr;
    tep_format_field *refcnt = nullptr;
    tep_format_field *ip = nullptr;
};

struct CpuBuffer {
    int cpu = 0;
    int fd = -1;
    QString statsPath;
    qint64 lastTs = 0;
    qint64 lossesSeen = 0;
    QList<CapturedEvent> pending; // read, not yet handed over
};

} // namespace

struct TracefsCapture::Reader {
    CaptureInstance instance;
    tep_handle *tep = nullptr;
    kbuffer *kbuf = nullptr;
    QHash<int, EventFields> fields; // by event id
    tep_format_field *pidField = nullptr;
    int stackEventId = -1;
    tep_format_field *stackSize = nullptr;
    tep_format_field *stackCaller = nullptr;
    QList<CpuBuffer> cpus;
    QHash<QByteArray, QString> moduleNames;
    KernelSymbols symbols;
    TaskNames tasks;
    bool addresses = true; // CaptureOptions::addresses
    BatchHandler onBatch;
    std::thread thread;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::atomic<quint64> *delivered = nullptr;
    std::atomic<qint64> *lost = nullptr;

    QString setUp(const CaptureOptions &options);
    void tearDown();
    void run();
    bool drain(CpuBuffer &cpu, QByteArray &page);
    void parse(CpuBuffer &cpu, void *data, int size, qint64 ts);
    void deliver(qint64 bound, bool all);
};

QString TracefsCapture::Reader::setUp(const CaptureOptions &options)
{
    addresses = options.addresses;
    const QString error = instance.create(options);
    if (!error.isEmpty())
        return error;
    const char *systems[] = {"module", "ftrace", nullptr};
    tep = tracefs_local_events_system(nullptr, systems);
    if (!tep)
        return QStringLiteral("cannot read the module events' formats from tracefs");
    for (const ModuleEventKind kind : kModuleEventKinds) {
        const QByteArray name = moduleEventKindName(kind).toLatin1();
        tep_event *event = tep_find_event_by_name(tep, "module", name.constData());
        if (!event)
            return QStringLiteral("this kernel has no %1 tracepoint").arg(QLatin1String(name));
        EventFields f;
        f.kind = kind;
        f.name = tep_find_field(event, "name");
        f.refcnt = tep_find_field(event, "refcnt");
        f.ip = tep_find_field(event, "ip");
        fields.insert(event->id, f);
        pidField = tep_find_common_field(event, "common_pid");
    }
    if (tep_event *stack = tep_find_event_by_name(tep, "ftrace", "kernel_stack")) {
        stackEventId = stack->id;
        stackSize = tep_find_field(stack, "size");
        stackCaller = tep_find_field(stack, "caller");
    }
    kbuf = kbuffer_alloc(sizeof(long) == 8 ? KBUFFER_LSIZE_8 : KBUFFER_LSIZE_4,
                         QSysInfo::ByteOrder == QSysInfo::BigEndian ? KBUFFER_ENDIAN_BIG
                                                                    : KBUFFER_ENDIAN_LITTLE);
    for (int cpu = 0;; ++cpu) {
        const QByteArray dir = "per_cpu/cpu" + QByteArray::number(cpu);
        const QString raw = instance.file(dir + "/trace_pipe_raw");
        if (!QFile::exists(raw))
            break;
        CpuBuffer buffer;
        buffer.cpu = cpu;
        buffer.fd = open(QFile::encodeName(raw).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        buffer.statsPath = instance.file(dir + "/stats");
        if (buffer.fd < 0)
            return QStringLiteral("cannot open %1: %2")
                .arg(raw, QString::fromLocal8Bit(strerror(errno)));
        cpus.append(buffer);
    }
    return instance.enableEvents();
}

void TracefsCapture::Reader::tearDown()
{
    for (CpuBuffer &cpu : cpus)
        if (cpu.fd >= 0)
            close(cpu.fd);
    cpus.clear();
    // Open trace files pin an instance: they are all closed by now.
    instance.remove();
    if (kbuf)
        kbuffer_free(kbuf);
    kbuf = nullptr;
    if (tep)
        tep_free(tep);
    tep = nullptr;
}

void TracefsCapture::Reader::run()
{
    QByteArray page(int(sysconf(_SC_PAGESIZE)), Qt::Uninitialized);
    for (;;) {
        bool last = false;
        {
            std::unique_lock lock(mutex);
            wake.wait_for(lock, std::chrono::milliseconds(kPollIntervalMs),
                          [this] { return stopping; });
            last = stopping;
        }
        const qint64 pollStart = monotonicNs();
        qint64 bound = std::numeric_limits<qint64>::max();
        for (CpuBuffer &cpu : cpus) {
            drain(cpu, page);
            bound = std::min(bound, std::max(cpu.lastTs, pollStart - kOrderingMarginNs));
        }
        deliver(bound, last);
        if (last)
            return;
    }
}

// Reads every page the CPU's buffer holds now (a read returns at most one).
bool TracefsCapture::Reader::drain(CpuBuffer &cpu, QByteArray &page)
{
    for (;;) {
        const ssize_t n = read(cpu.fd, page.data(), size_t(page.size()));
        if (n <= 0)
            return n == 0 || errno == EAGAIN;
        if (kbuffer_load_subbuffer(kbuf, page.data()) < 0)
            continue;
        unsigned long long ts = 0;
        while (void *data = kbuffer_read_event(kbuf, &ts)) {
            parse(cpu, data, kbuffer_event_size(kbuf), qint64(ts));
            kbuffer_next_event(kbuf, nullptr);
        }
    }
}

void TracefsCapture::Reader::parse(CpuBuffer &cpu, void *data, int size, qint64 ts)
{
    tep_record record{};
    record.ts = ts;
    record.cpu = cpu.cpu;
    record.data = data;
    record.size = size;
    const int type = tep_data_type(tep, &record);
    if (type == stackEventId && stackCaller) {
        if (cpu.pending.isEmpty() || !cpu.pending.last().details.stack.isEmpty())
            return;
        const int entries = int(readNumber(stackSize, data));
        const int room = (size - stackCaller->offset) / int(sizeof(quint64));
        QStringList &stack = cpu.pending.last().details.stack;
        for (int i = 0; i < std::min(entries, room); ++i) {
            quint64 address = 0;
            memcpy(&address, static_cast<const char *>(data) + stackCaller->offset + i * 8, 8);
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
    const auto f = fields.constFind(type);
    if (f == fields.constEnd())
        return;
    // __data_loc char[] name: offset in the low 16 bits, length in the high.
    const quint64 loc = readNumber(f->name, data);
    const int offset = int(loc & 0xffff);
    const int length = int((loc >> 16) & 0xffff);
    if (offset + length > size)
        return;
    const QByteArray raw(static_cast<const char *>(data) + offset,
                         int(strnlen(static_cast<const char *>(data) + offset, size_t(length))));
    auto name = moduleNames.constFind(raw);
    if (name == moduleNames.constEnd())
        name = moduleNames.insert(raw, QString::fromUtf8(raw));
    CapturedEvent event;
    event.event.timestampNs = ts;
    event.event.cpu = cpu.cpu;
    event.event.kind = f->kind;
    event.event.module = *name;
    event.event.refcount = f->refcnt ? int(qint32(readNumber(f->refcnt, data))) - 1 : -1;
    event.details.pid = int(readNumber(pidField, data));
    event.details.callSite = readNumber(f->ip, data);
    cpu.pending.append(event);
    cpu.lastTs = ts;
}

void TracefsCapture::Reader::deliver(qint64 bound, bool all)
{
    CaptureBatch batch;
    for (CpuBuffer &cpu : cpus) {
        qsizetype ready = 0;
        while (ready < cpu.pending.size() &&
               (all || cpu.pending.at(ready).event.timestampNs <= bound))
            ++ready;
        batch.events.append(cpu.pending.mid(0, ready));
        cpu.pending.remove(0, ready);
        // The kernel counts what it overwrote (overrun) or refused (dropped
        // events) per CPU; each new loss is reported once.
        QFile stats(cpu.statsPath);
        qint64 losses = 0;
        if (stats.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : stats.readAll().split('\n')) {
                if (line.startsWith("overrun:") || line.startsWith("dropped events:"))
                    losses += line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
            }
        }
        if (losses > cpu.lossesSeen) {
            batch.lost.append({cpu.lastTs, cpu.cpu, losses - cpu.lossesSeen});
            *lost += losses - cpu.lossesSeen;
            cpu.lossesSeen = losses;
        }
    }
    if (batch.events.isEmpty() && batch.lost.isEmpty())
        return;
    std::stable_sort(batch.events.begin(), batch.events.end(),
                     [](const CapturedEvent &a, const CapturedEvent &b) {
                         return a.event.timestampNs < b.event.timestampNs;
                     });
    for (CapturedEvent &e : batch.events) {
        e.details.comm = tasks.comm(e.details.pid);
        e.details.callSiteName = symbols.name(e.details.callSite);
        if (!addresses)
            e.details.callSite = 0;
    }
    tasks.clear();
    *delivered += quint64(batch.events.size());
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
    reader->delivered = &m_delivered;
    reader->lost = &m_lost;
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
    {
        std::lock_guard lock(m_reader->mutex);
        m_reader->stopping = true;
    }
    m_reader->wake.notify_all();
    m_reader->thread.join();
    m_reader->tearDown();
    m_reader.reset();
}

bool TracefsCapture::isRunning() const
{
    return m_reader != nullptr;
}

} // namespace refscope
