// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecaptureinstance.h"

#include "capture/livecaptureprotocol.h"

#include <QByteArray>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

extern "C" {
#include <tracefs.h>
}

namespace refscope {

namespace {

constexpr char kInstance[] = "refscope";
constexpr int kBufferKbPerCpu = 8192;
// The kernel wakes a reader polling trace_pipe_raw once this share of its
// CPU's buffer is filled (about 40 pages of 8 MiB): a flood wakes the
// readers often enough to splice whole pages, a trickle not at all (their
// poll times out instead).
constexpr int kWakeBufferPercent = 2;
// The kernel's table of call sites per event (a power of two; the kernel
// allows 2^17 at most). Each entry holds the module's name (256 bytes), so
// both tables take about 6 MiB while a capture runs; a capture sees tens of
// call sites, rarely hundreds. One that did not fit is counted as Dropped
// and the counts are said to be incomplete.
constexpr int kHistEntries = 8192;

QString systemError()
{
    return QString::fromLocal8Bit(strerror(errno));
}

int lockInstance(tracefs_instance *instance, QString *error)
{
    char *dir = tracefs_instance_get_dir(instance);
    const int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    free(dir);
    if (fd < 0) {
        *error = QStringLiteral("cannot open the tracefs instance \"%1\": %2")
                     .arg(QLatin1String(kInstance), systemError());
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        close(fd);
        *error = QStringLiteral("another RefScope capture is running on this machine "
                                "(its tracefs instance \"%1\" is in use)")
                     .arg(QLatin1String(kInstance));
        return -1;
    }
    return fd;
}

QByteArray filterFor(const QStringList &modules)
{
    QStringList terms;
    for (const QString &module : modules)
        terms << QStringLiteral("name == \"%1\"").arg(module);
    return terms.join(QStringLiteral(" || ")).toUtf8();
}

} // namespace

CaptureInstance::~CaptureInstance()
{
    remove();
}

QString CaptureInstance::create(const CaptureOptions &options)
{
    const QString stale = removeStale();
    if (!stale.isEmpty())
        return stale;
    m_instance = tracefs_instance_create(kInstance);
    if (!m_instance)
        return QStringLiteral("cannot create the tracefs instance \"%1\" (%2): live tracing needs "
                              "root and tracefs at /sys/kernel/tracing")
            .arg(QLatin1String(kInstance), systemError());
    QString error;
    m_lockFd = lockInstance(m_instance, &error);
    if (m_lockFd < 0)
        return error;
    // "mono" is CLOCK_MONOTONIC, which the reader can read too: it bounds
    // which events are safe to hand over in order.
    if (tracefs_instance_file_write(m_instance, "trace_clock", "mono") < 0)
        return QStringLiteral("cannot select the mono trace clock: %1").arg(systemError());
    m_bufferKb = options.bufferKbPerCpu > 0 ? options.bufferKbPerCpu : kBufferKbPerCpu;
    if (tracefs_instance_file_write(m_instance, "buffer_size_kb",
                                    QByteArray::number(m_bufferKb).constData()) < 0)
        return QStringLiteral("cannot size the trace buffers: %1").arg(systemError());
    // Not overwriting: when the readers fall behind, the writer drops new
    // events (counted in per_cpu/cpuN/stats) instead of moving the buffer's
    // head page. A reader swapping its page in retries, with interrupts off,
    // for as long as a writer keeps moving that head: under a flood in a
    // slow (emulated) guest that retry can last long enough to stall the CPU.
    if (tracefs_instance_file_write(m_instance, "options/overwrite", "0") < 0)
        return QStringLiteral("cannot turn off overwriting in the trace buffers: %1")
            .arg(systemError());
    if (tracefs_instance_file_write(m_instance, "buffer_percent",
                                    QByteArray::number(kWakeBufferPercent).constData()) < 0)
        return QStringLiteral("cannot set when the kernel wakes the readers: %1")
            .arg(systemError());
    const QByteArray filter = filterFor(options.modules);
    for (const ModuleEventKind kind : kModuleEventKinds) {
        if (!filter.isEmpty() &&
            tracefs_event_file_write(m_instance, "module", moduleEventKindName(kind).toLatin1(),
                                     "filter", filter.constData()) < 0)
            return QStringLiteral("the kernel refused the module filter \"%1\"")
                .arg(QString::fromUtf8(filter));
    }
    // Set once the events are on: a conditional trigger set before its
    // event was enabled left the event itself unrecorded on 6.1.
    if (options.stacks)
        m_stackTrigger = filter.isEmpty() ? QByteArray("stacktrace") : "stacktrace if " + filter;
    // Keyed by module and call site, so gets minus puts per call site stays
    // exact however many events the ring buffer drops: a hist trigger sees
    // every event, the kernel handing it a scratch buffer when the ring
    // buffer has no room (measured on 6.1 and 6.12, tests/fixtures/hist).
    m_histTrigger =
        "hist:keys=name,ip.sym-offset:vals=hitcount:size=" + QByteArray::number(kHistEntries);
    if (!filter.isEmpty())
        m_histTrigger += " if " + filter;
    return {};
}

QString CaptureInstance::enableEvents()
{
    for (const ModuleEventKind kind : kModuleEventKinds) {
        if (tracefs_event_enable(m_instance, "module", moduleEventKindName(kind).toLatin1()) < 0)
            return QStringLiteral("cannot enable %1 (this kernel lacks the tracepoint?)")
                .arg(moduleEventKindName(kind));
    }
    // A task's renames (exec sets the new program's name), unfiltered: an
    // event's task is named as it was when the event happened, not as it
    // is when the event is read. A kernel without the event only loses
    // that.
    tracefs_event_enable(m_instance, "task", "task_rename");
    // The stack lands right after the event it belongs to.
    for (const char *event : {"module_get", "module_put"}) {
        if (!m_stackTrigger.isEmpty() &&
            tracefs_event_file_write(m_instance, "module", event, "trigger",
                                     m_stackTrigger.constData()) < 0)
            return QStringLiteral("cannot set the stacktrace trigger on %1: %2")
                .arg(QLatin1String(event), systemError());
    }
    // Set after the events, as the stack trigger. A kernel without hist
    // triggers refuses them: the capture goes on, with the events' counts
    // alone.
    for (const char *event : {"module_get", "module_put"}) {
        if (tracefs_event_file_write(m_instance, "module", event, "trigger",
                                     m_histTrigger.constData()) < 0) {
            m_histError = QStringLiteral("the kernel refused the call site counts on %1: %2")
                              .arg(QLatin1String(event), systemError());
            break;
        }
        m_histSetOn << QByteArray(event);
    }
    return {};
}

bool CaptureInstance::readHist(const char *event, QByteArray *text, QString *error) const
{
    if (!m_histError.isEmpty() || !m_histSetOn.contains(QByteArray(event))) {
        *error =
            m_histError.isEmpty() ? QStringLiteral("no call site counts were set") : m_histError;
        return false;
    }
    char *content = tracefs_event_file_read(m_instance, "module", event, "hist", nullptr);
    if (!content) {
        *error = QStringLiteral("cannot read the kernel's call site counts of %1: %2")
                     .arg(QLatin1String(event), systemError());
        return false;
    }
    *text = QByteArray(content);
    free(content);
    return true;
}

void CaptureInstance::removeHistTriggers()
{
    // The same text with "!" removes the trigger; removing the instance
    // would too, but a trigger left on is kernel memory and a hook on every
    // get and put, so it goes first, on every path.
    for (const QByteArray &event : std::as_const(m_histSetOn)) {
        if (tracefs_event_file_write(m_instance, "module", event.constData(), "trigger",
                                     ("!" + m_histTrigger).constData()) < 0)
            qWarning("live capture: cannot remove the call site counts of %s: %s",
                     event.constData(), strerror(errno));
    }
    m_histSetOn.clear();
}

QString CaptureInstance::stopWriting()
{
    if (!m_instance)
        return {};
    if (tracefs_instance_file_write(m_instance, "tracing_on", "0") < 0)
        return QStringLiteral("cannot turn tracing off: %1").arg(systemError());
    return {};
}

int CaptureInstance::bufferPagesPerCpu() const
{
    return (m_bufferKb > 0 ? m_bufferKb : kBufferKbPerCpu) * 1024 / int(sysconf(_SC_PAGESIZE));
}

QString CaptureInstance::file(const QByteArray &relative) const
{
    char *path = tracefs_instance_get_file(m_instance, relative.constData());
    const QString result = QString::fromUtf8(path);
    tracefs_put_tracing_file(path);
    return result;
}

void CaptureInstance::remove()
{
    if (m_instance) {
        removeHistTriggers();
        tracefs_event_disable(m_instance, "module", nullptr);
        tracefs_instance_destroy(m_instance);
        tracefs_instance_free(m_instance);
        m_instance = nullptr;
    }
    if (m_lockFd >= 0)
        close(m_lockFd);
    m_lockFd = -1;
}

QString CaptureInstance::removeStale()
{
    if (!tracefs_instance_exists(kInstance))
        return {};
    tracefs_instance *stale = tracefs_instance_alloc(nullptr, kInstance);
    if (!stale)
        return QStringLiteral("cannot open the stale tracefs instance \"%1\"")
            .arg(QLatin1String(kInstance));
    QString error;
    const int lock = lockInstance(stale, &error);
    if (lock >= 0) {
        if (tracefs_instance_destroy(stale) < 0)
            error = QStringLiteral("cannot remove the stale tracefs instance \"%1\": %2")
                        .arg(QLatin1String(kInstance), systemError());
        close(lock);
    }
    tracefs_instance_free(stale);
    return error;
}

} // namespace refscope
