// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/eventtablemodel.h"
#include "testevents.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace refscope;
using namespace refscope::timelinetest;

class TestEventTableModel : public QObject {
    Q_OBJECT
private slots:
    void showsEveryEventLazily()
    {
        EventTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(storeOf(twoTasks()));
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));
        auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(0, EventTableModel::Time), QStringLiteral("5.000001"));
        QCOMPARE(cell(0, EventTableModel::Event), QStringLiteral("module_get"));
        QCOMPARE(cell(0, EventTableModel::Module), QStringLiteral("loop"));
        QCOMPARE(cell(0, EventTableModel::Count), QStringLiteral("1"));
        QCOMPARE(cell(5, EventTableModel::Pid), QStringLiteral("10"));
        QCOMPARE(cell(5, EventTableModel::Comm), QStringLiteral("python3"));
        QCOMPARE(cell(5, EventTableModel::CallSite), QStringLiteral("leaky_get"));
        QCOMPARE(cell(5, EventTableModel::Cpu), QStringLiteral("0"));
    }

    void filtersByModulePidAndKind()
    {
        EventTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(storeOf(twoTasks()));
        EventTableModel::Filter filter;
        filter.module = QStringLiteral("tun");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 5);
        filter.pid = 10;
        model.setFilter(filter);
        // A pid filter reads details: its rows come in the event loop.
        QSignalSpy finished(&model, &EventTableModel::filteringFinished);
        QVERIFY(model.isFiltering());
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.storeIndex(0), std::size_t(5));
        filter = {};
        filter.kind = ModuleEventKind::Put;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 4);
        filter.only = QList<std::uint32_t>{1, 2, 6, 7};
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 3); // 2 is a get
        filter = {};
        filter.module = QStringLiteral("no_such_module");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 0);
    }

    void findsRowsByIndexAndTime()
    {
        EventTableModel model;
        auto store = storeOf(twoTasks());
        model.setStore(store);
        EventTableModel::Filter filter;
        filter.module = QStringLiteral("loop");
        model.setFilter(filter);
        QCOMPARE(model.rowOfStoreIndex(4), 2);
        QCOMPARE(model.rowOfStoreIndex(3), -1); // a tun event
        // Event 4 is at +5000 ns, event 7 at +8000 ns.
        QCOMPARE(model.rowNearestTime(store->timestampNs(4) + 1400), 2);
        QCOMPARE(model.rowNearestTime(store->timestampNs(4) + 1600), 3);
        QCOMPARE(model.rowNearestTime(0), 0);
        QCOMPARE(model.rowNearestTime(store->timestampNs(8) * 2), 3);
    }

    void growsWithTheStore()
    {
        // Live capture: appended events become inserted rows, filtered.
        auto store = storeOf(twoTasks());
        EventTableModel all;
        EventTableModel tunGets;
        QAbstractItemModelTester allTester(&all,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tunTester(&tunGets,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        all.setStore(store);
        tunGets.setStore(store);
        EventTableModel::Filter filter;
        filter.module = QStringLiteral("tun");
        filter.kind = ModuleEventKind::Get;
        tunGets.setFilter(filter);
        QCOMPARE(tunGets.rowCount(), 3);
        QSignalSpy inserted(&all, &QAbstractItemModel::rowsInserted);
        const qint64 t = store->timestampNs(store->size() - 1);
        const std::size_t from = store->size();
        store->append({t + 10, 1, ModuleEventKind::Get, QStringLiteral("tun"), 2});
        store->append({t + 20, 1, ModuleEventKind::Put, QStringLiteral("tun"), 1});
        store->append({t + 30, 1, ModuleEventKind::Get, QStringLiteral("fuse"), 1});
        all.appendRange(from, store->size());
        tunGets.appendRange(from, store->size());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(all.rowCount(), 12);
        QCOMPARE(tunGets.rowCount(), 4);
        QCOMPARE(all.index(11, EventTableModel::Module).data().toString(), QStringLiteral("fuse"));
    }
};

QTEST_GUILESS_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
