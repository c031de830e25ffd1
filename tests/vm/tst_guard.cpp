// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli guard on the real kernel, in ONE lab guest: a suite that
// leaks leaky_ref's reference fails (status 3) and names the call site; a
// balanced open/close loop of count_demo passes, also when the suite loads
// the module itself; COMMAND's own failure is told apart (4, and 5 with a
// leak), even when COMMAND cannot start; ^C reaches COMMAND and the verdict
// is still printed; --keep writes a session file RefScope opens again;
// --json is JSON alone on standard output. The kernel log stays clean.
#include "events/outstandingrefs.h"
#include "guard/guardverdict.h"
#include "guestshell.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "session/sessionfile.h"
#include "testlab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

namespace refscope {

namespace {

const QString kCli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");

} // namespace

class TestGuard : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    QString m_examples;
    QTemporaryDir m_dir;

    GuestResult sh(const QString &script, int timeoutMs = 180000)
    {
        return m_guest->run(script, timeoutMs);
    }
    QString ko(const QString &module) const
    {
        return m_examples + u'/' + module + QStringLiteral(".ko");
    }
    // refscope-cli guard OPTIONS -- sh -c 'SCRIPT'.
    GuestResult guard(const QString &options, const QString &script)
    {
        const GuestResult r =
            sh(QStringLiteral("%1 guard %2 -- sh -c '%3'").arg(kCli, options, script));
        qInfo("guard %s -- sh -c '%s': %s", qPrintable(options), qPrintable(script),
              qPrintable(r.describe()));
        return r;
    }
    // A guest file, copied here.
    QString fetch(const QString &guestPath)
    {
        const GuestResult b64 = sh(QStringLiteral("base64 -w0 ") + guestPath);
        if (!b64.ok())
            return {};
        const QString local = m_dir.filePath(QFileInfo(guestPath).fileName());
        QFile out(local);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(QByteArray::fromBase64(b64.out.trimmed().toLatin1()));
        return local;
    }
    // The path guard named for the recording ("the recording is in PATH (").
    static QString recordingPath(const QString &out)
    {
        static const QRegularExpression in(QStringLiteral("the recording is in (\\S+) \\("));
        return in.match(out).captured(1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = bootTestLab(m_lab, 850); // the ctest timeout is 900 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_examples = QFileInfo(labExampleModules().first()).absolutePath();
        QVERIFY(sh(QStringLiteral("insmod ") + ko(QStringLiteral("count_demo"))).ok());
    }

    void cleanup() { m_guest->endHeld(); }

    void cleanupTestCase()
    {
        const QString problems = m_guest ? m_guest->kernelLogProblems() : QString();
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    // count_demo opened and closed 20 times: every count comes back, no
    // recording is left behind without --keep.
    void balancedLoopPasses()
    {
        GuestResult r = guard(QStringLiteral("--modules count_demo"),
                              QStringLiteral("for i in $(seq 20); do : < /dev/count_demo; done"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("count_demo: 0 -> 0  ok")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("every count came back")), qPrintable(r.out));
        QVERIFY2(recordingPath(r.out).isEmpty(), qPrintable(r.out));

        // Unloaded and loaded again by the suite, opened, left at 0: a
        // module loaded during the run must come back to 0, and does.
        r = guard({}, QStringLiteral("rmmod count_demo && insmod %1 && : < /dev/count_demo")
                          .arg(ko(QStringLiteral("count_demo"))));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Modules whose count changed or that had events")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("count_demo: 0 -> 0 (loaded during the run")),
                 qPrintable(r.out));
    }

    // leaky_ref loaded by the suite, one write that leaks: status 3, the
    // call site named with its kind and task; --keep's session file opens
    // again and tells the same.
    void leakFailsAndKeepsTheRecording()
    {
        const GuestResult r = guard(QStringLiteral("--keep /tmp/leak.rscope"),
                                    QStringLiteral("insmod %1 && echo oops > /proc/leaky_ref; true")
                                        .arg(ko(QStringLiteral("leaky_ref"))));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains(QLatin1String("leaky_ref: not loaded -> 1 (loaded during the run")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("DIFFERS by 1")), qPrintable(r.out));
        static const QRegularExpression site(
            QStringLiteral("1 get never put back at leaky_ref_write\\+0x[0-9a-f]+ \\[leaky_ref\\] "
                           "\\(leak-prone: the module's own get\\), taken by sh \\(pid \\d+\\)"));
        QVERIFY2(site.match(r.out).hasMatch(), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("FAILED: the count of leaky_ref did not come back")),
                 qPrintable(r.out));
        QCOMPARE(recordingPath(r.out), QStringLiteral("/tmp/leak.rscope"));
        QCOMPARE(m_guest->lsmodCount(QStringLiteral("leaky_ref")), 1);

        const QString local = fetch(QStringLiteral("/tmp/leak.rscope"));
        QVERIFY(!local.isEmpty());
        Session session;
        const QString error = loadSession(local, &session);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(session.snapshot.find(QStringLiteral("count_demo")));
        QVERIFY(!session.snapshot.find(QStringLiteral("leaky_ref")));
        // The verdict the file gives with the guest's counts now is guard's.
        QMap<QString, int> after = moduleCounts(session.snapshot);
        after.insert(QStringLiteral("leaky_ref"), 1);
        const GuardVerdict v = guardVerdict(moduleCounts(session.snapshot), after, *session.events,
                                            {QStringLiteral("leaky_ref")});
        QCOMPARE(v.differing(), QStringList{QStringLiteral("leaky_ref")});
        QCOMPARE(v.modules.first().sites.size(), 1);
        QVERIFY(v.modules.first().sites.first().callSite.startsWith(
            QLatin1String("leaky_ref_write+0x")));
    }

    // --json: the verdict alone on standard output (COMMAND's output goes
    // to standard error); a failing run without --keep saves the recording
    // to a temporary file it names.
    void jsonParses()
    {
        const GuestResult r =
            guard(QStringLiteral("--json"),
                  QStringLiteral("echo from-the-suite; echo oops > /proc/leaky_ref; true"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("from-the-suite")), qPrintable(r.err));
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(r.out));
        QCOMPARE(json.value(QLatin1String("exit_status")).toInt(), 3);
        QCOMPARE(json.value(QLatin1String("balanced")).toBool(true), false);
        QCOMPARE(json.value(QLatin1String("modules_from")).toString(), QStringLiteral("changes"));
        const QJsonObject command = json.value(QLatin1String("command")).toObject();
        QCOMPARE(command.value(QLatin1String("exit_code")).toInt(-1), 0);
        QCOMPARE(command.value(QLatin1String("failed")).toBool(true), false);
        QJsonObject leaky;
        for (const QJsonValue &m : json.value(QLatin1String("modules")).toArray())
            if (m.toObject().value(QLatin1String("name")).toString() == QLatin1String("leaky_ref"))
                leaky = m.toObject();
        QCOMPARE(leaky.value(QLatin1String("before")).toInt(), 1);
        QCOMPARE(leaky.value(QLatin1String("after")).toInt(), 2);
        QCOMPARE(leaky.value(QLatin1String("expected")).toInt(), 1);
        QCOMPARE(leaky.value(QLatin1String("loaded_during_run")).toBool(true), false);
        const QJsonArray sites = leaky.value(QLatin1String("outstanding")).toArray();
        QCOMPARE(sites.size(), 1);
        const QJsonObject site = sites.first().toObject();
        QVERIFY(site.value(QLatin1String("call_site"))
                    .toString()
                    .startsWith(QLatin1String("leaky_ref_write+0x")));
        QCOMPARE(site.value(QLatin1String("owner")).toString(), QStringLiteral("self"));
        QCOMPARE(site.value(QLatin1String("outstanding")).toInt(), 1);
        const QJsonObject task = site.value(QLatin1String("tasks")).toArray().first().toObject();
        QCOMPARE(task.value(QLatin1String("comm")).toString(), QStringLiteral("sh"));
        QVERIFY(task.value(QLatin1String("pid")).toInt() > 0);
        const QString saved = json.value(QLatin1String("session_file")).toString();
        QVERIFY2(saved.startsWith(QLatin1String("/tmp/refscope-guard-")), qPrintable(saved));
        QVERIFY(sh(QStringLiteral("test -s ") + saved).ok());
    }

    // COMMAND's failure with every count back: 4; with a leak too: 5; a
    // COMMAND that cannot start: 4, said so.
    void commandFailureIsTold()
    {
        GuestResult r = guard(QStringLiteral("--modules count_demo"),
                              QStringLiteral(": < /dev/count_demo; exit 7"));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.out.contains(QLatin1String("every count came back")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("FAILED: sh exited with status 7")),
                 qPrintable(r.out));
        QVERIFY2(!recordingPath(r.out).isEmpty(), qPrintable(r.out));

        r = guard(QStringLiteral("--modules leaky_ref,count_demo"),
                  QStringLiteral("echo oops > /proc/leaky_ref"));
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.out.contains(QLatin1String("leaky_ref: 2 -> 3  DIFFERS by 1")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("count_demo: 0 -> 0  ok")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("FAILED: sh exited with status 1")),
                 qPrintable(r.out));

        r = sh(kCli + QStringLiteral(" guard --modules count_demo -- /nonexistent/suite"));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.out.contains(QLatin1String("/nonexistent/suite could not be started")),
                 qPrintable(r.describe()));
    }

    // ^C as a terminal sends it (SIGINT to the foreground process group):
    // COMMAND dies of it, guard prints the verdict and says so.
    void ctrlCReachesCommand()
    {
        const GuestResult r = sh(
            QStringLiteral(
                "setsid %1 guard --modules count_demo -- sh -c 'exec sleep 600 < /dev/count_demo' "
                "> /tmp/int.out 2>&1 & pid=$!; "
                "i=0; until [ \"$(awk '$1 == \"count_demo\" { print $3 }' /proc/modules)\" = 2 ]; "
                "do i=$((i+1)); [ $i -lt 600 ] || exit 9; sleep 0.1; done; "
                "kill -INT -$pid; (sleep 90; kill -KILL -$pid) & watchdog=$!; "
                "wait $pid; echo status=$?; kill $watchdog; cat /tmp/int.out")
                .arg(kCli));
        qInfo("%s", qPrintable(r.describe()));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QLatin1String("status=4")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("sleep was killed by a signal")) ||
                     r.out.contains(QLatin1String("sh was killed by a signal")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("count_demo: 0 -> 0  ok")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("every count came back")), qPrintable(r.out));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestGuard)
#include "tst_guard.moc"
