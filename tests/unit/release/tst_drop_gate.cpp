// SPDX-License-Identifier: GPL-3.0-or-later
// Whose reference a get is (the call-site classifier), on the symbols real
// recordings hold, and the gate in front of "drop leaked references": every
// way it refuses, the one way it allows, and the driver's own get in open()
// becoming its file's reference instead of a leak.
#include "events/eventstore.h"
#include "holders/callsiteclass.h"
#include "holders/explainer.h"
#include "holders/holderreportjson.h"
#include "recording/recording.h"
#include "release/dropgate.h"
#include "release/releasejson.h"
#include "release/releasesteptext.h"

#include <QtTest>

namespace refscope {

namespace {

QString tracePath(const char *name)
{
    return QStringLiteral(REFSCOPE_TRACES_DIR "/") + QLatin1String(name);
}

// The report a module with `refcount` references and these holders gets.
HolderReport reportFor(const QString &module, int refcount, const QList<Holder> &inferred = {},
                       const QList<OutstandingGet> &gets = {})
{
    ExplainInput input;
    input.module = module;
    input.snapshot.support = {true, true, true};
    ModuleInfo info;
    info.name = module;
    info.refcount = refcount;
    info.state = ModuleState::Live;
    input.snapshot.modules = {info};
    input.inferred = inferred;
    input.outstandingGets = gets;
    return explainHolders(input);
}

OutstandingGet get(const QString &site, int pid = 500, const QString &comm = QStringLiteral("sh"))
{
    return {site, pid, comm, 0};
}

LeakEvidence evidenceOf(const QList<OutstandingGet> &gets, int recordedCount)
{
    LeakEvidence e;
    e.recording = QStringLiteral("leak.rscope");
    e.moduleRecorded = true;
    e.recordedCount = recordedCount;
    e.gets = gets;
    return e;
}

Holder openFile(int pid, const QString &path)
{
    Holder h;
    h.kind = HolderKind::File;
    h.pid = pid;
    h.comm = QStringLiteral("cat");
    h.fds = {3};
    h.path = path;
    h.source = HolderSource::Exact;
    return h;
}

} // namespace

class TestDropGate : public QObject {
    Q_OBJECT

private slots:
    // Labels as the lab's 6.1 kernel writes them: live capture and sessions
    // carry "[module]", trace.dat does not. With offsets: seen in the lab's
    // recordings (tst_drop_gate_guest, tests/data/traces); without: the
    // 6.1 functions that take those references, by name.
    void classifiesRealSymbols_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("inOpen");
        // The module's own gets.
        QTest::newRow("leaky_ref write, session") << "leaky_ref_write+0x35 [leaky_ref]"
                                                  << "leaky_ref"
                                                  << "self"
                                                  << "" << false;
        QTest::newRow("leaky_ref write, trace.dat") << "leaky_ref_write+0x35"
                                                    << "leaky_ref"
                                                    << "self"
                                                    << "" << false;
        QTest::newRow("count_demo open") << "count_demo_open+0x4b [count_demo]"
                                         << "count_demo"
                                         << "self"
                                         << "" << true;
        QTest::newRow("size suffix, dashed name") << "count_demo_open+0x4b/0x90 [count_demo]"
                                                  << "count-demo"
                                                  << "self"
                                                  << "" << true;
        // Subsystems that keep what they took.
        QTest::newRow("qdisc") << "qdisc_lookup_ops+0x4f"
                               << "sch_sfq"
                               << "subsystem"
                               << "qdisc" << false;
        QTest::newRow("qdisc creation") << "qdisc_create"
                                        << "sch_sfq"
                                        << "subsystem"
                                        << "qdisc" << false;
        QTest::newRow("tc action") << "tcf_action_init_1"
                                   << "act_gact"
                                   << "subsystem"
                                   << "tc action" << false;
        QTest::newRow("tc filter") << "tcf_proto_lookup_ops"
                                   << "cls_u32"
                                   << "subsystem"
                                   << "tc filter" << false;
        QTest::newRow("iptables match") << "xt_request_find_match [x_tables]"
                                        << "xt_comment"
                                        << "subsystem"
                                        << "netfilter" << false;
        QTest::newRow("nft expression") << "nft_expr_type_get [nf_tables]"
                                        << "nft_ct"
                                        << "subsystem"
                                        << "netfilter" << false;
        QTest::newRow("conntrack helper") << "nf_ct_helper_ext_add [nf_conntrack]"
                                          << "nf_conntrack_ftp"
                                          << "subsystem"
                                          << "netfilter" << false;
        QTest::newRow("crypto lookup") << "crypto_alg_mod_lookup"
                                       << "sha256_generic"
                                       << "subsystem"
                                       << "crypto" << false;
        QTest::newRow("crypto get") << "crypto_mod_get"
                                    << "cbc"
                                    << "subsystem"
                                    << "crypto" << false;
        QTest::newRow("AF_ALG bind") << "alg_bind [af_alg]"
                                     << "algif_hash"
                                     << "subsystem"
                                     << "crypto" << false;
        QTest::newRow("BPF trampoline") << "bpf_trampoline_link_prog"
                                        << "testmod"
                                        << "subsystem"
                                        << "bpf" << false;
        QTest::newRow("BTF module") << "btf_try_get_module"
                                    << "testmod"
                                    << "subsystem"
                                    << "bpf" << false;
        QTest::newRow("BPF verifier") << "bpf_check_attach_target"
                                      << "testmod"
                                      << "subsystem"
                                      << "bpf" << false;
        QTest::newRow("swap on loop") << "blkdev_get_by_dev.part.0"
                                      << "loop"
                                      << "subsystem"
                                      << "block device" << false;
        QTest::newRow("file open") << "do_dentry_open"
                                   << "ext4"
                                   << "subsystem"
                                   << "file" << false;
        QTest::newRow("char device") << "chrdev_open"
                                     << "snd"
                                     << "subsystem"
                                     << "file" << false;
        QTest::newRow("misc device") << "misc_open+0x70"
                                     << "count_demo"
                                     << "subsystem"
                                     << "file" << false;
        QTest::newRow("socket family") << "__sock_create"
                                       << "af_packet"
                                       << "subsystem"
                                       << "socket" << false;
        QTest::newRow("socket protocol") << "sk_prot_alloc+0xcf"
                                         << "tun"
                                         << "subsystem"
                                         << "socket" << false;
        QTest::newRow("netlink") << "netlink_create"
                                 << "stuck_netlink"
                                 << "subsystem"
                                 << "socket" << false;
        QTest::newRow("mount") << "get_fs_type"
                               << "fuse"
                               << "subsystem"
                               << "mount" << false;
        QTest::newRow("symbol user") << "resolve_symbol"
                                     << "export_provider"
                                     << "subsystem"
                                     << "module" << false;
        // The module's own open (tun opens its file itself).
        QTest::newRow("tun's own file") << "tun_chr_open+0x28 [tun]"
                                        << "tun"
                                        << "self"
                                        << "" << true;
        // Nobody RefScope knows: never dropped.
        QTest::newRow("another module") << "foo_attach [foo]"
                                        << "leaky_ref"
                                        << "unknown"
                                        << "" << false;
        QTest::newRow("bare address") << "0xffffffffc0a01000"
                                      << "leaky_ref"
                                      << "unknown"
                                      << "" << false;
        QTest::newRow("kernel function") << "some_kernel_function"
                                         << "leaky_ref"
                                         << "unknown"
                                         << "" << false;
    }

    void classifiesRealSymbols()
    {
        QFETCH(QString, label);
        QFETCH(QString, module);
        QFETCH(QString, owner);
        QFETCH(QString, kind);
        QFETCH(bool, inOpen);
        const CallSiteClass site = classifyCallSite(label, module);
        QCOMPARE(callSiteOwnerName(site.owner), owner);
        QCOMPARE(site.holderKind, kind);
        QCOMPARE(site.inOpen, inOpen);
    }

    // Every get in the real recordings (loop-control, tun, fuse opened and
    // closed) was taken for a file or a socket: none is leak-prone.
    void realRecordingsHoldNoSelfGets()
    {
        QString error;
        const std::shared_ptr<EventStore> store =
            openRecording(tracePath("three-modules-1.6M.dat"), &error);
        QVERIFY2(store, qPrintable(error));
        QSet<QString> labels;
        for (const QString &module :
             {QStringLiteral("loop"), QStringLiteral("tun"), QStringLiteral("fuse")}) {
            const int id = store->findModule(module);
            QVERIFY(id >= 0);
            // A window that ends while some files are still open.
            const qint64 from = store->timestampNs(0);
            const qint64 to = store->timestampNs(3001);
            const OutstandingRefs refs = computeOutstandingRefs(*store, id, from, to);
            for (const OutstandingGroup &group : refs.byCallSite) {
                if (group.gets == 0)
                    continue;
                labels << group.label;
                const CallSiteClass site = classifyCallSite(group.label, module);
                QVERIFY2(site.owner == CallSiteOwner::Subsystem,
                         qPrintable(group.label + QStringLiteral(" in ") + module));
                QVERIFY2(site.holderKind == QLatin1String("file") ||
                             site.holderKind == QLatin1String("socket"),
                         qPrintable(group.label + u' ' + site.holderKind));
            }
        }
        qInfo() << "call sites" << labels;
        QVERIFY(labels.size() >= 2);
    }

    void evidenceFromARealRecording()
    {
        LeakEvidence evidence;
        QString error;
        QVERIFY2(leakEvidenceFromFile(tracePath("loop-with-stacks.dat"), QStringLiteral("loop"),
                                      &evidence, &error),
                 qPrintable(error));
        QVERIFY(evidence.moduleRecorded);
        QCOMPARE(evidence.recording, QStringLiteral("loop-with-stacks.dat"));
        QVERIFY(evidence.recordedCount >= 0);
        // Every open was closed: nothing outstanding, nothing provable.
        QVERIFY(evidence.gets.isEmpty());
        QVERIFY(!leakEvidenceFromFile(tracePath("missing.dat"), QStringLiteral("loop"), &evidence,
                                      &error));
    }

    void refusesWithoutARecording()
    {
        const HolderReport report = reportFor(QStringLiteral("leaky_ref"), 1);
        QCOMPARE(report.unattributed, 1);
        const DropDecision d = decideDrop(report, std::nullopt);
        QVERIFY(!d.allowed);
        QCOMPARE(d.refusal, StepCode::NoRecording);
        QCOMPARE(d.args.size(), stepCodeArgumentCount(StepCode::NoRecording));
        ReleaseStep step;
        step.code = d.refusal;
        step.args = d.args;
        step.target = report.module;
        const QString text = releaseStepText(step);
        QVERIFY2(text.contains(
                     QStringLiteral("refscope-cli record -o FILE --modules leaky_ref -- COMMAND")),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("looks leaked")));
    }

    void refusesWhenNothingIsUnattributed()
    {
        const HolderReport report =
            reportFor(QStringLiteral("count_demo"), 1, {openFile(7, QStringLiteral("/dev/x"))});
        const DropDecision d = decideDrop(report, evidenceOf({}, 1));
        QVERIFY(!d.allowed);
        QCOMPARE(d.refusal, StepCode::NothingToDrop);
    }

    void refusesWhileKindsAreUnchecked()
    {
        HolderReport report = reportFor(QStringLiteral("leaky_ref"), 1);
        report.uncheckedKinds = {QStringLiteral("netfilter"), QStringLiteral("qdisc")};
        const DropDecision d = decideDrop(
            report, evidenceOf({get(QStringLiteral("leaky_ref_write+0x35 [leaky_ref]"))}, 1));
        QVERIFY(!d.allowed);
        QCOMPARE(d.refusal, StepCode::KindsUnchecked);
        QCOMPARE(d.args, (QStringList{QStringLiteral("1"), QStringLiteral("netfilter, qdisc")}));
    }

    void refusesARecordingWithoutTheModule()
    {
        LeakEvidence e = evidenceOf({}, 1);
        e.moduleRecorded = false;
        const DropDecision d = decideDrop(reportFor(QStringLiteral("leaky_ref"), 1), e);
        QCOMPARE(d.refusal, StepCode::RecordingLacksModule);
        QVERIFY(!d.allowed);
    }

    void refusesARecordingThatLostEvents()
    {
        LeakEvidence e = evidenceOf({get(QStringLiteral("leaky_ref_write+0x35 [leaky_ref]"))}, 1);
        e.lostEvents = 12;
        const DropDecision d = decideDrop(reportFor(QStringLiteral("leaky_ref"), 1), e);
        QCOMPARE(d.refusal, StepCode::RecordingLostEvents);
        QCOMPARE(d.args.at(1), QStringLiteral("12"));
    }

    void refusesAStaleRecording()
    {
        // Recorded with count 1; something took a second reference since.
        const DropDecision d =
            decideDrop(reportFor(QStringLiteral("leaky_ref"), 2),
                       evidenceOf({get(QStringLiteral("leaky_ref_write+0x35 [leaky_ref]"))}, 1));
        QCOMPARE(d.refusal, StepCode::RecordingStale);
        QCOMPARE(d.args, (QStringList{QStringLiteral("leak.rscope"), QStringLiteral("1"),
                                      QStringLiteral("2")}));
        LeakEvidence unloaded = evidenceOf({}, -1);
        QCOMPARE(decideDrop(reportFor(QStringLiteral("leaky_ref"), 1), unloaded).refusal,
                 StepCode::RecordingStale);
    }

    // The lab's crash: a qdisc's reference, unattributed because RefScope
    // could not see the qdisc, is never dropped, recording or not.
    void refusesAReferenceASubsystemKeeps()
    {
        const HolderReport report = reportFor(QStringLiteral("sch_sfq"), 1);
        const DropDecision d = decideDrop(
            report,
            evidenceOf({get(QStringLiteral("qdisc_lookup_ops+0x4f"), 300, QStringLiteral("tc"))},
                       1));
        QVERIFY(!d.allowed);
        QCOMPARE(d.refusal, StepCode::NotProvenLeaked);
        QCOMPARE(d.proven, 0);
        QVERIFY2(d.args.at(2).contains(QStringLiteral("qdisc_lookup_ops+0x4f (qdisc)")),
                 qPrintable(d.args.at(2)));
    }

    void refusesWhenOnlySomeAreProven()
    {
        const DropDecision d =
            decideDrop(reportFor(QStringLiteral("leaky_ref"), 2),
                       evidenceOf({get(QStringLiteral("leaky_ref_write+0x35 [leaky_ref]")),
                                   get(QStringLiteral("mystery_get+0x10 [other]"))},
                                  2));
        QCOMPARE(d.refusal, StepCode::NotProvenLeaked);
        QCOMPARE(d.proven, 1);
        QVERIFY(d.args.at(2).contains(QStringLiteral("unknown")));
    }

    void refusesGetsFromBeforeTheRecording()
    {
        // Two references, one get in the recording: the other is unknown.
        const DropDecision d =
            decideDrop(reportFor(QStringLiteral("leaky_ref"), 2),
                       evidenceOf({get(QStringLiteral("leaky_ref_write+0x35 [leaky_ref]"))}, 2));
        QCOMPARE(d.refusal, StepCode::NotProvenLeaked);
        QCOMPARE(d.args.at(2), QStringLiteral("none in the recording"));
    }

    void allowsAProvenSelfLeak()
    {
        const QList<OutstandingGet> gets = {
            get(QStringLiteral("leaky_ref_write+0x35 [leaky_ref]")),
            get(QStringLiteral("leaky_ref_write+0x35 [leaky_ref]"))};
        const HolderReport report = reportFor(QStringLiteral("leaky_ref"), 2, {}, gets);
        const DropDecision d = decideDrop(report, evidenceOf(gets, 2));
        QVERIFY(d.allowed);
        QCOMPARE(d.drop, 2);
        QCOMPARE(d.proven, 2);
        // The steps call it leak-prone, never "looks leaked" without evidence.
        const QString steps = report.steps.join(u'\n');
        QVERIFY2(steps.contains(QStringLiteral("2 get(s) never put back at leaky_ref_write+0x35 "
                                               "[leaky_ref]: the module took a reference on "
                                               "itself with no holder behind it: leak-prone")),
                 qPrintable(steps));
    }

    // count_demo: the file's owner reference plus the driver's own get in
    // open(), by the task that holds the file: two references of one holder.
    void driversGetInOpenBelongsToItsFile()
    {
        const QList<OutstandingGet> gets = {
            get(QStringLiteral("misc_open+0x70"), 812, QStringLiteral("cat")),
            get(QStringLiteral("count_demo_open+0x4b [count_demo]"), 812, QStringLiteral("cat"))};
        const HolderReport report =
            reportFor(QStringLiteral("count_demo"), 2,
                      {openFile(812, QStringLiteral("/dev/count_demo"))}, gets);
        QCOMPARE(report.holders.size(), 1);
        QCOMPARE(report.holders.first().refs, 2);
        QCOMPARE(report.unattributed, 0);
        QVERIFY2(
            report.holders.first().rule.contains(QStringLiteral("the driver's own get in open")),
            qPrintable(report.holders.first().rule));
        QCOMPARE(decideDrop(report, evidenceOf(gets, 2)).refusal, StepCode::NothingToDrop);

        // The same get by a task that holds no file is a leak.
        const QList<OutstandingGet> orphan = {
            get(QStringLiteral("count_demo_open+0x4b [count_demo]"), 900, QStringLiteral("sh"))};
        const HolderReport leaked = reportFor(QStringLiteral("count_demo"), 1, {}, orphan);
        QCOMPARE(leaked.unattributed, 1);
        QVERIFY(decideDrop(leaked, evidenceOf(orphan, 1)).allowed);
    }

    void evidenceTravelsAsJson()
    {
        LeakEvidence e = evidenceOf({get(QStringLiteral("leaky_ref_write+0x35 [leaky_ref]"))}, 1);
        ReleaseRequest request;
        request.module = QStringLiteral("leaky_ref");
        request.confirmedRefcount = 1;
        request.confirmedUnattributed = 1;
        request.lastResort = LastResort::DropLeaked;
        request.evidence = e;
        ReleaseRequest back;
        QString error;
        QVERIFY2(releaseRequestFromJson(releaseRequestToJson(request), &back, &error),
                 qPrintable(error));
        QCOMPARE(back, request);
        // Without evidence the request still reads; the agent then refuses.
        request.evidence.reset();
        QVERIFY(releaseRequestFromJson(releaseRequestToJson(request), &back, &error));
        QVERIFY(!back.evidence);
        // Clients from before "unattributed".
        QJsonObject old = releaseRequestToJson(request);
        old.insert(QStringLiteral("confirmed_unexplained"),
                   old.take(QStringLiteral("confirmed_unattributed")));
        QVERIFY2(releaseRequestFromJson(old, &back, &error), qPrintable(error));
        QCOMPARE(back.confirmedUnattributed, 1);
    }

    void oldReportsStillRead()
    {
        QJsonObject json = holderReportToJson(reportFor(QStringLiteral("leaky_ref"), 1));
        QCOMPARE(json.value(QLatin1String("unattributed")).toInt(), 1);
        json.insert(QStringLiteral("unexplained"), json.take(QStringLiteral("unattributed")));
        json.remove(QStringLiteral("unchecked_kinds"));
        HolderReport back;
        QString error;
        QVERIFY2(holderReportFromJson(json, &back, &error), qPrintable(error));
        QCOMPARE(back.unattributed, 1);
        ReleaseStep step;
        QVERIFY(releaseStepFromJson(
            QJsonObject{
                {QStringLiteral("kind"), QStringLiteral("drop_leaked")},
                {QStringLiteral("outcome"), QStringLiteral("refused")},
                {QStringLiteral("target"), QStringLiteral("leaky_ref")},
                {QStringLiteral("code"), QStringLiteral("unexplained_changed")},
                {QStringLiteral("args"), QJsonArray{QStringLiteral("2"), QStringLiteral("1")}},
                {QStringLiteral("refcount_after"), 2}},
            &step, &error));
        QCOMPARE(step.code, StepCode::UnattributedChanged);
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestDropGate)
#include "tst_drop_gate.moc"
