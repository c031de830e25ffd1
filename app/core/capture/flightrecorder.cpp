// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/flightrecorder.h"

#include "capture/livecapturedetails.h"
#include "capture/livecapturetracefs.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <ctime>

#include <cerrno>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace refscope::flightrecorder {

namespace {

struct SnapshotTrigger {
    const char *file;
    const char *text;
};
// What freezes the history. A failed unload reaches the kernel only when a
// program asks it to unload a module in use (or races another reference
// in): delete_module then returns EBUSY or EAGAIN. rmmod and modprobe -r
// of kmod refuse on their own, reading /sys/module/NAME/refcnt, and exit
// with an error without asking the kernel: their failed exit is the other
// trigger (a modprobe that failed to load a module freezes too). Measured
// on Debian's 6.1 and 6.12 (tst_live_capture).
constexpr SnapshotTrigger kTriggers[] = {
    {"events/syscalls/sys_exit_delete_module/trigger", "snapshot if ret < 0"},
    {"events/syscalls/sys_enter_exit_group/trigger",
     "snapshot if error_code != 0 && (comm == \"rmmod\" || comm == \"modprobe\")"},
};
constexpr const char *kEvents[] = {"module_load", "module_free", "module_get", "module_put"};
constexpr const char *kStackEvents[] = {"module_get", "module_put"};

QString tracingDir()
{
    for (const char *dir : {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"}) {
        if (QFile::exists(QString::fromLatin1(dir) + QStringLiteral("/instances")))
            return QString::fromLatin1(dir);
    }
    return {};
}

QString instanceDir()
{
    const QString tracing = tracingDir();
    return tracing.isEmpty() ? QString()
                             : tracing + QStringLiteral("/instances/") + QLatin1String(kInstance);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

// Writes `value` to a file of the instance; empty on success, else why.
QString writeFile(const QString &relative, const QByteArray &value)
{
    const QString path = instanceDir() + u'/' + relative;
    const int fd = open(QFile::encodeName(path).constData(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        return QStringLiteral("cannot open %1: %2").arg(path, systemError(errno));
    const ssize_t n = write(fd, value.constData(), size_t(value.size()));
    const int error = errno;
    close(fd);
    if (n != value.size())
        return QStringLiteral("the kernel refused \"%1\" in %2: %3")
            .arg(QString::fromUtf8(value), path, systemError(error));
    return {};
}

QByteArray readFile(const QString &relative, qint64 most = 1 << 20)
{
    QFile file(instanceDir() + u'/' + relative);
    return file.open(QIODevice::ReadOnly) ? file.read(most) : QByteArray();
}

// The triggers set on an event: its trigger file without the comment
// lines. With none set the file holds only "# Available triggers:" and a
// list naming every command, "snapshot" and "stacktrace" among them.
QByteArray triggersSet(const QString &relative)
{
    QByteArray set;
    for (const QByteArray &line : readFile(relative).split('\n')) {
        if (!line.trimmed().isEmpty() && !line.startsWith('#'))
            set += line + '\n';
    }
    return set;
}

int cpuCount()
{
    int cpus = 0;
    while (QFile::exists(instanceDir() + QStringLiteral("/per_cpu/cpu%1").arg(cpus)))
        ++cpus;
    return cpus;
}

QString eventFile(const char *event, const char *file)
{
    return QStringLiteral("events/module/%1/%2").arg(QLatin1String(event), QLatin1String(file));
}

// "  cat-812  [001] .....  123.456789: module_get: count_demo call_site=..."
// (the mono clock prints seconds and microseconds).
const QRegularExpression &eventLine()
{
    static const QRegularExpression line(
        QStringLiteral(R"(\s(\d+)\.(\d{6}):\s+module_\w+:\s+([A-Za-z0-9_]+))"));
    return line;
}

qint64 clockNs(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

// Counts the frozen events and their modules, and dates the last one. Read
// in pieces up to the buffers' size: nothing of it is kept but the counts.
void summarizeFrozen(QFile *snapshot, FlightStatus *status)
{
    QHash<QString, qint64> perModule;
    const auto line = [&](const QByteArray &raw) {
        const QByteArray text = raw.trimmed();
        if (text.isEmpty() || text.startsWith('#'))
            return;
        status->frozen = true;
        const QRegularExpressionMatch match = eventLine().match(QString::fromUtf8(raw));
        if (!match.hasMatch())
            return;
        ++status->frozenEvents;
        ++perModule[match.captured(3)];
        status->frozenLastNs =
            std::max(status->frozenLastNs, match.captured(1).toLongLong() * 1000000000LL +
                                               match.captured(2).toLongLong() * 1000LL);
    };
    QByteArray pending;
    for (;;) {
        const QByteArray chunk = snapshot->read(256 * 1024);
        if (chunk.isEmpty())
            break;
        pending += chunk;
        qsizetype from = 0;
        for (qsizetype end; (end = pending.indexOf('\n', from)) >= 0; from = end + 1)
            line(pending.mid(from, end - from));
        pending.remove(0, from);
    }
    line(pending);
    QList<QString> modules = perModule.keys();
    std::sort(modules.begin(), modules.end(), [&](const QString &a, const QString &b) {
        const qint64 na = perModule.value(a), nb = perModule.value(b);
        return na != nb ? na > nb : a < b;
    });
    status->modules = modules;
    // The instance's clock is CLOCK_MONOTONIC: the wall clock then is now
    // less the time since.
    if (status->frozenLastNs >= 0)
        status->frozenAtMs =
            QDateTime::currentMSecsSinceEpoch() -
            std::max<qint64>(0, clockNs(CLOCK_MONOTONIC) - status->frozenLastNs) / 1000000;
}

} // namespace

QString start(int bufferKbPerCpu, bool stacks)
{
    const QString tracing = tracingDir();
    if (tracing.isEmpty())
        return QStringLiteral("tracefs is not mounted at /sys/kernel/tracing (or the kernel has no "
                              "tracing)");
    if (QFile::exists(instanceDir()))
        return QStringLiteral("the flight recorder is already running (its tracefs instance "
                              "\"%1\" exists; stop it first)")
            .arg(QLatin1String(kInstance));
    if (mkdir(QFile::encodeName(instanceDir()).constData(), 0700) != 0)
        return QStringLiteral("cannot create the tracefs instance \"%1\": %2 (the flight recorder "
                              "needs root)")
            .arg(QLatin1String(kInstance), systemError(errno));
    auto fail = [](const QString &why) {
        const QString undo = stop();
        return undo.isEmpty() ? why : why + QStringLiteral("; ") + undo;
    };
    // The clock live captures use, so both recordings' times compare.
    QString error = writeFile(QStringLiteral("trace_clock"), "mono");
    if (error.isEmpty())
        error = writeFile(QStringLiteral("buffer_size_kb"), QByteArray::number(bufferKbPerCpu));
    // Nobody reads the live buffer: it keeps the newest events, and the
    // snapshot holds them still when an unload fails.
    if (error.isEmpty())
        error = writeFile(QStringLiteral("options/overwrite"), "1");
    for (const char *event : kEvents) {
        if (error.isEmpty())
            error = writeFile(eventFile(event, "enable"), "1");
    }
    // Set once the events are on (as the live capture does: on 6.1 a
    // trigger set before its event was enabled left the event unrecorded).
    for (const char *event : kStackEvents) {
        if (error.isEmpty() && stacks)
            error = writeFile(eventFile(event, "trigger"), "stacktrace");
    }
    // The first trigger allocates the snapshot buffer, as big as the live
    // one.
    for (const SnapshotTrigger &trigger : kTriggers) {
        if (error.isEmpty())
            error = writeFile(QLatin1String(trigger.file), trigger.text);
    }
    if (!error.isEmpty())
        return fail(error);
    return {};
}

QString stop()
{
    if (instanceDir().isEmpty() || !QFile::exists(instanceDir()))
        return {};
    QStringList errors;
    // Each trigger goes on every path, first those on the system calls:
    // they run outside RefScope's own events.
    for (const SnapshotTrigger &trigger : kTriggers) {
        if (triggersSet(QLatin1String(trigger.file)).contains("snapshot")) {
            const QString error =
                writeFile(QLatin1String(trigger.file), QByteArray("!") + trigger.text);
            if (!error.isEmpty())
                errors << error;
        }
    }
    for (const char *event : kStackEvents) {
        if (triggersSet(eventFile(event, "trigger")).contains("stacktrace")) {
            const QString error = writeFile(eventFile(event, "trigger"), "!stacktrace");
            if (!error.isEmpty())
                errors << error;
        }
    }
    writeFile(QStringLiteral("events/enable"), "0");
    if (rmdir(QFile::encodeName(instanceDir()).constData()) != 0)
        errors << QStringLiteral("cannot remove the tracefs instance \"%1\": %2")
                      .arg(QLatin1String(kInstance), systemError(errno));
    return errors.join(QStringLiteral("; "));
}

FlightStatus status()
{
    FlightStatus status;
    if (instanceDir().isEmpty() || !QFile::exists(instanceDir()))
        return status;
    status.running = true;
    status.armed = true;
    for (const SnapshotTrigger &trigger : kTriggers)
        status.armed =
            status.armed && triggersSet(QLatin1String(trigger.file)).contains("snapshot");
    status.stacks = triggersSet(eventFile("module_get", "trigger")).contains("stacktrace");
    status.bufferKbPerCpu = readFile(QStringLiteral("buffer_size_kb")).trimmed().toInt();
    status.cpus = cpuCount();
    // The text view of the snapshot reads without consuming: any line not
    // a comment is an event. (A tracefs file says it is empty, so QFile's
    // atEnd() cannot tell when it ends: an empty read does.)
    QFile snapshot(instanceDir() + QStringLiteral("/snapshot"));
    if (snapshot.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        summarizeFrozen(&snapshot, &status);
    return status;
}

// Each CPU's frozen pages, or an error when the recorder is not running.
static QString frozenSnapshotFiles(QStringList *files)
{
    if (instanceDir().isEmpty() || !QFile::exists(instanceDir()))
        return QStringLiteral("the flight recorder is not running");
    const int cpus = cpuCount();
    for (int cpu = 0; cpu < cpus; ++cpu)
        *files << instanceDir() + QStringLiteral("/per_cpu/cpu%1/snapshot_raw").arg(cpu);
    return {};
}

QString readFrozenEvents(bool addresses, QList<CapturedEvent> *events)
{
    QStringList files;
    if (const QString error = frozenSnapshotFiles(&files); !error.isEmpty())
        return error;
    return TracefsCapture::decodeRawFiles(
        files, addresses, [&](CaptureBatch &&batch) { events->append(std::move(batch.events)); });
}

QString readFrozen(EventStore *events, std::size_t *count)
{
    *count = 0;
    QStringList files;
    if (const QString error = frozenSnapshotFiles(&files); !error.isEmpty())
        return error;
    auto ownedDetails = std::make_unique<CapturedDetails>(events);
    CapturedDetails *details = ownedDetails.get();
    events->setDetailsSource(std::move(ownedDetails));
    QString storeError;
    const QString error = TracefsCapture::decodeRawFiles(files, true, [&](CaptureBatch &&batch) {
        try {
            for (const CapturedEvent &e : batch.events) {
                events->append(e.event);
                details->append(e.details);
                ++*count;
            }
        } catch (const std::exception &refused) {
            storeError = QString::fromUtf8(refused.what());
        }
    });
    return error.isEmpty() ? storeError : error;
}

} // namespace refscope::flightrecorder
