// SPDX-License-Identifier: GPL-3.0-or-later
// A session saved from the window's state and reopened in another window
// brings everything back: the module list, every event (count per module,
// final counts) and the holder reports, shown in the Holders dock as saved.
// The state is real: a session recorded in the lab guest (its snapshot and
// loop's holder report, tests/fixtures/README.md) with the events of a
// trace.dat recorded there opened over it.
#include "holders/holdersdock.h"
#include "models/eventtablemodel.h"
#include "models/modulelistmodel.h"
#include "session/sessionactions.h"
#include "session/sessionsnapshotsource.h"
#include "settings/usersettings.h"
#include "timeline/eventpane.h"
#include "timeline/timelinechartview.h"
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace refscope;

namespace {

const QString kSessionV1 = QStringLiteral(REFSCOPE_FIXTURES_DIR "/session-v1-loop.rscope");
const QString kTrace = QStringLiteral(REFSCOPE_TRACES_DIR "/loop-with-stacks.dat");

// Opens a recording in the window's timeline and waits until it shows.
bool openRecording(MainWindow &window, const QString &path)
{
    auto *timeline = window.findChild<TimelineWidget *>();
    QSignalSpy changed(timeline, &TimelineWidget::storeChanged);
    QSignalSpy failed(timeline, &TimelineWidget::failed);
    timeline->openRecording(path);
    if (!QTest::qWaitFor([&] { return !changed.isEmpty() || !failed.isEmpty(); }, 60000))
        return false;
    if (!failed.isEmpty())
        qWarning("%s", qPrintable(failed.value(0).value(0).toString()));
    return failed.isEmpty();
}

QStringList moduleNames(MainWindow &window)
{
    QStringList names;
    const QAbstractItemModel *model = window.findChild<QTableView *>("moduleTable")->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, ModuleListModel::Name).data().toString());
    names.sort();
    return names;
}

// Per module: events, and the count before the first and after the last.
QMap<QString, QList<qint64>> curves(const EventStore &store)
{
    QMap<QString, QList<qint64>> result;
    for (int id = 0; id < store.moduleCount(); ++id)
        result.insert(store.moduleName(id),
                      {qint64(store.eventsOf(id).size()),
                       store.countAt(id, std::numeric_limits<qint64>::min()),
                       store.countAt(id, std::numeric_limits<qint64>::max())});
    return result;
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTripIsExact();
    void opensAsItWasLeft();
};

void TestSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UserSettings().clearRecentFiles();
}

void TestSession::roundTripIsExact()
{
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("round.rscope"));
    MainWindow window;
    window.resize(1200, 760);
    window.show();

    // The recorded session: its snapshot replaces the window's modules
    // (read-only), its holder report goes to the dock, marked as saved.
    QVERIFY(openRecording(window, kSessionV1));
    QTRY_VERIFY(qobject_cast<SessionSnapshotSource *>(window.source()));
    QTRY_VERIFY(!moduleNames(window).isEmpty());
    QVERIFY(moduleNames(window).contains(QStringLiteral("loop")));
    window.selectModule(QStringLiteral("loop"));
    auto *dock = window.findChild<HoldersDock *>();
    QTRY_COMPARE(dock->report().module, QStringLiteral("loop"));
    QVERIFY2(dock->message().contains(QLatin1String("Saved in the session file")),
             qPrintable(dock->message()));
    QCOMPARE(dock->report().holders.first().path, QStringLiteral("/dev/loop-control"));

    // Then a trace.dat from the guest in the timeline, and the whole saved.
    QVERIFY(openRecording(window, kTrace));
    auto *timeline = window.findChild<TimelineWidget *>();
    QCOMPARE(timeline->store()->size(), std::size_t(4000));
    auto *sessions = window.findChild<SessionActions *>();
    QSignalSpy done(sessions, &SessionActions::saved);
    QSignalSpy failed(sessions, &SessionActions::failed);
    sessions->save(saved);
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY(!sessions->isSaving());

    // Reopened in another window: the same modules, events and holders.
    MainWindow again;
    again.resize(1200, 760);
    again.show();
    QVERIFY(openRecording(again, saved));
    QTRY_VERIFY(qobject_cast<SessionSnapshotSource *>(again.source()));
    QTRY_COMPARE(moduleNames(again), moduleNames(window));
    auto *reopened = again.findChild<TimelineWidget *>();
    QCOMPARE(reopened->store()->size(), timeline->store()->size());
    QCOMPARE(curves(*reopened->store()), curves(*timeline->store()));
    QCOMPARE(reopened->store()->lostEventCount(), timeline->store()->lostEventCount());
    auto *againDock = again.findChild<HoldersDock *>();
    QCOMPARE(againDock->seenReports(), dock->seenReports());
    again.selectModule(QStringLiteral("loop"));
    QTRY_COMPARE(againDock->report(), dock->report());
    QVERIFY(againDock->message().contains(QLatin1String("Saved in the session file")));

    // Every recording opened or saved is in the recent files.
    const QStringList recent = UserSettings().recentFiles();
    for (const QString &path : {kSessionV1, kTrace, saved})
        QVERIFY2(recent.contains(QFileInfo(path).absoluteFilePath()), qPrintable(path));
}

// The view goes with the session: the selected module, the zoom, markers
// A and B and the event table's filters come back in another window, and
// the screenshot of both shows the same timeline.
void TestSession::opensAsItWasLeft()
{
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("view.rscope"));
    MainWindow window;
    window.resize(1200, 760);
    window.show();
    QVERIFY(openRecording(window, kTrace));
    auto *timeline = window.findChild<TimelineWidget *>();
    const EventStore &store = *timeline->store();
    window.selectModule(QStringLiteral("loop"));
    TimelineChartView *chart = timeline->chartView();
    const qint64 from = store.timestampNs(1000);
    const qint64 to = store.timestampNs(2000);
    chart->setWindow(from, to);
    chart->setMarkerA(store.timestampNs(1200));
    chart->setMarkerB(store.timestampNs(1800));
    timeline->eventPane()->setKindFilter(ModuleEventKind::Put);
    const SessionView shown = timeline->view();
    QCOMPARE(shown.selectedModule, QStringLiteral("loop"));
    QCOMPARE(shown.fromNs, std::optional<qint64>(from));
    QCOMPARE(shown.filterKind, std::optional<ModuleEventKind>(ModuleEventKind::Put));

    auto *sessions = window.findChild<SessionActions *>();
    QSignalSpy done(sessions, &SessionActions::saved);
    QSignalSpy failed(sessions, &SessionActions::failed);
    sessions->save(saved);
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

    MainWindow again;
    again.resize(1200, 760);
    again.show();
    QVERIFY(openRecording(again, saved));
    auto *reopened = again.findChild<TimelineWidget *>();
    QTRY_VERIFY(reopened->view() == shown);
    QCOMPARE(reopened->chartView()->windowStartNs(), from);
    QCOMPARE(reopened->chartView()->windowEndNs(), to);
    QCOMPARE(reopened->eventPane()->model()->filter().kind,
             std::optional<ModuleEventKind>(ModuleEventKind::Put));
    QTRY_COMPARE(again.selectedModule(), QStringLiteral("loop"));
    // The table follows A-B, as it did when the session was saved.
    const EventTableModel *table = reopened->eventPane()->model();
    QTRY_VERIFY(table->rowCount() > 0 &&
                table->index(0, 0).data(EventTableModel::TimestampRole).toLongLong() >=
                    store.timestampNs(1200));
    window.grab().save(dir.filePath(QStringLiteral("left.png")));
    const QString shot = QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/session/reopened-view.png");
    QVERIFY(again.grab().save(shot));
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
