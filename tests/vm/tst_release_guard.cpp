// SPDX-License-Identifier: GPL-3.0-or-later
// What the force release refuses to do however the client asks, against the
// real kernel in ONE lab guest through the lab agent's "release" method:
// signal a process the agent's own scan did not find holding the module (a
// forged shared_with or pid), force a module out while a file of it is in
// flight in a unix socket (sent with SCM_RIGHTS, not received), or while a
// reference appeared since its scan (the helper's last look before
// delete_module). The kernel log stays clean.
#include "guestshell.h"
#include "holders/holderreportjson.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "protocol/agentclient.h"
#include "release/releasejson.h"
#include "releasetesttext.h"
#include "testlab.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace refscope {

namespace {

const QString kProbe = QStringLiteral(REFSCOPE_HELPER_PROBE);
const QString kInFlight = QStringLiteral(REFSCOPE_BINARY_DIR "/tests/vm/netlink_in_flight");
// stuck_netlink's protocol (its default unit).
constexpr int kUnit = 30;

} // namespace

class TestReleaseGuard : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    QString m_examples;

    GuestResult sh(const QString &script) { return m_guest->run(script); }
    qint64 hold(const QString &script) { return m_guest->hold(script); }
    int lsmodCount(const QString &module) { return m_guest->lsmodCount(module); }
    bool waitForLsmod(const QString &module, int count)
    {
        return m_guest->waitForLsmod(module, count);
    }
    bool alive(qint64 pid) { return sh(QStringLiteral("kill -0 %1").arg(pid)).ok(); }

    QString ko(const QString &module) const
    {
        return m_examples + u'/' + module + QStringLiteral(".ko");
    }

    HolderReport holders(const QString &module)
    {
        const AgentReply reply = m_lab.agent()->callSync(
            QStringLiteral("holders"), {{QStringLiteral("module"), module}}, 120000);
        HolderReport report;
        QString error;
        if (!reply.ok || !holderReportFromJson(reply.result.toObject(), &report, &error))
            qWarning("holders %s: %s %s", qPrintable(module), qPrintable(reply.errorMessage),
                     qPrintable(error));
        return report;
    }

    ReleaseResult release(const ReleaseRequest &request)
    {
        const AgentReply reply = m_lab.agent()->callSync(QStringLiteral("release"),
                                                         releaseRequestToJson(request), 240000);
        ReleaseResult result;
        QString error;
        if (!reply.ok || !releaseResultFromJson(reply.result.toObject(), &result, &error))
            qWarning("release %s: %s %s", qPrintable(request.module),
                     qPrintable(reply.errorMessage), qPrintable(error));
        return result;
    }

    ReleaseRequest forceRequest(const QString &module)
    {
        const HolderReport report = holders(module);
        return {module, report.refcount, report.unattributed, {}, LastResort::KernelForce, {}};
    }

    // The probe's JSON answer.
    QJsonObject probe(const QString &arguments)
    {
        const GuestResult run = sh(kProbe + u' ' + arguments);
        if (!run.ok())
            qWarning("probe %s: %s", qPrintable(arguments), qPrintable(run.describe()));
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

    // stuck_netlink with its worker thread keeping a closed socket: count 1.
    void strandStuckNetlink()
    {
        QVERIFY(sh(QStringLiteral("insmod %1 && %2")
                       .arg(ko(QStringLiteral("stuck_netlink")),
                            labExampleHelper(QStringLiteral("stuck-netlink-send"))))
                    .ok());
        QVERIFY(waitForLsmod(QStringLiteral("stuck_netlink"), 1));
    }

public:
    TestReleaseGuard() { qputenv("QTEST_FUNCTION_TIMEOUT", "900000"); }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 870); // the ctest timeout is 900 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_examples = QFileInfo(labExampleModules().first()).absolutePath();
    }

    void cleanup() { m_guest->endHeld(); }

    void cleanupTestCase()
    {
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    // A client lists an innocent process (a sleep that holds nothing) in
    // the holder's shared_with: the agent ends only the process its own
    // scan found holding the module, and the sleep lives on.
    void signalsOnlyWhatItsOwnScanFound()
    {
        QVERIFY(sh(QStringLiteral("insmod %1").arg(ko(QStringLiteral("count_demo")))).ok());
        const qint64 holder = hold(QStringLiteral("exec cat /dev/count_demo"));
        const qint64 victim = hold(QStringLiteral("exec sleep 1500"));
        QVERIFY(waitForLsmod(QStringLiteral("count_demo"), 2));
        HolderReport report = holders(QStringLiteral("count_demo"));
        QCOMPARE(report.holders.size(), 1);
        QCOMPARE(report.holders.first().pid, int(holder));
        Holder forged = report.holders.first();
        forged.sharedWith << int(victim);
        ReleaseResult result = release({QStringLiteral("count_demo"),
                                        report.refcount,
                                        report.unattributed,
                                        {{forged, ClearAction::Terminate}},
                                        LastResort::None,
                                        {}});
        QVERIFY2(result.released, qPrintable(describe(result)));
        QCOMPARE(codes(result), (QStringList{"checked", "terminated", "unloaded", "gone"}));
        QCOMPARE(result.steps.at(1).args, (QStringList{QString::number(holder)}));
        QVERIFY(alive(victim));
        QVERIFY(!alive(holder));

        // The client names the sleep as the holder's own pid: the agent's
        // scan has no such holder, so nothing is signalled and the module,
        // still held, stays.
        QVERIFY(sh(QStringLiteral("insmod %1").arg(ko(QStringLiteral("count_demo")))).ok());
        const qint64 second = hold(QStringLiteral("exec cat /dev/count_demo"));
        QVERIFY(waitForLsmod(QStringLiteral("count_demo"), 2));
        report = holders(QStringLiteral("count_demo"));
        QCOMPARE(report.holders.size(), 1);
        forged = report.holders.first();
        forged.pid = int(victim);
        forged.sharedWith.clear();
        for (const ClearAction action : {ClearAction::Terminate, ClearAction::CloseFds}) {
            result = release({QStringLiteral("count_demo"),
                              report.refcount,
                              report.unattributed,
                              {{forged, action}},
                              LastResort::None,
                              {}});
            QVERIFY2(!result.released, qPrintable(describe(result)));
            QCOMPARE(codes(result), (QStringList{"checked", "holder_gone", "unload_failed"}));
            QVERIFY(alive(victim));
            QVERIFY(alive(second));
            QCOMPARE(lsmodCount(QStringLiteral("count_demo")), 2);
        }
        // The client's fds are not the agent's either: the holder's real
        // fd is closed, whatever numbers the client listed, and with it go
        // both references (the open's and count_demo's own get in open).
        forged = report.holders.first();
        forged.fds = {42};
        result = release({QStringLiteral("count_demo"),
                          report.refcount,
                          report.unattributed,
                          {{forged, ClearAction::CloseFds}},
                          LastResort::None,
                          {}});
        QVERIFY2(result.released, qPrintable(describe(result)));
        QCOMPARE(codes(result), (QStringList{"checked", "fds_closed", "unloaded", "gone"}));
        QCOMPARE(result.steps.at(1).args.value(0),
                 QString::number(report.holders.first().fds.value(0)));
        QVERIFY(alive(victim));
    }

    // A netlink socket of stuck_netlink's protocol in flight, beside the
    // one its worker keeps: both are in no file table and tied to the module
    // by their protocol, but only the worker's goes with the module's exit.
    // The agent refuses to force it out until the file in flight is gone.
    void refusesToForceWhileAFileIsInFlight()
    {
        strandStuckNetlink();
        hold(QStringLiteral("exec %1 %2 > /tmp/in_flight.out").arg(kInFlight).arg(kUnit));
        QVERIFY(waitForLsmod(QStringLiteral("stuck_netlink"), 2));
        QVERIFY(sh(QStringLiteral("for i in $(seq 50); do grep -q ready /tmp/in_flight.out && "
                                  "exit 0; sleep 0.1; done; exit 1"))
                    .ok());
        const HolderReport report = holders(QStringLiteral("stuck_netlink"));
        QCOMPARE(report.refcount, 2);
        QCOMPARE(report.unattributed, 0);
        QCOMPARE(report.holders.size(), 2);
        QCOMPARE(std::count_if(report.holders.cbegin(), report.holders.cend(),
                               [](const Holder &h) { return h.ownThread; }),
                 1);
        QVERIFY2(std::any_of(report.holders.cbegin(), report.holders.cend(),
                             [](const Holder &h) {
                                 return h.ruleSentences.contains(
                                     HolderSentence{HolderSentenceCode::InFlight, {}});
                             }),
                 qPrintable(formatReport(report)));
        QCOMPARE(probe(QStringLiteral("holders stuck_netlink")).value("in_flight").toInt(), 1);

        ReleaseResult result = release(forceRequest(QStringLiteral("stuck_netlink")));
        QCOMPARE(codes(result), (QStringList{"checked", "force_in_flight"}));
        QCOMPARE(result.steps.last().args, QStringList{QStringLiteral("1")});
        QCOMPARE(lsmodCount(QStringLiteral("stuck_netlink")), 2);
        // The helper's own last look says the same, and prepares nothing.
        const QJsonObject look = probe(QStringLiteral("force-look stuck_netlink 2"));
        QCOMPARE(look.value("errno").toInt(), EAGAIN);
        QCOMPARE(look.value("in_flight").toInt(), 1);
        QCOMPARE(look.value("refcount").toInt(), 2);

        cleanup(); // the receiving end closes: the file in flight goes with it
        QVERIFY(waitForLsmod(QStringLiteral("stuck_netlink"), 1));
        QCOMPARE(probe(QStringLiteral("holders stuck_netlink")).value("in_flight").toInt(), 0);
        result = release(forceRequest(QStringLiteral("stuck_netlink")));
        QVERIFY2(result.released, qPrintable(describe(result)));
        QCOMPARE(codes(result), (QStringList{"checked", "force_unloaded", "gone"}));
    }

    // The count the scan saw is 1 (the worker's socket); a process opens
    // another socket of the protocol afterwards. The helper's last look
    // before delete_module compares against the scan's count and refuses.
    void refusesToForceWhenAReferenceAppearedAfterTheScan()
    {
        strandStuckNetlink();
        QVERIFY(probe(QStringLiteral("holders stuck_netlink")).value("available").toBool());
        const int scanned = holders(QStringLiteral("stuck_netlink")).refcount;
        QCOMPARE(scanned, 1);
        hold(QStringLiteral("exec python3 -c 'import socket, time; s = "
                            "socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, %1); "
                            "time.sleep(1500)'")
                 .arg(kUnit));
        QVERIFY(waitForLsmod(QStringLiteral("stuck_netlink"), 2));
        const QJsonObject look = probe(QStringLiteral("force-look stuck_netlink %1").arg(scanned));
        QCOMPARE(look.value("errno").toInt(), EAGAIN);
        QCOMPARE(look.value("refcount").toInt(), 2);
        QCOMPARE(look.value("in_flight").toInt(), 0);
        QCOMPARE(look.value("state").toInt(), 0); // live
        QCOMPARE(lsmodCount(QStringLiteral("stuck_netlink")), 2);
        // The agent, asked with the count of that scan, refuses before the
        // helper is even asked: the count is not the one confirmed.
        const ReleaseResult result =
            release({QStringLiteral("stuck_netlink"), scanned, 0, {}, LastResort::KernelForce, {}});
        QCOMPARE(codes(result), (QStringList{"count_changed"}));
        QCOMPARE(lsmodCount(QStringLiteral("stuck_netlink")), 2);
        cleanup();
        QVERIFY(waitForLsmod(QStringLiteral("stuck_netlink"), 1));
        // At rest again, the look agrees (and the closed handle forgets it).
        QCOMPARE(probe(QStringLiteral("force-look stuck_netlink 1")).value("errno").toInt(), 0);
        const ReleaseResult forced = release(forceRequest(QStringLiteral("stuck_netlink")));
        QVERIFY2(forced.released, qPrintable(describe(forced)));
    }

    void kernelLogIsClean()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QVERIFY(sh(QStringLiteral("[ $(( $(cat /proc/sys/kernel/tainted) & 640 )) -eq 0 ]")).ok());
        QVERIFY(!sh(QStringLiteral("dmesg | grep -q 'reference(s) after its exit'")).ok());
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestReleaseGuard)
#include "tst_release_guard.moc"
