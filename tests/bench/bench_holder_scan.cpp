// SPDX-License-Identifier: GPL-3.0-or-later
// bench_holder_scan [PROCESSES [FDS]]: RefScope's full holder scan against
// `lsof -n -P` on the same population, in the same run. Spawns PROCESSES
// (default 1000) children holding FDS (default 20) fds each: a regular file,
// /dev/null, pipes and unix sockets, and, where the loop module is loaded
// (the lab guest), /dev/loop-control, a device file a module owns. Prints
// both times (median of 7, each run listed too) and the ratio; the target
// is 10x. The runs alternate, so both tools see the same machine state.
#include "holders/holderscan.h"
#include "holders/moduleowners.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace refscope {

namespace {

constexpr int kRuns = 7;

// The child's fds, then it waits for the parent to close `release`.
[[noreturn]] void holdFds(const QByteArray &file, int fds, bool device, int ready, int release)
{
    int opened = 0;
    if (device && ::open("/dev/loop-control", O_RDONLY) >= 0)
        ++opened;
    while (opened < fds) {
        int pair[2];
        switch (opened % 5) {
        case 0:
        case 1:
            opened += ::open(file.constData(), O_RDONLY) >= 0;
            break;
        case 2:
            opened += ::open("/dev/null", O_RDONLY) >= 0;
            break;
        case 3:
            opened += ::pipe(pair) == 0 ? 2 : 0;
            break;
        default:
            opened += ::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0 ? 2 : 0;
            break;
        }
    }
    char byte = 1;
    if (::write(ready, &byte, 1) != 1)
        ::_exit(1);
    // Returns 0 once the parent closes its end.
    [[maybe_unused]] const ssize_t released = ::read(release, &byte, 1);
    ::_exit(0);
}

QByteArray joined(const QList<qint64> &values)
{
    QByteArrayList texts;
    for (const qint64 value : values)
        texts.append(QByteArray::number(value));
    return texts.join(' ');
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

qint64 timeLsof(QString *error)
{
    QProcess lsof;
    lsof.setStandardOutputFile(QProcess::nullDevice());
    lsof.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    lsof.start(QStringLiteral("lsof"), {QStringLiteral("-n"), QStringLiteral("-P")});
    if (!lsof.waitForFinished(600000) || lsof.exitStatus() != QProcess::NormalExit) {
        *error = QStringLiteral("lsof -n -P did not run: %1").arg(lsof.errorString());
        return -1;
    }
    return timer.elapsed();
}

int run(int processes, int fdsEach)
{
    QTemporaryFile file;
    if (!file.open()) {
        std::fprintf(stderr, "bench_holder_scan: cannot create a temporary file\n");
        return 1;
    }
    const bool loopLoaded = loadedModuleNames().contains(QStringLiteral("loop"));
    int ready[2], release[2];
    if (::pipe(ready) != 0 || ::pipe(release) != 0)
        return 1;
    QList<pid_t> children;
    for (int i = 0; i < processes; ++i) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(ready[0]);
            ::close(release[1]);
            holdFds(QFile::encodeName(file.fileName()), fdsEach, loopLoaded && i % 10 == 0,
                    ready[1], release[0]);
        }
        if (pid < 0) {
            std::fprintf(stderr, "bench_holder_scan: fork failed after %d children\n", i);
            break;
        }
        children.append(pid);
    }
    ::close(ready[1]);
    ::close(release[0]);
    char byte;
    int started = 0;
    while (started < children.size() && ::read(ready[0], &byte, 1) == 1)
        ++started;

    QList<qint64> scanMs, lsofMs;
    HolderScan scan;
    QString error;
    for (int run = 0; run < kRuns && error.isEmpty(); ++run) {
        QElapsedTimer timer;
        timer.start();
        scan = scanHolders();
        scanMs.append(timer.elapsed());
        lsofMs.append(timeLsof(&error));
    }
    ::close(release[1]);
    for (const pid_t pid : std::as_const(children))
        ::waitpid(pid, nullptr, 0);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "bench_holder_scan: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 ours = std::max<qint64>(median(scanMs), 1);
    const qint64 theirs = median(lsofMs);
    std::printf("population: %d processes holding %d fds each (%d processes, %d fds scanned)\n",
                started, fdsEach, scan.processes, scan.openFiles);
    if (loopLoaded)
        std::printf("loop holders found: %lld (every 10th child opened /dev/loop-control)\n",
                    qlonglong(scan.holders.value(QStringLiteral("loop")).size()));
    std::printf("refscope holder scan: %lld ms (median of %d; runs: %s)\n", ours, kRuns,
                joined(scanMs).constData());
    std::printf("lsof -n -P:           %lld ms (median of %d; runs: %s)\n", theirs, kRuns,
                joined(lsofMs).constData());
    std::printf("ratio: %.1fx (target 10x: %s)\n", double(theirs) / double(ours),
                theirs >= 10 * ours ? "met" : "NOT met");
    return started == processes ? 0 : 1;
}

} // namespace

} // namespace refscope

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    bool ok = true;
    const int processes = args.size() > 0 ? args.at(0).toInt(&ok) : 1000;
    const int fds = ok && args.size() > 1 ? args.at(1).toInt(&ok) : 20;
    if (!ok || processes < 1 || fds < 1 || args.size() > 2) {
        std::fprintf(stderr, "usage: bench_holder_scan [PROCESSES [FDS]] (default 1000 20)\n");
        return 2;
    }
    return refscope::run(processes, fds);
}
