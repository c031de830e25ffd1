// SPDX-License-Identifier: GPL-3.0-or-later
// bench_holders_answer MODULE [RUNS]: how long one full "who holds it"
// answer takes (readHolderReport: snapshot, holder scan, census, explainer,
// what the agent's holders method and refscope-cli why run), and each part
// on its own, as medians of RUNS (default 9). Run it as root where the
// module is held, e.g. in the lab guest:
//   app/lab/boot-guest.sh -- sh -c 'SETUP; build/tests/bench/bench_holders_answer nf_tables'
#include "holders/census/census.h"
#include "holders/holderreport.h"
#include "holders/holderscan.h"
#include "holders/moduleowners.h"
#include "inventory/kmodreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace refscope;

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        ms << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_holders_answer MODULE [RUNS]\n");
        return 2;
    }
    const QString module = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 9;
    HolderReport report;
    QString error;
    if (!readHolderReport(module, {}, {}, &report, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const double whole = medianMs(runs, [&] { readHolderReport(module, {}, {}, &report, &error); });
    const double snapshot =
        medianMs(runs, [] { readLocalSnapshot({.modinfo = false, .builtin = true}); });
    const double scan = medianMs(runs, [] { scanHolders(); });
    int censusHolders = 0;
    const double census = medianMs(runs, [&] {
        ModuleOwners owners(loadedModuleNames());
        censusHolders = int(runCensus(owners).holders.value(report.module).size());
    });
    std::printf("%s: refcount %d, %lld holders (%d from the census), %d unattributed\n",
                qPrintable(report.module), report.refcount, qlonglong(report.holders.size()),
                censusHolders, report.unattributed);
    std::printf("whole answer %.1f ms; snapshot %.1f ms, holder scan %.1f ms, census %.1f ms "
                "(medians of %d)\n",
                whole, snapshot, scan, census, runs);
    return 0;
}
