// SPDX-License-Identifier: GPL-3.0-or-later
// The main window under the offscreen platform: built on a snapshot file,
// and on this machine's own kernel. Each view is grabbed as a PNG into the
// build directory (tests/gui/mainwindow/*.png) for a person to look at.
#include "graph/dependencygraphview.h"
#include "graph/graphcanvas.h"
#include "graph/modulenodeitem.h"
#include "holders/holdersdock.h"
#include "inventory/snapshotjson.h"
#include "models/modulelistmodel.h"
#include "settings/uilanguage.h"
#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"
#include "sources/localsnapshotsource.h"
#include "sources/privilegedsnapshotsource.h"
#include "timeline/timelinewidget.h"
#include "window/detailsdock.h"
#include "window/labpanel.h"
#include "window/mainwindow.h"
#include "window/moduleinfodialog.h"
#include "window/targetlist.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGraphicsScene>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>

using namespace refscope;

namespace {

QString grabPath(const QString &name)
{
    return QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/mainwindow/%1.png").arg(name);
}

void grab(QWidget *window, const QString &name)
{
    // Let the layouts settle (they update on posted events) before painting.
    QTest::qWait(50);
    QVERIFY(window->grab().save(grabPath(name)));
}

// Waits for the window's source to deliver its first snapshot; a source
// that fails fails the test with its message.
void waitForSnapshot(MainWindow &window)
{
    QSignalSpy ready(window.source(), &SnapshotSource::snapshotReady);
    QSignalSpy failed(window.source(), &SnapshotSource::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
}

ModuleNodeItem *nodeItem(DependencyGraphView *graph, const QString &name)
{
    for (QGraphicsItem *item : graph->scene()->items()) {
        auto *node = dynamic_cast<ModuleNodeItem *>(item);
        if (node && node->moduleName() == name)
            return node;
    }
    return nullptr;
}

QString selectedRow(QTableView *table)
{
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    return selected.isEmpty() ? QString() : selected.first().data().toString();
}

QStringList tableNames(QTableView *table)
{
    QStringList names;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        names.append(table->model()->index(row, ModuleListModel::Name).data().toString());
    return names;
}

// The lab guest as the window sees it, without booting one: its snapshots
// are the 6.1 guest's, read from the fixture.
class FixtureLab : public LabSnapshotSource {
protected:
    void startRead() override
    {
        QFile file(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json"));
        Snapshot snapshot;
        QString error;
        if (file.open(QIODevice::ReadOnly) &&
            snapshotFromJson(QJsonDocument::fromJson(file.readAll()).object(), &snapshot, &error))
            finishRead(snapshot);
        else
            failRead(error);
    }
};

// Answers the modal question shown now with the button `objectName`
// (empty: Cancel) and returns its text; call it from a timer while the
// question runs.
QString answerQuestion(const QString &objectName)
{
    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
    if (!box)
        return {};
    const QString text = box->text() + u'\n' + box->informativeText();
    QAbstractButton *button = objectName.isEmpty() ? box->button(QMessageBox::Cancel)
                                                   : box->findChild<QAbstractButton *>(objectName);
    if (button)
        button->click();
    return text;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    // No layout saved by another run (nor by another checkout's) gets in
    // the way, and none is left behind.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { UiLanguage::install(QStringLiteral("en")); }
    void showsASavedSnapshot();
    void switchesToAnotherSnapshotWithoutReset();
    void noLoadableModulesOnThisMachine();
    void anUnloadedModuleStaysSelected();
    void moduleMenuAndTableOfferTheSameActions_data();
    void moduleMenuAndTableOfferTheSameActions();
    void aFailedSwitchShowsNoOtherMachinesModules();
    void readAsRootBesideTheLab();
    void bootingTheLabAgainAsksFirst();
    void bootingTheLabSaysHowLongItTakes();
    void quittingAsksForTheCaptureOfATargetNotShown();
    void targetsKeepTheirOwnState_data();
    void targetsKeepTheirOwnState();
};

void TestMainWindow::showsASavedSnapshot()
{
    const QString fixture = QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json");
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(new FileSnapshotSource(fixture));
    window.show();
    waitForSnapshot(window);
    if (QTest::currentTestFailed())
        return;

    auto *pages = window.findChild<QStackedWidget *>();
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QCOMPARE(pages->currentWidget(), tabs);
    QVERIFY(table->model()->rowCount() > 0);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("kernelLabel"))->text().contains("6.1"));

    // A module another one uses: the dock names the user as a link, and
    // following the link selects the user everywhere.
    QAbstractItemModel *rows = table->model();
    QString used, user;
    for (int row = 0; row < rows->rowCount() && used.isEmpty(); ++row) {
        const QModelIndex index = rows->index(row, ModuleListModel::Name);
        const QStringList holders = index.data(ModuleListModel::HoldersRole).toStringList();
        if (!holders.isEmpty()) {
            used = index.data().toString();
            user = holders.first();
        }
    }
    QVERIFY2(!used.isEmpty(), "the fixture has no module used by another");
    window.selectModule(used);
    QCOMPARE(selectedRow(table), used);
    auto *dock = window.findChild<DetailsDock *>();
    QVERIFY2(dock->text().contains(user), qPrintable(dock->text()));
    grab(&window, QStringLiteral("modules"));
    emit window.findChild<QTextBrowser *>(QStringLiteral("detailsFields"))
        ->anchorClicked(QUrl(QStringLiteral("module:") + user));
    QCOMPARE(window.selectedModule(), user);
    QCOMPARE(selectedRow(table), user);

    // The filter keeps the module, its users and its dependencies; a filter
    // that hides the selected row gives the selection back once cleared.
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
    search->setText(used);
    QVERIFY(tableNames(table).contains(used));
    QVERIFY(tableNames(table).contains(user));
    QVERIFY(tableNames(table).size() < window.findChild<QLabel *>(QStringLiteral("countLabel"))
                                           ->text()
                                           .split(' ')
                                           .first()
                                           .toInt());
    search->setText(QStringLiteral("no-such-module-anywhere"));
    QCOMPARE(rows->rowCount(), 0);
    search->clear();
    QCOMPARE(selectedRow(table), user);

    // The graph shows the same selection, and a click on a node selects
    // the module's row.
    auto *graph = window.findChild<DependencyGraphView *>(QStringLiteral("graphView"));
    tabs->setCurrentWidget(graph);
    QTRY_VERIFY_WITH_TIMEOUT(nodeItem(graph, used), 20000);
    QCOMPARE(graph->selectedModule(), user);
    auto *canvas = graph->findChild<GraphCanvas *>();
    QTest::qWait(50);
    const QPoint at = canvas->mapFromScene(nodeItem(graph, used)->sceneBoundingRect().center());
    QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(window.selectedModule(), used);
    QCOMPARE(selectedRow(table), used);
    grab(&window, QStringLiteral("graph"));

    tabs->setCurrentIndex(tabs->count() - 1);
    grab(&window, QStringLiteral("builtin"));
}

void TestMainWindow::switchesToAnotherSnapshotWithoutReset()
{
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json")));
    window.show();
    waitForSnapshot(window);
    window.selectModule(QStringLiteral("virtio_ring"));

    // A few hundred modules more, one of them still selected: rows arrive
    // as inserts, so the selection stays.
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QSignalSpy resets(table->model(), &QAbstractItemModel::modelReset);
    // The user closed the details dock: another source keeps it closed.
    window.findChild<DetailsDock *>()->close();
    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-many-modules.json")));
    waitForSnapshot(window);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!window.findChild<DetailsDock *>()->isVisible());
    QCOMPARE(resets.count(), 0);
    QVERIFY(table->model()->rowCount() > 200);
    QCOMPARE(selectedRow(table), QStringLiteral("virtio_ring"));

    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    auto *graph = window.findChild<DependencyGraphView *>(QStringLiteral("graphView"));
    tabs->setCurrentWidget(graph);
    // Too many modules to read at once: the graph shows the selected
    // module's neighbourhood.
    QCOMPARE(graph->focusModule(), QStringLiteral("virtio_ring"));
    QTRY_VERIFY_WITH_TIMEOUT(nodeItem(graph, QStringLiteral("virtio_ring")), 60000);
    QVERIFY(graph->shownGraph().nodes().size() < 30);
    grab(&window, QStringLiteral("graph-many"));
}

void TestMainWindow::anUnloadedModuleStaysSelected()
{
    // The 6.1 guest with the example modules, then the same guest once they
    // were unloaded (as a force release does): the selection stays on
    // testmod, shown as unloaded, instead of jumping to a neighbour.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snapshot.json"));
    QVERIFY(QFile::copy(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json"), path));
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(new FileSnapshotSource(path));
    window.show();
    waitForSnapshot(window);
    window.selectModule(QStringLiteral("testmod"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QCOMPARE(selectedRow(table), QStringLiteral("testmod"));
    // The source's name and its kernel: Qt appends the application's
    // display name, so "RefScope" in the title too would show it twice.
    QCOMPARE(window.windowTitle(), QStringLiteral("snapshot.json (kernel 6.1.0-56-amd64)"));
    // The Module menu does more than force a release.
    auto *copy = window.findChild<QAction *>(QStringLiteral("copyNameAction"));
    QVERIFY(copy && copy->isEnabled());
    copy->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("testmod"));
    QVERIFY(table->actions().contains(copy));
    // Module information: what modinfo says, from the snapshot.
    window.selectModule(QStringLiteral("virtio_pci"));
    auto *info = window.findChild<QAction *>(QStringLiteral("moduleInfoAction"));
    QVERIFY(info && info->isEnabled() && table->actions().contains(info));
    info->trigger();
    auto *infoDialog = window.findChild<ModuleInfoDialog *>();
    QVERIFY(infoDialog);
    for (const char *fact : {"2526A0E335FCA2331138131", "/kernel/drivers/virtio/virtio_pci.ko",
                             "force_legacy: N", "License: "})
        QVERIFY2(infoDialog->text().contains(QLatin1String(fact)), qPrintable(infoDialog->text()));
    grab(infoDialog, QStringLiteral("module-information"));
    infoDialog->close();
    window.selectModule(QStringLiteral("testmod"));
    window.findChild<QAction *>(QStringLiteral("showInTimelineAction"))->trigger();
    QCOMPARE(
        window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->currentWidget()->objectName(),
        QStringLiteral("timeline"));

    QVERIFY(QFile::remove(path));
    QVERIFY(QFile::copy(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-stock.json"), path));
    QSignalSpy ready(window.source(), &SnapshotSource::snapshotReady);
    window.source()->refresh();
    QVERIFY(ready.wait(10000));
    QCOMPARE(window.selectedModule(), QStringLiteral("testmod"));
    QCOMPARE(selectedRow(table), QStringLiteral("testmod"));
    const QModelIndex row = table->selectionModel()->selectedRows().value(0);
    QCOMPARE(row.siblingAtColumn(ModuleListModel::State).data().toString(),
             QStringLiteral("unloaded"));
    QVERIFY(window.findChild<DetailsDock *>()->text().contains(
        QStringLiteral("testmod is not loaded now.")));
    // The Force release button's place says why, of testmod, not of a
    // neighbour the selection could have jumped to.
    const QString reason = window.findChild<QLabel *>(QStringLiteral("forceReleaseReason"))->text();
    QVERIFY2(reason.contains(QLatin1String("testmod")), qPrintable(reason));
    grab(&window, QStringLiteral("unloaded-kept"));

    // Another refresh keeps it; choosing another module lets it go.
    window.source()->refresh();
    QVERIFY(ready.wait(10000));
    QCOMPARE(selectedRow(table), QStringLiteral("testmod"));
    window.selectModule(QStringLiteral("virtio"));
    QVERIFY(!tableNames(table).contains(QStringLiteral("testmod")));
}

void TestMainWindow::moduleMenuAndTableOfferTheSameActions_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// The Module menu and the table's context menu hold more than Force
// release, the same actions in the same order, each doing what it says.
void TestMainWindow::moduleMenuAndTableOfferTheSameActions()
{
    QFETCH(QString, language);
    QVERIFY(UiLanguage::install(language));
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json")));
    window.show();
    waitForSnapshot(window);
    if (QTest::currentTestFailed())
        return;
    window.selectModule(QStringLiteral("virtio_ring"));

    const QStringList expected = {
        QStringLiteral("showInGraphAction"), QStringLiteral("showInTimelineAction"),
        QStringLiteral("showHoldersAction"), QStringLiteral("moduleInfoAction"),
        QStringLiteral("copyNameAction"),    QStringLiteral("forceReleaseAction")};
    const auto names = [](const QList<QAction *> &actions) {
        QStringList found;
        for (const QAction *action : actions)
            if (!action->isSeparator())
                found.append(action->objectName());
        return found;
    };
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    QCOMPARE(names(table->actions()), expected);
    QMenu *moduleMenu = nullptr;
    for (QAction *action : window.menuBar()->actions())
        if (action->menu() && action->menu()->actions().contains(table->actions().first()))
            moduleMenu = action->menu();
    QVERIFY(moduleMenu);
    QCOMPARE(names(moduleMenu->actions()), expected);
    for (QAction *action : table->actions()) {
        QVERIFY2(!action->text().isEmpty(), qPrintable(action->objectName()));
        // Translated: no English word left in the Chinese menu.
        if (language != QLatin1String("en"))
            QVERIFY2(!action->text().contains(QRegularExpression(QStringLiteral("[a-z]{3}"))),
                     qPrintable(action->text()));
    }
    moduleMenu->popup(window.mapToGlobal(QPoint(120, 30)));
    QTest::qWait(50);
    QVERIFY(moduleMenu->grab().save(grabPath(QStringLiteral("module-menu-%1").arg(language))));
    moduleMenu->hide();

    // Show in graph: the graph tab, centred on the module.
    window.findChild<QAction *>(QStringLiteral("showInGraphAction"))->trigger();
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    auto *graph = window.findChild<DependencyGraphView *>(QStringLiteral("graphView"));
    QCOMPARE(tabs->currentWidget(), graph);
    QCOMPARE(graph->focusModule(), QStringLiteral("virtio_ring"));
    QCOMPARE(graph->selectedModule(), QStringLiteral("virtio_ring"));

    // Show holders: the Holders dock comes to the front of the details it
    // shares its place with, and back after the user closed it.
    auto *holders = window.findChild<HoldersDock *>();
    auto *details = window.findChild<DetailsDock *>();
    QVERIFY(window.tabifiedDockWidgets(details).contains(holders));
    // A tab behind another stays "visible", moved out of the window.
    const auto inFront = [](QWidget *dock) {
        return dock->isVisible() && !dock->visibleRegion().isEmpty();
    };
    details->raise();
    QTRY_VERIFY(!inFront(holders));
    window.findChild<QAction *>(QStringLiteral("showHoldersAction"))->trigger();
    QTRY_VERIFY(inFront(holders));
    QVERIFY(!inFront(details));
    holders->close();
    window.findChild<QAction *>(QStringLiteral("showHoldersAction"))->trigger();
    QTRY_VERIFY(inFront(holders));
    QVERIFY2(holders->message().contains(QLatin1String("virtio_ring")),
             qPrintable(holders->message()));
    UiLanguage::install(QStringLiteral("en"));
}

void TestMainWindow::noLoadableModulesOnThisMachine()
{
    if (QFile::exists(QStringLiteral("/proc/modules")))
        QSKIP("this kernel has loadable modules; the message is for kernels without them");
    MainWindow window;
    window.resize(1000, 640);
    window.setSource(new LocalSnapshotSource);
    window.show();
    waitForSnapshot(window);
    if (QTest::currentTestFailed())
        return;

    auto *pages = window.findChild<QStackedWidget *>();
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("messagePage"));
    const QString title = window.findChild<QLabel *>(QStringLiteral("messageTitle"))->text();
    QVERIFY2(title.contains("no loadable module support"), qPrintable(title));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("messageButton"));
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("Open the lab"));
    grab(&window, QStringLiteral("no-module-support"));
}

void TestMainWindow::aFailedSwitchShowsNoOtherMachinesModules()
{
    // The guest's modules, then a source that fails before its first
    // snapshot: the guest's rows must not stay under the new source's name.
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json")));
    window.show();
    waitForSnapshot(window);
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QVERIFY(table->model()->rowCount() > 0);
    window.setSource(new FileSnapshotSource(QStringLiteral("/nonexistent/snapshot.json")));
    QSignalSpy failed(window.source(), &SnapshotSource::failed);
    QVERIFY(failed.wait(10000));
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("kernelLabel"))->text().isEmpty());
    QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget()->objectName(),
             QStringLiteral("messagePage"));
}

void TestMainWindow::readAsRootBesideTheLab()
{
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(new FixtureLab);
    window.show();
    waitForSnapshot(window);
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    const QStringList labRows = tableNames(table);
    QVERIFY(!labRows.isEmpty());
    window.selectModule(QStringLiteral("count_demo"));
    const QString labTitle = window.windowTitle();
    QVERIFY2(labTitle.startsWith(QLatin1String("lab guest (kernel ")), qPrintable(labTitle));
    auto *lab = qobject_cast<LabSnapshotSource *>(window.source());

    // Read as root adds this machine beside the guest, asking nothing: the
    // guest goes on. pkexec cannot even start (it is not on the PATH): the
    // guest's modules are not shown as this machine's, and the page offers
    // this machine without root.
    QTemporaryDir emptyPath;
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", emptyPath.path().toLocal8Bit());
    window.findChild<QAction *>(QStringLiteral("readAsRootAction"))->trigger();
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(qobject_cast<PrivilegedSnapshotSource *>(window.source()));
    QSignalSpy failed(window.source(), &SnapshotSource::failed);
    QVERIFY(failed.wait(10000));
    qputenv("PATH", path);
    QCOMPARE(window.targets()->count(), 2);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("kernelLabel"))->text().isEmpty());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("sourceLabel"))->text(),
             QStringLiteral("this machine, as root"));
    // Nor does the title name the guest's kernel.
    QCOMPARE(window.windowTitle(), QStringLiteral("this machine, as root"));
    QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget()->objectName(),
             QStringLiteral("messagePage"));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("messageButton"));
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("Read without root"));
    grab(&window, QStringLiteral("root-refused"));

    // The guest is still there, as it was left.
    auto *switcher = window.findChild<QComboBox *>(QStringLiteral("targetSwitcher"));
    QCOMPARE(switcher->count(), 2);
    emit switcher->activated(0);
    QCOMPARE(window.source(), lab);
    QCOMPARE(window.windowTitle(), labTitle);
    QCOMPARE(tableNames(table), labRows);
    QCOMPARE(selectedRow(table), QStringLiteral("count_demo"));

    // "Read without root" takes the refused target's place.
    emit switcher->activated(1);
    button->click();
    QCOMPARE(window.targets()->count(), 2);
    QVERIFY(qobject_cast<LocalSnapshotSource *>(window.source()));
    QCOMPARE(window.targets()->indexOf(lab), 0);
}

void TestMainWindow::bootingTheLabAgainAsksFirst()
{
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(new FixtureLab);
    window.show();
    waitForSnapshot(window);
    SnapshotSource *lab = window.source();
    // Opening the lab again is the same target: shown, not booted twice.
    window.openLab();
    QCOMPARE(window.source(), lab);
    QCOMPARE(window.targets()->count(), 1);

    // Another kernel from the Lab panel shuts this guest down: cancelled,
    // the guest stays.
    QString question;
    QTimer::singleShot(50, [&question] { question = answerQuestion({}); });
    emit window.findChild<LabPanel *>()->bootRequested(QStringLiteral("6.12.118+deb12-amd64"));
    QVERIFY2(question.contains(QLatin1String("shuts the lab guest down")) &&
                 question.contains(QLatin1String("lost")),
             qPrintable(question));
    QCOMPARE(window.source(), lab);
    QCOMPARE(window.targets()->count(), 1);
}

void TestMainWindow::bootingTheLabSaysHowLongItTakes()
{
    // A kernel that is not installed fails before QEMU starts; the window
    // has said what it is doing by then. The guest boots in about ten
    // seconds under TCG (tst_lab_launcher measures it): the page must not
    // promise "a minute or so".
    LabOptions options;
    options.kernelRelease = QStringLiteral("0.0.0-not-installed");
    auto *lab = new LabSnapshotSource(options);
    QSignalSpy progress(lab, &LabSnapshotSource::progress);
    QSignalSpy failed(lab, &SnapshotSource::failed);
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(lab);
    window.show();
    QTRY_VERIFY(!progress.isEmpty());
    const QString said = progress.first().first().toString();
    QVERIFY2(said.contains(QLatin1String("ten seconds")) && !said.contains(QLatin1String("minute")),
             qPrintable(said));
    QVERIFY(failed.wait(10000));
}

void TestMainWindow::quittingAsksForTheCaptureOfATargetNotShown()
{
    // A capture not saved on the first target (a real recording standing in
    // for its events), then another target shown: quitting still asks,
    // naming the target the capture belongs to.
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json")));
    window.show();
    waitForSnapshot(window);
    auto *timeline = window.findChild<TimelineWidget *>();
    timeline->openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat"));
    QTRY_VERIFY_WITH_TIMEOUT(timeline->store(), 30000);
    timeline->setUnsavedCapture(true);
    const QString firstTitle = window.windowTitle();
    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-stock-6.12.json")));
    waitForSnapshot(window);
    QVERIFY(!timeline->hasUnsavedCapture()); // the shown target has none

    QString question;
    QTimer::singleShot(50, [&question] { question = answerQuestion({}); });
    QVERIFY(!window.close());
    QVERIFY2(question.contains(QLatin1String("quitting")) && question.contains(firstTitle),
             qPrintable(question));
    QVERIFY(window.isVisible());
    QTimer::singleShot(50, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *button : box->buttons())
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
    });
    QVERIFY(window.close());
}

void TestMainWindow::targetsKeepTheirOwnState_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// Two snapshot files as two targets, one with a recording on its
// timeline: switching back and forth shows each one's rows, selected
// module, Holders dock and timeline, without reading anything again.
void TestMainWindow::targetsKeepTheirOwnState()
{
    QFETCH(QString, language);
    QVERIFY(UiLanguage::install(language));
    MainWindow window;
    window.resize(1280, 760);
    const QString examples = QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json");
    const QString stock = QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-stock-6.12.json");
    window.setSource(new FileSnapshotSource(examples));
    window.show();
    waitForSnapshot(window);
    SnapshotSource *first = window.source();
    window.selectModule(QStringLiteral("loop"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    auto *holders = window.findChild<HoldersDock *>();
    auto *timeline = window.findChild<TimelineWidget *>();
    timeline->openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat"));
    QTRY_VERIFY_WITH_TIMEOUT(timeline->store(), 30000);
    const auto firstStore = timeline->store();
    const QString firstRecording = timeline->description();
    const QStringList firstRows = tableNames(table);
    const QString firstTitle = window.windowTitle();
    QVERIFY2(holders->message().contains(QLatin1String("loop")), qPrintable(holders->message()));

    window.setSource(new FileSnapshotSource(stock));
    waitForSnapshot(window);
    if (QTest::currentTestFailed())
        return;
    SnapshotSource *second = window.source();
    QVERIFY(second != first);
    QCOMPARE(window.targets()->count(), 2);
    // Its own timeline, empty, and its own rows.
    QVERIFY(!timeline->store());
    const QStringList secondRows = tableNames(table);
    QVERIFY(secondRows != firstRows);
    QVERIFY(secondRows.contains(QStringLiteral("overlay")));
    window.selectModule(QStringLiteral("overlay"));
    QVERIFY2(holders->message().contains(QLatin1String("overlay")), qPrintable(holders->message()));
    const QString secondTitle = window.windowTitle();
    QVERIFY2(secondTitle.contains(QLatin1String("6.12")), qPrintable(secondTitle));

    auto *switcher = window.findChild<QComboBox *>(QStringLiteral("targetSwitcher"));
    QCOMPARE(switcher->count(), 2);
    QCOMPARE(switcher->currentIndex(), 1);
    QCOMPARE(switcher->currentText(), secondTitle);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    tabs->setCurrentIndex(0);
    grab(&window, QStringLiteral("targets-second-%1").arg(language));

    // Back to the first: as it was left.
    emit switcher->activated(0);
    QCOMPARE(window.source(), first);
    QCOMPARE(switcher->currentIndex(), 0);
    QCOMPARE(window.windowTitle(), firstTitle);
    QCOMPARE(tableNames(table), firstRows);
    QCOMPARE(selectedRow(table), QStringLiteral("loop"));
    QCOMPARE(window.selectedModule(), QStringLiteral("loop"));
    QVERIFY2(holders->message().contains(QLatin1String("loop")), qPrintable(holders->message()));
    QCOMPARE(timeline->store(), firstStore);
    QCOMPARE(timeline->description(), firstRecording);
    tabs->setCurrentWidget(timeline);
    grab(&window, QStringLiteral("targets-first-timeline-%1").arg(language));

    // The Targets menu lists both, the shown one checked.
    auto *menu = window.findChild<QMenu *>(QStringLiteral("targetMenu"));
    emit menu->aboutToShow();
    const QList<QAction *> items = menu->actions();
    QVERIFY(items.size() >= 4);
    QCOMPARE(items.at(0)->text(), firstTitle);
    QCOMPARE(items.at(1)->text(), secondTitle);
    QVERIFY(items.at(0)->isChecked() && !items.at(1)->isChecked());
    menu->popup(window.mapToGlobal(QPoint(300, 30)));
    QTest::qWait(50);
    QVERIFY(menu->grab().save(grabPath(QStringLiteral("targets-menu-%1").arg(language))));
    menu->hide();
    // Chosen there (the menu was made anew as it opened), the second again,
    // with its selection.
    menu->actions().at(1)->trigger();
    QCOMPARE(window.source(), second);
    QCOMPARE(selectedRow(table), QStringLiteral("overlay"));
    QVERIFY(!timeline->store());

    // The same file again is the same target: shown, not added.
    window.setSource(new FileSnapshotSource(examples));
    QCOMPARE(window.targets()->count(), 2);
    QCOMPARE(window.source(), first);
    QCOMPARE(timeline->store(), firstStore);

    // Close target: the other one shows; the last one closed leaves a page
    // that offers this machine.
    window.findChild<QAction *>(QStringLiteral("closeTargetAction"))->trigger();
    QCOMPARE(window.targets()->count(), 1);
    QCOMPARE(window.source(), second);
    QCOMPARE(tableNames(table), secondRows);
    window.findChild<QAction *>(QStringLiteral("closeTargetAction"))->trigger();
    QCOMPARE(window.targets()->count(), 0);
    QVERIFY(!window.source());
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget()->objectName(),
             QStringLiteral("messagePage"));
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("messageButton"))->isVisible());
    UiLanguage::install(QStringLiteral("en"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
