// SPDX-License-Identifier: GPL-3.0-or-later
// The census parsers on dumps captured from the lab guest's real 6.1 kernel
// (tests/fixtures/census/capture-census.sh; tc's and nft's own listing of
// the same state lie beside them): a sfq qdisc and a clsact on lo, a u32
// filter with a bound gact action plus a standalone one, two nftables rules
// with ct, an iptables-nft rule with the conntrack match, a nat base chain,
// and swap on /dev/loop0.
#include "holders/census/bpfcensus.h"
#include "holders/census/dmcensus.h"
#include "holders/census/ioschedcensus.h"
#include "holders/census/mdcensus.h"
#include "holders/census/nftcensus.h"
#include "holders/census/nlscensus.h"
#include "holders/census/swapcensus.h"
#include "holders/census/tccensus.h"
#include "holders/census/tcpcccensus.h"
#include "holders/holderscan.h"

#include <QFile>
#include <QtTest>

#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/pkt_sched.h>
#include <sys/socket.h>

namespace refscope {

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(REFSCOPE_FIXTURES_DIR "/census/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

} // namespace

class TestCensusParse : public QObject {
    Q_OBJECT

private slots:
    void qdiscs()
    {
        const QList<TcObject> q = parseTcReplies(fixture("tc-qdisc.nl"));
        QCOMPARE(q.size(), 2);
        QCOMPARE(q.at(0).type, TcObject::Type::Qdisc);
        QCOMPARE(q.at(0).kind, QStringLiteral("sfq"));
        QCOMPARE(q.at(0).ifindex, 1);
        QCOMPARE(q.at(0).handle, 0x10000u);
        QCOMPARE(q.at(0).parent, quint32(TC_H_ROOT));
        QCOMPARE(q.at(1).kind, QStringLiteral("clsact"));
        QCOMPARE(q.at(1).handle, 0xffff0000u);
        QCOMPARE(q.at(1).parent, quint32(TC_H_INGRESS));
        QCOMPARE(tcHandleText(q.at(0).handle), QStringLiteral("1:"));
        QCOMPARE(tcHandleText(q.at(1).handle), QStringLiteral("ffff:"));
        QCOMPARE(tcHandleText(0xfffffff2u), QStringLiteral("ffff:fff2"));
    }

    void filters()
    {
        // The classifier instance itself (handle 0), u32's hash table 800:
        // and its key 800::800: one tcf_proto, one reference.
        const QList<TcObject> f = parseTcReplies(fixture("tc-filter-1-fffffff2.nl"));
        QCOMPARE(f.size(), 3);
        for (const TcObject &o : f) {
            QCOMPARE(o.type, TcObject::Type::Filter);
            QCOMPARE(o.kind, QStringLiteral("u32"));
            QCOMPARE(o.parent, 0xfffffff2u);
            QCOMPARE(o.chain, 0u);
            QCOMPARE(TC_H_MAJ(o.info) >> 16, 1u);
            QCOMPARE(tcProtocolText(quint16(TC_H_MIN(o.info))), QStringLiteral("ip"));
        }
        QCOMPARE(f.at(0).handle, 0u);
        QCOMPARE(f.at(1).handle, 0x80000000u);
        QCOMPARE(f.at(2).handle, 0x80000800u);
        // The sfq and the clsact's egress block have none: an empty dump.
        QVERIFY(parseTcReplies(fixture("tc-filter-1-10000.nl")).isEmpty());
        QVERIFY(parseTcReplies(fixture("tc-filter-1-fffffff3.nl")).isEmpty());
    }

    void actions()
    {
        const QList<TcObject> a = parseTcReplies(fixture("tc-action-gact.nl"));
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(0).type, TcObject::Type::Action);
        QCOMPARE(a.at(0).kind, QStringLiteral("gact"));
        QCOMPARE(a.at(0).index, 1u);
        QCOMPARE(a.at(0).bindcnt, 1);
        QCOMPARE(a.at(1).index, 100u);
        QCOMPARE(a.at(1).bindcnt, 0);
    }

    void nftRules()
    {
        const QList<NftRule> rules = parseNftRules(fixture("nft-rules.nl"));
        QCOMPARE(rules.size(), 3);
        auto names = [](const NftRule &r) {
            QStringList n;
            for (const NftExpression &e : r.expressions)
                n << (e.xtName.isEmpty() ? e.name : e.name + u':' + e.xtName);
            return n;
        };
        QCOMPARE(rules.at(0).family, int(NFPROTO_INET));
        QCOMPARE(nftFamilyName(rules.at(0).family), QStringLiteral("inet"));
        QCOMPARE(rules.at(0).table, QStringLiteral("census"));
        QCOMPARE(rules.at(0).chain, QStringLiteral("input"));
        QCOMPARE(rules.at(0).handle, 2u);
        QCOMPARE(names(rules.at(0)).count(QStringLiteral("ct")), 1);
        QCOMPARE(rules.at(1).handle, 3u);
        QCOMPARE(names(rules.at(1)).count(QStringLiteral("ct")), 1);
        // iptables-nft: the conntrack match through nft_compat, no ct.
        QCOMPARE(nftFamilyName(rules.at(2).family), QStringLiteral("ip"));
        QCOMPARE(rules.at(2).table, QStringLiteral("filter"));
        QCOMPARE(rules.at(2).chain, QStringLiteral("INPUT"));
        QCOMPARE(rules.at(2).handle, 2u);
        QVERIFY2(names(rules.at(2)).contains(QStringLiteral("match:conntrack")),
                 qPrintable(names(rules.at(2)).join(u',')));
        QCOMPARE(names(rules.at(2)).count(QStringLiteral("ct")), 0);
    }

    // The net-* fixtures (capture-census-net.sh, 6.1): log rules, an
    // iptables-nft LOG rule and a CT --helper ftp rule (net-nft-ruleset.txt).
    void nftLoggersAndHelpers()
    {
        const QList<NftRule> rules = parseNftRules(fixture("net-nft-rules.nl"));
        QCOMPARE(rules.size(), 4);
        auto find = [](const NftRule &r, const QString &name) {
            for (const NftExpression &e : r.expressions) {
                if (e.name == name)
                    return e;
            }
            return NftExpression{};
        };
        // log prefix "x": syslog; log group 3: nfnetlink_log.
        QCOMPARE(nftFamilyName(rules.at(0).family), QStringLiteral("inet"));
        QCOMPARE(find(rules.at(0), QStringLiteral("log")).logType, 0);
        QCOMPARE(find(rules.at(1), QStringLiteral("log")).logType, 1);
        // iptables -j LOG: an xt target, not a log expression.
        QCOMPARE(nftFamilyName(rules.at(2).family), QStringLiteral("ip"));
        QCOMPARE(find(rules.at(2), QStringLiteral("target")).xtName, QStringLiteral("LOG"));
        QCOMPARE(find(rules.at(2), QStringLiteral("log")).name, QString());
        // iptables -t raw -j CT --helper ftp.
        QCOMPARE(rules.at(3).table, QStringLiteral("raw"));
        QCOMPARE(find(rules.at(3), QStringLiteral("target")).xtName, QStringLiteral("CT"));
        QCOMPARE(find(rules.at(3), QStringLiteral("target")).ctHelper, QStringLiteral("ftp"));
        for (const NftRule &r : rules) {
            for (const NftExpression &e : r.expressions) {
                if (e.name != QLatin1String("log"))
                    QCOMPARE(e.logType, -1);
            }
        }
    }

    void nftCtHelperObjects()
    {
        const QList<NftCtHelperObject> helpers = parseNftCtHelpers(fixture("net-nft-objects.nl"));
        QCOMPARE(helpers.size(), 1);
        QCOMPARE(nftFamilyName(helpers.at(0).family), QStringLiteral("inet"));
        QCOMPARE(helpers.at(0).table, QStringLiteral("h"));
        QCOMPARE(helpers.at(0).name, QStringLiteral("ftph"));
        QCOMPARE(helpers.at(0).helper, QStringLiteral("ftp"));
        QCOMPARE(helpers.at(0).l3proto, int(NFPROTO_INET));
        QCOMPARE(helpers.at(0).l4proto, int(IPPROTO_TCP));
        QVERIFY(parseNftCtHelpers(fixture("nft-rules.nl")).isEmpty());
        // The same object among all objects: its type holds nft_ct.
        const QList<NftObject> objects = parseNftObjects(fixture("net-nft-objects.nl"));
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects.at(0).type, int(NFT_OBJECT_CT_HELPER));
        QCOMPARE(objects.at(0).name, QStringLiteral("ftph"));
        QCOMPARE(nftObjectTypeName(objects.at(0).type), QStringLiteral("ct helper"));
        QVERIFY(nftObjectTypeName(NFT_OBJECT_TUNNEL).isEmpty());
    }

    // sock_diag with INET_DIAG_CONG (net-ss.txt is ss's view).
    void tcpDiag()
    {
        const QList<TcpDiagSocket> v4 = parseTcpDiag(fixture("net-sock-diag-tcp4.nl"));
        QCOMPARE(v4.size(), 3);
        QCOMPARE(v4.at(0).family, AF_INET);
        QCOMPARE(tcpStateName(v4.at(0).state), QStringLiteral("LISTEN"));
        QCOMPARE(v4.at(0).local, QStringLiteral("127.0.0.1:5555"));
        QCOMPARE(v4.at(0).inode, 1279u);
        for (const TcpDiagSocket &s : v4)
            QCOMPARE(s.congestion, QStringLiteral("htcp"));
        QCOMPARE(tcpStateName(v4.at(1).state), QStringLiteral("ESTAB"));
        QCOMPARE(v4.at(1).remote, QStringLiteral("127.0.0.1:42456"));
        const QList<TcpDiagSocket> v6 = parseTcpDiag(fixture("net-sock-diag-tcp6.nl"));
        QCOMPARE(v6.size(), 1);
        QCOMPARE(v6.at(0).local, QStringLiteral("[::1]:5556"));
        QCOMPARE(v6.at(0).congestion, QStringLiteral("htcp"));
        QVERIFY(parseTcpDiag(fixture("nft-rules.nl")).isEmpty());
    }

    void nftChains()
    {
        const QList<NftChain> chains = parseNftChains(fixture("nft-chains.nl"));
        QCOMPARE(chains.size(), 3);
        const auto nat = std::find_if(chains.cbegin(), chains.cend(), [](const NftChain &c) {
            return c.table == QLatin1String("censusnat");
        });
        QVERIFY(nat != chains.cend());
        QCOMPARE(nat->family, int(NFPROTO_IPV4));
        QCOMPARE(nat->name, QStringLiteral("post"));
        QCOMPARE(nat->type, QStringLiteral("nat"));
        for (const NftChain &c : chains) {
            if (c.table != QLatin1String("censusnat"))
                QCOMPARE(c.type, QStringLiteral("filter"));
        }
    }

    void procSwaps()
    {
        const QList<SwapArea> areas = parseProcSwaps(fixture("proc-swaps.txt"));
        QCOMPARE(areas.size(), 1);
        QCOMPARE(areas.at(0).path, QStringLiteral("/dev/loop0"));
        QCOMPARE(areas.at(0).type, QStringLiteral("partition"));
        // Paths are escaped as \ooo, as in mountinfo.
        const QList<SwapArea> spaced =
            parseProcSwaps("Filename Type Size Used Priority\n/tmp/my\\040swap file 1024 0 -2\n");
        QCOMPARE(spaced.at(0).path, QStringLiteral("/tmp/my swap"));
    }

    // Two opens up to 6.9, one exclusive open from 6.10 (measured on the
    // lab's 6.1 and 6.12).
    void swapReferencesByKernel()
    {
        QCOMPARE(swapPartitionRefs(QStringLiteral("6.1.0-57-amd64")), 2);
        QCOMPARE(swapPartitionRefs(QStringLiteral("6.9.12-amd64")), 2);
        QCOMPARE(swapPartitionRefs(QStringLiteral("6.10.1")), 1);
        QCOMPARE(swapPartitionRefs(QStringLiteral("6.12.118+deb12-amd64")), 1);
        QCOMPARE(swapPartitionRefs(QStringLiteral("7.0.0")), 1);
        QCOMPARE(swapPartitionRefs(QStringLiteral("5.10.0-30-amd64")), 2);
    }

    // One reference per trampoline up to 6.3, per program from 6.4
    // (measured on the lab's 6.1 and 6.12).
    void bpfReferencesByKernel()
    {
        QVERIFY(!bpfProgramsHoldModule(QStringLiteral("6.1.0-57-amd64")));
        QVERIFY(!bpfProgramsHoldModule(QStringLiteral("6.3.13")));
        QVERIFY(bpfProgramsHoldModule(QStringLiteral("6.4.0")));
        QVERIFY(bpfProgramsHoldModule(QStringLiteral("6.12.118+deb12-amd64")));
        QVERIFY(bpfProgramsHoldModule(QStringLiteral("7.1.0")));
    }

    // The block layer's fixtures (tests/fixtures/census/block, captured on
    // 6.1 by capture-block.sh; 6.12 wrote the same lines and layouts).
    void schedulerLines()
    {
        QCOMPARE(parseSchedulerLine(fixture("block/scheduler-bfq.txt")), QStringLiteral("bfq"));
        QCOMPARE(parseSchedulerLine(fixture("block/scheduler-kyber.txt")), QStringLiteral("kyber"));
        QCOMPARE(parseSchedulerLine(fixture("block/scheduler-none.txt")), QStringLiteral("none"));
        // A bio-based queue (device-mapper on 6.1) offers only "none".
        QCOMPARE(parseSchedulerLine("none\n"), QStringLiteral("none"));
        QCOMPARE(parseSchedulerLine(""), QString());
    }

    void nlsMounts()
    {
        const QList<NlsMount> mounts = parseNlsMounts(fixture("block/mountinfo-vfat.txt"));
        QCOMPARE(mounts.size(), 1);
        QCOMPARE(mounts.at(0).mountPoint, QStringLiteral("/tmp/m1"));
        QCOMPARE(mounts.at(0).type, QStringLiteral("vfat"));
        QCOMPARE(mounts.at(0).superblock, QStringLiteral("7:0|vfat"));
        QCOMPARE(mounts.at(0).options, (QStringList{QStringLiteral("codepage=850"),
                                                    QStringLiteral("iocharset=iso8859-1")}));
        QCOMPARE(mounts.at(0).tables,
                 (QStringList{QStringLiteral("nls_cp850"), QStringLiteral("nls_iso8859-1")}));
        // exfat's utf8 needs no table; an hfs codepage is a charset name.
        const QList<NlsMount> other = parseNlsMounts(
            "50 37 7:1 / /mnt/a rw - exfat /dev/loop1 rw,iocharset=utf8,errors=remount-ro\n"
            "51 37 7:2 / /mnt/b rw - hfs /dev/loop2 rw,codepage=macroman,iocharset=utf8\n");
        QCOMPARE(other.size(), 1);
        QCOMPARE(other.at(0).tables,
                 (QStringList{QStringLiteral("nls_macroman"), QStringLiteral("nls_utf8")}));
    }

    // An io_uring's fdinfo from 6.1 and 6.12 with three files registered
    // (their fds closed) and a buffer: the names only, the buffers not.
    void ioUringFdinfo()
    {
        for (const char *name :
             {"io_uring/fdinfo-6.1.0-57-amd64.txt", "io_uring/fdinfo-6.12.118+deb12-amd64.txt"}) {
            const QList<QByteArray> files = parseRingFiles(fixture(name));
            QCOMPARE(files, (QList<QByteArray>{"tun", "loop-control", "loop0"}));
        }
        QVERIFY(parseRingFiles("pos:\t0\nUserFiles:\t0\nUserBufs:\t0\n").isEmpty());
        QVERIFY(parseRingFiles("pos:\t0\n").isEmpty());
    }

    void mdPersonalities()
    {
        QCOMPARE(mdPersonalityAlias(QStringLiteral("raid1")), QStringLiteral("md-raid1"));
        QCOMPARE(mdPersonalityAlias(QStringLiteral("raid5")), QStringLiteral("md-raid5"));
        QCOMPARE(mdPersonalityAlias(QStringLiteral("linear")), QStringLiteral("md-linear"));
        QVERIFY(mdPersonalityAlias(QString()).isEmpty());
        QVERIFY(mdPersonalityAlias(QStringLiteral("container")).isEmpty());
    }

    void dmBuffers()
    {
        bool ok = false;
        const QList<DmDevice> devices =
            parseDmDeviceList(fixture("block/dm-list-devices.bin"), &ok);
        QVERIFY(ok);
        QStringList names;
        for (const DmDevice &d : devices) {
            names << d.name;
            QCOMPARE(d.dev >> 8 & 0xfff, 254u); // device-mapper's major here
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("censusdelay"), QStringLiteral("censusempty"),
                                     QStringLiteral("censuslin")}));

        const QList<DmTarget> lin =
            parseDmTargets(fixture("block/dm-table-status-censuslin.bin"), &ok);
        QVERIFY(ok);
        QCOMPARE(lin.size(), 2);
        QCOMPARE(lin.at(0).type, QStringLiteral("linear"));
        QCOMPARE(lin.at(0).start, 0u);
        QCOMPARE(lin.at(0).length, 65536u);
        QCOMPARE(lin.at(0).params, QStringLiteral("7:0 0"));
        QCOMPARE(lin.at(1).type, QStringLiteral("linear"));
        QCOMPARE(lin.at(1).start, 65536u);
        QCOMPARE(lin.at(1).params, QStringLiteral("7:0 65536"));
        const QList<DmTarget> delay =
            parseDmTargets(fixture("block/dm-table-status-censusdelay.bin"), &ok);
        QVERIFY(ok);
        QCOMPARE(delay.size(), 1);
        QCOMPARE(delay.at(0).type, QStringLiteral("delay"));
        QCOMPARE(delay.at(0).params, QStringLiteral("7:1 0 100"));
        QVERIFY(parseDmTargets(fixture("block/dm-table-status-censusempty.bin"), &ok).isEmpty());
        QVERIFY(ok);

        // Two targets on one device: the table opened it once.
        QCOMPARE(parseDmDeps(fixture("block/dm-table-deps-censuslin.bin"), &ok),
                 (QList<quint64>{0x700}));
        QVERIFY(ok);
        QCOMPARE(parseDmDeps(fixture("block/dm-table-deps-censusdelay.bin"), &ok),
                 (QList<quint64>{0x701}));
        QVERIFY(parseDmDeps(fixture("block/dm-table-deps-censusempty.bin"), &ok).isEmpty());
        QVERIFY(ok);
        // Cut short: nothing read past the end, and it says so.
        QVERIFY(
            parseDmTargets(fixture("block/dm-table-status-censuslin.bin").left(330), &ok).size() <
            2);
        QVERIFY(!ok);
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestCensusParse)
#include "tst_census_parse.moc"
