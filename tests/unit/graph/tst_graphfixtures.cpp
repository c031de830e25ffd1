// SPDX-License-Identifier: GPL-3.0-or-later
// The graph of every snapshot captured from the lab guest's real kernel
// (tests/fixtures/*.json, see capture-fixtures.sh): consistent with the
// kernel's holders lists, fully laid out by dot, and quickly.
#include "graph/graphlayout.h"
#include "graphtestdata.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace refscope;

class TestGraphFixtures : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<GraphLayoutResult>(); }

    void fixture_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(REFSCOPE_FIXTURES_DIR));
        const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
        if (names.isEmpty()) // QtTest needs a row to report the skip
            QTest::newRow("no fixtures") << QString();
    }

    void fixture()
    {
        QFETCH(QString, path);
        QVERIFY2(!path.isEmpty(), "no fixtures in tests/fixtures: run capture-fixtures.sh");
        Snapshot snapshot;
        QString error;
        QVERIFY2(graphtest::loadFixture(path, &snapshot, &error), qPrintable(error));

        const DependencyGraph graph = DependencyGraph::fromSnapshot(snapshot);
        QCOMPARE(graph.nodes().size(), snapshot.modules.size());
        QVERIFY2(graph.droppedLinks().isEmpty(), qPrintable(graph.droppedLinks().join(", ")));
        for (const ModuleInfo &module : snapshot.modules) {
            for (const QString &holder : module.holders)
                QVERIFY(graph.edges().contains(GraphEdge{holder, module.name}));
        }

        GraphLayout layout;
        QSignalSpy spy(&layout, &GraphLayout::layoutFinished);
        qint64 best = std::numeric_limits<qint64>::max();
        for (int run = 0; run < 5; ++run) { // best of five: the build machine is shared
            layout.requestLayout(graph);
            QVERIFY(spy.wait(15000));
            const GraphLayoutResult result = spy.takeFirst().at(0).value<GraphLayoutResult>();
            QVERIFY2(result.ok(), qPrintable(result.error));
            QCOMPARE(result.geometry.nodes.size(), graph.nodes().size());
            QCOMPARE(result.geometry.edges.size(), graph.edges().size());
            best = std::min(best, result.elapsedMs);
        }
        qInfo("%lld modules, %lld links: dot layout took %lld ms", qlonglong(graph.nodes().size()),
              qlonglong(graph.edges().size()), best);
        // Not a figure (the README's comes from a quiet machine): a guard against a
        // layout that went pathological, loose enough for a loaded CI machine.
        QVERIFY2(best <= 2000, qPrintable(QStringLiteral("%1 ms").arg(best)));
    }
};

QTEST_GUILESS_MAIN(TestGraphFixtures)
#include "tst_graphfixtures.moc"
