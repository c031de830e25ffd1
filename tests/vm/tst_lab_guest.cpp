// SPDX-License-Identifier: GPL-3.0-or-later
// RefScope against the real 6.1 kernel in ONE lab guest: for the example
// modules and for stock modules held through their device files, the agent's
// snapshot and `refscope-cli snapshot --json` run in the guest agree with the
// guest's /proc/modules and lsmod on every module; snapshots survive a module
// loaded and unloaded in a loop; and the kernel log stays free of warnings.
#include "guestshell.h"
#include "inventory/snapshotjson.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "procmodules.h"
#include "protocol/agentclient.h"
#include "testlab.h"

#include <QJsonDocument>
#include <QtTest>

namespace refscope {

class TestLabGuest : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    QString m_examples; // directory of the built example modules
    const QString m_cli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");

    bool agentSnapshot(Snapshot *snapshot, QString *error)
    {
        const AgentReply reply = m_lab.agent()->callSync(QStringLiteral("snapshot"), {}, 60000);
        if (!reply.ok) {
            *error = QStringLiteral("snapshot: ") + reply.errorMessage;
            return false;
        }
        return snapshotFromJson(reply.result.toObject(), snapshot, error);
    }

    bool cliSnapshot(Snapshot *snapshot, QString *error)
    {
        const GuestResult r = m_guest->run(m_cli + QStringLiteral(" snapshot --json"));
        if (!r.ok()) {
            *error = r.describe();
            return false;
        }
        return snapshotFromJson(QJsonDocument::fromJson(r.out.toUtf8()).object(), snapshot, error);
    }

    // Both snapshots against the kernel's own views, read right after each.
    QString disagreements()
    {
        QStringList problems;
        for (const bool viaAgent : {true, false}) {
            Snapshot snapshot;
            QString error;
            if (!(viaAgent ? agentSnapshot(&snapshot, &error) : cliSnapshot(&snapshot, &error)))
                return error;
            const GuestResult views =
                m_guest->run(QStringLiteral("cat /proc/modules; echo @@@; lsmod"));
            const QStringList parts = views.out.split(QStringLiteral("@@@\n"));
            if (!views.ok() || parts.size() != 2)
                return views.describe();
            const auto proc = parseProcModules(parts.at(0), &error);
            const auto lsmod = parseLsmod(parts.at(1), &error);
            if (!error.isEmpty())
                return error;
            const QString source =
                viaAgent ? QStringLiteral("agent: ") : QStringLiteral("refscope-cli: ");
            for (const QString &difference :
                 {compareWithProcModules(snapshot, proc), compareWithLsmod(snapshot, lsmod)}) {
                if (!difference.isEmpty())
                    problems << source + difference;
            }
        }
        return problems.join(u'\n');
    }

    int refcountOf(const QString &module)
    {
        Snapshot snapshot;
        QString error;
        if (!agentSnapshot(&snapshot, &error) || !snapshot.find(module))
            return -1;
        return snapshot.find(module)->refcount;
    }

    GuestResult sh(const QString &script) { return m_guest->run(script); }
    QString ko(const QString &module) const
    {
        return m_examples + u'/' + module + QStringLiteral(".ko");
    }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 800); // the ctest timeout is 900 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_examples = QFileInfo(labExampleModules().first()).absolutePath();
    }

    void cleanupTestCase()
    {
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    void stockBootAgrees() { QVERIFY2(disagreements().isEmpty(), qPrintable(disagreements())); }

    void devicesHeldOpenAgree()
    {
        QVERIFY2(sh(QStringLiteral("modprobe loop && modprobe tun && modprobe fuse")).ok(),
                 "modprobe failed");
        // fuse is built into 6.12: no line in /proc/modules, nothing to count.
        const bool fuseModule = !m_guest->builtIn(QStringLiteral("fuse"));
        QStringList holders;
        for (const char *device :
             {"/dev/loop-control", "/dev/net/tun", "/dev/net/tun", "/dev/fuse"})
            holders << QString::number(
                m_guest->start(QStringLiteral("exec sleep 600 < ") + QLatin1String(device)));
        if (fuseModule)
            QTRY_COMPARE_WITH_TIMEOUT(refcountOf(QStringLiteral("fuse")), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(refcountOf(QStringLiteral("loop")), 1, 10000);
        // tun takes two references per open
        QTRY_COMPARE_WITH_TIMEOUT(refcountOf(QStringLiteral("tun")), 4, 10000);
        const QString problems = disagreements();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QVERIFY(sh(QStringLiteral("kill ") + holders.join(u' ')).ok());
        QTRY_COMPARE_WITH_TIMEOUT(refcountOf(QStringLiteral("tun")), 0, 10000);
        QVERIFY2(
            sh(QString::fromLatin1(fuseModule ? "rmmod loop tun fuse" : "rmmod loop tun")).ok(),
            "the stock modules did not unload");
    }

    void stuckNetlinkReleasesAfterHoldSeconds()
    {
        const QString send = labExampleHelper(QStringLiteral("stuck-netlink-send"));
        QVERIFY(!send.isEmpty());
        QVERIFY(sh(QStringLiteral("insmod %1 hold_seconds=2 && %2")
                       .arg(ko(QStringLiteral("stuck_netlink")), send))
                    .ok());
        QCOMPARE(refcountOf(QStringLiteral("stuck_netlink")), 1); // the user's socket is closed
        QVERIFY(sh(QStringLiteral("ps -e | grep -q 'stuck_netlink/'")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(refcountOf(QStringLiteral("stuck_netlink")), 0, 15000);
        QVERIFY(sh(QStringLiteral("rmmod stuck_netlink")).ok());
    }

    void examplesAgree()
    {
        const QString send = labExampleHelper(QStringLiteral("stuck-netlink-send"));
        const GuestResult loaded =
            sh(QStringLiteral("set -e; cd %1\n"
                              "insmod testmod.ko; cat /proc/testmod-sample\n"
                              "insmod count_demo.ko\n"
                              "insmod stuck_netlink.ko; %2\n"
                              "insmod leaky_ref.ko; echo ok > /proc/leaky_ref\n"
                              "! echo oops 2>/dev/null > /proc/leaky_ref\n"
                              "insmod no_exit.ko\n"
                              "insmod export_provider.ko; insmod export_consumer.ko\n")
                   .arg(m_examples, send));
        QVERIFY2(loaded.ok(), qPrintable(loaded.describe()));
        const qint64 reader = m_guest->start(QStringLiteral("exec sleep 600 < /dev/count_demo"));
        // Long enough to stay "coming" however slow the emulated guest is;
        // the test interrupts it below (init gives up on a signal).
        const qint64 slowInsmod = m_guest->start(
            QStringLiteral("exec insmod %1 init_seconds=600").arg(ko(QStringLiteral("slow_init"))));
        QVERIFY(slowInsmod > 0);
        QTRY_COMPARE_WITH_TIMEOUT(refcountOf(QStringLiteral("count_demo")), 2,
                                  10000); // VFS + its own
        QTRY_COMPARE_WITH_TIMEOUT(refcountOf(QStringLiteral("slow_init")), 1,
                                  10000); // held while coming
        QCOMPARE(refcountOf(QStringLiteral("stuck_netlink")), 1);
        QCOMPARE(refcountOf(QStringLiteral("leaky_ref")), 1);
        QCOMPARE(refcountOf(QStringLiteral("export_provider")), 1);
        QVERIFY2(sh(QStringLiteral("grep -q 'slow_init .* Loading' /proc/modules")).ok(),
                 "slow_init is not coming");
        QString problems = disagreements();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));

        // Unload what can be unloaded; the rest must refuse.
        QVERIFY(sh(QStringLiteral("kill %1").arg(reader)).ok());
        QTRY_COMPARE_WITH_TIMEOUT(refcountOf(QStringLiteral("count_demo")), 0, 10000);
        QVERIFY(sh(QStringLiteral("kill %1").arg(slowInsmod)).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!sh(QStringLiteral("grep -q '^slow_init ' /proc/modules")).ok(),
                                 15000);
        QVERIFY(sh(QStringLiteral("rmmod count_demo testmod")).ok());
        QVERIFY(!sh(QStringLiteral("rmmod export_provider")).ok());
        QVERIFY(sh(QStringLiteral("rmmod export_consumer export_provider")).ok());
        for (const char *stuck : {"no_exit", "leaky_ref", "stuck_netlink"})
            QVERIFY2(!sh(QStringLiteral("rmmod ") + QLatin1String(stuck)).ok(), stuck);
        problems = disagreements();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void snapshotsSurviveALoadUnloadLoop()
    {
        const QString module =
            m_examples.isEmpty()
                ? QStringLiteral("modprobe loop; rmmod loop")
                : QStringLiteral("insmod %1; rmmod testmod").arg(ko(QStringLiteral("testmod")));
        const qint64 loop =
            m_guest->start(QStringLiteral("while :; do %1; done 2>/dev/null").arg(module));
        QVERIFY(loop > 0);
        for (int i = 0; i < 20; ++i) {
            Snapshot snapshot;
            QString error;
            const bool ok =
                i % 4 == 3 ? cliSnapshot(&snapshot, &error) : agentSnapshot(&snapshot, &error);
            QVERIFY2(ok, qPrintable(error));
            // 9pnet carries the guest's root: a module on every lab kernel
            // (virtio is built into 6.12).
            QVERIFY(snapshot.find(QStringLiteral("9pnet")) != nullptr);
        }
        QVERIFY(
            sh(QStringLiteral("kill %1; sleep 0.5; rmmod testmod loop 2>/dev/null; true").arg(loop))
                .ok());
    }

    void kernelLogIsClean()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestLabGuest)
#include "tst_lab_guest.moc"
