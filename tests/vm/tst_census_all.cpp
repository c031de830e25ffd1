// SPDX-License-Identifier: GPL-3.0-or-later
// Every kind of holder tst_census builds one at a time, built all at once
// in ONE lab guest: traffic control in two network namespaces, nftables
// rules, loggers, conntrack helpers and a nat base chain beside
// iptables-nft rules, swap, I/O scheduler, NLS tables, loop on loop,
// device-mapper (live and inactive), md, io_uring, an AF_ALG socket and
// fentry programs on the same module, TCP congestion control. Kinds meet
// here that never meet there (a loop module held by nine devices of six
// kinds, nft_ct by rules of three tables and by ct helper objects), so
// this is where an interaction between kinds shows.
//
// For every module whose count the setup raised, `refscope-cli why --json`
// (as root in the guest: exact through the helper where it applies) must
// close the accounting: listed references + unattributed = lsmod's count.
// It prints one line per module and the share of the summed count that is
// attributed (the goal is 100 %, but a share below it does not fail: an
// unattributed reference is one RefScope could not see), then times the
// full holders answer for the busiest module (most holders): `why --json`
// as a new process and the lab agent's `holders` round trip, medians of 7.
// Everything is undone at the end, every module it loaded unloaded, and
// the kernel log must stay free of warnings.
#include "guestshell.h"
#include "holders/census/bpfcensus.h"
#include "holders/holderreportjson.h"
#include "lab/labmachine.h"
#include "protocol/agentclient.h"
#include "testlab.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMap>
#include <QtTest>

#include <algorithm>

namespace refscope {

class TestCensusAll : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    const QString m_cli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");
    // /proc/modules before the setup: name -> count.
    QMap<QString, int> m_before;
    bool m_haveMd = false;
    bool m_setUp = false;
    // The module the census pass found with the most holders.
    QString m_busiest;

    GuestResult sh(const QString &script, int timeoutMs = 120000)
    {
        return m_guest->run(script, timeoutMs);
    }

    QMap<QString, int> moduleCounts()
    {
        QMap<QString, int> counts;
        const GuestResult r = sh(QStringLiteral("cut -d' ' -f1,3 /proc/modules"));
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts))
            counts.insert(line.section(u' ', 0, 0), line.section(u' ', 1, 1).toInt());
        return counts;
    }

    static double median(QList<double> values)
    {
        std::sort(values.begin(), values.end());
        return values.isEmpty() ? 0 : values.at(values.size() / 2);
    }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 800);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_before = moduleCounts();
        QVERIFY(!m_before.isEmpty());
        m_haveMd = sh(QStringLiteral("command -v mdadm")).ok();
    }

    void cleanupTestCase()
    {
        if (m_guest)
            m_guest->endHeld();
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    // Each kind as tst_census sets it up (see there for what each holds),
    // all of them before any is read.
    void setUpEveryKind()
    {
        QElapsedTimer timer;
        timer.start();
        // A second network namespace for a qdisc, alive while its process
        // sleeps.
        const qint64 otherNet = m_guest->hold(QStringLiteral("exec unshare -n sleep 600"));
        QVERIFY(otherNet > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            sh(QStringLiteral("[ $(readlink /proc/%1/ns/net) != $(readlink /proc/self/ns/net) ]")
                   .arg(otherNet))
                .ok(),
            20000);

        // The lab's kernel does not load modules on demand.
        const GuestResult modules = sh(QStringLiteral(
            "set -e; modprobe -a sch_sfq sch_ingress cls_u32 act_gact nf_tables nft_ct nft_compat "
            "xt_conntrack nft_chain_nat nft_quota nft_log nf_log_syslog nfnetlink_log xt_LOG xt_CT "
            "nf_conntrack_ftp loop bfq vfat nls_iso8859-1 nls_cp850 dm_mod dm_flakey algif_hash "
            "wp512 tun tcp_htcp inet_diag tcp_diag\n"
            // objref is a module on 6.1, built into nf_tables on 6.12.
            "modprobe nft_objref 2>/dev/null || true\n"));
        QVERIFY2(modules.ok(), qPrintable(modules.describe()));

        const GuestResult tc =
            sh(QStringLiteral(
                   "set -e; ip link set lo up\n"
                   "tc qdisc add dev lo root handle 1: sfq\n"
                   "tc qdisc add dev lo clsact\n"
                   "tc filter add dev lo ingress protocol ip prio 1 u32 match ip dst 127.0.0.2/32 "
                   "action gact drop\n"
                   "tc filter add dev lo ingress protocol ip prio 1 u32 match ip dst 127.0.0.3/32 "
                   "action gact drop\n"
                   "tc actions add action gact pass index 100\n"
                   "nsenter --net=/proc/%1/ns/net tc qdisc add dev lo root sfq\n")
                   .arg(otherNet));
        QVERIFY2(tc.ok(), qPrintable(tc.describe()));

        // One nft batch (a command per rule takes seconds each under TCG):
        // tst_census's netfilter, logger and conntrack helper tables, and
        // its timing table of 20 rules.
        const GuestResult nft = sh(QStringLiteral(
            "set -e; { echo 'add table inet census'\n"
            "echo 'add chain inet census input { type filter hook input priority 0; }'\n"
            "echo 'add rule inet census input ct state established accept'\n"
            "echo 'add rule inet census input ct state invalid ct mark 1 drop'\n"
            // Stateful objects hold their type's module: a counter nf_tables,
            // a quota nft_quota.
            "echo 'add counter inet census censuscount'\n"
            "echo 'add quota inet census censusquota { over 100 mbytes }'\n"
            "echo 'add rule inet census input counter name censuscount'\n"
            "echo 'add rule inet census input quota name censusquota'\n"
            "echo 'add table ip censusnat'\n"
            "echo 'add chain ip censusnat post { type nat hook postrouting priority 100; }'\n"
            "echo 'add table inet censuslog'\n"
            "echo 'add chain inet censuslog input { type filter hook input priority 0; }'\n"
            "echo 'add rule inet censuslog input log prefix census'\n"
            "echo 'add rule inet censuslog input log group 3'\n"
            "echo 'add table inet censushelp'\n"
            "echo 'add ct helper inet censushelp ftpboth { type \"ftp\" protocol tcp; }'\n"
            "echo 'add ct helper inet censushelp ftp4 { type \"ftp\" protocol tcp; l3proto ip; }'\n"
            "echo 'add chain inet censushelp pre { type filter hook prerouting priority 0; }'\n"
            "echo 'add rule inet censushelp pre tcp dport 21 ct helper set ftpboth'\n"
            "echo 'add table inet censustime'\n"
            "echo 'add chain inet censustime input { type filter hook input priority 0; }'\n"
            "for i in $(seq 20); do echo \"add rule inet censustime input ct mark $i accept\"; "
            "done; } | nft -f -\n"
            "iptables -A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT\n"
            "iptables -A INPUT -j LOG\n"
            "iptables -t raw -A PREROUTING -p tcp --dport 21 -j CT --helper ftp\n"));
        QVERIFY2(nft.ok(), qPrintable(nft.describe()));

        // The block layer: swap, bfq, a vfat mount, loop on loop, a live
        // and an inactive device-mapper table, an md array, each on its
        // own loop devices.
        const GuestResult block = sh(QStringLiteral(
            "set -e; cd /tmp; truncate -s 32M census-swap.img census-md0.img census-md1.img\n"
            "truncate -s 16M census-iosched.img census-nls.img census-loop.img census-dm.img "
            "census-dmin.img\n"
            "swap=$(losetup -f --show census-swap.img); mkswap -q $swap; swapon $swap\n"
            "sched=$(losetup -f --show census-iosched.img)\n"
            "echo bfq > /sys/block/${sched#/dev/}/queue/scheduler\n"
            "nls=$(losetup -f --show census-nls.img); mkfs.vfat $nls >/dev/null\n"
            "mkdir -p census-nls; mount -o iocharset=iso8859-1,codepage=850 $nls census-nls\n"
            "l0=$(losetup -f --show census-loop.img); losetup -f $l0\n"
            "dm=$(losetup -f --show census-dm.img); size=$(blockdev --getsz $dm)\n"
            "dmsetup create censusflakey --table \"0 $size flakey $dm 0 5 5\"\n"
            "dmsetup create censuslinear --table \"0 $size linear $dm 0\"\n"
            "dmin=$(losetup -f --show census-dmin.img); size=$(blockdev --getsz $dmin)\n"
            "dmsetup create --notable censusinactive\n"
            "dmsetup load censusinactive --table \"0 $size flakey $dmin 0 5 5\"\n"));
        QVERIFY2(block.ok(), qPrintable(block.describe()));
        if (m_haveMd) {
            const GuestResult md = sh(QStringLiteral(
                "set -e; modprobe -a md_mod raid1; cd /tmp\n"
                "a=$(losetup -f --show census-md0.img); b=$(losetup -f --show census-md1.img)\n"
                "mdadm --create /dev/md0 --run --level=1 --raid-devices=2 --metadata=1.2 "
                "$a $b >/dev/null 2>&1\n"));
            QVERIFY2(md.ok(), qPrintable(md.describe()));
        } else {
            qWarning("mdadm is not installed: no md array");
        }

        // The processes: an AF_ALG socket and two fentry programs on the
        // same module (wp512), files registered with an io_uring, TCP
        // sockets and a second namespace's default using htcp.
        QVERIFY(m_guest->hold(QStringLiteral(
                    "exec /usr/bin/python3 -c 'import socket, time; s = socket.socket("
                    "socket.AF_ALG, socket.SOCK_SEQPACKET); s.bind((\"hash\", \"wp512\")); "
                    "time.sleep(600)'")) > 0);
        QVERIFY(m_guest->hold(
                    QStringLiteral("exec " REFSCOPE_BPF_FENTRY_HOLD " wp512 wp512_update 2")) > 0);
        QVERIFY(m_guest->hold(QStringLiteral("exec " REFSCOPE_IO_URING_HOLD
                                             " --buffers /dev/net/tun /dev/loop-control")) > 0);
        QVERIFY(sh(QStringLiteral("sysctl -qw net.ipv4.tcp_congestion_control=htcp")).ok());
        QVERIFY(m_guest->hold(QStringLiteral(
                    "exec /usr/bin/python3 -c 'import socket, time\n"
                    "s = socket.socket(); s.bind((\"127.0.0.1\", 5555)); s.listen()\n"
                    "c = socket.create_connection((\"127.0.0.1\", 5555)); a, _ = s.accept()\n"
                    "s6 = socket.socket(socket.AF_INET6); s6.bind((\"::1\", 5556)); s6.listen()\n"
                    "time.sleep(600)'")) > 0);
        QVERIFY(m_guest->hold(QStringLiteral(
                    "exec unshare -n sh -c 'sysctl -qw net.ipv4.tcp_congestion_control=htcp; exec "
                    "sleep 600'")) > 0);
        // Each process holds what it set up once it is ready.
        QTRY_VERIFY_WITH_TIMEOUT(m_guest->lsmodCount(QStringLiteral("tcp_htcp")) == 6, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_guest->lsmodCount(QStringLiteral("tun")) == 2, 30000);
        // wp512: the AF_ALG socket's transform, and up to 6.3 the trampoline
        // (1), from 6.4 each program (2).
        const int bpfRefs =
            bpfProgramsHoldModule(sh(QStringLiteral("uname -r")).out.trimmed()) ? 2 : 1;
        QTRY_VERIFY_WITH_TIMEOUT(m_guest->lsmodCount(QStringLiteral("wp512")) >= 1 + bpfRefs,
                                 30000);
        qInfo("every kind set up in %lld ms", timer.elapsed());
        m_setUp = true;
    }

    // For every module whose count the setup raised (or loaded), the CLI's
    // answer must close the count; the share attributed is printed. Those
    // held by nftables objects must be attributed in full.
    void accountingClosesForEveryModule()
    {
        QVERIFY2(m_setUp, "the setup failed: nothing to count");
        const QMap<QString, int> after = moduleCounts();
        QStringList modules;
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (it.value() > m_before.value(it.key(), 0))
                modules << it.key();
        }
        QVERIFY(modules.size() > 10);
        // One guest command for all of them: lsmod's count right before
        // each answer, and the answer.
        const GuestResult r = sh(
            QStringLiteral("for m in %1; do echo \"@@module $m $(awk -v m=$m '$1 == m { print $3 "
                           "}' /proc/modules)\"; %2 why --json $m; echo \"@@exit $?\"; done")
                .arg(modules.join(u' '), m_cli),
            600000);
        QVERIFY2(r.ok(), qPrintable(r.describe()));

        struct Row {
            QString module;
            int lsmod = -1;
            HolderReport report;
        };
        QList<Row> rows;
        QString json;
        Row current;
        for (const QString &line : r.out.split(u'\n')) {
            if (line.startsWith(QLatin1String("@@module "))) {
                current = {};
                current.module = line.section(u' ', 1, 1);
                current.lsmod = line.section(u' ', 2, 2).toInt();
                json.clear();
            } else if (line.startsWith(QLatin1String("@@exit "))) {
                QString error;
                QVERIFY2(line == QLatin1String("@@exit 0"),
                         qPrintable(current.module + u'\n' + json + r.err));
                QVERIFY2(holderReportFromJson(QJsonDocument::fromJson(json.toUtf8()).object(),
                                              &current.report, &error),
                         qPrintable(current.module + u'\n' + error + u'\n' + json));
                rows << current;
            } else {
                json += line + u'\n';
            }
        }
        QCOMPARE(rows.size(), modules.size());

        int sumCount = 0;
        int sumAttributed = 0;
        int sumUnattributed = 0;
        QStringList notClosed;
        QStringList partial;
        int mostHolders = -1;
        qInfo("%-18s %5s %10s %12s %7s  %s", "module", "count", "attributed", "unattributed",
              "holders", "by kind");
        for (const Row &row : std::as_const(rows)) {
            const HolderReport &rep = row.report;
            int attributed = 0;
            QMap<QString, int> byKind;
            for (const Holder &h : rep.holders) {
                attributed += h.refs;
                byKind[holderKindName(h.kind)] += h.refs;
            }
            QStringList kinds;
            for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
                kinds << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            const bool trimmed =
                std::any_of(rep.verdictSentences.cbegin(), rep.verdictSentences.cend(),
                            [](const HolderSentence &s) {
                                return s.code == HolderSentenceCode::ClaimsTrimmed;
                            });
            if (trimmed)
                kinds << QStringLiteral("(claims trimmed)");
            if (!rep.uncheckedKinds.isEmpty())
                kinds << QStringLiteral("(unchecked: %1)").arg(rep.uncheckedKinds.join(u','));
            qInfo("%-18s %5d %10d %12d %7lld  %s", qPrintable(row.module), rep.refcount, attributed,
                  rep.unattributed, qlonglong(rep.holders.size()), qPrintable(kinds.join(u", ")));
            sumCount += rep.refcount;
            sumAttributed += attributed;
            sumUnattributed += rep.unattributed;
            if (attributed + rep.unattributed != rep.refcount || rep.refcount != row.lsmod)
                notClosed << QStringLiteral("%1: lsmod %2, report %3, attributed %4, "
                                            "unattributed %5")
                                 .arg(row.module)
                                 .arg(row.lsmod)
                                 .arg(rep.refcount)
                                 .arg(attributed)
                                 .arg(rep.unattributed);
            // Held by stateful nftables objects besides rules: each object
            // holds its type's module (they once stayed unattributed here).
            if ((row.module == QLatin1String("nft_ct") ||
                 row.module == QLatin1String("nft_quota")) &&
                rep.unattributed != 0)
                notClosed
                    << QStringLiteral("%1: %2 unattributed").arg(row.module).arg(rep.unattributed);
            if (rep.unattributed > 0 || trimmed || !rep.uncheckedKinds.isEmpty())
                partial << row.module + u'\n' +
                               QString::fromUtf8(QJsonDocument(holderReportToJson(rep)).toJson());
            if (rep.holders.size() > mostHolders) {
                mostHolders = int(rep.holders.size());
                m_busiest = row.module;
            }
        }
        qInfo("%lld modules, summed count %d: %d attributed, %d unattributed: %.1f %% attributed",
              qlonglong(rows.size()), sumCount, sumAttributed, sumUnattributed,
              sumCount ? 100.0 * sumAttributed / sumCount : 100.0);
        // What stays unattributed, for whoever looks into it; not a failure.
        for (const QString &p : std::as_const(partial))
            qInfo().noquote() << "not fully attributed:" << p;
        QVERIFY2(notClosed.isEmpty(), qPrintable(notClosed.join(u'\n')));
    }

    // A full holders answer for the busiest module: a new refscope-cli
    // process (its start over 9p included) and the lab agent's method.
    void timeOfTheBusiestModule()
    {
        QVERIFY(!m_busiest.isEmpty());
        QList<double> agentMs;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer timer;
            timer.start();
            const AgentReply reply = m_lab.agent()->callSync(
                QStringLiteral("holders"), {{QStringLiteral("module"), m_busiest}}, 60000);
            agentMs << double(timer.nsecsElapsed()) / 1e6;
            QVERIFY2(reply.ok, qPrintable(reply.errorMessage));
        }
        const GuestResult cli =
            sh(QStringLiteral("for i in 1 2 3 4 5 6 7; do s=$(date +%s%N); %1 why --json %2 "
                              ">/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); done")
                   .arg(m_cli, m_busiest),
               180000);
        QVERIFY2(cli.ok(), qPrintable(cli.describe()));
        // Where one answer's time goes, part by part and census kind by kind.
        const GuestResult parts =
            sh(QStringLiteral("REFSCOPE_HOLDERS_TIMING=1 %1 why --json %2 >/dev/null")
                   .arg(m_cli, m_busiest));
        qInfo().noquote() << "one answer's parts:" << parts.err.simplified();
        QList<double> cliMs;
        for (const QString &ms : cli.out.split(u'\n', Qt::SkipEmptyParts))
            cliMs << ms.toDouble();
        qInfo("busiest module %s: agent holders %.0f ms (median of 7 round trips, %.0f-%.0f); "
              "refscope-cli why --json in the guest %.0f ms (median of 7, %.0f-%.0f)",
              qPrintable(m_busiest), median(agentMs),
              *std::min_element(agentMs.cbegin(), agentMs.cend()),
              *std::max_element(agentMs.cbegin(), agentMs.cend()), median(cliMs),
              cliMs.isEmpty() ? 0 : *std::min_element(cliMs.cbegin(), cliMs.cend()),
              cliMs.isEmpty() ? 0 : *std::max_element(cliMs.cbegin(), cliMs.cend()));
    }

    // Everything undone, and every module the setup loaded unloaded again.
    void undoEverything()
    {
        m_guest->endHeld();
        const GuestResult undo = sh(QStringLiteral(
            "cd /tmp; iptables -F INPUT; iptables -t raw -F PREROUTING; nft flush ruleset\n"
            "tc qdisc del dev lo root; tc qdisc del dev lo clsact; tc actions flush action gact\n"
            "sysctl -qw net.ipv4.tcp_congestion_control=cubic\n"
            "swapoff -a; umount census-nls; dmsetup remove_all\n"
            "[ -e /dev/md0 ] && mdadm --stop /dev/md0 >/dev/null 2>&1\n"
            "for l in $(losetup -n -O NAME); do losetup -d $l; done\n"
            // loop on loop: the upper one first, then what it was backed by.
            "for l in $(losetup -n -O NAME); do losetup -d $l; done\n"
            "rm -rf census-*.img census-nls\n"
            "losetup -n -O NAME | wc -l"));
        QVERIFY2(undo.exitCode >= 0 && undo.out.trimmed() == QLatin1String("0"),
                 qPrintable(undo.describe()));
        // nf_tables frees rules from a work item and unused counts follow:
        // unload whatever reached 0 until only the modules loaded before
        // the setup are left.
        QStringList loaded;
        for (auto it = m_before.cbegin(); it != m_before.cend(); ++it)
            loaded << it.key();
        const GuestResult unload =
            sh(QStringLiteral("before=' %1 '; for round in $(seq 60); do left=0\n"
                              "  while read m size count rest; do\n"
                              "    case \"$before\" in *\" $m \"*) continue;; esac\n"
                              "    left=1; [ \"$count\" = 0 ] && rmmod $m 2>/dev/null\n"
                              "  done < /proc/modules\n"
                              "  [ $left = 0 ] && exit 0; sleep 0.5; done\n"
                              "cut -d' ' -f1,3,4 /proc/modules; exit 1")
                   .arg(loaded.join(u' ')),
               120000);
        QVERIFY2(unload.ok(), qPrintable(unload.describe()));
        const QMap<QString, int> now = moduleCounts();
        QCOMPARE(now, m_before);
    }

    void kernelLogStaysClean()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestCensusAll)
#include "tst_census_all.moc"
