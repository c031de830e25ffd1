// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/outstandingrefs.h"
#include "models/outstandingrefsmodel.h"
#include "recording/recording.h"
#include "testevents.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace refscope;
using namespace refscope::timelinetest;

class TestOutstandingRefs : public QObject {
    Q_OBJECT
private slots:
    void chargesPutsToTheGetsTheyRelease()
    {
        auto store = storeOf(twoTasks());
        const OutstandingRefs refs = computeOutstandingRefs(
            *store, store->findModule(QStringLiteral("tun")), std::numeric_limits<qint64>::min(),
            std::numeric_limits<qint64>::max());
        QCOMPARE(refs.gets, 3);
        QCOMPARE(refs.puts, 2);
        // The unpaired get ranks first, by call site and by task.
        QCOMPARE(refs.byCallSite.first().label, QStringLiteral("leaky_get"));
        QCOMPARE(refs.byCallSite.first().outstanding(), 1);
        QCOMPARE(refs.byCallSite.first().events, QList<std::uint32_t>{5});
        QCOMPARE(refs.byTask.first().label, QStringLiteral("python3 (10)"));
        QCOMPARE(refs.byTask.first().pid, 10);
        QCOMPARE(refs.byTask.first().outstanding(), 1);
        // openvpn's two references went back where they came from.
        for (const OutstandingGroup &group : refs.byCallSite) {
            if (group.label != QStringLiteral("leaky_get"))
                QCOMPARE(group.outstanding(), 0);
        }
        QCOMPARE(refs.byTask.last().label, QStringLiteral("openvpn (20)"));
        QCOMPARE(refs.byTask.last().gets, 2);
        QCOMPARE(refs.byTask.last().puts, 2);
        QCOMPARE(refs.byTask.last().events, (QList<std::uint32_t>{2, 3, 6, 8}));
    }

    void windowStartsAfterAGet()
    {
        // A put of a reference taken before the window is charged where it
        // was put, as a negative.
        auto store = storeOf(twoTasks());
        const int loop = store->findModule(QStringLiteral("loop"));
        const OutstandingRefs refs =
            computeOutstandingRefs(*store, loop, store->timestampNs(1), store->timestampNs(5));
        QCOMPARE(refs.gets, 1);
        QCOMPARE(refs.puts, 1);
        QCOMPARE(refs.byCallSite.first().label, QStringLiteral("misc_open"));
        QCOMPARE(refs.byCallSite.first().outstanding(), 1);
        QCOMPARE(refs.byCallSite.last().label, QStringLiteral("__fput (put only)"));
        QCOMPARE(refs.byCallSite.last().outstanding(), -1);
    }

    void leakingCallSitesOfARealRecording()
    {
        QString error;
        const auto store =
            openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat"), &error);
        QVERIFY2(store, qPrintable(error));
        const int loop = store->findModule(QStringLiteral("loop"));
        const qint64 first = store->timestampNs(0);
        // The whole recording put back every get it took.
        QVERIFY(leakingCallSites(computeOutstandingRefs(*store, loop, first,
                                                        store->timestampNs(store->size() - 1) + 1))
                    .isEmpty());
        // Cut before the first put: misc_open's get is still out.
        QCOMPARE(
            leakingCallSites(computeOutstandingRefs(*store, loop, first, store->timestampNs(1))),
            QStringList{QStringLiteral("misc_open+0x70")});
    }

    void badArgumentsGiveNothing()
    {
        auto store = storeOf(twoTasks());
        QCOMPARE(computeOutstandingRefs(*store, -1, 0, 1).gets, 0);
        QCOMPARE(computeOutstandingRefs(*store, 99, 0, 1).gets, 0);
        QCOMPARE(computeOutstandingRefs(*store, 0, 10, 10).gets, 0);
    }

    void modelShowsTheRanking()
    {
        auto store = storeOf(twoTasks());
        OutstandingRefsModel model(QStringLiteral("Call site"));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGroups(computeOutstandingRefs(*store, store->findModule(QStringLiteral("tun")), 0,
                                               std::numeric_limits<qint64>::max())
                            .byCallSite);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, OutstandingRefsModel::Where).data().toString(),
                 QStringLiteral("leaky_get"));
        QCOMPARE(model.index(0, OutstandingRefsModel::Outstanding).data().toInt(), 1);
        QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Call site"));
    }
};

QTEST_GUILESS_MAIN(TestOutstandingRefs)
#include "tst_outstandingrefs.moc"
