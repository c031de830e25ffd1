// SPDX-License-Identifier: GPL-3.0-or-later
// The main window under the offscreen platform: built on a snapshot file,
// and on this machine's own kernel. Each view is grabbed as a PNG into the
// build directory (tests/gui/mainwindow/*.png) for a person to look at.
#include "graph/dependencygraphview.h"
#include "graph/graphcanvas.h"
#include "graph/modulenodeitem.h"
#include "inventory/snapshotjson.h"
#include "models/modulelistmodel.h"
#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"
#include "sources/localsnapshotsource.h"
#include "sources/privilegedsnapshotsource.h"
#include "window/detailsdock.h"
#include "window/mainwindow.h"
#include "window/moduleinfodialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGraphicsScene>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
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
    void showsASavedSnapshot();
    void switchesToAnotherSnapshotWithoutReset();
    void noLoadableModulesOnThisMachine();
    void anUnloadedModuleStaysSelected();
    void aFailedSwitchShowsNoOtherMachinesModules();
    void leavingTheLabAsksFirst();
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
    // The source's name only: Qt appends the application's display name,
    // so "RefScope" in the title too would show it twice.
    QCOMPARE(window.windowTitle(), QStringLiteral("snapshot.json"));
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
    grab(&window, QStringLiteral("unloaded-kept"));

    // Another refresh keeps it; choosing another module lets it go.
    window.source()->refresh();
    QVERIFY(ready.wait(10000));
    QCOMPARE(selectedRow(table), QStringLiteral("testmod"));
    window.selectModule(QStringLiteral("virtio"));
    QVERIFY(!tableNames(table).contains(QStringLiteral("testmod")));
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

void TestMainWindow::leavingTheLabAsksFirst()
{
    MainWindow window;
    window.resize(1280, 760);
    window.setSource(new FixtureLab);
    window.show();
    waitForSnapshot(window);
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QVERIFY(table->model()->rowCount() > 0);
    auto *asRoot = window.findChild<QAction *>(QStringLiteral("readAsRootAction"));

    // Cancelled: the lab stays, with its modules.
    QString question;
    QTimer::singleShot(50, [&question] { question = answerQuestion({}); });
    asRoot->trigger();
    QVERIFY2(question.contains(QLatin1String("shuts the lab guest down")) &&
                 question.contains(QLatin1String("lost")),
             qPrintable(question));
    QVERIFY(qobject_cast<LabSnapshotSource *>(window.source()));
    QVERIFY(table->model()->rowCount() > 0);

    // Agreed, and pkexec cannot even start (it is not on the PATH): the
    // guest's modules are gone, not shown as this machine's, and the page
    // offers this machine without root.
    QTemporaryDir emptyPath;
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", emptyPath.path().toLocal8Bit());
    QTimer::singleShot(50, [] { answerQuestion(QStringLiteral("leaveLabButton")); });
    asRoot->trigger();
    QVERIFY(qobject_cast<PrivilegedSnapshotSource *>(window.source()));
    QSignalSpy failed(window.source(), &SnapshotSource::failed);
    QVERIFY(failed.wait(10000));
    qputenv("PATH", path);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("kernelLabel"))->text().isEmpty());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("sourceLabel"))->text(),
             QStringLiteral("this machine, as root"));
    QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget()->objectName(),
             QStringLiteral("messagePage"));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("messageButton"));
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("Read without root"));
    grab(&window, QStringLiteral("root-refused"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
