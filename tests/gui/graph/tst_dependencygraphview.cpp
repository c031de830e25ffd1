// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/dependencygraphview.h"
#include "graphtestdata.h"

#include <QGraphicsItem>
#include <QGraphicsView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace refscope;

namespace {

bool awaitLayout(DependencyGraphView &view, QString *error = nullptr)
{
    QSignalSpy spy(&view, &DependencyGraphView::layoutShown);
    if (!spy.wait(15000))
        return false;
    if (error)
        *error = spy.first().at(0).toString();
    return true;
}

QGraphicsView *canvasOf(DependencyGraphView &view)
{
    return view.findChild<QGraphicsView *>();
}

QPoint viewPosOf(DependencyGraphView &view, const QString &module)
{
    QGraphicsView *canvas = canvasOf(view);
    for (QGraphicsItem *item : canvas->scene()->items()) {
        if (item->toolTip().startsWith(module + QStringLiteral(": ")))
            return canvas->mapFromScene(item->sceneBoundingRect().center());
    }
    return {};
}

} // namespace

class TestDependencyGraphView : public QObject {
    Q_OBJECT
private slots:
    void drawsTheSoundStack()
    {
        DependencyGraphView view;
        view.resize(900, 500);
        view.show();
        QVERIFY(awaitLayout(view)); // the empty graph it starts with
        Snapshot snapshot = graphtest::soundSnapshot();
        snapshot.modules[0].taints = QStringLiteral("OE"); // loop
        snapshot.modules[6].permanent = true;              // soundcore
        snapshot.modules[3].state = ModuleState::Going;    // snd_hda_intel
        view.setSnapshot(snapshot);
        QString error;
        QVERIFY(awaitLayout(view, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(view.shownGraph().nodes().size(), 7);
        QCOMPARE(view.statusText(), QStringLiteral("7 modules, 8 links"));
        view.selectModule(QStringLiteral("snd-pcm"));
        QCOMPARE(view.selectedModule(), QStringLiteral("snd_pcm"));
        QVERIFY(view.grab().save(QStringLiteral(REFSCOPE_BINARY_DIR "/graphview-sound.png")));
    }

    void clickingAModuleSelectsIt()
    {
        DependencyGraphView view;
        view.resize(900, 500);
        view.show();
        view.setSnapshot(graphtest::soundSnapshot());
        QVERIFY(awaitLayout(view));
        QSignalSpy selected(&view, &DependencyGraphView::moduleSelected);
        const QPoint where = viewPosOf(view, QStringLiteral("snd_timer"));
        QTest::mouseClick(canvasOf(view)->viewport(), Qt::LeftButton, {}, where);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().at(0).toString(), QStringLiteral("snd_timer"));
        QCOMPARE(view.selectedModule(), QStringLiteral("snd_timer"));
    }

    void neighbourhoodAndShowAll()
    {
        DependencyGraphView view;
        view.setSnapshot(graphtest::soundSnapshot());
        QVERIFY(awaitLayout(view));
        view.setNeighbourhoodLevels(1);
        view.showNeighbourhood(QStringLiteral("snd-pcm"));
        QVERIFY(awaitLayout(view));
        QCOMPARE(view.focusModule(), QStringLiteral("snd_pcm"));
        QCOMPARE(view.shownGraph().nodes().size(), 5);
        QVERIFY(view.statusText().endsWith(QStringLiteral(" around snd_pcm")));
        view.setNeighbourhoodLevels(2);
        QVERIFY(awaitLayout(view));
        QCOMPARE(view.shownGraph().nodes().size(), 6);
        // Selecting a module outside the neighbourhood moves to its own.
        view.selectModule(QStringLiteral("loop"));
        QVERIFY(awaitLayout(view));
        QCOMPARE(view.focusModule(), QStringLiteral("loop"));
        QCOMPARE(view.shownGraph().nodes().size(), 1);
        view.showAll();
        QVERIFY(awaitLayout(view));
        QCOMPARE(view.shownGraph().nodes().size(), 7);
        QVERIFY(view.focusModule().isEmpty());
    }

    void sameSnapshotKeepsTheDrawing()
    {
        DependencyGraphView view;
        view.setSnapshot(graphtest::soundSnapshot());
        QVERIFY(awaitLayout(view));
        QSignalSpy spy(&view, &DependencyGraphView::layoutShown);
        view.setSnapshot(graphtest::soundSnapshot());
        QTest::qWait(300);
        QVERIFY(spy.isEmpty());
        Snapshot changed = graphtest::soundSnapshot();
        changed.modules[0].refcount = 1;
        view.setSnapshot(changed);
        QVERIFY(awaitLayout(view));
    }

    void zoom()
    {
        DependencyGraphView view;
        view.resize(600, 400);
        view.setSnapshot(graphtest::soundSnapshot());
        QVERIFY(awaitLayout(view));
        const double fitted = canvasOf(view)->transform().m11();
        view.zoomIn();
        QVERIFY(canvasOf(view)->transform().m11() > fitted);
        view.zoomOut();
        view.zoomOut();
        QVERIFY(canvasOf(view)->transform().m11() < fitted);
        // Ctrl+Plus zooms while the graph has the focus.
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        canvasOf(view)->setFocus();
        const double before = canvasOf(view)->transform().m11();
        QTest::keySequence(&view, QKeySequence::ZoomIn);
        QVERIFY(canvasOf(view)->transform().m11() > before);
    }

    void exports()
    {
        DependencyGraphView view;
        view.setSnapshot(graphtest::soundSnapshot());
        QVERIFY(awaitLayout(view));
        QTemporaryDir dir;
        QCOMPARE(view.exportDotTo(dir.filePath("g.dot")), QString());
        QCOMPARE(view.exportSvgTo(dir.filePath("g.svg")), QString());
        QCOMPARE(view.exportPngTo(dir.filePath("g.png")), QString());
        QFile dot(dir.filePath("g.dot"));
        QVERIFY(dot.open(QIODevice::ReadOnly));
        QVERIFY(dot.readAll().contains("\"snd_pcm\" -> \"snd_timer\";"));
        QFile svg(dir.filePath("g.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg") && svgText.contains("snd_hda_codec"));
        QImage png(dir.filePath("g.png"));
        QVERIFY(png.width() > 100 && png.height() > 50);
        QVERIFY(!view.exportDotTo(QStringLiteral("/nonexistent/dir/g.dot")).isEmpty());
        QVERIFY(!view.exportSvgTo(QStringLiteral("/nonexistent/dir/g.svg")).isEmpty());
        QVERIFY(!view.exportPngTo(QStringLiteral("/nonexistent/dir/g.png")).isEmpty());
    }

    void missingDotIsShown()
    {
        GraphLayoutOptions options;
        options.dotProgram = QStringLiteral("/nonexistent/dot");
        DependencyGraphView view(options, nullptr);
        view.setSnapshot(graphtest::soundSnapshot());
        QString error;
        QVERIFY(awaitLayout(view, &error));
        QVERIFY(error.startsWith(
            QStringLiteral("Graphviz 'dot' is not installed: apt install graphviz")));
        QCOMPARE(view.statusText(), error);
        QVERIFY(view.shownGraph().isEmpty());
    }

    void realGuestSnapshots_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("select");
        // Out-of-tree examples: permanent no_exit, "coming" slow_init, taints.
        QTest::newRow("examples") << QStringLiteral("guest-examples")
                                  << QStringLiteral("export_provider");
        QTest::newRow("250 modules")
            << QStringLiteral("guest-many-modules") << QStringLiteral("libcrc32c");
    }

    void realGuestSnapshots()
    {
        QFETCH(QString, name);
        QFETCH(QString, select);
        Snapshot snapshot;
        QString error;
        const QString path = QStringLiteral(REFSCOPE_FIXTURES_DIR "/%1.json").arg(name);
        QVERIFY2(QFile::exists(path), qPrintable(path + " is missing"));
        QVERIFY2(graphtest::loadFixture(path, &snapshot, &error), qPrintable(error));
        DependencyGraphView view;
        view.resize(1400, 800);
        view.show();
        view.setSnapshot(snapshot);
        QVERIFY(awaitLayout(view, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(view.shownGraph().nodes().size(), snapshot.modules.size());
        const QString png = QStringLiteral(REFSCOPE_BINARY_DIR "/graphview-%1").arg(name);
        QVERIFY(view.grab().save(png + QStringLiteral(".png")));
        view.selectModule(select);
        for (int i = 0; i < 4; ++i)
            view.zoomIn();
        view.selectModule(select);
        QVERIFY(view.grab().save(png + QStringLiteral("-zoomed.png")));
        QCOMPARE(view.exportPngTo(png + QStringLiteral("-export.png")), QString());
    }

    void desktopSizedGraph()
    {
        const Snapshot snapshot = graphtest::desktopSnapshot();
        QVERIFY2(!snapshot.modules.isEmpty(),
                 "the lab kernel's modules are not installed (apt install linux-image-amd64)");
        DependencyGraphView view;
        view.resize(1400, 800);
        view.show();
        view.setSnapshot(snapshot);
        QString error;
        QVERIFY(awaitLayout(view, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(view.grab().save(QStringLiteral(REFSCOPE_BINARY_DIR "/graphview-desktop.png")));
    }
};

QTEST_MAIN(TestDependencyGraphView)
#include "tst_dependencygraphview.moc"
