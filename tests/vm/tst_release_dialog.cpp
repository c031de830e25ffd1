// SPDX-License-Identifier: GPL-3.0-or-later
// "Force release…" from the main window on the lab guest (Debian's real
// 6.1 kernel under QEMU): leaky_ref leaks one reference through its error
// path, the dialog explains it (1 reference, nothing holds it, 1
// unattributed; the timeline's live capture proves it leaked), the user
// types the name, chooses to drop the leaked
// reference and runs; the agent releases it, the module leaves the table
// and the timeline, which captured live meanwhile, marks the release at the
// module's module_free. Saves release-dialog.png and release-timeline.png
// into the build directory for a person to look at.
#include "events/eventstore.h"
#include "guestshell.h"
#include "holders/holdersdock.h"
#include "lab/labpaths.h"
#include "models/modulelistmodel.h"
#include "protocol/agentclient.h"
#include "release/forcerelease.h"
#include "release/lastresortbox.h"
#include "release/releasedialog.h"
#include "sources/labsnapshotsource.h"
#include "testlab.h"
#include "timeline/timelinechartview.h"
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace refscope;

namespace {

int rowOf(QTableView *table, const QString &name)
{
    const QModelIndexList hits =
        table->model()->match(table->model()->index(0, ModuleListModel::Name), Qt::DisplayRole,
                              name, 1, Qt::MatchExactly);
    return hits.isEmpty() ? -1 : hits.first().row();
}

int refcountOf(QTableView *table, const QString &name)
{
    const int row = rowOf(table, name);
    return row < 0 ? -1 : table->model()->index(row, ModuleListModel::Refcount).data().toInt();
}

// The timestamp of the last module_free of `module` in the store, or -1.
qint64 lastFree(const EventStore *store, const QString &module)
{
    const int id = store ? store->findModule(module) : -1;
    if (id < 0)
        return -1;
    const std::span<const std::uint32_t> events = store->eventsOf(id);
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (store->kind(*it) == ModuleEventKind::Free)
            return store->timestampNs(*it);
    }
    return -1;
}

// A radio button takes clicks on its indicator and text only, not on
// the blank rest of its row.
void chooseRadio(QRadioButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

QString examplePath(const QString &module)
{
    for (const QString &path : labExampleModules()) {
        if (path.endsWith(QLatin1Char('/') + module + QLatin1String(".ko")))
            return path;
    }
    return {};
}

} // namespace

class TestReleaseDialog : public QObject {
    Q_OBJECT
private slots:
    void releasesALeakedReferenceFromTheWindow();
};

void TestReleaseDialog::releasesALeakedReferenceFromTheWindow()
{
    const QString missing = labTestPrerequisites();
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    const QString leaky = QStringLiteral("leaky_ref");
    const QString ko = examplePath(leaky);
    QVERIFY2(!ko.isEmpty(), "leaky_ref.ko was not built (kmod-examples)");

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.openLab(); // as the toolbar's "Open the lab" does
    auto *lab = qobject_cast<LabSnapshotSource *>(window.source());
    QVERIFY(lab);
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QTRY_VERIFY2_WITH_TIMEOUT(table->model()->rowCount() > 0,
                              qPrintable(lab->machine()->consoleLog().right(2000)), 300000);
    const GuestShell guest(lab->machine()->agent());

    // Capture live, so the timeline sees the module's whole life.
    auto *timeline = window.findChild<TimelineWidget *>();
    QAction *capture = timeline->findChild<QAction *>(QStringLiteral("captureAction"));
    QTRY_VERIFY_WITH_TIMEOUT(capture->isEnabled(), 30000);
    capture->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(timeline->store() != nullptr, 60000);

    const GuestResult insmod = guest.run(QStringLiteral("insmod ") + ko);
    QVERIFY2(insmod.ok(), qPrintable(insmod.describe()));
    // The error path: write fails with EIO and forgets its module_put.
    guest.run(QStringLiteral("echo oops > /proc/leaky_ref"));
    QTRY_COMPARE_WITH_TIMEOUT(refcountOf(table, leaky), 1, 30000);
    // The capture is the evidence: wait until it holds the leaking get.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto &store = timeline->store();
            const int id = store ? store->findModule(leaky) : -1;
            return id >= 0 && !store->eventsOf(id).empty() &&
                   store->refcount(store->eventsOf(id).back()) == 1;
        }(),
        30000);

    window.selectModule(leaky);
    auto *release = window.findChild<ForceRelease *>();
    QTRY_VERIFY2_WITH_TIMEOUT(release->availability().possible,
                              qPrintable(release->availability().reason), 30000);
    release->action()->trigger();
    ReleaseDialog *dialog = release->dialog();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), 60000);
    QCOMPARE(dialog->plan().report().module, leaky);
    QCOMPARE(dialog->plan().report().refcount, 1);
    QCOMPARE(dialog->plan().report().unattributed, 1);

    LastResortBox *box = dialog->lastResortBox();
    QVERIFY(!box->button(LastResort::DropLeaked)->isEnabled());
    QTest::keyClicks(box->nameField(), leaky);
    chooseRadio(box->button(LastResort::DropLeaked));
    QCOMPARE(dialog->plan().request().lastResort, LastResort::DropLeaked);
    QSignalSpy finished(dialog, &ReleaseDialog::releaseFinished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
    QVERIFY2(dialog->resultText().startsWith(QLatin1String("Released")),
             qPrintable(dialog->resultText() + u'\n' + dialog->stepTexts().join(u'\n')));
    QVERIFY(!dialog->stepTexts().isEmpty());
    QVERIFY(
        dialog->grab().save(QStringLiteral(REFSCOPE_BINARY_DIR "/tests/vm/release-dialog.png")));
    qInfo("%s", qPrintable(dialog->stepTexts().join(u'\n')));

    // Released, it stays selected, shown as unloaded, until the user
    // chooses another module.
    const auto state = [&] {
        const int row = rowOf(table, leaky);
        return row < 0 ? QString()
                       : table->model()->index(row, ModuleListModel::State).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("unloaded"), 30000);
    QCOMPARE(window.selectedModule(), leaky);
    // The Holders dock no longer says it is in use: it asked again, and
    // the agent answers that no such module is loaded, which it says plainly.
    auto *holders = window.findChild<HoldersDock *>();
    QTRY_VERIFY2_WITH_TIMEOUT(holders->report().verdict.isEmpty() &&
                                  holders->message().contains(QLatin1String("is not loaded now")),
                              qPrintable(holders->report().verdict + u'\n' + holders->message()),
                              30000);
    const QString label = QStringLiteral("force release of leaky_ref: released");
    const auto annotations = [&] { return timeline->chartView()->markers().annotations; };
    QTRY_VERIFY_WITH_TIMEOUT(!annotations().isEmpty(), 30000);
    QCOMPARE(annotations().first().label, label);
    QCOMPARE(annotations().first().ns, lastFree(timeline->store().get(), leaky));
    dialog->close();
    // Look at leaky_ref's whole life again for the picture.
    timeline->showModuleEvents(leaky);
    timeline->chartView()->resetWindow();
    QTest::qWait(500);
    QVERIFY(
        window.grab().save(QStringLiteral(REFSCOPE_BINARY_DIR "/tests/vm/release-timeline.png")));

    const QString problems = guest.kernelLogProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

QTEST_MAIN(TestReleaseDialog)
#include "tst_release_dialog.moc"
