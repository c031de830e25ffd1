// SPDX-License-Identifier: GPL-3.0-or-later
// RefScope's helper kernel module (kmod/refscope_helper) against the real 6.1
// kernel in ONE lab guest, driven through its user-space side by
// refscope-helper-probe: the exact holders of stock and example modules
// (device files, forks, dups, tun, fuse, a netlink socket a kernel thread
// kept, mounts over loop) add up to the guest's lsmod; dropping leaked
// references works only with the right count, only on live modules, also
// 100 times in a row while other processes get and put on the other CPU; and
// the kernel log stays free of warnings.
#include "guestshell.h"
#include "holders/holderreportjson.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "protocol/agentclient.h"
#include "testlab.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace refscope {

class TestHelper : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    QString m_examples;
    const QString m_probe = QStringLiteral(REFSCOPE_HELPER_PROBE);
    QList<qint64> m_background; // guest pids to kill after each test

    GuestResult sh(const QString &script) { return m_guest->run(script); }

    qint64 hold(const QString &script)
    {
        const qint64 pid = m_guest->start(script);
        m_background << pid;
        return pid;
    }

    bool waitForLsmod(const QString &module, int count)
    {
        return m_guest->waitForLsmod(module, count);
    }
    int lsmodCount(const QString &module) { return m_guest->lsmodCount(module); }

    QJsonObject probe(const QString &arguments)
    {
        const GuestResult r = sh(m_probe + u' ' + arguments);
        if (!r.ok())
            qWarning("probe %s: %s", qPrintable(arguments), qPrintable(r.describe()));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // The helper's exact holders of module; fails the test if it cannot answer.
    HolderReport holders(const QString &module)
    {
        const QJsonObject answer = probe(QStringLiteral("holders ") + module);
        HolderReport report;
        QString error;
        if (!answer.value(QLatin1String("available")).toBool() ||
            !answer.value(QLatin1String("error")).toString().isEmpty() ||
            !holderReportFromJson(answer.value(QLatin1String("report")).toObject(), &report,
                                  &error))
            qWarning("holders %s: %s %s", qPrintable(module),
                     qPrintable(answer.value(QLatin1String("error")).toString()),
                     qPrintable(error));
        return report;
    }

    // Waits until lsmod shows `count`, then checks the helper accounts for
    // every reference: its holders' refs add up to lsmod's number.
    HolderReport settledHolders(const QString &module, int count)
    {
        [&] { QVERIFY2(waitForLsmod(module, count), qPrintable(module)); }();
        const HolderReport report = holders(module);
        int refs = 0;
        for (const Holder &holder : report.holders)
            refs += holder.refs;
        [&] {
            QVERIFY2(report.refcount == count && refs == count,
                     qPrintable(QStringLiteral("%1: lsmod %2, helper %3, holders' refs %4")
                                    .arg(module)
                                    .arg(count)
                                    .arg(report.refcount)
                                    .arg(refs)));
        }();
        return report;
    }

    QString ko(const QString &module) const
    {
        return m_examples + u'/' + module + QStringLiteral(".ko");
    }

public:
    // The drop loop needs more than QtTest's default 300 s per function.
    TestHelper() { qputenv("QTEST_FUNCTION_TIMEOUT", "900000"); }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 1150); // the ctest timeout is 1200 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_examples = QFileInfo(labExampleModules().first()).absolutePath();
        QVERIFY2(sh(QStringLiteral("modprobe loop && modprobe tun && modprobe fuse")).ok(),
                 "modprobe failed");
    }

    void cleanup()
    {
        for (const qint64 pid : std::as_const(m_background)) // and children they forked
            sh(QStringLiteral("kill $(pgrep -P %1) %1 2>/dev/null").arg(pid));
        m_background.clear();
    }

    void cleanupTestCase()
    {
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    void loadsFromTheBuildTree()
    {
        QVERIFY(!sh(QStringLiteral("test -e /sys/module/refscope_helper")).ok());
        QCOMPARE(holders(QStringLiteral("loop")).refcount, 0);
        QVERIFY(sh(QStringLiteral("test -c /dev/refscope_helper")).ok());
        // The probe's open handle pinned the helper only while it ran.
        QCOMPARE(lsmodCount(QStringLiteral("refscope_helper")), 0);
    }

    void deviceFilesForksAndDups()
    {
        hold(QStringLiteral("exec sleep 600 < /dev/loop-control"));
        const qint64 forked =
            hold(QStringLiteral("exec 3< /dev/loop-control; sleep 600 & exec sleep 601"));
        const qint64 dup = hold(QStringLiteral("exec 3< /dev/loop-control 4<&3; exec sleep 602"));
        const HolderReport report = settledHolders(QStringLiteral("loop"), 3);
        QCOMPARE(report.holders.size(), 3); // three open files
        QCOMPARE(report.unattributed, 0);
        for (const Holder &holder : report.holders) {
            QCOMPARE(holder.refs, 1);
            QCOMPARE(holder.kind, HolderKind::File);
            QCOMPARE(holder.path, QStringLiteral("/dev/loop-control"));
            QVERIFY2(holder.rule.contains(QLatin1String("f_op->owner")), qPrintable(holder.rule));
            if (holder.pid == forked) {
                QCOMPARE(holder.fds, QList<int>{3});
                QCOMPARE(holder.sharedWith.size(), 1); // the forked sleep
            } else if (holder.pid == dup) {
                QCOMPARE(holder.fds, (QList<int>{3, 4}));
            } else {
                QCOMPARE(holder.fds, QList<int>{0});
                QCOMPARE(holder.comm, QStringLiteral("sleep"));
            }
        }
    }

    void tunAndFuse()
    {
        hold(QStringLiteral("exec sleep 600 < /dev/net/tun"));
        const HolderReport tun = settledHolders(QStringLiteral("tun"), 2);
        QCOMPARE(tun.holders.size(), 1);
        QCOMPARE(tun.holders.first().refs, 2); // tun_fops and the tun_file's sock proto
        QVERIFY2(tun.holders.first().rule.contains(QLatin1String("sk_prot_creator")),
                 qPrintable(tun.holders.first().rule));
        if (m_guest->builtIn(QStringLiteral("fuse"))) {
            qInfo("fuse is built into this kernel: no count to explain");
            return;
        }
        hold(QStringLiteral("exec sleep 600 < /dev/fuse"));
        const HolderReport fuse = settledHolders(QStringLiteral("fuse"), 1);
        QCOMPARE(fuse.holders.size(), 1);
        QCOMPARE(fuse.holders.first().path, QStringLiteral("/dev/fuse"));
    }

    void netlinkSocketsAndTheKernelThread()
    {
        const QString send = labExampleHelper(QStringLiteral("stuck-netlink-send"));
        QVERIFY(sh(QStringLiteral("insmod %1 && %2").arg(ko(QStringLiteral("stuck_netlink")), send))
                    .ok());
        HolderReport report = settledHolders(QStringLiteral("stuck_netlink"), 1);
        QCOMPARE(report.holders.size(), 1);
        const Holder kept = report.holders.first();
        QCOMPARE(kept.kind, HolderKind::Socket);
        QCOMPARE(kept.pid, -1); // in no file table: the kernel thread keeps it
        QVERIFY2(kept.rule.contains(QLatin1String("netlink")), qPrintable(kept.rule));
        QVERIFY2(kept.path.startsWith(QLatin1String("socket:[")), qPrintable(kept.path));
        const qint64 user = hold(QStringLiteral(
            "exec python3 -c 'import socket, time; s = socket.socket(socket.AF_NETLINK, "
            "socket.SOCK_RAW, 30); time.sleep(600)'"));
        report = settledHolders(QStringLiteral("stuck_netlink"), 2);
        QCOMPARE(report.holders.size(), 2);
        const Holder open =
            report.holders.first().pid == user ? report.holders.first() : report.holders.last();
        QCOMPARE(open.pid, user);
        QCOMPARE(open.kind, HolderKind::Socket);
        QCOMPARE(open.fds.size(), 1);
    }

    void mountsOverLoop()
    {
        const GuestResult device = sh(QStringLiteral(
            "set -e; modprobe ext4; truncate -s 8M /tmp/fs.img; mkfs.ext4 -q /tmp/fs.img\n"
            "mkdir -p /tmp/mnt; device=$(losetup -f --show /tmp/fs.img)\n"
            "mount \"$device\" /tmp/mnt; echo \"$device\""));
        QVERIFY2(device.ok(), qPrintable(device.describe()));
        hold(QStringLiteral("exec sleep 600 < %1").arg(device.out.trimmed()));
        // The bound loop device holds the third (loop_configure's
        // __module_get): loop's own state, no owner field shows it.
        QVERIFY(waitForLsmod(QStringLiteral("loop"), 3));
        const HolderReport loop = holders(QStringLiteral("loop"));
        QCOMPARE(loop.refcount, 3);
        QCOMPARE(loop.unattributed, 1);
        QCOMPARE(loop.holders.size(), 2);
        const bool mountFirst = loop.holders.first().kind == HolderKind::Mount;
        const Holder mount = loop.holders.at(mountFirst ? 0 : 1);
        const Holder file = loop.holders.at(mountFirst ? 1 : 0);
        QCOMPARE(mount.path, QStringLiteral("/tmp/mnt"));
        QVERIFY2(mount.rule.contains(QLatin1String("bd_disk")), qPrintable(mount.rule));
        QCOMPARE(file.path, device.out.trimmed());
        if (sh(QStringLiteral("grep -q '^ext4 ' /proc/modules")).ok()) {
            const HolderReport ext4 = holders(QStringLiteral("ext4"));
            QCOMPARE(ext4.unattributed, 0);
            QVERIFY(!ext4.holders.isEmpty());
        }
        cleanup();
        QVERIFY(
            sh(QStringLiteral("umount /tmp/mnt && losetup -d %1").arg(device.out.trimmed())).ok());
        settledHolders(QStringLiteral("loop"), 0);
    }

    void validatesEveryRequest()
    {
        const QJsonObject answers = probe(QStringLiteral("invalid"));
        for (const char *request :
             {"unterminated_name", "empty_name", "capacity_too_large", "no_buffer", "drop_nothing",
              "drop_negative", "drop_itself", "close_no_pid", "close_negative_fd", "force_itself"})
            QCOMPARE(answers.value(QLatin1String(request)).toInt(), EINVAL);
        QCOMPARE(answers.value(QLatin1String("bad_buffer")).toInt(), EFAULT);
        QCOMPARE(answers.value(QLatin1String("bad_request_address")).toInt(), EFAULT);
        QCOMPARE(answers.value(QLatin1String("unknown_ioctl")).toInt(), ENOTTY);
    }

    void dropsOnlyWhatTheUserConfirmed()
    {
        QVERIFY(sh(QStringLiteral("insmod %1 && for i in 1 2; do ! echo oops 2>/dev/null > "
                                  "/proc/leaky_ref; done")
                       .arg(ko(QStringLiteral("leaky_ref"))))
                    .ok());
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 2);
        QVERIFY(holders(QStringLiteral("leaky_ref")).holders.isEmpty()); // nothing explains them
        QJsonObject answer = probe(QStringLiteral("drop leaky_ref 3 0"));
        QCOMPARE(answer.value(QLatin1String("error_code")).toString(), QStringLiteral("stale"));
        QCOMPARE(answer.value(QLatin1String("before")).toInt(), 2);
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 2);
        answer = probe(QStringLiteral("drop leaky_ref 2 0"));
        QVERIFY2(answer.value(QLatin1String("ok")).toBool(),
                 qPrintable(answer.value(QLatin1String("error")).toString()));
        QCOMPARE(answer.value(QLatin1String("after")).toInt(), 0);
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 0);
        QVERIFY(sh(QStringLiteral("dmesg | grep -q 'dropped 2 leaked reference(s) of "
                                  "leaky_ref: count 2 -> 0'"))
                    .ok());
        // TAINT_FORCED_RMMOD ('R', bit 3), as the kernel's own forced unload.
        QVERIFY(sh(QStringLiteral("[ $(( $(cat /proc/sys/kernel/tainted) & 8 )) -ne 0 ]")).ok());
        QVERIFY(sh(QStringLiteral("rmmod leaky_ref")).ok());
    }

    void refusesWhatIsNotLive()
    {
        QCOMPARE(probe(QStringLiteral("drop no_such_module 1 0"))
                     .value(QLatin1String("error_code"))
                     .toString(),
                 QStringLiteral("not_found"));
        const QJsonObject builtin = probe(QStringLiteral("holders printk"));
        QVERIFY(!builtin.value(QLatin1String("available")).toBool());
        QVERIFY2(builtin.value(QLatin1String("error")).toString().contains(QLatin1String("built")),
                 qPrintable(builtin.value(QLatin1String("error")).toString()));
        const qint64 insmod = hold(
            QStringLiteral("exec insmod %1 init_seconds=600").arg(ko(QStringLiteral("slow_init"))));
        QVERIFY(insmod > 0);
        QVERIFY(waitForLsmod(QStringLiteral("slow_init"), 1)); // coming
        QCOMPARE(probe(QStringLiteral("drop slow_init 1 0"))
                     .value(QLatin1String("error_code"))
                     .toString(),
                 QStringLiteral("busy"));
        QCOMPARE(lsmodCount(QStringLiteral("slow_init")), 1);
    }

    // Load, leak, drop, unload 100 times (stressRounds()) while, on the other CPU, one process
    // opens and closes a held module's device and another takes and puts
    // leaky_ref's references (a drop meeting one of those must change nothing).
    void dropLoopUnderConcurrentGetsAndPuts()
    {
        hold(QStringLiteral("exec sleep 600 < /dev/loop-control"));
        hold(QStringLiteral("exec taskset -c 1 sh -c 'while :; do exec 3< /dev/loop-control; "
                            "exec 3<&-; done'"));
        hold(QStringLiteral("exec taskset -c 1 sh -c 'while :; do echo ok 2>/dev/null > "
                            "/proc/leaky_ref; done'"));
        // The round runs pinned to CPU 0 (taskset -p on the shell itself).
        const QString script =
            QStringLiteral("taskset -p -c 0 $$ >/dev/null\n"
                           "stale=0\n"
                           "for i in $(seq %3); do\n"
                           "  insmod %1 || exit 1\n"
                           "  ! echo oops 2>/dev/null > /proc/leaky_ref\n"
                           "  until out=$(%2 drop leaky_ref 1 0); echo \"$out\" | grep -q "
                           "'\"ok\":true'; do\n"
                           "    echo \"$out\" | grep -q '\"error_code\":\"stale\"' || "
                           "{ echo \"$out\"; exit 1; }\n"
                           "    stale=$((stale + 1))\n"
                           "  done\n"
                           "  tries=0; until rmmod leaky_ref 2>/dev/null; do\n"
                           "    tries=$((tries + 1)); [ $tries -lt 200 ] || exit 1\n"
                           "  done\n"
                           "done\n"
                           "echo stale drops retried: $stale")
                .arg(ko(QStringLiteral("leaky_ref")), m_probe)
                .arg(stressRounds());
        QElapsedTimer timer;
        timer.start();
        const GuestResult loop = m_guest->run(script, 600000);
        QVERIFY2(loop.ok(), qPrintable(loop.describe()));
        qInfo("%d load/leak/drop/unload rounds in %lld ms (%s)", stressRounds(), timer.elapsed(),
              qPrintable(loop.out.trimmed()));
        cleanup();
        settledHolders(QStringLiteral("loop"), 0);
    }

    void kernelLogIsClean()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestHelper)
#include "tst_helper.moc"
