// SPDX-License-Identifier: GPL-3.0-or-later
// Two real recordings side by side: a recording against itself differs
// nowhere; leaky_ref's leaking write against a run where every write put
// its reference back points at the leaking call site; modules seen on one
// side only are marked so; trace.dat call sites match across recordings.
#include "events/recordingcompare.h"
#include "recording/recording.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace refscope;

namespace {

QString trace(const char *name)
{
    return QStringLiteral(REFSCOPE_TRACES_DIR "/") + QLatin1String(name);
}

const ModuleComparison *moduleOf(const RecordingComparison &comparison, const QString &name)
{
    for (const ModuleComparison &module : comparison.modules) {
        if (module.module == name)
            return &module;
    }
    return nullptr;
}

const CallSiteComparison *siteOf(const ModuleComparison &module, const QString &prefix)
{
    for (const CallSiteComparison &site : module.callSites) {
        if (site.callSite.startsWith(prefix) && !site.putOnly)
            return &site;
    }
    return nullptr;
}

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli"), arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestRecordingCompare : public QObject {
    Q_OBJECT
private slots:
    void matchKeyLeavesOutSizeAndModule()
    {
        QCOMPARE(callSiteMatchKey(QStringLiteral("count_demo_open+0x3c/0x90 [count_demo]")),
                 QStringLiteral("count_demo_open+0x3c"));
        QCOMPARE(callSiteMatchKey(QStringLiteral("misc_open+0x70")),
                 QStringLiteral("misc_open+0x70"));
        QCOMPARE(callSiteMatchKey(QStringLiteral("0xffffffffc0a01000")),
                 QStringLiteral("0xffffffffc0a01000"));
    }

    void recordingAgainstItselfDiffersNowhere_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("session") << trace("leaky-ref-leak.rscope");
        QTest::newRow("trace.dat") << trace("loop-with-stacks.dat");
    }

    void recordingAgainstItselfDiffersNowhere()
    {
        QFETCH(QString, path);
        QString error;
        const auto a = openRecording(path, &error);
        QVERIFY2(a, qPrintable(error));
        const auto b = openRecording(path, &error);
        QVERIFY2(b, qPrintable(error));
        int last = -1;
        bool monotonic = true;
        const RecordingComparison comparison = compareRecordings(*a, *b, {}, [&](int permille) {
            monotonic = monotonic && permille >= last;
            last = permille;
            return true;
        });
        QVERIFY(monotonic);
        QCOMPARE(last, 1000);
        QVERIFY(!comparison.modules.isEmpty());
        for (const ModuleComparison &module : comparison.modules) {
            QVERIFY2(!module.differs(), qPrintable(module.module));
            QVERIFY(module.a.present && module.b.present);
            QCOMPARE(module.a.gets, module.b.gets);
            QVERIFY(!module.callSites.isEmpty());
            for (const CallSiteComparison &site : module.callSites) {
                QVERIFY(site.inA && site.inB);
                QCOMPARE(site.difference(), 0);
            }
        }
    }

    // The same leaky_ref loaded and written to in the lab guest: once with a
    // write that takes the error path, once with writes that all succeed.
    void leakyAgainstBalancedPointsAtTheLeak()
    {
        QString error;
        const auto comparison = compareRecordingFiles(trace("leaky-ref-leak.rscope"),
                                                      trace("leaky-ref-balanced.rscope"), &error);
        QVERIFY2(comparison, qPrintable(error));
        QCOMPARE(comparison->modules.size(), 1);
        const ModuleComparison &module = comparison->modules.first();
        QCOMPARE(module.module, QStringLiteral("leaky_ref"));
        QVERIFY(module.differs());
        QCOMPARE(module.a.finalCount, std::optional<int>(1));
        QCOMPARE(module.b.finalCount, std::optional<int>(0));
        // The call site that changed most comes first: the leaking write.
        const CallSiteComparison &site = module.callSites.first();
        QVERIFY2(site.callSite.startsWith(QLatin1String("leaky_ref_write+")),
                 qPrintable(site.callSite));
        QVERIFY(site.inA && site.inB); // the same code, in two boots
        QCOMPARE(site.outstandingA, 1);
        QCOMPARE(site.outstandingB, 0);
        QCOMPARE(site.difference(), -1);
        QCOMPARE(site.owner.owner, CallSiteOwner::Self);
        QVERIFY(module.b.gets > module.a.gets);
    }

    void moduleOnOneSideOnly()
    {
        QString error;
        const auto comparison = compareRecordingFiles(trace("leaky-ref-leak.rscope"),
                                                      trace("loop-open-close.dat"), &error);
        QVERIFY2(comparison, qPrintable(error));
        const ModuleComparison *leaky = moduleOf(*comparison, QStringLiteral("leaky_ref"));
        const ModuleComparison *loop = moduleOf(*comparison, QStringLiteral("loop"));
        QVERIFY(leaky && loop);
        QVERIFY(leaky->a.present && !leaky->b.present);
        QVERIFY(!loop->a.present && loop->b.present);
        QCOMPARE(loop->b.gets, 50000);
        const CallSiteComparison *open = siteOf(*loop, QStringLiteral("misc_open+"));
        QVERIFY(open);
        QVERIFY(!open->inA && open->inB);
        QCOMPARE(open->owner.holderKind, QStringLiteral("file"));
        // --module keeps only that one.
        const auto only =
            compareRecordingFiles(trace("leaky-ref-leak.rscope"), trace("loop-open-close.dat"),
                                  &error, QStringLiteral("loop"));
        QVERIFY(only);
        QCOMPARE(only->modules.size(), 1);
    }

    // Two trace.dat files of different runs: the call site, at another
    // address in each boot, is one row.
    void callSitesMatchAcrossRecordings()
    {
        QString error;
        const auto comparison = compareRecordingFiles(trace("loop-open-close.dat"),
                                                      trace("loop-with-stacks.dat"), &error);
        QVERIFY2(comparison, qPrintable(error));
        const ModuleComparison *loop = moduleOf(*comparison, QStringLiteral("loop"));
        QVERIFY(loop);
        QCOMPARE(loop->a.gets, 50000);
        QCOMPARE(loop->b.gets, 2000);
        const CallSiteComparison *open = siteOf(*loop, QStringLiteral("misc_open+"));
        QVERIFY(open && open->inA && open->inB);
    }

    void unreadableFileIsNamed()
    {
        QString error;
        const QString missing = QStringLiteral(REFSCOPE_TRACES_DIR "/no-such-recording.dat");
        QVERIFY(!compareRecordingFiles(trace("loop-open-close.dat"), missing, &error));
        QVERIFY2(error.contains(QLatin1String("no-such-recording.dat")), qPrintable(error));
    }

    void stopping()
    {
        QString error;
        int calls = 0;
        QVERIFY(!compareRecordingFiles(trace("loop-open-close.dat"), trace("loop-open-close.dat"),
                                       &error, {}, [&calls](int) { return ++calls < 3; }));
        // The trace reader's threads may each report once more before they see it.
        QVERIFY2(calls >= 3 && calls < 20, qPrintable(QString::number(calls)));
    }

    void cliTableAndJson()
    {
        const Run table = cli({QStringLiteral("compare-recordings"), trace("leaky-ref-leak.rscope"),
                               trace("leaky-ref-balanced.rscope")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.err.isEmpty(), qPrintable(table.err));
        const QStringList lines = table.out.split(u'\n');
        // The header row and the leaking call site's row, columns aligned:
        // A, B and difference end at the same column on both lines.
        qsizetype header = -1, row = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].trimmed().startsWith(QLatin1String("call site")))
                header = i;
            if (lines[i].trimmed().startsWith(QLatin1String("leaky_ref_write+")))
                row = i;
        }
        QVERIFY2(header >= 0 && row > header, qPrintable(table.out));
        QCOMPARE(lines[row].size(), lines[header].size());
        QVERIFY2(lines[row].endsWith(QLatin1String("-1")), qPrintable(lines[row]));
        QVERIFY(lines[row].contains(QLatin1String("leak-prone")));

        const Run json = cli({QStringLiteral("compare-recordings"), QStringLiteral("--json"),
                              QStringLiteral("--module"), QStringLiteral("leaky_ref"),
                              trace("leaky-ref-leak.rscope"), trace("leaky-ref-balanced.rscope")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonArray modules = object[QLatin1String("modules")].toArray();
        QCOMPARE(modules.size(), 1);
        const QJsonObject site =
            modules[0].toObject()[QLatin1String("call_sites")].toArray()[0].toObject();
        QCOMPARE(site[QLatin1String("difference")].toInt(), -1);
        QCOMPARE(site[QLatin1String("owner")].toString(), QStringLiteral("self"));
    }

    void cliExitCodes()
    {
        // A file that cannot be read: 1, named on stderr.
        const Run missing =
            cli({QStringLiteral("compare-recordings"), trace("leaky-ref-leak.rscope"),
                 QStringLiteral("/nonexistent.dat")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("/nonexistent.dat")), qPrintable(missing.err));
        QVERIFY(missing.out.isEmpty());
        // A module neither has: 1.
        const Run noModule = cli({QStringLiteral("compare-recordings"), QStringLiteral("--module"),
                                  QStringLiteral("no_such_module"), trace("leaky-ref-leak.rscope"),
                                  trace("leaky-ref-leak.rscope")});
        QCOMPARE(noModule.exitCode, 1);
        // One file, or --module without a name: 2.
        QCOMPARE(
            cli({QStringLiteral("compare-recordings"), trace("leaky-ref-leak.rscope")}).exitCode,
            2);
        QCOMPARE(cli({QStringLiteral("compare-recordings"), trace("leaky-ref-leak.rscope"),
                      trace("leaky-ref-leak.rscope"), QStringLiteral("--module")})
                     .exitCode,
                 2);
        const Run help = cli({QStringLiteral("--help")});
        QVERIFY(help.out.contains(QLatin1String("compare-recordings A B [--module M] [--json]")));
    }
};

QTEST_GUILESS_MAIN(TestRecordingCompare)
#include "tst_recordingcompare.moc"
