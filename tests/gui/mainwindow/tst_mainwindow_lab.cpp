// SPDX-License-Identifier: GPL-3.0-or-later
// refscope --lab, as a test: the window boots the lab guest, shows its
// real modules, follows a module loaded and unloaded there, and runs a
// scenario from the lab dock, compares the guest with this machine in
// the Compare window, captures live, and holds a saved snapshot as a second
// target beside the guest, each with its own rows, holders and timeline. Grabs
// lab-*.png into the build directory for a person to look at.
#include "compare/comparewindow.h"
#include "holders/holdersdock.h"
#include "lab/labpaths.h"
#include "labwindow.h"
#include "models/comparemodel.h"
#include "models/modulelistmodel.h"
#include "protocol/agentclient.h"
#include "sources/filesnapshotsource.h"
#include "timeline/capturecontrol.h"
#include "timeline/timelinechartview.h"
#include "timeline/timelinewidget.h"
#include "window/labpanel.h"
#include "window/mainwindow.h"
#include "window/targetlist.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QValueAxis>

using namespace refscope;

class TestMainWindowLab : public QObject {
    Q_OBJECT
private slots:
    void showsTheLabGuestsModules();

private:
    void comparesWithTheLabGuest(MainWindow &window);
    void runsAScenarioFromTheLabPanel(MainWindow &window, QTableView *table);
    void capturesLive(MainWindow &window, AgentClient *agent);
    void holdsTheLabAndASnapshot(MainWindow &window);
};

void TestMainWindowLab::showsTheLabGuestsModules()
{
    MainWindow window;
    window.resize(1280, 760);
    AgentClient *agent = nullptr;
    const QString error = showLab(window, &agent);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget()->objectName(),
             QStringLiteral("viewTabs"));
    // The kernel this run boots (REFSCOPE_LAB_KERNEL, set per lab kernel).
    const QString kernel = window.findChild<QLabel *>(QStringLiteral("kernelLabel"))->text();
    QVERIFY2(kernel.contains(labKernelRelease()), qPrintable(kernel));
    // The title names the guest and its kernel too.
    QCOMPARE(window.windowTitle(), QStringLiteral("lab guest (kernel %1)").arg(labKernelRelease()));

    // Load loop in the guest: the live refresh shows it without a reset,
    // and the selected module stays selected.
    QVERIFY(labExec(agent, QStringLiteral("modprobe loop")));
    QTRY_VERIFY_WITH_TIMEOUT(moduleRow(window, QStringLiteral("loop")) >= 0, 20000);
    window.selectModule(QStringLiteral("loop"));
    QSignalSpy resets(table->model(), &QAbstractItemModel::modelReset);
    QVERIFY(labExec(agent, QStringLiteral("modprobe tun")));
    QTRY_VERIFY_WITH_TIMEOUT(moduleRow(window, QStringLiteral("tun")) >= 0, 20000);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(window.selectedModule(), QStringLiteral("loop"));
    QCOMPARE(table->selectionModel()->selectedRows().first().data().toString(),
             QStringLiteral("loop"));
    QTest::qWait(50);
    QVERIFY(window.grab().save(
        QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/mainwindow/lab-modules.png")));

    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    tabs->setCurrentIndex(1);
    QTest::qWait(2000);
    QVERIFY(window.grab().save(
        QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/mainwindow/lab-graph.png")));
    tabs->setCurrentIndex(0);
    // A failure in one step ends the test: the next would start from its
    // unfinished state.
    comparesWithTheLabGuest(window);
    if (QTest::currentTestFailed())
        return;
    runsAScenarioFromTheLabPanel(window, table);
    if (QTest::currentTestFailed())
        return;
    capturesLive(window, agent);
    if (QTest::currentTestFailed())
        return;
    holdsTheLabAndASnapshot(window);
}

// A live capture opens on seconds, with labels whose decimals fit them
// (not on 200 ns with nine decimals), and once stopped no longer says
// "live capture".
void TestMainWindowLab::capturesLive(MainWindow &window, AgentClient *agent)
{
    auto *timeline = window.findChild<TimelineWidget *>();
    window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentWidget(timeline);
    CaptureControl *capture = timeline->capture();
    QTRY_VERIFY_WITH_TIMEOUT(capture->action()->isEnabled(), 20000);
    capture->action()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(capture->isCapturing() && timeline->store(), 30000);
    QVERIFY(labExec(agent, QStringLiteral("for i in 1 2 3; do exec 3</dev/loop-control; "
                                          "exec 3<&-; done")));
    QTRY_VERIFY_WITH_TIMEOUT(timeline->store()->size() >= 6, 30000);
    QVERIFY2(timeline->description().startsWith(QLatin1String("live capture of lab guest")),
             qPrintable(timeline->description()));
    TimelineChartView *chart = timeline->chartView();
    const qint64 span = chart->windowEndNs() - chart->windowStartNs();
    QVERIFY2(span >= TimelineChartView::kLiveSpanNs, qPrintable(QString::number(span)));
    auto *axis = qobject_cast<QValueAxis *>(chart->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(axis);
    QVERIFY2(
        QStringList({QStringLiteral("%.0f"), QStringLiteral("%.1f")}).contains(axis->labelFormat()),
        qPrintable(axis->labelFormat()));
    QTest::qWait(50);
    QVERIFY(window.grab().save(
        QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/mainwindow/lab-capture.png")));
}

// While the capture runs, a saved snapshot opens as a second target: the
// switch stops the capture first, and the file's rows show with its own
// empty timeline. Back on the guest (no second guest booted), its rows,
// loop selected, the Holders dock's answer and the capture's events are
// there again, and the agent is asked anew.
void TestMainWindowLab::holdsTheLabAndASnapshot(MainWindow &window)
{
    auto *timeline = window.findChild<TimelineWidget *>();
    CaptureControl *capture = timeline->capture();
    auto *holders = window.findChild<HoldersDock *>();
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QVERIFY(capture->isCapturing());
    SnapshotSource *lab = window.source();
    window.selectModule(QStringLiteral("loop"));
    QTRY_VERIFY_WITH_TIMEOUT(holders->report().module == QLatin1String("loop"), 60000);
    const QString labTitle = window.windowTitle();

    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-stock-6.12.json")));
    QTRY_VERIFY_WITH_TIMEOUT(window.source() != lab, 30000);
    QVERIFY(!capture->isCapturing());
    QCOMPARE(window.targets()->count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(moduleRow(window, QStringLiteral("overlay")) >= 0, 10000);
    QCOMPARE(moduleRow(window, QStringLiteral("loop")), -1);
    QVERIFY(!timeline->store());
    QVERIFY2(holders->message().contains(QLatin1String("saved snapshot")),
             qPrintable(holders->message()));
    window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentIndex(0);
    QTest::qWait(50);
    QVERIFY(window.grab().save(
        QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/mainwindow/lab-targets-file.png")));

    auto *switcher = window.findChild<QComboBox *>(QStringLiteral("targetSwitcher"));
    QCOMPARE(switcher->count(), 2);
    emit switcher->activated(0);
    QCOMPARE(window.source(), lab);
    QCOMPARE(window.windowTitle(), labTitle);
    QVERIFY(moduleRow(window, QStringLiteral("loop")) >= 0);
    QVERIFY(moduleRow(window, QStringLiteral("tun")) >= 0);
    QCOMPARE(window.selectedModule(), QStringLiteral("loop"));
    QCOMPARE(table->selectionModel()->selectedRows().first().data().toString(),
             QStringLiteral("loop"));
    QCOMPARE(holders->report().module, QStringLiteral("loop"));
    QTRY_VERIFY_WITH_TIMEOUT(holders->message().contains(QLatin1String("holders")) &&
                                 !holders->message().contains(QLatin1String("asking")),
                             60000);
    // The capture's events, ended when the switch stopped it, not saved.
    QVERIFY(timeline->store() && timeline->store()->size() >= 6);
    const QString ended = timeline->description();
    QVERIFY2(!ended.contains(QLatin1String("live capture")) &&
                 ended.startsWith(QLatin1String("capture of lab guest, ended at")),
             qPrintable(ended));
    QVERIFY(timeline->hasUnsavedCapture());
    // A new capture can start on the guest again.
    QTRY_VERIFY_WITH_TIMEOUT(capture->action()->isEnabled(), 20000);
    window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentWidget(timeline);
    QTest::qWait(50);
    QVERIFY(window.grab().save(
        QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/mainwindow/lab-targets-back.png")));

    // Opening the lab again is the same guest.
    window.openLab();
    QCOMPARE(window.targets()->count(), 2);
    QCOMPARE(window.source(), lab);
}

// The Compare window offers the running guest and reads it through the
// guest's agent (no second guest); beside this machine, which loads none
// of the guest's modules, loop and tun differ on "loaded".
void TestMainWindowLab::comparesWithTheLabGuest(MainWindow &window)
{
    auto *action = window.findChild<QAction *>(QStringLiteral("compareAction"));
    QVERIFY(action);
    action->trigger();
    auto *compare = window.findChild<CompareWindow *>();
    QVERIFY(compare);
    emit compare->addMenu()->aboutToShow();
    bool offered = false;
    for (QAction *a : compare->addMenu()->actions())
        if (a->objectName() == QLatin1String("addLabGuestAction"))
            offered = a->isVisible() && a->text().contains(labKernelRelease());
    QVERIFY(offered);
    QVERIFY(compare->addLabGuest());
    QTRY_COMPARE_WITH_TIMEOUT(compare->model()->comparison().targets.size(), 2, 60000);
    const Snapshot &guest = compare->model()->comparison().targets.at(1).snapshot;
    QCOMPARE(guest.origin.kind, OriginKind::Lab);
    QCOMPARE(guest.kernelRelease, labKernelRelease());
    QVERIFY(compare->model()
                ->headerData(compare->model()->columnOf(1, CompareField::Loaded), Qt::Horizontal)
                .toString()
                .contains(QLatin1String("lab guest")));
    compare->addThisMachine();
    QTRY_COMPARE_WITH_TIMEOUT(compare->model()->comparison().targets.size(), 3, 60000);
    for (const CompareRow &row : compare->model()->comparison().rows)
        if (row.module == QLatin1String("loop") || row.module == QLatin1String("tun"))
            QVERIFY2(row.perTarget.at(1) && row.differs(CompareField::Loaded),
                     qPrintable(row.module));
    // Refresh asks the guest again while the main window keeps using it.
    compare->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!compare->isReading(), 60000);
    QVERIFY2(compare->problem().isEmpty(), qPrintable(compare->problem()));
    compare->resize(1600, 500);
    QTest::qWait(50);
    QVERIFY(compare->grab().save(
        QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/mainwindow/lab-compare.png")));
    compare->close();
}

// The lab dock's buttons on the same guest: count_demo's scenario holds the
// device open (2 references), Unload is refused in plain words, Stop lets go.
void TestMainWindowLab::runsAScenarioFromTheLabPanel(MainWindow &window, QTableView *table)
{
    auto *panel = window.findChild<LabPanel *>();
    QVERIFY(panel->isVisible());
    QSignalSpy done(panel, &LabPanel::actionDone);
    const auto click = [&](const char *button) {
        const qsizetype before = done.count();
        QTest::mouseClick(panel->findChild<QPushButton *>(QLatin1String(button)), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(done.count() > before, 60000);
    };
    const auto select = [&](const char *list, const QString &key) {
        auto *items = panel->findChild<QListWidget *>(QLatin1String(list));
        for (int row = 0; row < items->count(); ++row) {
            if (items->item(row)->data(Qt::UserRole).toString() == key)
                items->setCurrentRow(row);
        }
    };
    const QString countDemo = QStringLiteral("count_demo");
    const auto refcount = [&] {
        const int row = moduleRow(window, countDemo);
        return row < 0 ? -1 : table->model()->index(row, ModuleListModel::Refcount).data().toInt();
    };
    // The Name column as narrow as a guest with only short names leaves it
    // (6.12's: 9p, loop, tun): count_demo, loaded next, must widen it.
    table->setColumnWidth(ModuleListModel::Name, 40);
    select("labScenarios", countDemo);
    click("labRun");
    QVERIFY(panel->outcome().startsWith(QStringLiteral("count_demo: done.")));
    // Then what it left behind, in the panel.
    QTRY_VERIFY_WITH_TIMEOUT(panel->outcome().contains(QStringLiteral(
                                 "count_demo is loaded with 2 reference(s), held by PID")),
                             20000);
    QTRY_COMPARE_WITH_TIMEOUT(refcount(), 2, 10000);
    // count_demo came after the first snapshot: its name is not cut.
    QVERIFY2(table->columnWidth(ModuleListModel::Name) >=
                 static_cast<QAbstractItemView *>(table)->sizeHintForColumn(ModuleListModel::Name),
             qPrintable(QString::number(table->columnWidth(ModuleListModel::Name))));
    select("labExamples", countDemo);
    click("labUnload");
    QVERIFY2(panel->outcome().contains(QStringLiteral("2 reference")),
             qPrintable(panel->outcome()));
    window.selectModule(countDemo);
    QTest::qWait(50);
    QVERIFY(window.grab().save(
        QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/mainwindow/lab-panel.png")));
    click("labStop");
    QTRY_COMPARE_WITH_TIMEOUT(refcount(), 0, 10000);
    click("labUnload");
    QCOMPARE(panel->outcome(), QStringLiteral("count_demo: done."));
    // Selected, it stays on screen, shown as unloaded, until the user
    // chooses another module; then its row goes.
    const auto state = [&] {
        const int row = moduleRow(window, countDemo);
        return row < 0 ? QString()
                       : table->model()->index(row, ModuleListModel::State).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("unloaded"), 10000);
    const QAbstractItemModel *rows = table->model();
    const QString other = rows->index(0, ModuleListModel::Name).data().toString() == countDemo
                              ? rows->index(1, ModuleListModel::Name).data().toString()
                              : rows->index(0, ModuleListModel::Name).data().toString();
    window.selectModule(other);
    QTRY_COMPARE_WITH_TIMEOUT(moduleRow(window, countDemo), -1, 10000);
}

QTEST_MAIN(TestMainWindowLab)
#include "tst_mainwindow_lab.moc"
