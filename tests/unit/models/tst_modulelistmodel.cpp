// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/modulefilterproxy.h"
#include "models/modulelistmodel.h"
#include "testsnapshots.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace refscope;
using namespace refscope::test;

namespace {

// Counts every structural signal a model sends, so a test can say exactly
// which kind of change a refresh caused.
struct ModelSignals {
    explicit ModelSignals(QAbstractItemModel *model)
        : reset(model, &QAbstractItemModel::modelReset),
          inserted(model, &QAbstractItemModel::rowsInserted),
          removed(model, &QAbstractItemModel::rowsRemoved),
          changed(model, &QAbstractItemModel::dataChanged),
          layout(model, &QAbstractItemModel::layoutChanged)
    {
    }
    void clear()
    {
        reset.clear();
        inserted.clear();
        removed.clear();
        changed.clear();
        layout.clear();
    }
    QSignalSpy reset, inserted, removed, changed, layout;
};

QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, ModuleListModel::Name).data().toString());
    return result;
}

} // namespace

class TestModuleListModel : public QObject {
    Q_OBJECT
private slots:
    void firstLoadInsertsRowsWithoutReset()
    {
        ModuleListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignals spies(&model);
        model.applySnapshot(snapshot({module("tun"), module("loop"), module("fuse")}));
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(names(model), QStringList({"fuse", "loop", "tun"}));
        QCOMPARE(model.columnCount(), int(ModuleListModel::ColumnCount));
    }

    void refreshIsInsertsRemovesAndDataChanged()
    {
        ModuleListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshot({module("a"), module("c"), module("e"), module("g")}));
        ModelSignals spies(&model);
        // The spy's indexes go stale as later rows move: name them as sent.
        QStringList changedNames;
        connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &topLeft) {
            changedNames.append(topLeft.data().toString());
        });

        const SnapshotDiff diff = model.applySnapshot(
            snapshot({module("b"), module("c", 4), module("d"), module("g"), module("h")}));

        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.layout.count(), 0);
        QCOMPARE(diff.unloaded, QStringList({"a", "e"}));
        QCOMPARE(spies.removed.count(), 2); // rows 0 and 2 are not adjacent
        QCOMPARE(diff.loaded, QStringList({"b", "d", "h"}));
        QCOMPARE(spies.inserted.count(), 3);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(changedNames, QStringList({"c"}));
        QCOMPARE(names(model), QStringList({"b", "c", "d", "g", "h"}));
        QCOMPARE(model.index(1, ModuleListModel::Refcount).data().toInt(), 4);
    }

    void adjacentRowsGoInOneInsertAndOneRemove()
    {
        ModuleListModel model;
        model.applySnapshot(snapshot({module("a"), module("b"), module("c"), module("z")}));
        ModelSignals spies(&model);
        model.applySnapshot(snapshot({module("m"), module("n"), module("o"), module("z")}));
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.removed.first().at(1).toInt(), 0);
        QCOMPARE(spies.removed.first().at(2).toInt(), 2);
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(names(model), QStringList({"m", "n", "o", "z"}));
    }

    void unchangedRefreshSendsNothing()
    {
        ModuleListModel model;
        const Snapshot s = snapshot({module("loop"), module("tun")});
        model.applySnapshot(s);
        ModelSignals spies(&model);
        Snapshot later = s;
        later.takenAtMs += 1000;
        QVERIFY(model.applySnapshot(later).isEmpty());
        QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.changed.count(), 0);
        QCOMPARE(model.snapshot().takenAtMs, later.takenAtMs);
    }

    void emptyModuleList()
    {
        ModuleListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Snapshot none = snapshot({});
        none.support = {};
        model.applySnapshot(none);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.snapshot().support.loadable);
        model.applySnapshot(snapshot({module("loop")}));
        model.applySnapshot(none);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.moduleAt(0), nullptr);
    }

    void dashAndUnderscoreNameTheSameModule()
    {
        ModuleListModel model;
        // A hand-edited file may spell a name with '-'; rows use the kernel's '_'.
        model.applySnapshot(snapshot({module("snd-hda-intel"), module("loop")}));
        QCOMPARE(model.rowOf("snd-hda-intel"), model.rowOf("snd_hda_intel"));
        QVERIFY(model.rowOf("snd_hda_intel") >= 0);
        QCOMPARE(model.moduleAt(model.rowOf("snd-hda-intel"))->name, QString("snd_hda_intel"));
        QCOMPARE(model.rowOf("nope"), -1);
    }

    void numericColumnsSortAsNumbers()
    {
        ModuleListModel model;
        ModuleFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.applySnapshot(snapshot({module("a", 10), module("b", 9), module("c", 100)}));
        proxy.sort(ModuleListModel::Refcount, Qt::DescendingOrder);
        QCOMPARE(names(proxy), QStringList({"c", "a", "b"}));
        proxy.sort(ModuleListModel::Size, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, ModuleListModel::Size).data(ModuleListModel::SortRole).typeId(),
                 int(QMetaType::LongLong));
    }

    void filterMatchesNameHoldersAndDepends()
    {
        ModuleListModel model;
        ModuleFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(ModuleListModel::Name);
        ModuleInfo going = module("usb_storage", 0, {"uas"});
        going.state = ModuleState::Going;
        model.applySnapshot(
            snapshot({module("snd", 2, {"snd_pcm"}), module("snd_pcm", 1, {}, {"snd"}),
                      module("loop"), going, module("uas", 0, {}, {"usb_storage"})}));
        proxy.setSearchText("SND");
        QCOMPARE(names(proxy), QStringList({"snd", "snd_pcm"}));
        proxy.setSearchText("usb-storage"); // matches the name and uas's depends
        QCOMPARE(names(proxy), QStringList({"uas", "usb_storage"}));
        proxy.setStateFilter(ModuleState::Going);
        QCOMPARE(names(proxy), QStringList({"usb_storage"}));
        proxy.setSearchText({});
        QCOMPARE(names(proxy), QStringList({"usb_storage"}));
        proxy.setStateFilter(std::nullopt);
        QCOMPARE(proxy.rowCount(), 5);
    }

    void selectionSurvivesRefreshThroughProxy()
    {
        ModuleListModel model;
        ModuleFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(ModuleListModel::Refcount, Qt::DescendingOrder);
        QItemSelectionModel selection(&proxy);
        model.applySnapshot(snapshot({module("fuse", 1), module("loop", 2), module("tun", 3)}));
        const QModelIndex loop = proxy.index(1, 0);
        QCOMPARE(loop.data().toString(), QString("loop"));
        selection.setCurrentIndex(loop,
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        // A module appears above, one disappears, and loop's refcount moves
        // it to the top of the sort: the selection follows loop.
        model.applySnapshot(snapshot({module("aaa", 0), module("loop", 9), module("tun", 3)}));
        QCOMPARE(selection.currentIndex().data().toString(), QString("loop"));
        QCOMPARE(selection.currentIndex().row(), 0);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toString(), QString("loop"));

        // When the selected module is unloaded the selection empties.
        model.applySnapshot(snapshot({module("aaa", 0), module("tun", 3)}));
        QVERIFY(selection.selectedRows().isEmpty());
    }

    void moduleAppearingAndDisappearing()
    {
        ModuleListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy applied(&model, &ModuleListModel::snapshotApplied);
        const Snapshot base = snapshot({module("loop")});
        model.applySnapshot(base);
        model.applySnapshot(snapshot({module("loop"), module("refscope_demo", 1)}));
        QCOMPARE(model.rowOf("refscope_demo"), 1);
        model.applySnapshot(base);
        QCOMPARE(model.rowOf("refscope_demo"), -1);
        QCOMPARE(applied.count(), 3);
        QCOMPARE(applied.last().first().value<SnapshotDiff>().unloaded,
                 QStringList({"refscope_demo"}));
    }
};

QTEST_GUILESS_MAIN(TestModuleListModel)
#include "tst_modulelistmodel.moc"
