// SPDX-License-Identifier: GPL-3.0-or-later
// bench_capture [OPENS [RUNS]]: RefScope's live capture (`refscope-cli
// record`) against `trace-cmd record -e module` on the same flood, in the
// same boot. Run it as root where the loop module is loaded, e.g. in the lab:
//   app/lab/boot-guest.sh -- sh -c 'modprobe loop; build/tests/bench/bench_capture'
// Each run opens and closes /dev/loop-control OPENS times (default 500000:
// a module_get and a module_put each) under one recorder, then under the
// other (RUNS times, default 3, alternating, so both meet the same machine).
// Both record every module event (no filter). Prints, per run and as
// medians: the recording's wall time (start to file written), the flood's
// own time (how much the recorder slowed it), events recorded, events lost
// (the kernel's per-CPU overrun and dropped events, and pages marked as
// having missed events), events/s over the wall time, and the ratios
// RefScope / trace-cmd.
#include "events/eventstore.h"
#include "session/sessionfile.h"
#include "tracefile/tracefilereader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace refscope {

namespace {

struct Run {
    double wallS = 0;
    double floodS = 0;
    qint64 events = 0;
    qint64 lost = 0;
    bool ok = false;
};

// The flood prints its own elapsed seconds as a line of its own.
double floodSeconds(const QByteArray &out)
{
    const QRegularExpression line(QStringLiteral("^(\\d+\\.\\d+)$"),
                                  QRegularExpression::MultilineOption);
    double seconds = 0;
    for (auto it = line.globalMatch(QString::fromUtf8(out)); it.hasNext();)
        seconds = it.next().captured(1).toDouble();
    return seconds;
}

// Sum of "KEY: N" lines (trace-cmd record prints each CPU's stats).
qint64 sumOf(const QByteArray &out, const QString &key)
{
    const QRegularExpression line(QStringLiteral("^%1:\\s*(\\d+)").arg(key),
                                  QRegularExpression::MultilineOption);
    qint64 sum = 0;
    for (auto it = line.globalMatch(QString::fromUtf8(out)); it.hasNext();)
        sum += it.next().captured(1).toLongLong();
    return sum;
}

bool runTimed(const QString &program, const QStringList &args, const QString &cwd, Run *run,
              QByteArray *out)
{
    QProcess process;
    process.setWorkingDirectory(cwd);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    if (!process.waitForFinished(1800 * 1000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        fprintf(stderr, "%s failed: %s\n%s\n", qPrintable(program),
                qPrintable(process.errorString()), process.readAll().constData());
        return false;
    }
    run->wallS = timer.nsecsElapsed() / 1e9;
    *out = process.readAll();
    run->floodS = floodSeconds(*out);
    return true;
}

Run traceCmd(const QString &dir, const QStringList &flood)
{
    Run run;
    QByteArray out;
    const QString file = dir + QStringLiteral("/flood.dat");
    if (!runTimed(QStringLiteral("trace-cmd"),
                  QStringList{QStringLiteral("record"), QStringLiteral("-o"), file,
                              QStringLiteral("-e"), QStringLiteral("module")} +
                      flood,
                  dir, &run, &out))
        return run;
    QString error;
    const std::shared_ptr<EventStore> events = readTraceFile(file, &error);
    if (!events) {
        fprintf(stderr, "cannot read trace-cmd's recording: %s\n", qPrintable(error));
        return run;
    }
    run.events = qint64(events->size());
    run.lost = std::max(sumOf(out, QStringLiteral("overrun")) +
                            sumOf(out, QStringLiteral("dropped events")),
                        events->lostEventCount());
    QFile::remove(file);
    run.ok = true;
    return run;
}

Run refscopeCli(const QString &dir, const QStringList &flood)
{
    Run run;
    QByteArray out;
    const QString file = dir + QStringLiteral("/flood.rscope");
    if (!runTimed(QStringLiteral(REFSCOPE_CLI),
                  QStringList{QStringLiteral("record"), QStringLiteral("-o"), file,
                              QStringLiteral("--")} +
                      flood,
                  dir, &run, &out))
        return run;
    Session session;
    const QString error = loadSession(file, &session);
    if (!error.isEmpty()) {
        fprintf(stderr, "cannot read RefScope's recording: %s\n", qPrintable(error));
        return run;
    }
    run.events = qint64(session.events->size());
    run.lost = session.events->lostEventCount();
    QFile::remove(file);
    run.ok = true;
    return run;
}

void print(const char *tool, const Run &run)
{
    printf("  %-9s wall %7.2f s  flood %7.2f s  events %8lld  lost %7lld  %8.0f events/s\n", tool,
           run.wallS, run.floodS, run.events, run.lost, run.events / run.wallS);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

} // namespace refscope

int main(int argc, char **argv)
{
    using namespace refscope;
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.contains(QStringLiteral("--help")) || geteuid() != 0) {
        printf("usage: bench_capture [OPENS [RUNS]] (as root, with the loop module loaded)\n");
        return geteuid() != 0 ? 2 : 0;
    }
    const int opens = args.value(0, QStringLiteral("500000")).toInt();
    const int runs = args.value(1, QStringLiteral("3")).toInt();
    QTemporaryDir dir;
    const QStringList flood{QStringLiteral(REFSCOPE_FLOOD), QStringLiteral("/dev/loop-control"),
                            QString::number(opens)};
    printf("%d opens and closes of /dev/loop-control (%d module events) per run\n", opens,
           2 * opens);
    QList<double> wall[2], floods[2], rates[2];
    qint64 lostMax[2] = {0, 0};
    for (int i = 0; i < runs; ++i) {
        printf("run %d\n", i + 1);
        const Run runsOf[2] = {traceCmd(dir.path(), flood), refscopeCli(dir.path(), flood)};
        for (int t = 0; t < 2; ++t) {
            if (!runsOf[t].ok)
                return 1;
            print(t == 0 ? "trace-cmd" : "RefScope", runsOf[t]);
            wall[t] << runsOf[t].wallS;
            floods[t] << runsOf[t].floodS;
            rates[t] << runsOf[t].events / runsOf[t].wallS;
            lostMax[t] = std::max(lostMax[t], runsOf[t].lost);
        }
        fflush(stdout);
    }
    printf("medians of %d runs:\n", runs);
    for (int t = 0; t < 2; ++t)
        printf("  %-9s wall %7.2f s  flood %7.2f s  %8.0f events/s  lost at most %lld\n",
               t == 0 ? "trace-cmd" : "RefScope", median(wall[t]), median(floods[t]),
               median(rates[t]), lostMax[t]);
    printf("RefScope / trace-cmd: wall time %.2fx, flood time %.2fx, events/s %.2fx\n",
           median(wall[1]) / median(wall[0]), median(floods[1]) / median(floods[0]),
           median(rates[1]) / median(rates[0]));
    return 0;
}
