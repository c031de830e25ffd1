// SPDX-License-Identifier: GPL-3.0-or-later
// The census of kernel-object holders on the real 6.1 kernel, in ONE lab
// guest: traffic control (qdiscs, in this network namespace and another, a
// u32 classifier, gact actions bound and standalone), netfilter (nftables
// rules with ct expressions, an iptables-nft rule with the conntrack match,
// a nat base chain), swap on a loop device, an AF_ALG socket and fentry
// programs on a module's function, nftables and iptables-nft loggers,
// conntrack helpers, TCP sockets and namespace defaults using htcp; the
// block layer: bfq on a loop device's queue, a vfat mount's NLS tables, a
// loop device backed by another, a device-mapper flakey target on a loop
// device (live, and in an inactive table), a raid1 md array of two loop
// devices, and device files registered with an io_uring. For each module `refscope-cli
// why --json`, run as root in the guest, names the objects, their
// references add up to lsmod's count with nothing unattributed, and running
// the undo step of each holder lets the module go: its count drops to 0 and
// rmmod unloads it. The kernel log stays free of warnings.
#include "guestshell.h"
#include "holders/census/bpfcensus.h"
#include "holders/census/swapcensus.h"
#include "holders/holderreportjson.h"
#include "lab/labmachine.h"
#include "protocol/agentclient.h"
#include "testlab.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QtTest>

namespace refscope {

class TestCensus : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    const QString m_cli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");

    GuestResult sh(const QString &script) { return m_guest->run(script); }

    bool cliReport(const QString &module, HolderReport *report, QString *error)
    {
        const GuestResult r = sh(m_cli + QStringLiteral(" why --json ") + module);
        if (!r.ok()) {
            *error = r.describe();
            return false;
        }
        return holderReportFromJson(QJsonDocument::fromJson(r.out.toUtf8()).object(), report,
                                    error);
    }

    static QString json(const HolderReport &r)
    {
        return QString::fromUtf8(QJsonDocument(holderReportToJson(r)).toJson());
    }

    // The report of `module` names `kind` holders whose references are
    // exactly `expected` (-1: any number) and close the count with nothing unattributed; each
    // holder's path must contain one of `paths` (in any order).
    void checkReport(const QString &module, HolderKind kind, int expected, const QStringList &paths,
                     HolderReport *out)
    {
        HolderReport r;
        QString error;
        QVERIFY2(cliReport(module, &r, &error), qPrintable(error));
        const QString dump = module + QStringLiteral(":\n") + json(r);
        QVERIFY2(r.uncheckedKinds.isEmpty(), qPrintable(dump));
        int sum = r.unattributed;
        int ofKind = 0;
        for (const Holder &h : std::as_const(r.holders)) {
            sum += h.refs;
            if (h.kind != kind)
                continue;
            ofKind += h.refs;
            QVERIFY2(!h.undo.isEmpty(), qPrintable(dump));
            QVERIFY2(r.steps.join(u'\n').contains(h.undo), qPrintable(dump));
        }
        QCOMPARE(sum, r.refcount);
        QCOMPARE(r.refcount, m_guest->lsmodCount(module));
        QVERIFY2(r.unattributed == 0, qPrintable(dump));
        // No claim was cut down to fit the count: every reference counted is real.
        const bool trimmed = std::any_of(
            r.verdictSentences.cbegin(), r.verdictSentences.cend(),
            [](const HolderSentence &s) { return s.code == HolderSentenceCode::ClaimsTrimmed; });
        QVERIFY2(!trimmed, qPrintable(dump));
        // -1: whatever the kind holds, as long as the rest closes the count.
        QVERIFY2(expected < 0 || ofKind == expected, qPrintable(dump));
        QVERIFY2(ofKind > 0, qPrintable(dump));
        for (const QString &path : paths) {
            const bool named =
                std::any_of(r.holders.cbegin(), r.holders.cend(), [&](const Holder &h) {
                    return h.kind == kind && h.path.contains(path);
                });
            QVERIFY2(named, qPrintable(QStringLiteral("\"%1\" not named\n").arg(path) + dump));
        }
        *out = r;
    }

    // Runs every census holder's undo step, then the module must unload.
    void undoAndUnload(const QString &module, const HolderReport &r)
    {
        for (const Holder &h : r.holders) {
            if (h.undo.isEmpty())
                continue;
            const GuestResult undo = sh(h.undo);
            QVERIFY2(undo.ok(), qPrintable(h.undo + u'\n' + undo.describe()));
        }
        // nf_tables frees deleted rules from a work item: the count follows.
        QVERIFY2(m_guest->waitForLsmod(module, 0),
                 qPrintable(QStringLiteral("%1 still used %2 after the undo steps")
                                .arg(module)
                                .arg(m_guest->lsmodCount(module))));
        const GuestResult rmmod = sh(QStringLiteral("rmmod ") + module);
        QVERIFY2(rmmod.ok(), qPrintable(rmmod.describe()));
        QCOMPARE(m_guest->lsmodCount(module), -1);
    }

    // Census holders are kernel objects the user's own tool removes: the
    // drop of "leaked" references must refuse, and the count stay.
    void dropLeakedRefuses(const QString &module)
    {
        const int before = m_guest->lsmodCount(module);
        const GuestResult drop =
            sh(m_cli + QStringLiteral(" release %1 --drop-leaked --yes").arg(module));
        QVERIFY2(!drop.ok(), qPrintable(drop.describe()));
        QCOMPARE(m_guest->lsmodCount(module), before);
    }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 800);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
    }

    void cleanupTestCase()
    {
        m_guest->endHeld();
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    void trafficControl()
    {
        // A second network namespace, alive while its process sleeps.
        const qint64 other = m_guest->hold(QStringLiteral("exec unshare -n sleep 600"));
        QVERIFY(other > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            sh(QStringLiteral("[ $(readlink /proc/%1/ns/net) != $(readlink /proc/self/ns/net) ]")
                   .arg(other))
                .ok(),
            20000);
        const GuestResult setup =
            sh(QStringLiteral(
                   // The lab's kernel does not load modules on demand.
                   "set -e; modprobe -a sch_sfq sch_ingress cls_u32 act_gact\n"
                   "ip link set lo up\n"
                   "tc qdisc add dev lo root handle 1: sfq\n"
                   "tc qdisc add dev lo clsact\n"
                   "tc filter add dev lo ingress protocol ip prio 1 u32 match ip dst 127.0.0.2/32 "
                   "action gact drop\n"
                   "tc filter add dev lo ingress protocol ip prio 1 u32 match ip dst 127.0.0.3/32 "
                   "action gact drop\n"
                   "tc actions add action gact pass index 100\n"
                   "nsenter --net=/proc/%1/ns/net tc qdisc add dev lo root sfq\n")
                   .arg(other));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));

        // Two filters in one classifier instance: one reference; each filter's
        // gact action, and the standalone one, one each.
        HolderReport r;
        checkReport(QStringLiteral("cls_u32"), HolderKind::TrafficControl, 1,
                    {QStringLiteral("filter u32 on dev lo parent ffff:fff2 protocol ip prio 1")},
                    &r);
        if (QTest::currentTestFailed())
            return;
        undoAndUnload(QStringLiteral("cls_u32"), r);
        if (QTest::currentTestFailed())
            return;
        checkReport(QStringLiteral("act_gact"), HolderKind::TrafficControl, 1,
                    {QStringLiteral("action gact index 100")}, &r);
        if (QTest::currentTestFailed())
            return;
        undoAndUnload(QStringLiteral("act_gact"), r);
        if (QTest::currentTestFailed())
            return;
        checkReport(QStringLiteral("sch_ingress"), HolderKind::TrafficControl, 1,
                    {QStringLiteral("qdisc clsact ffff: clsact on lo")}, &r);
        if (QTest::currentTestFailed())
            return;
        undoAndUnload(QStringLiteral("sch_ingress"), r);
        if (QTest::currentTestFailed())
            return;
        checkReport(QStringLiteral("sch_sfq"), HolderKind::TrafficControl, 2,
                    {QStringLiteral("qdisc sfq 1: root on lo"), QStringLiteral("root on lo")}, &r);
        if (QTest::currentTestFailed())
            return;
        const bool otherNamespace = std::any_of(r.holders.cbegin(), r.holders.cend(), [](auto &h) {
            return h.undo.startsWith(QLatin1String("nsenter --net=/proc/"));
        });
        QVERIFY2(otherNamespace, qPrintable(json(r)));
        undoAndUnload(QStringLiteral("sch_sfq"), r);
    }

    void netfilter()
    {
        const GuestResult setup = sh(QStringLiteral(
            "set -e; modprobe -a nf_tables nft_ct nft_compat xt_conntrack nft_chain_nat\n"
            "nft add table inet census\n"
            "nft add chain inet census input '{ type filter hook input priority 0; }'\n"
            "nft add rule inet census input ct state established accept\n"
            "nft add rule inet census input ct state invalid ct mark 1 drop\n"
            "iptables -A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT\n"
            "nft add table ip censusnat\n"
            "nft add chain ip censusnat post '{ type nat hook postrouting priority 100; }'\n"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        // Every expression built into nf_tables holds nf_tables: with the
        // module users, they close its count.
        HolderReport r;
        checkReport(QStringLiteral("nf_tables"), HolderKind::Netfilter, -1,
                    {QStringLiteral("rule inet census input handle"),
                     QStringLiteral("rule ip filter INPUT handle")},
                    &r);
        if (QTest::currentTestFailed())
            return;
        // The second rule has two ct expressions: two references.
        checkReport(QStringLiteral("nft_ct"), HolderKind::Netfilter, 3,
                    {QStringLiteral("rule inet census input handle")}, &r);
        if (QTest::currentTestFailed())
            return;
        undoAndUnload(QStringLiteral("nft_ct"), r);
        if (QTest::currentTestFailed())
            return;
        checkReport(QStringLiteral("xt_conntrack"), HolderKind::Netfilter, 1,
                    {QStringLiteral("rule ip filter INPUT handle")}, &r);
        if (QTest::currentTestFailed())
            return;
        undoAndUnload(QStringLiteral("xt_conntrack"), r);
        if (QTest::currentTestFailed())
            return;
        // nft_compat's "match" expression went with the rule.
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("nft_compat"), 0));
        checkReport(QStringLiteral("nft_chain_nat"), HolderKind::Netfilter, 1,
                    {QStringLiteral("base chain ip censusnat post (type nat)")}, &r);
        if (QTest::currentTestFailed())
            return;
        undoAndUnload(QStringLiteral("nft_chain_nat"), r);
    }

    void swapOnLoop()
    {
        const GuestResult setup = sh(QStringLiteral(
            "set -e; modprobe loop; truncate -s 32M /tmp/census-swap.img\n"
            "loop=$(losetup -f --show /tmp/census-swap.img); mkswap -q $loop; swapon $loop\n"
            "echo $loop"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const QString loop = setup.out.trimmed();
        const int swapRefs = swapPartitionRefs(sh(QStringLiteral("uname -r")).out.trimmed());
        HolderReport r;
        checkReport(QStringLiteral("loop"), HolderKind::Swap, swapRefs, {loop}, &r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(r.steps.join(u'\n').contains(QStringLiteral("swapoff ") + loop),
                 qPrintable(json(r)));
        // swapoff, then the bound loop device's own step.
        const GuestResult off = sh(QStringLiteral("swapoff %1 && losetup -d %1").arg(loop));
        QVERIFY2(off.ok(), qPrintable(off.describe()));
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), 0));
        QVERIFY(sh(QStringLiteral("rmmod loop")).ok());
    }

    // An AF_ALG socket bound to wp512 (Whirlpool, a module on 6.1 and 6.12,
    // where sha3 is built in): its transform holds the wp512 module.
    void cryptoAlgorithm()
    {
        const GuestResult setup = sh(QStringLiteral("modprobe -a algif_hash wp512"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const qint64 user = m_guest->hold(QStringLiteral(
            "exec /usr/bin/python3 -c 'import socket, time; s = socket.socket(socket.AF_ALG, "
            "socket.SOCK_SEQPACKET); s.bind((\"hash\", \"wp512\")); time.sleep(600)'"));
        QVERIFY(user > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_guest->lsmodCount(QStringLiteral("wp512")) > 0, 30000);
        HolderReport r;
        checkReport(QStringLiteral("wp512"), HolderKind::Crypto, -1,
                    {QStringLiteral("algorithm wp512 (wp512-generic)")}, &r);
        if (QTest::currentTestFailed())
            return;
        const bool named = std::any_of(r.holders.cbegin(), r.holders.cend(), [&](auto &h) {
            return h.kind == HolderKind::Crypto && h.pid == user && !h.fds.isEmpty();
        });
        QVERIFY2(named, qPrintable(json(r)));
        // The bound socket also holds its type's module, algif_hash, once
        // (alg_bind): only the helper sees which type a socket is bound to.
        HolderReport type;
        QString error;
        QVERIFY2(cliReport(QStringLiteral("algif_hash"), &type, &error), qPrintable(error));
        QCOMPARE(type.refcount, m_guest->lsmodCount(QStringLiteral("algif_hash")));
        QVERIFY2(type.refcount == 1 && type.unattributed == 0, qPrintable(json(type)));
        const bool bound = std::any_of(type.holders.cbegin(), type.holders.cend(), [&](auto &h) {
            return h.kind == HolderKind::Socket && h.pid == user && h.refs == 1 &&
                   h.rule.contains(QLatin1String("alg_sk(sk)->type->owner"));
        });
        QVERIFY2(bound, qPrintable(json(type)));
        dropLeakedRefuses(QStringLiteral("algif_hash"));
        undoAndUnload(QStringLiteral("wp512"), r);
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("algif_hash"), 0));
    }

    // Two fentry programs on one function of wp512: up to 6.3 one
    // trampoline, one reference, held by the process keeping their links;
    // from 6.4 one reference per program, held through its program and
    // link fds.
    void bpfFentry()
    {
        QVERIFY(sh(QStringLiteral("modprobe wp512")).ok());
        const bool perProgram = bpfProgramsHoldModule(sh(QStringLiteral("uname -r")).out.trimmed());
        const int refs = perProgram ? 2 : 1;
        const qint64 holder =
            m_guest->hold(QStringLiteral("exec " REFSCOPE_BPF_FENTRY_HOLD " wp512 wp512_update 2"));
        QVERIFY(holder > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_guest->lsmodCount(QStringLiteral("wp512")) == refs, 30000);
        HolderReport r;
        checkReport(QStringLiteral("wp512"), HolderKind::Bpf, refs,
                    {QStringLiteral("on wp512_update (wp512)")}, &r);
        if (QTest::currentTestFailed())
            return;
        const bool named = std::any_of(r.holders.cbegin(), r.holders.cend(), [&](auto &h) {
            return h.kind == HolderKind::Bpf && h.pid == holder &&
                   h.fds.size() == (perProgram ? 4 : 2);
        });
        QVERIFY2(named, qPrintable(json(r)));
        undoAndUnload(QStringLiteral("wp512"), r);
    }

    // A loop device with bfq as its queue's scheduler: the queue holds bfq
    // once (elevator_get), until it switches back to none.
    void ioScheduler()
    {
        const GuestResult setup = sh(
            QStringLiteral("set -e; modprobe -a loop bfq; truncate -s 16M /tmp/census-iosched.img\n"
                           "loop=$(losetup -f --show /tmp/census-iosched.img)\n"
                           "echo bfq > /sys/block/${loop#/dev/}/queue/scheduler; echo $loop"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const QString loop = setup.out.trimmed();
        HolderReport r;
        checkReport(QStringLiteral("bfq"), HolderKind::IoScheduler, 1,
                    {loop + QStringLiteral(" (scheduler bfq)")}, &r);
        if (QTest::currentTestFailed())
            return;
        dropLeakedRefuses(QStringLiteral("bfq"));
        undoAndUnload(QStringLiteral("bfq"), r);
        QVERIFY(sh(QStringLiteral("losetup -d ") + loop).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), 0));
        QVERIFY(sh(QStringLiteral("rmmod loop")).ok());
    }

    // A vfat mount with iocharset= and codepage=: its superblock holds both
    // NLS tables (load_nls) until it is unmounted.
    void nlsTables()
    {
        const GuestResult setup = sh(QStringLiteral(
            "set -e; modprobe -a loop vfat nls_iso8859-1 nls_cp850\n"
            "truncate -s 16M /tmp/census-nls.img; loop=$(losetup -f --show /tmp/census-nls.img)\n"
            "mkfs.vfat $loop >/dev/null; mkdir -p /tmp/census-nls\n"
            "mount -o iocharset=iso8859-1,codepage=850 $loop /tmp/census-nls; echo $loop"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const QString loop = setup.out.trimmed();
        HolderReport io;
        checkReport(QStringLiteral("nls_iso8859_1"), HolderKind::Nls, 1,
                    {QStringLiteral("/tmp/census-nls (vfat, iocharset=iso8859-1)")}, &io);
        if (QTest::currentTestFailed())
            return;
        HolderReport r;
        checkReport(QStringLiteral("nls_cp850"), HolderKind::Nls, 1,
                    {QStringLiteral("/tmp/census-nls (vfat, codepage=850)")}, &r);
        if (QTest::currentTestFailed())
            return;
        dropLeakedRefuses(QStringLiteral("nls_cp850"));
        undoAndUnload(QStringLiteral("nls_cp850"), r);
        if (QTest::currentTestFailed())
            return;
        // The same umount let the iocharset table go.
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("nls_iso8859_1"), 0));
        QVERIFY(sh(QStringLiteral("rmmod nls_iso8859_1 && losetup -d ") + loop).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), 0));
        QVERIFY(sh(QStringLiteral("rmmod loop")).ok());
    }

    // A loop device backed by another loop device: its backing file, the
    // other one's special file, holds loop once more until it is detached.
    void loopOnLoop()
    {
        const GuestResult setup = sh(QStringLiteral(
            "set -e; modprobe loop; truncate -s 16M /tmp/census-loop.img\n"
            "l0=$(losetup -f --show /tmp/census-loop.img); l1=$(losetup -f --show $l0)\n"
            "echo $l0 $l1"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const QStringList loops = setup.out.simplified().split(u' ');
        QCOMPARE(loops.size(), 2);
        HolderReport r;
        checkReport(QStringLiteral("loop"), HolderKind::LoopBacking, 1,
                    {QStringLiteral("%1 (backed by %2)").arg(loops.at(1), loops.at(0))}, &r);
        if (QTest::currentTestFailed())
            return;
        dropLeakedRefuses(QStringLiteral("loop"));
        for (const Holder &h : std::as_const(r.holders)) {
            if (h.kind == HolderKind::LoopBacking)
                QVERIFY2(sh(h.undo).ok(), qPrintable(h.undo));
        }
        // The backing loop device is bound on its own: detached last.
        QVERIFY(sh(QStringLiteral("losetup -d ") + loops.at(0)).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), 0));
        QVERIFY(sh(QStringLiteral("rmmod loop")).ok());
    }

    // A flakey device-mapper target on a loop device, and a linear one (a
    // target type of dm_mod's own) on the same device: each mapped device
    // holds dm_mod, each target its type, each table the loop device once.
    void deviceMapper()
    {
        const GuestResult setup = sh(QStringLiteral(
            "set -e; modprobe -a loop dm_mod dm_flakey; truncate -s 16M /tmp/census-dm.img\n"
            "loop=$(losetup -f --show /tmp/census-dm.img); size=$(blockdev --getsz $loop)\n"
            "dmsetup create censusflakey --table \"0 $size flakey $loop 0 5 5\"\n"
            "dmsetup create censuslinear --table \"0 $size linear $loop 0\"\n"
            "echo $loop"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const QString loop = setup.out.trimmed();
        const QString flakey = QStringLiteral("/dev/mapper/censusflakey");
        const QString linear = QStringLiteral("/dev/mapper/censuslinear");
        HolderReport r;
        checkReport(QStringLiteral("dm_mod"), HolderKind::DeviceMapper, 3,
                    {flakey + QStringLiteral(" (mapped device)"),
                     linear + QStringLiteral(" (mapped device)"),
                     linear + QStringLiteral(" (linear target)")},
                    &r);
        if (QTest::currentTestFailed())
            return;
        checkReport(
            QStringLiteral("loop"), HolderKind::DeviceMapper, 2,
            {flakey + QStringLiteral(" (device 7:"), linear + QStringLiteral(" (device 7:")}, &r);
        if (QTest::currentTestFailed())
            return;
        checkReport(QStringLiteral("dm_flakey"), HolderKind::DeviceMapper, 1,
                    {flakey + QStringLiteral(" (flakey target)")}, &r);
        if (QTest::currentTestFailed())
            return;
        dropLeakedRefuses(QStringLiteral("dm_flakey"));
        undoAndUnload(QStringLiteral("dm_flakey"), r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(sh(QStringLiteral("dmsetup remove censuslinear")).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("dm_mod"), 0));
        QVERIFY(sh(QStringLiteral("rmmod dm_mod && losetup -d ") + loop).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), 0));
        QVERIFY(sh(QStringLiteral("rmmod loop")).ok());
    }

    // A table loaded into a mapped device and never resumed holds its
    // target type and its device as a live one does; `dmsetup clear` lets
    // them go and keeps the device.
    void deviceMapperInactiveTable()
    {
        const GuestResult setup = sh(QStringLiteral(
            "set -e; modprobe -a loop dm_mod dm_flakey; truncate -s 16M /tmp/census-dmin.img\n"
            "loop=$(losetup -f --show /tmp/census-dmin.img); size=$(blockdev --getsz $loop)\n"
            "dmsetup create --notable censusinactive\n"
            "dmsetup load censusinactive --table \"0 $size flakey $loop 0 5 5\"\n"
            "echo $loop"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const QString loop = setup.out.trimmed();
        const QString mapped = QStringLiteral("/dev/mapper/censusinactive");
        HolderReport r;
        checkReport(QStringLiteral("loop"), HolderKind::DeviceMapper, 1,
                    {QStringLiteral(", inactive table)")}, &r);
        if (QTest::currentTestFailed())
            return;
        checkReport(QStringLiteral("dm_flakey"), HolderKind::DeviceMapper, 1,
                    {mapped + QStringLiteral(" (flakey target, inactive table)")}, &r);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(r.holders.first().undo, QStringLiteral("dmsetup clear censusinactive"));
        dropLeakedRefuses(QStringLiteral("dm_flakey"));
        const int loopBefore = m_guest->lsmodCount(QStringLiteral("loop"));
        undoAndUnload(QStringLiteral("dm_flakey"), r);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_guest->lsmodCount(QStringLiteral("loop")), loopBefore - 1);
        QVERIFY(sh(QStringLiteral("dmsetup remove censusinactive")).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("dm_mod"), 0));
        QVERIFY(sh(QStringLiteral("rmmod dm_mod && losetup -d ") + loop).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), 0));
        QVERIFY(sh(QStringLiteral("rmmod loop")).ok());
    }

    // A raid1 array on two loop devices holds raid1 (its personality) once
    // and loop once per member; md_mod itself holds nothing more (raid1's
    // own dependency on it aside). Measured the same on 6.1 and 6.12, and a
    // raid5 of three members holds raid456 once and loop three times. An
    // inactive array holds its members only.
    void mdArray()
    {
        if (!sh(QStringLiteral("command -v mdadm")).ok())
            QSKIP("mdadm is not installed");
        const GuestResult setup = sh(QStringLiteral(
            "set -e; modprobe -a loop md_mod raid1\n"
            "truncate -s 32M /tmp/census-md0.img /tmp/census-md1.img\n"
            "a=$(losetup -f --show /tmp/census-md0.img); b=$(losetup -f --show "
            "/tmp/census-md1.img)\n"
            "mdadm --create /dev/md0 --run --level=1 --raid-devices=2 --metadata=1.2 "
            "$a $b >/dev/null 2>&1\n"
            "echo $a $b md0"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const QStringList names = setup.out.simplified().split(u' ');
        QCOMPARE(names.size(), 3);
        const QString md = QStringLiteral("/dev/") + names.at(2);
        HolderReport r;
        checkReport(QStringLiteral("loop"), HolderKind::Md, 2,
                    {QStringLiteral("%1 (members %2, %3)").arg(md, names.at(0), names.at(1))}, &r);
        if (QTest::currentTestFailed())
            return;
        checkReport(QStringLiteral("raid1"), HolderKind::Md, 1,
                    {QStringLiteral("%1 (raid1 array)").arg(md)}, &r);
        if (QTest::currentTestFailed())
            return;
        dropLeakedRefuses(QStringLiteral("raid1"));
        undoAndUnload(QStringLiteral("raid1"), r);
        if (QTest::currentTestFailed())
            return;

        // An inactive array: incremental assembly of one member of two
        // waits for the other. It runs no personality (raid1 is gone) but
        // keeps the member it imported open.
        const int boundOnly = m_guest->lsmodCount(QStringLiteral("loop"));
        const GuestResult assembled =
            sh(QStringLiteral("mdadm --incremental %1 >/dev/null 2>&1\n"
                              "for d in /sys/block/md*; do [ \"$(cat $d/md/array_state)\" = "
                              "inactive ] && echo ${d##*/}; done; true")
                   .arg(names.at(0)));
        QVERIFY2(assembled.ok(), qPrintable(assembled.describe()));
        QVERIFY2(assembled.out.trimmed().split(u'\n').size() == 1 &&
                     !assembled.out.trimmed().isEmpty(),
                 qPrintable(assembled.describe()));
        const QString inactive = QStringLiteral("/dev/") + assembled.out.trimmed();
        checkReport(QStringLiteral("loop"), HolderKind::Md, 1,
                    {QStringLiteral("%1 (member %2)").arg(inactive, names.at(0))}, &r);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_guest->lsmodCount(QStringLiteral("raid1")), -1);
        for (const Holder &h : std::as_const(r.holders)) {
            if (h.kind == HolderKind::Md)
                QVERIFY2(sh(h.undo).ok(), qPrintable(h.undo));
        }
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), boundOnly));

        QVERIFY(sh(QStringLiteral("mdadm --zero-superblock %1 %2 && losetup -d %1 %2")
                       .arg(names.at(0), names.at(1)))
                    .ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), 0));
        QVERIFY(sh(QStringLiteral("rmmod loop")).ok());
    }

    // Files registered with an io_uring and closed: the ring keeps them
    // open. /dev/net/tun holds tun twice (its file and its socket), as an
    // fd would; /dev/loop-control holds loop once. A registered buffer
    // holds nothing (measured on 6.1 and 6.12).
    void ioUringFiles()
    {
        QVERIFY(sh(QStringLiteral("modprobe -a tun loop")).ok());
        const qint64 user = m_guest->hold(QStringLiteral(
            "exec " REFSCOPE_IO_URING_HOLD " --buffers /dev/net/tun /dev/loop-control"));
        QVERIFY(user > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_guest->lsmodCount(QStringLiteral("tun")) == 2, 20000);
        HolderReport r;
        checkReport(QStringLiteral("tun"), HolderKind::IoUring, 2,
                    {QStringLiteral("/dev/net/tun (registered with io_uring fd 3)")}, &r);
        if (QTest::currentTestFailed())
            return;
        const bool named = std::any_of(r.holders.cbegin(), r.holders.cend(), [&](auto &h) {
            return h.kind == HolderKind::IoUring && h.pid == user &&
                   h.undo == QStringLiteral("kill %1").arg(user);
        });
        QVERIFY2(named, qPrintable(json(r)));
        HolderReport loop;
        checkReport(QStringLiteral("loop"), HolderKind::IoUring, 1,
                    {QStringLiteral("/dev/loop-control (registered with io_uring fd 3)")}, &loop);
        if (QTest::currentTestFailed())
            return;
        dropLeakedRefuses(QStringLiteral("tun"));
        undoAndUnload(QStringLiteral("tun"), r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), 0));
        QVERIFY(sh(QStringLiteral("rmmod loop")).ok());
    }

    // How long a full holders answer takes for the guest's busiest module:
    // refscope-cli why (process start included) and the agent's method.
    void timeOfTheBusiestModule()
    {
        // One nft batch: a rule per command takes seconds each under TCG.
        const GuestResult setup = m_guest->run(
            QStringLiteral(
                "set -e; modprobe -a loop sch_sfq nft_ct\n"
                "tc qdisc add dev lo root sfq\n"
                "{ echo 'add table inet censustime'\n"
                "  echo 'add chain inet censustime input { type filter hook input priority 0; }'\n"
                "  for i in $(seq 20); do echo \"add rule inet censustime input ct mark $i "
                "accept\"; done; } | nft -f -\n"
                "sort -k3 -n -r /proc/modules | head -1 | cut -d' ' -f1,3"),
            180000);
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const QString busiest = setup.out.trimmed().section(u' ', 0, 0);
        QList<qint64> agentMs;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            const AgentReply reply = m_lab.agent()->callSync(
                QStringLiteral("holders"), {{QStringLiteral("module"), busiest}}, 60000);
            agentMs << timer.elapsed();
            QVERIFY2(reply.ok, qPrintable(reply.errorMessage));
        }
        const GuestResult cli = m_guest->run(
            QStringLiteral("for i in 1 2 3 4 5; do s=$(date +%s%N); %1 why --json %2 >/dev/null; "
                           "e=$(date +%s%N); echo $(( (e - s) / 1000000 )); done")
                .arg(m_cli, busiest),
            180000);
        QVERIFY2(cli.ok(), qPrintable(cli.describe()));
        std::sort(agentMs.begin(), agentMs.end());
        qInfo().noquote() << QStringLiteral("busiest module %1 (%2): agent holders %3 ms "
                                            "(median of 5, round trip); refscope-cli why --json "
                                            "in the guest: %4 ms")
                                 .arg(busiest, setup.out.trimmed().section(u' ', 1, 1))
                                 .arg(agentMs.at(2))
                                 .arg(cli.out.simplified());
    }

    // A syslog "log" in an inet table takes IPv4's and IPv6's logger (2 on
    // nf_log_syslog), an iptables-nft LOG target its family's (1); "log
    // group N" takes nfnetlink_log the same way (2 in an inet table).
    void netfilterLoggers()
    {
        const GuestResult setup = sh(QStringLiteral(
            "set -e; modprobe -a nf_tables nft_log nf_log_syslog nfnetlink_log nft_compat xt_LOG\n"
            "nft add table inet censuslog\n"
            "nft add chain inet censuslog input '{ type filter hook input priority 0; }'\n"
            "nft add rule inet censuslog input log prefix census\n"
            "nft add rule inet censuslog input log group 3\n"
            "iptables -A INPUT -j LOG\n"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        HolderReport r;
        checkReport(QStringLiteral("nf_log_syslog"), HolderKind::Netfilter, 3,
                    {QStringLiteral("rule inet censuslog input handle"),
                     QStringLiteral("rule ip filter INPUT handle")},
                    &r);
        if (QTest::currentTestFailed())
            return;
        dropLeakedRefuses(QStringLiteral("nf_log_syslog"));
        undoAndUnload(QStringLiteral("nf_log_syslog"), r);
        if (QTest::currentTestFailed())
            return;
        checkReport(QStringLiteral("nfnetlink_log"), HolderKind::Netfilter, 2,
                    {QStringLiteral("rule inet censuslog input handle")}, &r);
        if (QTest::currentTestFailed())
            return;
        undoAndUnload(QStringLiteral("nfnetlink_log"), r);
    }

    // A ct helper object holds its helper once per layer-3 protocol (2 in
    // an inet table, 1 with l3proto ip), an iptables-nft CT --helper rule
    // once.
    void conntrackHelpers()
    {
        const GuestResult setup = sh(QStringLiteral(
            "set -e; modprobe -a nf_tables nft_ct nft_compat xt_CT nf_conntrack_ftp\n"
            "nft add table inet censushelp\n"
            "nft add ct helper inet censushelp ftpboth '{ type \"ftp\" protocol tcp; }'\n"
            "nft add ct helper inet censushelp ftp4 '{ type \"ftp\" protocol tcp; l3proto ip; }'\n"
            "iptables -t raw -A PREROUTING -p tcp --dport 21 -j CT --helper ftp\n"
            // A rule using the object: the object's undo deletes it first.
            // objref is a module on 6.1, built into nf_tables on 6.12.
            "modprobe nft_objref 2>/dev/null || true\n"
            "nft add chain inet censushelp pre '{ type filter hook prerouting priority 0; }'\n"
            "nft add rule inet censushelp pre tcp dport 21 ct helper set ftpboth\n"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        HolderReport r;
        checkReport(QStringLiteral("nf_conntrack_ftp"), HolderKind::Netfilter, 4,
                    {QStringLiteral("ct helper inet censushelp ftpboth (type ftp)"),
                     QStringLiteral("ct helper inet censushelp ftp4 (type ftp)"),
                     QStringLiteral("rule ip raw PREROUTING handle")},
                    &r);
        if (QTest::currentTestFailed())
            return;
        const bool ruleFirst = std::any_of(r.holders.cbegin(), r.holders.cend(), [](auto &h) {
            return h.path.contains(QLatin1String("ftpboth")) &&
                   h.undo.startsWith(QLatin1String("nft 'delete rule inet censushelp pre handle"));
        });
        QVERIFY2(ruleFirst, qPrintable(json(r)));
        dropLeakedRefuses(QStringLiteral("nf_conntrack_ftp"));
        undoAndUnload(QStringLiteral("nf_conntrack_ftp"), r);
    }

    // htcp as the default of this network namespace and of another, and a
    // process with an IPv4 listener, both ends of a loopback connection and
    // an IPv6 listener: one reference each.
    void tcpCongestionControl()
    {
        const GuestResult setup =
            sh(QStringLiteral("set -e; modprobe -a tcp_htcp inet_diag tcp_diag; ip link set lo up\n"
                              "sysctl -qw net.ipv4.tcp_congestion_control=htcp"));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const qint64 user = m_guest->hold(QStringLiteral(
            "exec /usr/bin/python3 -c 'import socket, time\n"
            "s = socket.socket(); s.bind((\"127.0.0.1\", 5555)); s.listen()\n"
            "c = socket.create_connection((\"127.0.0.1\", 5555)); a, _ = s.accept()\n"
            "s6 = socket.socket(socket.AF_INET6); s6.bind((\"::1\", 5556)); s6.listen()\n"
            "time.sleep(600)'"));
        QVERIFY(user > 0);
        const qint64 other = m_guest->hold(QStringLiteral(
            "exec unshare -n sh -c 'sysctl -qw net.ipv4.tcp_congestion_control=htcp; exec sleep "
            "600'"));
        QVERIFY(other > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_guest->lsmodCount(QStringLiteral("tcp_htcp")) == 6, 30000);
        HolderReport r;
        checkReport(QStringLiteral("tcp_htcp"), HolderKind::TcpCongestion, 6,
                    {QStringLiteral("LISTEN 127.0.0.1:5555"), QStringLiteral("LISTEN [::1]:5556"),
                     QStringLiteral("default congestion control htcp of this network namespace"),
                     QStringLiteral("default congestion control htcp of network namespace net:[")},
                    &r);
        if (QTest::currentTestFailed())
            return;
        const bool named = std::any_of(r.holders.cbegin(), r.holders.cend(), [&](auto &h) {
            return h.kind == HolderKind::TcpCongestion && h.pid == user && h.refs == 4 &&
                   h.fds.size() == 4 && h.undo == QStringLiteral("kill %1").arg(user);
        });
        QVERIFY2(named, qPrintable(json(r)));
        dropLeakedRefuses(QStringLiteral("tcp_htcp"));
        undoAndUnload(QStringLiteral("tcp_htcp"), r);
    }

    void kernelLogStaysClean()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestCensus)
#include "tst_census.moc"
