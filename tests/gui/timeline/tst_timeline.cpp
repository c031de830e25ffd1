// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline tab on the real recordings from the 6.1 guest
// (REFSCOPE_TRACES_DIR): curves, zoom and pan, table and chart in step,
// filters, outstanding references and markers. Screenshots go to
// REFSCOPE_BINARY_DIR/timeline-*.png for a look.
#include "events/chartdecimation.h"
#include "models/eventtablemodel.h"
#include "models/modulelistmodel.h"
#include "recording/recording.h"
#include "sources/filesnapshotsource.h"
#include "timeline/capturecontrol.h"
#include "timeline/eventpane.h"
#include "timeline/outstandingrefspane.h"
#include "timeline/recordingopener.h"
#include "timeline/timelinechartview.h"
#include "timeline/timelineexport.h"
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QValueAxis>

using namespace refscope;

namespace {

QString tracePath(const char *name)
{
    return QStringLiteral(REFSCOPE_TRACES_DIR "/") + QLatin1String(name);
}

std::shared_ptr<EventStore> load(const char *name)
{
    QString error;
    std::shared_ptr<EventStore> store = openRecording(tracePath(name), &error);
    if (!store)
        qWarning("%s", qPrintable(error));
    return store;
}

// Loads a recording into a shown timeline and selects `module` there.
std::shared_ptr<EventStore> showRecording(TimelineWidget &timeline, const char *file,
                                          const QString &module = {})
{
    auto store = load(file);
    timeline.resize(1200, 800);
    timeline.show();
    if (!store || !QTest::qWaitForWindowExposed(&timeline))
        return nullptr;
    timeline.setStore(store, QString::fromLatin1(file));
    if (!module.isEmpty())
        timeline.setSelectedModule(module);
    return store;
}

// The colours of the chart's module curves.
QSet<QRgb> seriesColours(TimelineChartView *chart)
{
    QSet<QRgb> colours;
    for (QAbstractSeries *series : chart->chart()->series())
        if (auto *line = qobject_cast<QLineSeries *>(series))
            colours.insert(line->pen().color().rgb());
    return colours;
}

void sendWheel(QWidget *viewport, QPoint at, int notches)
{
    QWheelEvent wheel(at, viewport->mapToGlobal(at), {}, QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
}

QTabWidget *tabsOf(QWidget &window)
{
    return window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
}

void saveShot(QWidget *widget, const QString &name)
{
    widget->grab().save(QStringLiteral(REFSCOPE_BINARY_DIR "/timeline-%1.png").arg(name));
}

} // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    void eachRecordingEndsAtItsFinalCount_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("modules");
        QTest::addColumn<int>("highest"); // lsmod's number while a file is open
        QTest::newRow("loop-open-close") << "loop-open-close.dat" << QStringList{"loop"} << 1;
        QTest::newRow("loop-with-stacks") << "loop-with-stacks.dat" << QStringList{"loop"} << 1;
        QTest::newRow("three-modules")
            << "three-modules-1.6M.dat" << QStringList{"fuse", "loop", "tun"} << 2;
    }

    void eachRecordingEndsAtItsFinalCount()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, modules);
        QFETCH(int, highest);
        TimelineWidget timeline;
        auto store = showRecording(timeline, qPrintable(file));
        QVERIFY(store);
        TimelineChartView *chart = timeline.chartView();
        QStringList shown = chart->modules();
        shown.sort();
        QCOMPARE(shown, modules); // nothing selected: the recording's modules
        // The counts themselves: every curve on the one count axis.
        chart->setLayout(TimelineChartView::Layout::Overlaid);
        chart->redraw();
        for (const QString &module : modules) {
            const QList<QPointF> points = chart->curvePoints(module);
            QVERIFY(points.size() >= 2);
            // trace-cmd report ends every module of these files at refcnt=1:
            // lsmod's 0.
            QCOMPARE(points.last().y(), 0.0);
            QCOMPARE(points.last().x(), nsToChartX(chart->windowEndNs()));
            double top = 0;
            for (const QPointF &p : points)
                top = std::max(top, p.y());
            QCOMPARE(int(top), module == QStringLiteral("tun") ? highest : 1);
            QVERIFY(points.size() <= 2 * chart->plotWidthPixels() + 4);
        }
        saveShot(&timeline, QFileInfo(file).baseName());

        // In lanes (the default), each module fills a band of its own to its
        // own scale: loop's 1 is as tall as tun's 2, none hides another.
        chart->setLayout(TimelineChartView::Layout::Lanes);
        chart->redraw();
        const QStringList lanes = chart->modules();
        for (qsizetype lane = 0; lane < lanes.size() && lanes.size() > 1; ++lane) {
            const double floor = double(lanes.size() - 1 - lane);
            double top = floor;
            for (const QPointF &p : chart->curvePoints(lanes.at(lane))) {
                QVERIFY(p.y() >= floor && p.y() < floor + 1);
                top = std::max(top, p.y());
            }
            QCOMPARE(top, floor + 0.85);
            QCOMPARE(chart->laneMaxima().at(lane),
                     lanes.at(lane) == QStringLiteral("tun") ? highest : 1);
        }
        saveShot(&timeline, QFileInfo(file).baseName() + QStringLiteral("-lanes"));
    }

    void zoomAndPanRedrawOnlyTheWindow()
    {
        TimelineWidget timeline;
        auto store = showRecording(timeline, "three-modules-1.6M.dat", QStringLiteral("tun"));
        QVERIFY(store);
        TimelineChartView *chart = timeline.chartView();
        QCOMPARE(chart->modules(), QStringList{"tun"});
        QWidget *viewport = chart->viewport();
        const QRectF plot = chart->chart()->plotArea();
        const QPoint middle = plot.center().toPoint();
        const qint64 whole = chart->windowEndNs() - chart->windowStartNs();
        const qint64 pointed = chart->timeAtPixel(middle.x());

        QSignalSpy windowChanged(chart, &TimelineChartView::windowChanged);
        for (int i = 0; i < 12; ++i)
            sendWheel(viewport, middle, 1);
        QCOMPARE(windowChanged.size(), 12);
        const qint64 zoomed = chart->windowEndNs() - chart->windowStartNs();
        QVERIFY2(zoomed < whole / 10, qPrintable(QString::number(zoomed)));
        // The time under the pointer stays under it.
        QVERIFY(std::abs(chart->timeAtPixel(middle.x()) - pointed) <= zoomed / 500);
        const int pixels = chart->plotWidthPixels();
        QVERIFY(chart->curvePoints(QStringLiteral("tun")).size() <= 2 * pixels + 4);
        saveShot(&timeline, QStringLiteral("zoomed"));

        // Drag left by 200 px: the window moves later by 200 px worth.
        const qint64 before = chart->windowStartNs();
        QTest::mousePress(viewport, Qt::LeftButton, {}, middle);
        QTest::mouseMove(viewport, middle - QPoint(100, 0));
        QTest::mouseMove(viewport, middle - QPoint(200, 0));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, middle - QPoint(200, 0));
        const double shiftPixels = double(chart->windowStartNs() - before) / zoomed * pixels;
        QVERIFY2(std::abs(shiftPixels - 200) < 2, qPrintable(QString::number(shiftPixels)));
        QCOMPARE(chart->windowEndNs() - chart->windowStartNs(), zoomed);
        QVERIFY(chart->curvePoints(QStringLiteral("tun")).size() <= 2 * pixels + 4);

        // Shift+drag zooms to the band.
        const QPoint left = middle - QPoint(150, 0);
        const QPoint right = middle + QPoint(150, 0);
        const qint64 bandFrom = chart->timeAtPixel(left.x());
        const qint64 bandTo = chart->timeAtPixel(right.x());
        QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, left);
        QTest::mouseMove(viewport, right);
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, right);
        QVERIFY(std::abs(chart->windowStartNs() - bandFrom) <= zoomed / 1000);
        QVERIFY(std::abs(chart->windowEndNs() - bandTo) <= zoomed / 1000);

        QTest::mouseDClick(viewport, Qt::LeftButton, {}, middle);
        QCOMPARE(chart->windowEndNs() - chart->windowStartNs(), whole);
    }

    void tableAndChartFollowEachOther()
    {
        TimelineWidget timeline;
        auto store = showRecording(timeline, "loop-open-close.dat", QStringLiteral("loop"));
        QVERIFY(store);
        EventPane *events = timeline.eventPane();
        TimelineChartView *chart = timeline.chartView();
        QCOMPARE(events->model()->rowCount(), 100000);

        // A row chosen far from the window brings the chart's cursor to it.
        chart->zoom(0.001, chart->windowStartNs());
        events->selectStoreIndex(77777);
        QCOMPARE(chart->markers().cursorNs, store->timestampNs(77777));
        QVERIFY(chart->windowStartNs() <= store->timestampNs(77777));
        QVERIFY(store->timestampNs(77777) < chart->windowEndNs());

        // A click on the chart selects the nearest event and places A.
        const QPoint at = chart->chart()->plotArea().center().toPoint() + QPoint(37, 0);
        const qint64 clicked = chart->timeAtPixel(at.x());
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(chart->markers().aNs, clicked);
        const std::optional<std::size_t> selected = events->selectedStoreIndex();
        QVERIFY(selected);
        const qint64 distance = std::abs(store->timestampNs(*selected) - clicked);
        for (std::size_t i : {*selected - 1, *selected + 1})
            QVERIFY(std::abs(store->timestampNs(i) - clicked) >= distance);
        QCOMPARE(chart->markers().cursorNs, store->timestampNs(*selected));
    }

    void filtersNarrowTheTable()
    {
        auto store = load("three-modules-1.6M.dat");
        QVERIFY(store);
        TimelineWidget timeline;
        timeline.setStore(store, QStringLiteral("three-modules"));
        EventPane *events = timeline.eventPane();
        QCOMPARE(events->model()->rowCount(), 1600000);
        // tun takes two references per open: half its 800,000 events are gets.
        timeline.setSelectedModule(QStringLiteral("tun"));
        QCOMPARE(events->model()->rowCount(), 800000);
        events->setKindFilter(ModuleEventKind::Get);
        QCOMPARE(events->model()->rowCount(), 400000);
        events->setKindFilter(std::nullopt);
        events->setModuleFilter({});
        QCOMPARE(events->model()->rowCount(), 1600000);
    }

    void filtersByTask()
    {
        // A pid filter reads every event's details: a smaller recording.
        auto store = load("loop-with-stacks.dat");
        QVERIFY(store);
        TimelineWidget timeline;
        timeline.setStore(store, QStringLiteral("loop-with-stacks"));
        EventPane *events = timeline.eventPane();
        const int pid = events->model()->index(0, EventTableModel::Pid).data().toInt();
        QSignalSpy finished(events->model(), &EventTableModel::filteringFinished);
        QSignalSpy raised(&timeline, &TimelineWidget::raiseRequested);
        timeline.showModuleEvents(QStringLiteral("loop"), pid);
        QCOMPARE(raised.size(), 1);
        QCOMPARE(events->model()->filter().module, QStringLiteral("loop"));
        QVERIFY(finished.wait(30000));
        QCOMPARE(events->model()->rowCount(), 4000); // one python3 did it all
        events->setPidFilter(pid + 1);
        QVERIFY(finished.wait(30000));
        QCOMPARE(events->model()->rowCount(), 0);
    }

    void outstandingReferencesOfARealRecording()
    {
        TimelineWidget timeline;
        auto store = showRecording(timeline, "loop-open-close.dat", QStringLiteral("loop"));
        QVERIFY(store);
        OutstandingRefsPane *pane = timeline.outstandingPane();
        // Counted only while shown, in slices of the event loop.
        timeline.findChild<QTabWidget *>(QStringLiteral("timelineTabs"))->setCurrentWidget(pane);
        QTRY_COMPARE_WITH_TIMEOUT(
            pane->summary(),
            QStringLiteral("loop: 50000 gets, 50000 puts, 0 outstanding. Count at the end: 0."),
            60000);
        // Every misc_open reference went back (in __fput): nothing held.
        OutstandingRefsModel *sites = pane->byCallSite();
        QCOMPARE(sites->rowCount(), 1);
        QCOMPARE(sites->group(0).label, QStringLiteral("misc_open+0x70"));
        QCOMPARE(sites->group(0).gets, 50000);
        QCOMPARE(sites->group(0).puts, 50000);
        QCOMPARE(pane->byTask()->rowCount(), 1);
        QVERIFY(pane->byTask()->group(0).label.startsWith(QStringLiteral("python3 (")));

        // Between A and B placed between a get and its put: one outstanding.
        const auto loop = store->eventsOf(store->findModule(QStringLiteral("loop")));
        TimelineChartView *chart = timeline.chartView();
        chart->setMarkerA(store->timestampNs(loop[1000]) - 1);
        chart->setMarkerB(store->timestampNs(loop[1006]) + 1);
        QVERIFY2(timeline.markerText().contains(QStringLiteral("Δ loop +1")),
                 qPrintable(timeline.markerText()));
        QVERIFY(timeline.markerText().contains(QStringLiteral("Δt ")));
        pane->setScope(OutstandingRefsPane::Scope::BetweenMarkers);
        QTRY_COMPARE(pane->summary(),
                     QStringLiteral("loop: 4 gets, 3 puts, 1 outstanding. Count at the end: 1."));
        QCOMPARE(sites->group(0).outstanding(), 1);

        // A span that opens on a put: 3 gets, 3 puts, yet one get is never
        // put back (the first put released an older reference). The
        // headline, the call site and the kernel's count all say 1.
        chart->setMarkerA(store->timestampNs(loop[1001]) - 1);
        QTRY_COMPARE(pane->summary(),
                     QStringLiteral("loop: 3 gets, 3 puts, 1 outstanding (1 of the puts released "
                                    "references taken before). Count at the end: 1."));
        int taken = -1; // the call site where the span's gets were taken
        for (int row = 0; row < sites->rowCount(); ++row)
            if (sites->group(row).gets > 0)
                taken = row;
        QVERIFY(taken >= 0);
        QCOMPARE(sites->group(taken).gets, 3);
        QCOMPARE(sites->group(taken).outstanding(), 1);
        QCOMPARE(store->countAt(store->findModule(QStringLiteral("loop")),
                                store->timestampNs(loop[1006])),
                 1);
        chart->setMarkerA(store->timestampNs(loop[1000]) - 1);
        QTRY_COMPARE(pane->summary(),
                     QStringLiteral("loop: 4 gets, 3 puts, 1 outstanding. Count at the end: 1."));

        // Choosing the group shows its events in the table.
        pane->callSiteTable()->selectRow(0);
        QCOMPARE(timeline.eventPane()->model()->rowCount(), 7);
        saveShot(&timeline, QStringLiteral("outstanding"));
    }

    // A capture whose 4 KiB buffers lost most of its events (recorded in
    // the lab guest, tests/fixtures/README.md): over the whole recording the
    // pane gives the kernel's own counts, which add up, and says why; the
    // timeline says it too. Between markers only the events count, which
    // "may be incomplete".
    void outstandingReferencesFromTheKernelCountsWhenEventsWereLost()
    {
        QString error;
        const std::shared_ptr<EventStore> store = openRecording(
            QStringLiteral(REFSCOPE_FIXTURES_DIR "/session-v4-lossy-loop.rscope"), &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->kernelCounts());
        const QString exact =
            QStringLiteral("3661 events lost; counts per call site are exact from the kernel's "
                           "counters");
        TimelineWidget timeline;
        timeline.resize(1200, 800);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        timeline.setStore(store, QStringLiteral("lossy"));
        timeline.setSelectedModule(QStringLiteral("loop"));
        const auto *source = timeline.findChild<QLabel *>(QStringLiteral("timelineSource"));
        QVERIFY(source);
        QCOMPARE(source->text(), QStringLiteral("lossy (%1)").arg(exact));
        OutstandingRefsPane *pane = timeline.outstandingPane();
        timeline.findChild<QTabWidget *>(QStringLiteral("timelineTabs"))->setCurrentWidget(pane);
        QTRY_VERIFY_WITH_TIMEOUT(pane->summary().startsWith(QStringLiteral(
                                     "loop: 2000 gets, 2000 puts, 0 more gets than puts, as the "
                                     "kernel counted them.")),
                                 30000);
        QVERIFY(pane->summary().endsWith(QLatin1Char('\n') + exact));
        OutstandingRefsModel *sites = pane->byCallSite();
        QCOMPARE(sites->rowCount(), 2);
        QCOMPARE(sites->group(0).label, QStringLiteral("misc_open+0x70"));
        QCOMPARE(sites->group(0).gets, 2000);
        QCOMPARE(sites->group(0).puts, 0);
        QCOMPARE(sites->group(1).label, QStringLiteral("__fput+0xb7"));
        QCOMPARE(sites->group(1).puts, 2000);

        TimelineChartView *chart = timeline.chartView();
        chart->setMarkerA(store->timestampNs(0));
        chart->setMarkerB(store->timestampNs(store->size() - 1) + 1);
        pane->setScope(OutstandingRefsPane::Scope::BetweenMarkers);
        QTRY_VERIFY(pane->summary().endsWith(
            QStringLiteral("\n3661 events lost; counts may be incomplete")));
    }

    void stackOfTheSelectedEvent()
    {
        auto store = load("loop-with-stacks.dat");
        QVERIFY(store);
        TimelineWidget timeline;
        timeline.setStore(store, QStringLiteral("loop-with-stacks"));
        timeline.eventPane()->selectStoreIndex(0);
        const QString stack = timeline.eventPane()->stackText();
        QVERIFY2(stack.contains(QStringLiteral("try_module_get")), qPrintable(stack));
        QVERIFY(stack.contains(QStringLiteral("misc_open")));
    }

    void opensInTheBackgroundAndExports()
    {
        TimelineWidget timeline;
        QSignalSpy changed(&timeline, &TimelineWidget::storeChanged);
        timeline.openRecording(tracePath("loop-with-stacks.dat"));
        QVERIFY(changed.wait(30000));
        QCOMPARE(timeline.store()->size(), std::size_t(4000));
        QTemporaryDir dir;
        const QString recording = timeline.description();
        QVERIFY(
            saveChartImage(timeline.chartView(), recording, dir.filePath("chart.png")).isEmpty());
        const QImage png(dir.filePath("chart.png"));
        QVERIFY(png.width() > 0);
        QVERIFY(png.text(QStringLiteral("Title")).contains(recording));
        QVERIFY(
            saveChartImage(timeline.chartView(), recording, dir.filePath("chart.svg")).isEmpty());
        QFile svg(dir.filePath("chart.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QString svgText = QString::fromUtf8(svg.readAll());
        QVERIFY(svgText.contains(QLatin1String("<svg")));
        // The picture says what it shows, also to a reader of the SVG alone.
        QVERIFY(svgText.contains(QStringLiteral("<title>Reference counts of")));
        QVERIFY(svgText.contains(QStringLiteral("<desc>RefScope timeline")));
        QVERIFY(saveEventsCsv(*timeline.store(), dir.filePath("events.csv")).isEmpty());
        QFile csv(dir.filePath("events.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 4001);
        QVERIFY(!saveEventsCsv(*timeline.store(), QStringLiteral("/proc/no/such.csv")).isEmpty());
    }

    void mountedInTheMainWindow()
    {
        // The window's selected module is the one the timeline shows.
        MainWindow window;
        auto *timeline = window.findChild<TimelineWidget *>();
        QVERIFY(timeline);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
        QCOMPARE(tabs->tabText(tabs->indexOf(timeline)), QStringLiteral("Timeline"));
        timeline->setStore(load("three-modules-1.6M.dat"), QStringLiteral("three-modules"));
        window.selectModule(QStringLiteral("fuse"));
        QCOMPARE(timeline->chartView()->modules(), QStringList{"fuse"});
        QCOMPARE(timeline->eventPane()->model()->filter().module, QStringLiteral("fuse"));
        timeline->showModuleEvents(QStringLiteral("tun"));
        QCOMPARE(tabs->currentWidget(), timeline);
        QVERIFY(!timeline->capture()->action()->isEnabled()); // no agent: no capture
    }

    void tableFollowsTheZoomAndTheMarkers()
    {
        TimelineWidget timeline;
        auto store = showRecording(timeline, "loop-open-close.dat", QStringLiteral("loop"));
        QVERIFY(store);
        TimelineChartView *chart = timeline.chartView();
        EventTableModel *events = timeline.eventPane()->model();
        QCOMPARE(events->rowCount(), int(store->size())); // the whole recording
        const auto countIn = [&](qint64 from, qint64 to) {
            int n = 0;
            for (std::size_t i = 0; i < store->size(); ++i)
                n += store->timestampNs(i) >= from && store->timestampNs(i) < to;
            return n;
        };
        const auto rowsWithin = [&](qint64 from, qint64 to) {
            for (int row = 0; row < events->rowCount(); ++row) {
                const qint64 t = store->timestampNs(events->storeIndex(row));
                if (t < from || t >= to)
                    return false;
            }
            return true;
        };
        // Zoomed to a tenth in the middle: the table lists that tenth.
        const qint64 start = chart->recordingStartNs();
        const qint64 span = chart->recordingEndNs() - start;
        chart->setWindow(start + span * 4 / 10, start + span * 5 / 10);
        const qint64 from = chart->windowStartNs(), to = chart->windowEndNs();
        QTRY_COMPARE(events->rowCount(), countIn(from, to));
        QVERIFY(events->rowCount() > 0 && events->rowCount() < int(store->size()) / 5);
        QVERIFY(rowsWithin(from, to));
        saveShot(&timeline, QStringLiteral("table-follows-zoom"));
        // Markers A and B: the table lists what lies between them.
        const qint64 a = from + (to - from) / 4, b = from + (to - from) / 2;
        chart->setMarkerB(a);
        chart->setMarkerA(b);
        QTRY_COMPARE(events->rowCount(), countIn(a, b + 1));
        QVERIFY(rowsWithin(a, b + 1));
        // A filter still applies within the span.
        timeline.eventPane()->setKindFilter(ModuleEventKind::Get);
        QTRY_VERIFY(rowsWithin(a, b + 1) && events->rowCount() > 0);
        timeline.eventPane()->setKindFilter(std::nullopt);
        // Markers cleared, whole recording: every event again.
        chart->setMarkerA(std::nullopt);
        chart->setMarkerB(std::nullopt);
        chart->resetWindow();
        QTRY_COMPARE(events->rowCount(), int(store->size()));
    }

    void everyModuleOnTheChart()
    {
        // The selected module alone by default; "Every module" charts the
        // recording's modules with it, each in a lane.
        TimelineWidget timeline;
        auto store = showRecording(timeline, "three-modules-1.6M.dat", QStringLiteral("loop"));
        QVERIFY(store);
        QCOMPARE(timeline.chartView()->modules(), QStringList{"loop"});
        auto *every = timeline.findChild<QAction *>(QStringLiteral("everyModuleAction"));
        QVERIFY(every);
        every->trigger();
        QStringList shown = timeline.chartView()->modules();
        shown.sort();
        QCOMPARE(shown, (QStringList{"fuse", "loop", "tun"}));
        // Each in a colour of its own, loop (shown first, alone) included.
        QCOMPARE(seriesColours(timeline.chartView()).size(), 3);
        QCOMPARE(timeline.chartView()->layout(), TimelineChartView::Layout::Lanes);
        QCOMPARE(timeline.outstandingPane()->module(), QStringLiteral("loop"));
        saveShot(&timeline, QStringLiteral("every-module-lanes"));
        timeline.findChild<QAction *>(QStringLiteral("lanesAction"))->trigger();
        QCOMPARE(timeline.chartView()->layout(), TimelineChartView::Layout::Overlaid);
        every->trigger();
        QCOMPARE(timeline.chartView()->modules(), QStringList{"loop"});

        // The window's way: a module selected before the recording opens.
        TimelineWidget window;
        window.resize(1200, 560); // lanes as low as beside the main window's docks
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setSelectedModule(QStringLiteral("tun"));
        window.setStore(store, QStringLiteral("three-modules-1.6M.dat"));
        window.findChild<QAction *>(QStringLiteral("everyModuleAction"))->trigger();
        QCOMPARE(window.chartView()->modules().size(), 3);
        QCOMPARE(seriesColours(window.chartView()).size(), 3);

        // Each lane's label is written in its curve's colour at the lane's
        // top, where a busy curve reaches: on a plate of the background,
        // whose left edge (left of the text) shows no curve colour.
        TimelineChartView *chart = window.chartView();
        QTest::qWait(100);
        const QImage shot = chart->viewport()->grab().toImage();
        const QRect plot =
            chart->mapFromScene(chart->chart()->mapToScene(chart->chart()->plotArea()))
                .boundingRect();
        const QSet<QRgb> colours = seriesColours(chart);
        const int lanes = int(chart->modules().size());
        const int textHeight = chart->fontMetrics().height();
        for (int lane = 0; lane < lanes; ++lane) {
            const int top = plot.top() + lane * plot.height() / lanes;
            for (int y = top + 3; y < top + textHeight; ++y)
                QVERIFY2(!colours.contains(shot.pixel(plot.left() + 3, y)),
                         qPrintable(QStringLiteral("lane %1, row %2").arg(lane).arg(y - top)));
        }
        saveShot(&window, QStringLiteral("every-module-lane-labels"));
    }

    void aRecordingsModulesCanBeChosenWhenNotLoaded()
    {
        // The snapshot (the 6.1 guest as it boots) has none of
        // the recording's modules loaded: loop, tun and fuse must still be
        // rows of the table, marked, and selecting one shows it everywhere.
        MainWindow window;
        window.resize(1400, 900);
        window.setSource(
            new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-stock.json")));
        QSignalSpy ready(window.source(), &SnapshotSource::snapshotReady);
        window.show();
        QVERIFY(ready.wait(30000));
        auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
        const auto *modules = qobject_cast<const ModuleListModel *>(
            qobject_cast<QSortFilterProxyModel *>(table->model())->sourceModel());
        QCOMPARE(modules->rowOf(QStringLiteral("loop")), -1);
        const int loaded = modules->rowCount();
        auto *timeline = window.findChild<TimelineWidget *>();
        timeline->setStore(load("three-modules-1.6M.dat"), QStringLiteral("three-modules"));
        QCOMPARE(modules->rowCount(), loaded + 3);
        for (const QString &name :
             {QStringLiteral("loop"), QStringLiteral("tun"), QStringLiteral("fuse")}) {
            const int row = modules->rowOf(name);
            QVERIFY2(row >= 0, qPrintable(name));
            QCOMPARE(modules->index(row, ModuleListModel::State).data().toString(),
                     QStringLiteral("in the recording only"));
        }
        window.selectModule(QStringLiteral("loop"));
        QCOMPARE(table->selectionModel()->selectedRows().value(0).data().toString(),
                 QStringLiteral("loop"));
        QCOMPARE(timeline->chartView()->modules(), QStringList{"loop"});
        QCOMPARE(timeline->outstandingPane()->module(), QStringLiteral("loop"));
        // The Events pane offers exactly the file's modules, also while a
        // module of the snapshot that the file does not have is selected.
        auto *choice =
            timeline->eventPane()->findChild<QComboBox *>(QStringLiteral("eventModuleFilter"));
        const auto offered = [choice] {
            QStringList names;
            for (int i = 1; i < choice->count(); ++i)
                names.append(choice->itemText(i));
            return names;
        };
        const QStringList inFile{"fuse", "loop", "tun"};
        QCOMPARE(offered(), inFile);
        tabsOf(window)->setCurrentWidget(table);
        saveShot(&window, QStringLiteral("recording-only-table"));
        tabsOf(window)->setCurrentWidget(timeline);
        saveShot(&window, QStringLiteral("recording-only-modules"));
        window.selectModule(QStringLiteral("virtio"));
        timeline->showModuleEvents(QStringLiteral("virtio"));
        QCOMPARE(offered(), inFile);
        QCOMPARE(choice->currentIndex(), -1);
        QCOMPARE(choice->placeholderText(), QStringLiteral("virtio (not in this recording)"));
        // Another recording: the rows follow the file.
        timeline->setStore(load("loop-open-close.dat"), QStringLiteral("loop"));
        QCOMPARE(modules->rowCount(), loaded + 1);
        QCOMPARE(modules->rowOf(QStringLiteral("tun")), -1);
    }

    void anUnsavedCaptureIsNotDiscardedWithoutAsking()
    {
        // A capture's events (here a recording standing in for them) not
        // saved yet: opening another file or quitting asks first.
        MainWindow window;
        auto *timeline = window.findChild<TimelineWidget *>();
        timeline->setStore(load("loop-with-stacks.dat"), QStringLiteral("live capture"));
        timeline->setUnsavedCapture(true);
        const auto answer = [](const QString &buttonText, QString *question) {
            QTimer::singleShot(0, [=] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                *question = box->text();
                saveShot(box, QStringLiteral("discard-capture"));
                for (QAbstractButton *button : box->buttons())
                    if (button->text() == buttonText)
                        button->click();
            });
        };
        QString question;
        answer(QStringLiteral("Cancel"), &question);
        const auto before = timeline->store();
        timeline->openRecording(tracePath("loop-open-close.dat"));
        QVERIFY2(question.startsWith(QStringLiteral(
                     "The capture has not been saved: opening loop-open-close.dat discards its "
                     "4000 event(s).")),
                 qPrintable(question));
        QCOMPARE(timeline->store(), before);
        window.show();
        answer(QStringLiteral("Cancel"), &question);
        QVERIFY(!window.close());
        QVERIFY(question.contains(QStringLiteral("quitting")));
        QVERIFY(window.isVisible());
        // Discarding goes ahead.
        QSignalSpy changed(timeline, &TimelineWidget::storeChanged);
        answer(QStringLiteral("Discard the capture"), &question);
        timeline->openRecording(tracePath("loop-open-close.dat"));
        QVERIFY(changed.wait(30000));
        QVERIFY(!timeline->hasUnsavedCapture());
        QVERIFY(window.close());
    }

    void aNewCaptureOpensOnReadableSeconds()
    {
        // A capture just started, its first events microseconds apart: the
        // axis spans seconds, not those microseconds, with labels a person
        // reads, and it grows with the capture.
        TimelineWidget timeline;
        timeline.resize(1000, 600);
        auto store = std::make_shared<EventStore>();
        const int loop = store->internModule(QStringLiteral("loop"));
        const qint64 t0 = 3'600'000'000'000; // an hour after boot
        store->append(t0, 0, ModuleEventKind::Get, loop, 1);
        store->append(t0 + 150, 0, ModuleEventKind::Put, loop, 0);
        timeline.setStore(store, QStringLiteral("live capture"));
        TimelineChartView *chart = timeline.chartView();
        chart->setLive(true);
        timeline.appendRange(0, store->size());
        chart->redraw();
        const qint64 span = chart->windowEndNs() - chart->windowStartNs();
        QVERIFY2(span >= TimelineChartView::kLiveSpanNs, qPrintable(QString::number(span)));
        QVERIFY2(span < 60'000'000'000, qPrintable(QString::number(span)));
        auto *axis = qobject_cast<QValueAxis *>(chart->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QVERIFY2(QStringList({QStringLiteral("%.0f"), QStringLiteral("%.1f")})
                     .contains(axis->labelFormat()),
                 qPrintable(axis->labelFormat()));
        // A second later, with no new event, the capture still reaches now.
        QTest::qWait(1200);
        QVERIFY(chart->recordingEndNs() >= t0 + 150 + 1'000'000'000);
        // Stopped, it keeps covering until then.
        chart->setLive(false);
        QVERIFY(chart->recordingEndNs() >= t0 + 1'000'000'000);
        saveShot(&timeline, QStringLiteral("new-capture"));
    }

    void aFileThatIsNoRecordingSaysSo()
    {
        TimelineWidget timeline;
        QSignalSpy failed(&timeline, &TimelineWidget::failed);
        timeline.openRecording(QStringLiteral(REFSCOPE_SOURCE_DIR "/README.md"));
        QVERIFY(failed.wait(30000));
        QVERIFY(!failed.first().at(0).toString().isEmpty());
        QVERIFY(!timeline.store());
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
