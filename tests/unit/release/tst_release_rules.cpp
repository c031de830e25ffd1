// SPDX-License-Identifier: GPL-3.0-or-later
// The release rule (release/releaserules.h) that the GUI, the CLI and the
// agent share: every kind of holder, in each shape the holder scan and the
// helper module give it, against every action; then the lists built from it
// and the holders the lab guest's agent reported.
#include "holders/holderreportjson.h"
#include "release/releaserules.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(refscope::Holder)
Q_DECLARE_METATYPE(refscope::ClearAction)
Q_DECLARE_METATYPE(refscope::ClearBlock)

namespace refscope {

namespace {

constexpr ClearAction kAllActions[] = {ClearAction::CloseFds, ClearAction::Terminate,
                                       ClearAction::Umount, ClearAction::UnloadModule};

Holder holder(HolderKind kind, int pid, const QList<int> &fds, const QString &path)
{
    Holder h;
    h.kind = kind;
    h.pid = pid;
    h.comm = pid > 0 ? QStringLiteral("cat") : QString();
    h.fds = fds;
    h.path = path;
    return h;
}

// One shape of holder and what each action gets: the block, in the order
// of kAllActions, and the pid a ProtectedProcess names.
struct Case {
    const char *name;
    Holder holder;
    ClearBlock closeFds, terminate, umount, unloadModule;
    int protectedPid = -1;
};

QList<Case> cases()
{
    using B = ClearBlock;
    const QString dev = QStringLiteral("/dev/count_demo");
    Holder ownThread = holder(HolderKind::Socket, -1, {}, QStringLiteral("NETLINK 30"));
    ownThread.ownThread = true;
    Holder sharedWithInit = holder(HolderKind::File, 900, {3}, dev);
    sharedWithInit.sharedWith = {901, 1};
    Holder forked = holder(HolderKind::File, 900, {3, 5}, dev);
    forked.sharedWith = {901, 902};
    return {
        {"file of a process", holder(HolderKind::File, 812, {3}, dev), B::None, B::None,
         B::WrongKind, B::WrongKind},
        {"file of forked processes", forked, B::None, B::None, B::WrongKind, B::WrongKind},
        {"file only mapped", holder(HolderKind::File, 812, {}, dev), B::NoFds, B::None,
         B::WrongKind, B::WrongKind},
        {"socket of a process", holder(HolderKind::Socket, 812, {4}, QStringLiteral("tun")),
         B::None, B::None, B::WrongKind, B::WrongKind},
        {"file no process has", holder(HolderKind::File, -1, {}, dev), B::NoProcess, B::NoProcess,
         B::WrongKind, B::WrongKind},
        {"socket the module's thread keeps", ownThread, B::OwnThread, B::OwnThread, B::WrongKind,
         B::WrongKind},
        {"file of init", holder(HolderKind::File, 1, {3}, dev), B::ProtectedProcess,
         B::ProtectedProcess, B::WrongKind, B::WrongKind, 1},
        {"file shared with init", sharedWithInit, B::ProtectedProcess, B::ProtectedProcess,
         B::WrongKind, B::WrongKind, 1},
        {"file of pid 0", holder(HolderKind::File, 0, {3}, dev), B::NoProcess, B::NoProcess,
         B::WrongKind, B::WrongKind},
        {"kernel thread with an fd", holder(HolderKind::Kthread, 97, {3}, dev), B::KernelThread,
         B::KernelThread, B::WrongKind, B::WrongKind},
        {"kernel thread without fds", holder(HolderKind::Kthread, 97, {}, dev), B::KernelThread,
         B::KernelThread, B::WrongKind, B::WrongKind},
        {"mount", holder(HolderKind::Mount, -1, {}, QStringLiteral("/tmp/binfmt")), B::WrongKind,
         B::WrongKind, B::None, B::WrongKind},
        {"module", holder(HolderKind::Module, -1, {}, QStringLiteral("export_consumer")),
         B::WrongKind, B::WrongKind, B::WrongKind, B::None},
        {"file without a path", holder(HolderKind::File, 812, {3}, {}), B::NoTarget, B::NoTarget,
         B::NoTarget, B::NoTarget},
        {"mount without a path", holder(HolderKind::Mount, -1, {}, {}), B::NoTarget, B::NoTarget,
         B::NoTarget, B::NoTarget},
        {"module without a name", holder(HolderKind::Module, -1, {}, {}), B::NoTarget, B::NoTarget,
         B::NoTarget, B::NoTarget},
        // The census's kernel objects: the user removes them with the undo
        // step (tc, nft, swapoff, ...); no action of RefScope's clears them.
        {"qdisc", holder(HolderKind::TrafficControl, -1, {}, QStringLiteral("qdisc sfq dev lo")),
         B::KernelObject, B::KernelObject, B::WrongKind, B::WrongKind},
        {"nftables rule",
         holder(HolderKind::Netfilter, -1, {}, QStringLiteral("inet t c handle 4")),
         B::KernelObject, B::KernelObject, B::WrongKind, B::WrongKind},
        {"swap area", holder(HolderKind::Swap, -1, {}, QStringLiteral("/dev/loop0")),
         B::KernelObject, B::KernelObject, B::WrongKind, B::WrongKind},
        {"crypto transform", holder(HolderKind::Crypto, 812, {5}, QStringLiteral("sha3-256")),
         B::KernelObject, B::KernelObject, B::WrongKind, B::WrongKind},
        {"BPF link", holder(HolderKind::Bpf, 812, {}, QStringLiteral("sha3_generic")),
         B::KernelObject, B::KernelObject, B::WrongKind, B::WrongKind},
    };
}

ClearBlock expected(const Case &c, ClearAction action)
{
    switch (action) {
    case ClearAction::CloseFds:
        return c.closeFds;
    case ClearAction::Terminate:
        return c.terminate;
    case ClearAction::Umount:
        return c.umount;
    case ClearAction::UnloadModule:
        return c.unloadModule;
    }
    return ClearBlock::None;
}

HolderReport guestReport(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    HolderReport report;
    QString error;
    if (!holderReportFromJson(QJsonDocument::fromJson(file.readAll()).object(), &report, &error))
        qFatal("%s: %s", qPrintable(path), qPrintable(error));
    return report;
}

} // namespace

class TestReleaseRules : public QObject {
    Q_OBJECT
private slots:
    void everyKindAgainstEveryAction_data();
    void everyKindAgainstEveryAction();
    void allowedActionsGentlestFirst_data();
    void allowedActionsGentlestFirst();
    void clearListTakesWhatHoldsAndCanBeCleared();
    void guestHolders();
};

void TestReleaseRules::everyKindAgainstEveryAction_data()
{
    QTest::addColumn<Holder>("holder");
    QTest::addColumn<ClearAction>("action");
    QTest::addColumn<ClearBlock>("block");
    QTest::addColumn<int>("pid");
    for (const Case &c : cases()) {
        for (const ClearAction action : kAllActions) {
            const ClearBlock block = expected(c, action);
            QTest::addRow("%s, %s", c.name, qPrintable(clearActionName(action)))
                << c.holder << action << block
                << (block == ClearBlock::ProtectedProcess ? c.protectedPid : -1);
        }
    }
}

void TestReleaseRules::everyKindAgainstEveryAction()
{
    QFETCH(Holder, holder);
    QFETCH(ClearAction, action);
    QFETCH(ClearBlock, block);
    QFETCH(int, pid);
    const std::optional<ClearRefusal> refusal = refusalReason(holder, action);
    QCOMPARE(refusal ? refusal->block : ClearBlock::None, block);
    if (refusal)
        QCOMPARE(refusal->pid, pid);
    QCOMPARE(isAllowed(holder, action), block == ClearBlock::None);
    QCOMPARE(allowedActions(holder).contains(action), block == ClearBlock::None);
}

void TestReleaseRules::allowedActionsGentlestFirst_data()
{
    QTest::addColumn<Holder>("holder");
    QTest::addColumn<QList<ClearAction>>("actions");
    QTest::addColumn<ClearBlock>("whyNot");
    for (const Case &c : cases()) {
        QList<ClearAction> actions;
        for (const ClearAction action : kAllActions) {
            if (expected(c, action) == ClearBlock::None)
                actions << action;
        }
        // Nothing clears it: what stops the process actions says why.
        const ClearBlock whyNot = actions.isEmpty() ? c.terminate : ClearBlock::None;
        QTest::newRow(c.name) << c.holder << actions << whyNot;
    }
}

void TestReleaseRules::allowedActionsGentlestFirst()
{
    QFETCH(Holder, holder);
    QFETCH(QList<ClearAction>, actions);
    QFETCH(ClearBlock, whyNot);
    QCOMPARE(allowedActions(holder), actions);
    const std::optional<ClearAction> gentlest = defaultAction(holder);
    QCOMPARE(gentlest.has_value(), !actions.isEmpty());
    if (gentlest)
        QCOMPARE(*gentlest, actions.first());
    QCOMPARE(whyNotClearable(holder), whyNot);
}

void TestReleaseRules::clearListTakesWhatHoldsAndCanBeCleared()
{
    const QString dev = QStringLiteral("/dev/count_demo");
    HolderReport report;
    report.module = QStringLiteral("count_demo");
    report.holders = {
        holder(HolderKind::File, 812, {3}, dev),
        holder(HolderKind::File, 813, {}, dev),
        holder(HolderKind::Kthread, 97, {3}, dev),
        holder(HolderKind::File, 814, {3}, dev),
        holder(HolderKind::Mount, -1, {}, QStringLiteral("/mnt/a")),
        holder(HolderKind::Mount, -1, {}, QStringLiteral("/mnt/b")),
        holder(HolderKind::Module, -1, {}, QStringLiteral("export_consumer")),
        holder(HolderKind::File, 1, {3}, dev),
    };
    report.holders[3].refs = 0; // a claim the count could not hold: trimmed
    report.holders[5].refs = 0; // the same superblock again: still mounted
    const QList<HolderToClear> clear = defaultClearList(report);
    const QList<HolderToClear> want = {
        {report.holders.at(0), ClearAction::CloseFds},
        {report.holders.at(1), ClearAction::Terminate},
        {report.holders.at(4), ClearAction::Umount},
        {report.holders.at(5), ClearAction::Umount},
        {report.holders.at(6), ClearAction::UnloadModule},
    };
    QCOMPARE(clear, want);
    QVERIFY(needsClearing(report.holders.at(5)));
    QVERIFY(!needsClearing(report.holders.at(3)));
}

// What the lab guest's agent reported (tests/gui/*/fixtures): each gets the
// action the GUI offers first and the CLI's --close-holders takes.
void TestReleaseRules::guestHolders()
{
    const QString root = QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/gui/");
    const HolderReport opened = guestReport(root + "release/fixtures/count-demo.why.json");
    QCOMPARE(opened.holders.size(), 1);
    QCOMPARE(allowedActions(opened.holders.first()),
             (QList<ClearAction>{ClearAction::CloseFds, ClearAction::Terminate}));
    const HolderReport forked = guestReport(root + "holders/fixtures/holders-count_demo.json");
    QCOMPARE(forked.holders.size(), 1);
    QVERIFY(!forked.holders.first().sharedWith.isEmpty());
    QCOMPARE(defaultAction(forked.holders.first()), ClearAction::CloseFds);
    const HolderReport module = guestReport(root + "release/fixtures/export-provider.why.json");
    QCOMPARE(defaultClearList(module),
             (QList<HolderToClear>{{module.holders.first(), ClearAction::UnloadModule}}));
    const HolderReport leaked = guestReport(root + "release/fixtures/leaky-ref.why.json");
    QVERIFY(defaultClearList(leaked).isEmpty());
}

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestReleaseRules)
#include "tst_release_rules.moc"
