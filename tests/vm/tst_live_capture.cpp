// SPDX-License-Identifier: GPL-3.0-or-later
// Live capture against the real 6.1 kernel in ONE lab guest: the curve the
// agent streams follows the guest's lsmod at every step of insmod, open,
// close, rmmod; a flood of a million module events arrives whole or its
// shortfall is reported as lost; trace.stop in the middle of a flood returns
// in bounded time and no CPU stalls (the guest's lockup detectors watch
// every flood); RefScope's tracefs instance is gone after
// trace.stop, after SIGTERM and, once the next agent starts, after SIGKILL;
// `refscope-cli record` writes a session `refscope-cli report` reads; and
// the kernel's counts per call site stay exact when a tiny buffer loses
// most events; the flight recorder freezes the events before a failed
// rmmod (and a refused delete_module), which `flight save` writes as a
// session that ends at the failure, and its cost is printed.
#include "capture/livecapture.h"
#include "guestshell.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "protocol/agentclient.h"
#include "session/sessionfile.h"
#include "testlab.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

namespace refscope {

namespace {

const QString kAgent = QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent");
const QString kCli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");
const QString kFlood = QStringLiteral(REFSCOPE_BINARY_DIR "/tests/vm/open_close_flood");
const QString kInstanceDir = QStringLiteral("/sys/kernel/tracing/instances/refscope");
constexpr qint64 kEndOfTime = std::numeric_limits<qint64>::max();

// The lines a second agent in the guest reads: hello, then trace.start.
const QString kStartLines = QStringLiteral(
    "printf '%s\\n' '{\"id\":1,\"method\":\"hello\",\"params\":{\"protocol\":1,\"client\":\"t\"}}' "
    "'{\"id\":2,\"method\":\"trace.start\",\"params\":{\"modules\":[\"loop\"]}}'");

} // namespace

class TestLiveCapture : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    QString m_examples;

    GuestResult sh(const QString &script, int timeoutMs = 60000)
    {
        return m_guest->run(script, timeoutMs);
    }

    // lsmod's "Used" number of a module in the guest, -1 when not loaded.
    int lsmodCount(const QString &module)
    {
        const GuestResult r =
            sh(QStringLiteral("lsmod | awk '$1 == \"%1\" { print $3 }'").arg(module));
        bool ok = false;
        const int count = r.out.trimmed().toInt(&ok);
        return ok ? count : -1;
    }

    static int capturedCount(const LiveCapture &capture, const QString &module)
    {
        const EventStore *events = capture.events();
        const int id = events->findModule(module);
        return id < 0 ? -2 : events->countAt(id, kEndOfTime);
    }

    bool instanceExists() { return sh(QStringLiteral("test -d ") + kInstanceDir).ok(); }

    // The kernel log's problems, a stall included, since the guest booted.
    void verifyNoStall()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

public:
    // The million-event flood takes 2-4 min on 6.1 and longer on 6.12 under
    // TCG: more than QtTest's default 300 s per function; the flood's own
    // limits (600 s each) and ctest's TIMEOUT stay the bounds.
    TestLiveCapture() { qputenv("QTEST_FUNCTION_TIMEOUT", "1150000"); }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 1700); // the ctest timeout is 1800 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_examples = QFileInfo(labExampleModules().first()).absolutePath();
        QVERIFY2(sh(QStringLiteral("modprobe loop")).ok(), "modprobe loop failed");
        // A capture must never stall a CPU: the soft-lockup watchdog (a CPU
        // in the kernel for 20 s) and RCU's stall detector report into the
        // kernel log, which every flood checks; a lockup dumps every CPU.
        QVERIFY2(sh(QStringLiteral("cd /proc/sys/kernel && echo 1 > soft_watchdog && echo 1 > "
                                   "watchdog && echo 1 > softlockup_all_cpu_backtrace"))
                     .ok(),
                 "the guest's soft-lockup detector cannot be enabled");
    }

    // A flood a failed check left running would flood the next test too.
    void cleanup() { m_guest->endHeld(); }

    void cleanupTestCase()
    {
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    void curveFollowsLsmodAtEveryStep()
    {
        LiveCapture capture(m_lab.agent());
        QSignalSpy started(&capture, &LiveCapture::started);
        QSignalSpy failed(&capture, &LiveCapture::failed);
        capture.start({{QStringLiteral("count_demo")}, true});
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(instanceExists());

        const QString module = QStringLiteral("count_demo");
        QVERIFY(sh(QStringLiteral("insmod %1/count_demo.ko").arg(m_examples)).ok());
        QCOMPARE(lsmodCount(module), 0);
        QTRY_COMPARE_WITH_TIMEOUT(capturedCount(capture, module), 0, 10000);
        // One open: the VFS's reference and count_demo's own try_module_get.
        const qint64 reader = m_guest->start(QStringLiteral("exec sleep 600 < /dev/count_demo"));
        QTRY_COMPARE_WITH_TIMEOUT(lsmodCount(module), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(capturedCount(capture, module), 2, 10000);
        const qint64 second = m_guest->start(QStringLiteral("exec sleep 600 < /dev/count_demo"));
        QTRY_COMPARE_WITH_TIMEOUT(lsmodCount(module), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(capturedCount(capture, module), 4, 10000);
        QVERIFY(sh(QStringLiteral("kill %1").arg(reader)).ok());
        QTRY_COMPARE_WITH_TIMEOUT(lsmodCount(module), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(capturedCount(capture, module), 2, 10000);
        QVERIFY(sh(QStringLiteral("kill %1").arg(second)).ok());
        QTRY_COMPARE_WITH_TIMEOUT(lsmodCount(module), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(capturedCount(capture, module), 0, 10000);
        QVERIFY(sh(QStringLiteral("rmmod count_demo")).ok());

        QSignalSpy stopped(&capture, &LiveCapture::stopped);
        capture.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(!instanceExists());

        // Loaded, two opens of two references each, freed; every get/put
        // with its stack.
        const EventStore *events = capture.events();
        QMap<ModuleEventKind, int> kinds;
        QStringList lines;
        for (std::size_t i = 0; i < events->size(); ++i) {
            ++kinds[events->kind(i)];
            lines << events->details(i).text + QStringLiteral(" by ") + events->details(i).comm;
        }
        qInfo("count_demo's events:\n%s", qPrintable(lines.join(u'\n')));
        QCOMPARE(events->kind(0), ModuleEventKind::Load);
        QCOMPARE(events->kind(events->size() - 1), ModuleEventKind::Free);
        // Loading holds one reference through init; do_init_module puts it.
        QCOMPARE(kinds.value(ModuleEventKind::Get), 4);
        QCOMPARE(kinds.value(ModuleEventKind::Put), 5);
        QCOMPARE(events->refcount(0), -1); // module_load carries no count
        QCOMPARE(stopped.first().at(0).toULongLong(), quint64(events->size()));
        std::size_t firstGet = 0;
        while (events->kind(firstGet) != ModuleEventKind::Get)
            ++firstGet;
        const EventDetails get = events->details(firstGet);
        QCOMPARE(get.comm, QStringLiteral("sh")); // the shell opens, then execs sleep
        QVERIFY2(get.callSiteName.startsWith(QLatin1String("misc_open")) ||
                     get.callSiteName.contains(QLatin1String("count_demo_open")),
                 qPrintable(get.callSiteName));
        QVERIFY2(get.stack.join(u'\n').contains(QLatin1String("try_module_get")),
                 qPrintable(get.stack.join(u'\n')));
        // The client did not ask for raw addresses: the agent resolved the
        // symbols and sent no kernel address.
        QCOMPARE(get.callSite, quint64(0));
        QVERIFY2(!get.stack.join(u'\n').contains(QLatin1String("0x") + QLatin1String("ffff")),
                 qPrintable(get.stack.join(u'\n')));
    }

    void millionEventFloodArrivesOrIsReportedLost()
    {
        LiveCapture capture(m_lab.agent());
        QSignalSpy started(&capture, &LiveCapture::started);
        QSignalSpy failed(&capture, &LiveCapture::failed);
        QSignalSpy stopped(&capture, &LiveCapture::stopped);
        capture.start({{QStringLiteral("loop")}, false});
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        const int baseline = lsmodCount(QStringLiteral("loop"));

        constexpr int kOpens = 500000; // a get and a put each
        QElapsedTimer timer;
        timer.start();
        const GuestResult flood =
            sh(QStringLiteral("%1 /dev/loop-control %2").arg(kFlood).arg(kOpens), 600000);
        QVERIFY2(flood.ok(), qPrintable(flood.describe()));
        capture.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty() || !failed.isEmpty(), 600000);
        const double seconds = timer.elapsed() / 1000.0;
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

        const EventStore *events = capture.events();
        const qint64 received = qint64(events->size());
        const qint64 lost = events->lostEventCount();
        qInfo("flood: %d opens in %s s in the guest; %lld events arrived, %lld reported lost, "
              "%.0f events/s end to end",
              kOpens, qPrintable(flood.out.trimmed()), received, lost, received / seconds);
        QCOMPARE(received + lost, qint64(2) * kOpens);
        QCOMPARE(stopped.first().at(0).toLongLong(), received);
        QCOMPARE(stopped.first().at(1).toLongLong(), lost);
        if (lost == 0)
            QCOMPARE(capturedCount(capture, QStringLiteral("loop")), baseline);
        // trace.stop's call_sites: the kernel counted every get and put,
        // whatever was lost on the way.
        QVERIFY2(events->kernelCounts(), "trace.stop brought no call site counts");
        QVERIFY(events->kernelCounts()->complete());
        QCOMPARE(events->kernelCounts()->gets(QStringLiteral("loop")), qint64(kOpens));
        QCOMPARE(events->kernelCounts()->puts(QStringLiteral("loop")), qint64(kOpens));
        verifyNoStall();
    }

    // trace.stop while the flood goes on at full speed: tracing stops, the
    // last drain is bounded (about 10 s), the instance is gone soon after
    // whatever the flood, what could not be read is counted as lost, and no
    // CPU stalled meanwhile. The reply itself follows the events the agent
    // still queues for the client, which the channel's speed bounds.
    void stopDuringAFloodReturnsInTime()
    {
        LiveCapture capture(m_lab.agent());
        QSignalSpy started(&capture, &LiveCapture::started);
        QSignalSpy failed(&capture, &LiveCapture::failed);
        QSignalSpy stopped(&capture, &LiveCapture::stopped);
        capture.start({{QStringLiteral("loop")}, false});
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        m_guest->hold(
            QStringLiteral("exec %1 /dev/loop-control 100000000 > /dev/null").arg(kFlood));
        // Long enough to fill the buffers; every event it makes still has to
        // reach the client before the reply.
        QTest::qWait(5000);
        QVERIFY2(sh(QStringLiteral("pgrep -x open_close_floo")).ok(), "the flood did not start");
        // trace.stop holds the agent until the queued events are sent: the
        // guest itself notes when the capture was over (its instance gone).
        m_guest->hold(QStringLiteral("while test -d %1; do sleep 0.1; done; "
                                     "cut -d' ' -f1 /proc/uptime > /tmp/instance-gone")
                          .arg(kInstanceDir));
        const double before =
            sh(QStringLiteral("cut -d' ' -f1 /proc/uptime")).out.trimmed().toDouble();
        QElapsedTimer timer;
        timer.start();
        capture.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!stopped.isEmpty() || !failed.isEmpty(), 600000);
        const qint64 replyMs = timer.elapsed();
        const bool stillFlooding = sh(QStringLiteral("pgrep -x open_close_floo")).ok();
        const GuestResult gone = sh(QStringLiteral("cat /tmp/instance-gone"));
        m_guest->endHeld();
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY2(stillFlooding, "the flood must still run when the capture stops");
        QVERIFY2(gone.ok(), qPrintable(gone.describe()));
        const double stopSeconds = gone.out.trimmed().toDouble() - before;
        const EventStore *events = capture.events();
        qInfo("stopped during a flood: the capture in %.1f s, the reply after %lld ms (the "
              "queued events sent); %zu events arrived, %lld reported lost",
              stopSeconds, replyMs, events->size(), events->lostEventCount());
        // The last drain's 10 s, and what removing the instance takes in a
        // busy emulated guest.
        QVERIFY2(stopSeconds < 30, qPrintable(QString::number(stopSeconds)));
        QVERIFY(events->size() > 0);
        QCOMPARE(stopped.first().at(0).toLongLong(), qint64(events->size()));
        QCOMPARE(stopped.first().at(1).toLongLong(), events->lostEventCount());
        verifyNoStall();
    }

    void instanceIsRemovedAfterSignalsAndStaleOnesOnNextStart()
    {
        QVERIFY(!instanceExists());
        // SIGTERM: the agent removes its instance before exiting.
        qint64 agent = m_guest->start(
            QStringLiteral("(%1; sleep 600) | %2 --inspect > /dev/null").arg(kStartLines, kAgent));
        QTRY_VERIFY_WITH_TIMEOUT(instanceExists(), 20000);
        QVERIFY(sh(QStringLiteral("kill -TERM $(pgrep -P %1 -x refscope-agent)").arg(agent)).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!instanceExists(), 20000);
        sh(QStringLiteral("kill %1").arg(agent));

        // SIGKILL leaves it behind; the next agent to start removes it.
        agent = m_guest->start(
            QStringLiteral("(%1; sleep 600) | %2 --inspect > /dev/null").arg(kStartLines, kAgent));
        QTRY_VERIFY_WITH_TIMEOUT(instanceExists(), 20000);
        QVERIFY(sh(QStringLiteral("kill -KILL $(pgrep -P %1 -x refscope-agent)").arg(agent)).ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            !sh(QStringLiteral("pgrep -P %1 -x refscope-agent").arg(agent)).ok(), 10000);
        QVERIFY2(instanceExists(), "a killed agent cannot clean up: the instance should remain");
        sh(QStringLiteral("kill %1").arg(agent));
        QVERIFY(sh(QStringLiteral("%1 --inspect < /dev/null").arg(kAgent)).ok());
        QVERIFY(!instanceExists());
    }

    void recordWritesASessionReportReads()
    {
        const GuestResult record =
            sh(QStringLiteral("%1 record -o /tmp/loop.rscope --modules loop --stacks -- sh -c "
                              "'for i in 1 2 3; do exec 3</dev/loop-control; exec 3<&-; done'")
                   .arg(kCli));
        QVERIFY2(record.ok(), qPrintable(record.describe()));
        QVERIFY2(record.out.contains(QLatin1String("6 module events, 0 lost events")),
                 qPrintable(record.out));
        QVERIFY(!instanceExists());
        const GuestResult report = sh(kCli + QStringLiteral(" report /tmp/loop.rscope --json"));
        QVERIFY2(report.ok(), qPrintable(report.describe()));
        const QJsonObject json = QJsonDocument::fromJson(report.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("events")).toInt(), 6);
        QCOMPARE(json.value(QLatin1String("lost_events")).toInt(), 0);
        const QJsonObject loop =
            json.value(QLatin1String("modules")).toObject().value(QLatin1String("loop")).toObject();
        QCOMPARE(loop.value(QLatin1String("gets")).toInt(), 3);
        QCOMPARE(loop.value(QLatin1String("puts")).toInt(), 3);
        QCOMPARE(loop.value(QLatin1String("final_refcount")).toInt(),
                 lsmodCount(QStringLiteral("loop")));
    }

    // A shell opens the device and execs sleep: the open (a get) is the
    // shell's, the close at exit (a put) sleep's. record decodes after the
    // command is done, when the kernel's table of task names (and /proc)
    // has long called the task sleep: the exec's rename, recorded with the
    // events, names each as it was.
    void recordNamesEachEventsTaskAsItWasThen()
    {
        const GuestResult record =
            sh(QStringLiteral("%1 record -o /tmp/exec.rscope --modules loop -- sh -c "
                              "'exec sleep 0.2 < /dev/loop-control'")
                   .arg(kCli));
        QVERIFY2(record.ok(), qPrintable(record.describe()));
        const GuestResult file = sh(QStringLiteral("base64 -w0 /tmp/exec.rscope"));
        QVERIFY2(file.ok(), qPrintable(file.describe()));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("exec.rscope"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromBase64(file.out.trimmed().toLatin1()));
        out.close();
        Session session;
        const QString error = loadSession(path, &session);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList lines;
        const EventStore &events = *session.events;
        for (std::size_t i = 0; i < events.size(); ++i)
            lines << moduleEventKindName(events.kind(i)) + u' ' + events.details(i).comm;
        QCOMPARE(lines.join(u','), QStringLiteral("module_get sh,module_put sleep"));
    }

    // refscope-cli record keeps the pages it reads undecoded until the
    // command is done, so that decoding does not take CPU time from it; past
    // what it may keep (lowered here to 256 KiB, about 40 pages a CPU) it
    // decodes half of them while the command runs. Either way every event
    // arrives, in order (a session out of order does not open), and the
    // counts agree with the kernel's.
    void recordKeepsPagesUntilTheCommandIsDone_data()
    {
        QTest::addColumn<QString>("keep");
        QTest::newRow("all kept") << QString();
        QTest::newRow("past a 256 KiB bound") << QStringLiteral("REFSCOPE_CAPTURE_KEEP_KB=256 ");
    }

    void recordKeepsPagesUntilTheCommandIsDone()
    {
        QFETCH(QString, keep);
        constexpr int kOpens = 50000;
        const GuestResult record =
            sh(QStringLiteral(
                   "%1%2 record -o /tmp/kept.rscope --modules loop -- %3 /dev/loop-control %4")
                   .arg(keep, kCli, kFlood)
                   .arg(kOpens),
               300000);
        QVERIFY2(record.ok(), qPrintable(record.describe()));
        QVERIFY2(
            record.out.contains(QStringLiteral("%1 module events, 0 lost events").arg(2 * kOpens)),
            qPrintable(record.out));
        const GuestResult report = sh(kCli + QStringLiteral(" report /tmp/kept.rscope --json"));
        QVERIFY2(report.ok(), qPrintable(report.describe()));
        const QJsonObject loop = QJsonDocument::fromJson(report.out.toUtf8())
                                     .object()
                                     .value(QLatin1String("modules"))
                                     .toObject()
                                     .value(QLatin1String("loop"))
                                     .toObject();
        QCOMPARE(loop.value(QLatin1String("gets")).toInt(), kOpens);
        QCOMPARE(loop.value(QLatin1String("puts")).toInt(), kOpens);
        QCOMPARE(loop.value(QLatin1String("final_refcount")).toInt(),
                 lsmodCount(QStringLiteral("loop")));
        QVERIFY(!instanceExists());
    }

    // A flood through a 4 KiB ring buffer a CPU loses most of its events;
    // the kernel's counts per call site (hist triggers) still say exactly
    // how many opens and closes there were, and leaky_ref's two leaking
    // writes as +2. The losses are reported, the instance and its triggers
    // are gone after the capture. Then the triggers' cost on the same flood:
    // events alone against events and hist triggers, in an instance of the
    // test's own.
    void kernelCountsStayExactWhenEventsAreLost()
    {
        constexpr int kOpens = 20000;
        QVERIFY2(sh(QStringLiteral("insmod %1/leaky_ref.ko").arg(m_examples)).ok(),
                 "insmod leaky_ref failed");
        const GuestResult record = sh(
            QStringLiteral("%1 record -o /tmp/lossy.rscope --modules loop,leaky_ref --buffer-kb 4 "
                           "-- sh -c '%2 /dev/loop-control %3 && echo ok > /proc/leaky_ref && "
                           "for i in 1 2; do echo oops > /proc/leaky_ref; done; true'")
                .arg(kCli, kFlood)
                .arg(kOpens),
            600000);
        QVERIFY2(record.ok(), qPrintable(record.describe()));
        qInfo("%s", qPrintable(record.out.trimmed()));
        QVERIFY2(record.out.contains(
                     QLatin1String("events lost; counts per call site are exact from the "
                                   "kernel's counters")),
                 qPrintable(record.out));
        // Set, read and removed without a complaint (the removal names the
        // same filter as the trigger).
        QVERIFY2(!record.err.contains(QLatin1String("call site counts")), qPrintable(record.err));
        QVERIFY(!instanceExists());
        // No hist trigger anywhere: the instance's went with it, none was
        // ever set on the top-level buffer.
        const GuestResult triggers =
            sh(QStringLiteral("grep -l '^hist' /sys/kernel/tracing/events/module/*/trigger; true"));
        QVERIFY2(triggers.out.trimmed().isEmpty(), qPrintable(triggers.out));

        const auto kernelCounts = [this](const QString &module, qint64 *gets, qint64 *puts,
                                         qint64 *lost) {
            const GuestResult why =
                sh(QStringLiteral("%1 why %2 --trace /tmp/lossy.rscope --json").arg(kCli, module));
            const QJsonObject json = QJsonDocument::fromJson(why.out.toUtf8()).object();
            *gets = *puts = 0;
            for (const QJsonValue &site :
                 json.value(QLatin1String("recorded_call_site_counts")).toArray()) {
                *gets += qint64(site.toObject().value(QLatin1String("gets")).toDouble());
                *puts += qint64(site.toObject().value(QLatin1String("puts")).toDouble());
            }
            *lost = qint64(json.value(QLatin1String("recorded_lost_events")).toDouble());
            return json.contains(QLatin1String("recorded_call_site_counts"));
        };
        qint64 gets = 0;
        qint64 puts = 0;
        qint64 lost = 0;
        QVERIFY(kernelCounts(QStringLiteral("loop"), &gets, &puts, &lost));
        qInfo("a flood of %d opens through 4 KiB buffers: %lld events lost; the kernel counted "
              "%lld gets and %lld puts of loop",
              kOpens, lost, gets, puts);
        QVERIFY2(lost > 0, "a 4 KiB buffer should lose events under this flood");
        QCOMPARE(gets, qint64(kOpens));
        QCOMPARE(puts, qint64(kOpens));
        QVERIFY(kernelCounts(QStringLiteral("leaky_ref"), &gets, &puts, &lost));
        QCOMPARE(gets, 3);
        QCOMPARE(puts, 1);
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 2); // leaked for good, by design

        // The cost: the same flood with the module events on in an
        // instance, without and with the hist triggers, alternated.
        const QString instance = QStringLiteral("/sys/kernel/tracing/instances/histcost");
        const QString trigger =
            QStringLiteral("hist:keys=name,ip.sym-offset:vals=hitcount:size=8192");
        QVERIFY(
            sh(QStringLiteral("mkdir %1 && echo 1 > %1/events/module/enable").arg(instance)).ok());
        double without = 0;
        double with = 0;
        constexpr int kCostOpens = 50000;
        for (int round = 0; round < 2; ++round) {
            const GuestResult plain =
                sh(QStringLiteral("%1 /dev/loop-control %2").arg(kFlood).arg(kCostOpens), 600000);
            const GuestResult hist =
                sh(QStringLiteral("for e in module_get module_put; do echo '%2' > "
                                  "%1/events/module/$e/trigger; done; %3 /dev/loop-control %4; "
                                  "for e in module_get module_put; do echo '!%2' > "
                                  "%1/events/module/$e/trigger; done")
                       .arg(instance, trigger, kFlood)
                       .arg(kCostOpens),
                   600000);
            QVERIFY2(plain.ok() && hist.ok(), qPrintable(plain.describe() + hist.describe()));
            without += plain.out.trimmed().toDouble();
            with += hist.out.trimmed().toDouble();
        }
        QVERIFY(
            sh(QStringLiteral("echo 0 > %1/events/module/enable && rmdir %1").arg(instance)).ok());
        qInfo("hist triggers' cost: %d opens and closes with the module events on took %.2f s "
              "without them, %.2f s with them (%+.0f%%), two rounds each",
              kCostOpens, without / 2, with / 2, without > 0 ? (with / without - 1) * 100 : 0.0);
        verifyNoStall();
    }

    // The flight recorder: armed, it costs no process and (measured here)
    // nothing noticeable per module event; a failed rmmod freezes the
    // events before it, which `flight save` writes as a session that ends
    // at the failure (what came after is absent) and holds the get that
    // made rmmod fail; a second save finds nothing; stop removes the
    // instance and its trigger.
    void flightRecorderFreezesTheHistoryOfAFailedUnload()
    {
        const QString flight = kCli + QStringLiteral(" flight ");
        const QString flightDir = QStringLiteral("/sys/kernel/tracing/instances/refscope-flight");
        // The cost: the same open/close loop (40,000 module events), a loop
        // of 200,000 system calls touching no module (dd, one byte at a
        // time: the triggers sit on system calls) and the share of CPU time
        // an idle guest spends busy over 5 s (/proc/stat), without and with
        // the recorder armed, its stacks off and on.
        const auto measure = [this](const char *label) {
            const GuestResult flood =
                sh(kFlood + QStringLiteral(" /dev/loop-control 20000"), 300000);
            const GuestResult calls =
                sh(QStringLiteral("dd if=/dev/zero of=/dev/null bs=1 count=100000 2>&1 | "
                                  "awk '/copied/ { print $(NF - 3) }'"),
                   300000);
            const GuestResult idle = sh(QStringLiteral(
                "a=$(head -1 /proc/stat); sleep 5; b=$(head -1 /proc/stat); echo \"$a\" \"$b\" | "
                "awk '{ for (i = 2; i <= 11; i++) { t += $(i + 11) - $i } i1 = $(5 + 11) - $5 + "
                "$(6 + 11) - $6; printf \"%.2f\\n\", 100 * (t - i1) / t }'"));
            qInfo("flight recorder cost, %s: 20,000 opens+closes of /dev/loop-control %s s, "
                  "200,000 system calls (dd) %s s, idle guest %s%% busy",
                  label, qPrintable(flood.out.trimmed()), qPrintable(calls.out.trimmed()),
                  qPrintable(idle.out.trimmed()));
            return flood.ok() && calls.ok() && idle.ok();
        };
        QVERIFY(measure("without the recorder"));
        GuestResult start = sh(flight + QStringLiteral("start --buffer-kb 256"));
        QVERIFY2(start.ok(), qPrintable(start.describe()));
        QVERIFY(measure("armed, no stacks"));
        QVERIFY(sh(flight + QStringLiteral("stop")).ok());

        start = sh(flight + QStringLiteral("start --buffer-kb 256 --stacks"));
        QVERIFY2(start.ok(), qPrintable(start.describe()));
        QVERIFY2(start.out.contains(
                     QLatin1String(" KiB per CPU x 2 CPUs x 2 (the buffer and its frozen copy)")),
                 qPrintable(start.out));
        // A failed check must not leave the triggers to the tests after.
        auto stopAnyway = qScopeGuard([&] { sh(flight + QStringLiteral("stop")); });
        QVERIFY(sh(QStringLiteral("test -d ") + flightDir).ok());
        QVERIFY2(!sh(flight + QStringLiteral("start")).ok(), "a second start must be refused");
        GuestResult status = sh(flight + QStringLiteral("status"));
        // (A trigger file with nothing set lists every command in a
        // comment, "stacktrace" among them: status must read past it.)
        QVERIFY2(status.out.contains(QLatin1String("armed on failed unloads")) &&
                     status.out.contains(QLatin1String("kernel stacks: with every get and put")) &&
                     status.out.contains(QLatin1String("frozen history: none")),
                 qPrintable(status.describe()));
        const GuestResult nothing = sh(flight + QStringLiteral("save -o /tmp/flight.rscope"));
        QVERIFY2(!nothing.ok() && nothing.err.contains(QLatin1String("no failed unload")),
                 qPrintable(nothing.describe()));

        QVERIFY(measure("armed, with stacks"));

        // The flood above is history now; the failure comes after a pause
        // so its own events are the last ones.
        const GuestResult failed = sh(
            QStringLiteral("exec 3</dev/loop-control; if rmmod loop; then exit 9; fi; exec 3<&-; "
                           "for i in 1 2 3 4 5; do exec 4</dev/loop-control; exec 4<&-; done"));
        QVERIFY2(failed.ok(), qPrintable(failed.describe()));
        QVERIFY2(failed.err.contains(QLatin1String("in use")), qPrintable(failed.describe()));
        status = sh(flight + QStringLiteral("status"));
        QVERIFY2(status.out.contains(QLatin1String("frozen history: yes")),
                 qPrintable(status.describe()));

        const GuestResult save = sh(flight + QStringLiteral("save -o /tmp/flight.rscope"), 120000);
        QVERIFY2(save.ok(), qPrintable(save.describe()));
        const GuestResult report = sh(kCli + QStringLiteral(" report /tmp/flight.rscope --json"));
        QVERIFY2(report.ok(), qPrintable(report.describe()));
        const QJsonObject json = QJsonDocument::fromJson(report.out.toUtf8()).object();
        const QJsonObject loop =
            json.value(QLatin1String("modules")).toObject().value(QLatin1String("loop")).toObject();
        const int gets = loop.value(QLatin1String("gets")).toInt();
        const int puts = loop.value(QLatin1String("puts")).toInt();
        qInfo("flight recorder: %d events frozen, loop %d gets %d puts",
              json.value(QLatin1String("events")).toInt(), gets, puts);
        // The get of fd 3 is the last event (the count one above lsmod's
        // now): its put and the five opens and closes after the failure
        // are absent.
        QVERIFY2(gets >= 1, qPrintable(report.out));
        QCOMPARE(loop.value(QLatin1String("final_refcount")).toInt(),
                 lsmodCount(QStringLiteral("loop")) + 1);

        const GuestResult again = sh(flight + QStringLiteral("save -o /tmp/flight2.rscope"));
        QVERIFY2(!again.ok() && again.err.contains(QLatin1String("no failed unload")),
                 qPrintable(again.describe()));
        // A program that asks the kernel itself (delete_module, no force):
        // EWOULDBLOCK, the other trigger.
        const GuestResult refused = sh(QStringLiteral(
            "exec 3</dev/loop-control; python3 -c 'import ctypes, os; "
            "r = ctypes.CDLL(None, use_errno=True).syscall(176, b\"loop\", os.O_NONBLOCK); "
            "print(r, ctypes.get_errno())'; exec 3<&-"));
        QVERIFY2(refused.ok() && refused.out.startsWith(QLatin1String("-1 ")),
                 qPrintable(refused.describe()));
        status = sh(flight + QStringLiteral("status"));
        QVERIFY2(status.out.contains(QLatin1String("frozen history: yes")),
                 qPrintable(status.describe()));
        const GuestResult saved2 = sh(flight + QStringLiteral("save -o /tmp/flight2.rscope"));
        QVERIFY2(saved2.ok(), qPrintable(saved2.describe()));
        const QJsonObject loop2 =
            QJsonDocument::fromJson(
                sh(kCli + QStringLiteral(" report /tmp/flight2.rscope --json")).out.toUtf8())
                .object()
                .value(QLatin1String("modules"))
                .toObject()
                .value(QLatin1String("loop"))
                .toObject();
        QCOMPARE(loop2.value(QLatin1String("final_refcount")).toInt(),
                 lsmodCount(QStringLiteral("loop")) + 1);
        const GuestResult stop = sh(flight + QStringLiteral("stop"));
        QVERIFY2(stop.ok(), qPrintable(stop.describe()));
        QVERIFY(!sh(QStringLiteral("test -d ") + flightDir).ok());
        QVERIFY(sh(flight + QStringLiteral("status")).out.contains(QLatin1String("not running")));
        verifyNoStall();
    }

    void kernelLogIsClean()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestLiveCapture)
#include "tst_live_capture.moc"
