// SPDX-License-Identifier: GPL-3.0-or-later
// The explainer's accounting (sum of refs + unattributed == refcount, never
// more claimed than counted, exact holders replacing inferred ones), its
// verdicts for the module states, and the report's JSON round trip.
#include "holders/explainer.h"
#include "holders/holderreportjson.h"

#include <QtTest>

namespace refscope {

namespace {

Holder fileHolder(int pid, int fd, HolderSource source, int refs = 1)
{
    Holder h;
    h.kind = HolderKind::File;
    h.pid = pid;
    h.comm = QStringLiteral("sleep");
    h.fds = {fd};
    h.path = QStringLiteral("/dev/net/tun");
    h.refs = refs;
    h.source = source;
    h.rule = QStringLiteral("test");
    return h;
}

ExplainInput inputFor(int refcount, ModuleState state = ModuleState::Live)
{
    ExplainInput input;
    input.module = QStringLiteral("tun");
    input.snapshot.support = {true, true, true};
    ModuleInfo info;
    info.name = QStringLiteral("tun");
    info.refcount = refcount;
    info.state = state;
    input.snapshot.modules = {info};
    return input;
}

int accounted(const HolderReport &r)
{
    int sum = r.unattributed;
    for (const Holder &h : r.holders)
        sum += h.refs;
    return sum;
}

} // namespace

class TestHolderReport : public QObject {
    Q_OBJECT

private slots:
    void unattributedIsTheRemainder()
    {
        ExplainInput input = inputFor(4);
        input.inferred = {fileHolder(10, 3, HolderSource::Inferred),
                          fileHolder(11, 3, HolderSource::Inferred)};
        const HolderReport r = explainHolders(input);
        QCOMPARE(r.unattributed, 2);
        QCOMPARE(accounted(r), 4);
        QVERIFY(r.steps.first().startsWith(QStringLiteral("close fd 3 of pid 10 (sleep)")));
    }

    void inferredClaimsNeverExceedTheCount()
    {
        ExplainInput input = inputFor(1);
        input.inferred = {fileHolder(10, 3, HolderSource::Inferred),
                          fileHolder(11, 4, HolderSource::Inferred)};
        const HolderReport r = explainHolders(input);
        QCOMPARE(r.unattributed, 0);
        QCOMPARE(accounted(r), 1);
        QCOMPARE(r.holders.at(1).refs, 0);
        QVERIFY(r.verdict.contains(QStringLiteral("claimed 1 more than the count")));
    }

    void exactReplacesInferredForTheSameFd()
    {
        ExplainInput input = inputFor(2);
        input.inferred = {fileHolder(10, 3, HolderSource::Inferred),
                          fileHolder(12, 5, HolderSource::Inferred)};
        input.exactAvailable = true;
        input.exact = {fileHolder(10, 3, HolderSource::Exact, 2)};
        const HolderReport r = explainHolders(input);
        QCOMPARE(r.holders.size(), 2);
        QCOMPARE(r.holders.at(0).source, HolderSource::Exact);
        QCOMPARE(r.holders.at(1).pid, 12);
        QCOMPARE(r.holders.at(1).refs, 0); // the exact 2 already fill the count
        QCOMPARE(accounted(r), 2);
    }

    void moduleUsersAreHolders()
    {
        ExplainInput input = inputFor(1);
        input.snapshot.modules.first().holders = {QStringLiteral("tap_user")};
        const HolderReport r = explainHolders(input);
        QCOMPARE(r.holders.size(), 1);
        QCOMPARE(r.holders.first().kind, HolderKind::Module);
        QCOMPARE(r.unattributed, 0);
        QCOMPARE(r.steps, QStringList{QStringLiteral("unload user module tap_user first (rmmod "
                                                     "tap_user)")});
    }

    void verdictsForStates()
    {
        QVERIFY(explainHolders(inputFor(0)).verdict.startsWith(QStringLiteral("Nothing holds")));
        QVERIFY(explainHolders(inputFor(1, ModuleState::Coming))
                    .verdict.contains(QStringLiteral("coming")));
        ExplainInput permanent = inputFor(0);
        permanent.snapshot.modules.first().permanent = true;
        QVERIFY(explainHolders(permanent).verdict.contains(QStringLiteral("permanent")));
        ExplainInput noUnload = inputFor(0);
        noUnload.snapshot.support.unloadable = false;
        QVERIFY(explainHolders(noUnload).verdict.contains(QStringLiteral("CONFIG_MODULE_UNLOAD")));
        ExplainInput builtin = inputFor(0);
        builtin.module = QStringLiteral("ext4");
        builtin.snapshot.builtin = {{QStringLiteral("ext4"), QString()}};
        QVERIFY(explainHolders(builtin).verdict.contains(QStringLiteral("built into")));
    }

    void suspectKernelThreadsNamedAfterTheModule()
    {
        ExplainInput input = inputFor(1);
        input.module = QStringLiteral("tun");
        input.kernelThreads = {{42, QStringLiteral("tun/812")}, {43, QStringLiteral("kworker/0")}};
        const HolderReport r = explainHolders(input);
        QCOMPARE(r.unattributed, 1);
        QVERIFY(r.steps.join(u'\n').contains(QStringLiteral("tun/812 (pid 42)")));
        QVERIFY(!r.steps.join(u'\n').contains(QStringLiteral("kworker")));
    }

    void unattributedPointsAtTheRecordingsCallSites()
    {
        ExplainInput input = inputFor(2);
        input.outstandingCallSites = {QStringLiteral("leaky_ref_write+0x1c [leaky_ref]")};
        const HolderReport r = explainHolders(input);
        QCOMPARE(r.unattributed, 2);
        QVERIFY(r.steps.contains(QStringLiteral("see the outstanding gets at call "
                                                "site leaky_ref_write+0x1c [leaky_ref] in the "
                                                "timeline")));
        QVERIFY(!r.steps.join(u'\n').contains(QStringLiteral("record tun's")));
    }

    void jsonRoundTrip()
    {
        ExplainInput input = inputFor(3);
        Holder forked = fileHolder(10, 3, HolderSource::Inferred);
        forked.sharedWith = {11, 12};
        Holder mount;
        mount.kind = HolderKind::Mount;
        mount.path = QStringLiteral("/mnt");
        input.inferred = {forked, mount};
        const HolderReport report = explainHolders(input);
        const QJsonObject json = holderReportToJson(report);
        QCOMPARE(json.value(QLatin1String("holders"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("pid")),
                 QJsonValue(QJsonValue::Null));
        HolderReport back;
        QString error;
        QVERIFY2(holderReportFromJson(json, &back, &error), qPrintable(error));
        QCOMPARE(back, report);
    }

    void badJsonIsRefused()
    {
        HolderReport report;
        QString error;
        QVERIFY(!holderReportFromJson(QJsonObject{{QStringLiteral("module"), 1}}, &report, &error));
        QVERIFY(!error.isEmpty());
        QJsonObject json = holderReportToJson(explainHolders(inputFor(1)));
        json.insert(QStringLiteral("holders"),
                    QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("pipe")}}});
        QVERIFY(!holderReportFromJson(json, &report, &error));
        QVERIFY(error.contains(QStringLiteral("pipe")));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestHolderReport)
#include "tst_holder_report.moc"
