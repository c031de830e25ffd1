// SPDX-License-Identifier: GPL-3.0-or-later
// bench_trace_load [--runs N] [FILE]: how long loading a trace.dat takes
// with RefScope, with KernelShark's library (kshark_open +
// kshark_load_entries) and with `trace-cmd report > /dev/null`, best of N
// runs each in the same run, and the ratios. Then how long the event store
// takes to answer one screen-wide zoom (1920 buckets per module) at 1 M and
// 10 M events, replicated from the real ones.
#ifdef REFSCOPE_HAVE_KSHARK
#include "ksharkload.h"
#endif

#include "recording/recording.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <functional>
#include <limits>

using namespace refscope;

namespace {

struct Time {
    double wallMs = std::numeric_limits<double>::max();
    double cpuMs = std::numeric_limits<double>::max(); // user + system
};

double processCpuMs(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// Best of `runs`: the wall time and, separately, the CPU time, which other
// programs sharing the machine disturb less. `release` frees a run's result
// outside the timing.
Time best(int runs, const std::function<bool()> &run, int who = RUSAGE_SELF,
          const std::function<void()> &release = {})
{
    Time result;
    for (int i = 0; i < runs; ++i) {
        const double cpuBefore = processCpuMs(who);
        QElapsedTimer timer;
        timer.start();
        if (!run())
            return {};
        result.wallMs = std::min(result.wallMs, timer.nsecsElapsed() / 1e6);
        result.cpuMs = std::min(result.cpuMs, processCpuMs(who) - cpuBefore);
        if (release)
            release();
    }
    return result;
}

bool traceCmdReport(const QString &path)
{
    const pid_t child = fork();
    if (child == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        const QByteArray file = path.toLocal8Bit();
        execlp("trace-cmd", "trace-cmd", "report", file.constData(), static_cast<char *>(nullptr));
        _exit(127);
    }
    int status = 0;
    return child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

void printRow(const char *what, const Time &time, const Time &reference)
{
    std::printf("%-34s %9.1f ms wall %9.1f ms CPU", what, time.wallMs, time.cpuMs);
    if (time.wallMs != reference.wallMs)
        std::printf("   RefScope is %5.1fx faster (wall), %5.1fx (CPU)",
                    time.wallMs / reference.wallMs, time.cpuMs / reference.cpuMs);
    std::printf("\n");
}

// One zoom over the whole recording for every module, as a redraw asks it.
void benchZoom(const EventStore &real, std::size_t target, int runs)
{
    EventStore store;
    const qint64 span = real.timestampNs(real.size() - 1) - real.timestampNs(0) + 1;
    std::vector<int> offsets(real.moduleCount(), 0); // keeps each curve continuous
    for (qint64 copy = 0; store.size() < target; ++copy) {
        for (std::size_t i = 0; i < real.size() && store.size() < target; ++i) {
            const ModuleEvent event = real.event(i);
            store.append(event.timestampNs + copy * span, event.cpu, event.kind,
                         store.internModule(event.module), event.refcount);
        }
    }
    store.squeeze();
    const qint64 from = store.timestampNs(0);
    const qint64 to = store.timestampNs(store.size() - 1) + 1;
    const Time whole = best(runs, [&] {
        for (int m = 0; m < store.moduleCount(); ++m)
            store.countBuckets(m, from, to, 1920);
        return true;
    });
    const Time narrow = best(runs, [&] {
        for (int m = 0; m < store.moduleCount(); ++m)
            store.countBuckets(m, from + (to - from) / 2, from + (to - from) / 2 + 1000000, 1920);
        return true;
    });
    std::printf("%9zu events, %d modules: whole range %.3f ms, 1 ms window %.3f ms "
                "(1920 buckets each); %.1f bytes/event resident (%.1f in columns)\n",
                store.size(), store.moduleCount(), whole.wallMs, narrow.wallMs,
                double(store.residentBytes()) / store.size(),
                double(store.columnBytes()) / store.size());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 5;
    if (args.size() >= 2 && args.first() == QLatin1String("--runs")) {
        runs = std::max(1, args.at(1).toInt());
        args = args.mid(2);
    }
    if (args.size() > 1 || (!args.isEmpty() && args.first().startsWith(u'-'))) {
        std::fputs("usage: bench_trace_load [--runs N] [FILE]\n", stderr);
        return 2;
    }
    const QString path =
        args.value(0, QStringLiteral(REFSCOPE_TRACES_DIR "/three-modules-1.6M.dat"));
    std::printf("%s, best of %d runs\n", qPrintable(path), runs);

    std::shared_ptr<EventStore> store;
    QString error;
    std::shared_ptr<EventStore> loaded;
    const Time refscope = best(
        runs,
        [&] {
            loaded = openRecording(path, &error);
            return bool(loaded);
        },
        RUSAGE_SELF, [&] { store = std::move(loaded); });
    if (!store) {
        std::fprintf(stderr, "RefScope cannot load it: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%zu module events\n", store->size());
    printRow("RefScope (openRecording)", refscope, refscope);
#ifdef REFSCOPE_HAVE_KSHARK
    long entries = 0;
    KsharkLoad *load = nullptr;
    const QByteArray file = path.toLocal8Bit();
    const Time kshark = best(
        runs,
        [&] {
            load = ksharkLoad(file.constData(), &entries);
            return load != nullptr;
        },
        RUSAGE_SELF, [&] { ksharkRelease(load); });
    if (!load && kshark.wallMs == std::numeric_limits<double>::max())
        std::printf("libkshark cannot load it\n");
    else
        printRow("libkshark (open + load_entries)", kshark, refscope);
#else
    std::printf("libkshark: not built (no libkshark found by pkg-config)\n");
#endif
    const Time report = best(
        runs, [&] { return traceCmdReport(path); }, RUSAGE_CHILDREN);
    if (report.wallMs == std::numeric_limits<double>::max())
        std::printf("trace-cmd report: failed or not installed\n");
    else
        printRow("trace-cmd report > /dev/null", report, refscope);

    std::printf("\nZoom queries on the event store (a redraw's data side):\n");
    for (const std::size_t events : {std::size_t(1000000), std::size_t(10000000)})
        benchZoom(*store, events, runs);
    return 0;
}
