// SPDX-License-Identifier: GPL-3.0-or-later
// The drop gate (app/core/release/dropgate.h) on the real 6.1 kernel, through
// refscope-cli in ONE lab guest: a real self-leak of leaky_ref is dropped on
// a recording's evidence and the module unloads; without a recording nothing
// is dropped; a qdisc's reference on sch_sfq is never dropped, recording or
// not, and the module stays; count_demo opened by a process is one holder
// with 2 references, not a holder and a leak. The kernel log stays clean.
#include "guestshell.h"
#include "holders/holderreportjson.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "release/releasejson.h"
#include "testlab.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace refscope {

namespace {

const QString kCli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");

QJsonObject jsonOf(const GuestResult &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class TestDropGateGuest : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    QString m_examples;

    GuestResult sh(const QString &script, int timeoutMs = 120000)
    {
        return m_guest->run(script, timeoutMs);
    }
    int lsmodCount(const QString &module) { return m_guest->lsmodCount(module); }
    QString ko(const QString &module) const
    {
        return m_examples + u'/' + module + QStringLiteral(".ko");
    }
    // refscope-cli record of `module` while `script` runs.
    GuestResult record(const QString &file, const QString &module, const QString &script)
    {
        return sh(QStringLiteral("%1 record -o %2 --modules %3 -- sh -c '%4'")
                      .arg(kCli, file, module, script));
    }

private slots:
    void initTestCase()
    {
        QElapsedTimer boot;
        boot.start();
        const QString error = bootTestLab(m_lab, 1150); // the ctest timeout is 1200 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_examples = QFileInfo(labExampleModules().first()).absolutePath();
        qInfo("guest ready in %lld ms", boot.elapsed());
    }

    void cleanup() { m_guest->endHeld(); }

    void cleanupTestCase()
    {
        const QString problems = m_guest ? m_guest->kernelLogProblems() : QString();
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    // (a) Recorded from its load: a write that leaks, the module's own get
    // never put back. The recording proves it; it is dropped and the module
    // unloads. With REFSCOPE_SAVE_RECORDING=FILE the recording is kept
    // there (tests/data/traces/leaky-ref-leak.rscope came from here).
    void dropsAProvenSelfLeak()
    {
        const GuestResult rec =
            record(QStringLiteral("/tmp/leak.rscope"), QStringLiteral("leaky_ref"),
                   QStringLiteral("insmod %1; echo oops > /proc/leaky_ref; true")
                       .arg(ko(QStringLiteral("leaky_ref"))));
        QVERIFY2(rec.ok(), qPrintable(rec.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 1);
        if (const QString save = qEnvironmentVariable("REFSCOPE_SAVE_RECORDING"); !save.isEmpty()) {
            const GuestResult b64 = sh(QStringLiteral("base64 -w0 /tmp/leak.rscope"));
            QFile out(save);
            QVERIFY(b64.ok() && out.open(QIODevice::WriteOnly));
            out.write(QByteArray::fromBase64(b64.out.trimmed().toLatin1()));
        }

        const GuestResult why =
            sh(kCli + QStringLiteral(" why --json --trace /tmp/leak.rscope leaky_ref"));
        QVERIFY2(why.ok(), qPrintable(why.describe()));
        const QJsonObject report = jsonOf(why);
        QCOMPARE(report.value(QLatin1String("unattributed")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("exact_available")).toBool(), true);
        const QJsonArray sites = report.value(QLatin1String("recorded_gets")).toArray();
        QCOMPARE(sites.size(), 1);
        const QJsonObject site = sites.first().toObject();
        qInfo("leaky_ref's call site: %s",
              qPrintable(site.value(QLatin1String("call_site")).toString()));
        QVERIFY(site.value(QLatin1String("call_site"))
                    .toString()
                    .startsWith(QLatin1String("leaky_ref_write+0x")));
        QCOMPARE(site.value(QLatin1String("owner")).toString(), QStringLiteral("self"));
        QCOMPARE(site.value(QLatin1String("leaked")).toInt(), 1);

        const GuestResult release =
            sh(kCli + QStringLiteral(" release leaky_ref --drop-leaked --trace /tmp/leak.rscope "
                                     "--yes --json"));
        QVERIFY2(release.ok(), qPrintable(release.describe()));
        ReleaseResult result;
        QString error;
        QVERIFY2(releaseResultFromJson(jsonOf(release), &result, &error), qPrintable(error));
        QVERIFY(result.released);
        QStringList codes;
        for (const ReleaseStep &step : result.steps)
            codes << stepCodeName(step.code);
        QCOMPARE(codes, (QStringList{"checked", "dropped", "unloaded", "gone"}));
        QCOMPARE(result.steps.at(1).args, (QStringList{"1", "1", "0"}));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), -1);
        QVERIFY(sh(QStringLiteral("dmesg | grep -q 'dropped 1 leaked reference(s) of leaky_ref'"))
                    .ok());
    }

    // (b) The same leak with no recording, then with one that saw only the
    // second of two gets: nothing is dropped, and it says how to record.
    void refusesWithoutProof()
    {
        QVERIFY(sh(QStringLiteral("insmod %1 && ! echo oops 2>/dev/null > /proc/leaky_ref")
                       .arg(ko(QStringLiteral("leaky_ref"))))
                    .ok());
        const GuestResult none =
            sh(kCli + QStringLiteral(" release leaky_ref --drop-leaked --yes"));
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("no recording proves them leaked")),
                 qPrintable(none.describe()));
        QVERIFY2(none.err.contains(
                     QStringLiteral("refscope-cli record -o FILE --modules leaky_ref -- COMMAND")),
                 qPrintable(none.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 1);

        const GuestResult why = sh(kCli + QStringLiteral(" why leaky_ref"));
        QVERIFY2(why.ok(), qPrintable(why.describe()));
        QVERIFY2(why.out.contains(QStringLiteral("Unattributed references: 1")),
                 qPrintable(why.out));
        QVERIFY2(!why.out.contains(QStringLiteral("looks leaked")), qPrintable(why.out));

        const GuestResult rec =
            record(QStringLiteral("/tmp/half.rscope"), QStringLiteral("leaky_ref"),
                   QStringLiteral("echo oops > /proc/leaky_ref; true"));
        QVERIFY2(rec.ok(), qPrintable(rec.describe()));
        const GuestResult half = sh(kCli + QStringLiteral(" release leaky_ref --drop-leaked "
                                                          "--trace /tmp/half.rscope --yes"));
        QCOMPARE(half.exitCode, 1);
        QVERIFY2(half.err.contains(QStringLiteral("proves only 1 leaked")),
                 qPrintable(half.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 2);
    }

    // (c) A qdisc holds sch_sfq: RefScope may not see the qdisc, but the
    // recording says qdisc_create took the reference: never dropped.
    void neverDropsAQdiscsReference()
    {
        QVERIFY2(sh(QStringLiteral("command -v tc")).ok(),
                 "tc is not installed (.ci/install-deps installs iproute2)");
        const GuestResult rec =
            record(QStringLiteral("/tmp/sfq.rscope"), QStringLiteral("sch_sfq"),
                   // The guest does not autoload modules: modprobe first.
                   QStringLiteral("modprobe sch_sfq; ip link set lo up; tc qdisc "
                                  "add dev lo root sfq"));
        QVERIFY2(rec.ok(), qPrintable(rec.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("sch_sfq")), 1);

        const GuestResult why =
            sh(kCli + QStringLiteral(" why --json --trace /tmp/sfq.rscope sch_sfq"));
        QVERIFY2(why.ok(), qPrintable(why.describe()));
        const QJsonArray sites = jsonOf(why).value(QLatin1String("recorded_gets")).toArray();
        QCOMPARE(sites.size(), 1);
        const QJsonObject site = sites.first().toObject();
        qInfo("sch_sfq's call site: %s",
              qPrintable(site.value(QLatin1String("call_site")).toString()));
        QCOMPARE(site.value(QLatin1String("owner")).toString(), QStringLiteral("subsystem"));
        QCOMPARE(site.value(QLatin1String("holder_kind")).toString(), QStringLiteral("qdisc"));
        QCOMPARE(site.value(QLatin1String("leaked")).toInt(), 0);

        const GuestResult release = sh(kCli + QStringLiteral(" release sch_sfq --drop-leaked "
                                                             "--trace /tmp/sfq.rscope --yes"));
        QCOMPARE(release.exitCode, 1);
        // Refused by the gate while the qdisc is unattributed; once a census
        // sees qdiscs, nothing is unattributed and the unload fails instead.
        QVERIFY2(release.err.contains(QStringLiteral("qdisc")) ||
                     release.out.contains(QStringLiteral("was not released")),
                 qPrintable(release.describe()));
        QVERIFY2(!release.out.contains(QStringLiteral("Dropped")), qPrintable(release.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("sch_sfq")), 1);
        QVERIFY(sh(QStringLiteral("tc qdisc show dev lo | grep -q sfq")).ok());
        // And the qdisc goes the normal way, taking its reference along.
        QVERIFY(sh(QStringLiteral("tc qdisc del dev lo root")).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("sch_sfq"), 0));
    }

    // (d) count_demo opened by a process: the file's owner reference and the
    // driver's own get in open, by the task holding the file: one holder.
    void countDemoIsOneHolderOfTwo()
    {
        const GuestResult rec = record(
            QStringLiteral("/tmp/cd.rscope"), QStringLiteral("count_demo"),
            QStringLiteral("insmod %1; sleep 600 < /dev/count_demo > /dev/null 2>&1 & sleep 1")
                .arg(ko(QStringLiteral("count_demo"))));
        QVERIFY2(rec.ok(), qPrintable(rec.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("count_demo")), 2);
        const GuestResult why =
            sh(kCli + QStringLiteral(" why --json --trace /tmp/cd.rscope count_demo"));
        QVERIFY2(why.ok(), qPrintable(why.describe()));
        HolderReport report;
        QString error;
        QVERIFY2(holderReportFromJson(jsonOf(why), &report, &error), qPrintable(error));
        QCOMPARE(report.refcount, 2);
        QCOMPARE(report.holders.size(), 1);
        QCOMPARE(report.holders.first().refs, 2);
        QCOMPARE(report.unattributed, 0);
        QCOMPARE(report.holders.first().path, QStringLiteral("/dev/count_demo"));
        qInfo("count_demo's holder: %s", qPrintable(report.holders.first().rule));
        // Nothing to drop: the drop changes nothing, and the holder stays.
        const GuestResult release = sh(kCli + QStringLiteral(" release count_demo --drop-leaked "
                                                             "--trace /tmp/cd.rscope --yes"));
        QCOMPARE(release.exitCode, 1);
        QCOMPARE(lsmodCount(QStringLiteral("count_demo")), 2);
        QVERIFY(sh(QStringLiteral("pkill -x sleep; true")).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("count_demo"), 0));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestDropGateGuest)
#include "tst_drop_gate_guest.moc"
