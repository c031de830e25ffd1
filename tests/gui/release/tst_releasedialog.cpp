// SPDX-License-Identifier: GPL-3.0-or-later
// The "Force release…" dialog's choices on holder reports the lab guest's
// real 6.1 kernel gave (`refscope-cli why MODULE --json`, see
// fixtures/capture-fixtures.sh) and the guest's snapshot
// (tests/fixtures/guest-examples.json): which modules may be released at
// all, that only the typed name unlocks the last resort, that what cannot
// be chosen is disabled with its reason, and that the request built is
// exactly what was ticked; the window's refusals, the dialog's own agent
// and the timeline marker's fallback. Saves release-<language>.png into
// the build directory for a person to look at.
#include "holders/holderreportjson.h"
#include "inventory/snapshotjson.h"
#include "recording/recording.h"
#include "release/dropgate.h"
#include "release/forcerelease.h"
#include "release/lastresortbox.h"
#include "release/releaseavailability.h"
#include "release/releasedialog.h"
#include "release/releaseholderstree.h"
#include "release/releasemarker.h"
#include "release/releaseplan.h"
#include "release/releaserules.h"
#include "release/releasesession.h"
#include "settings/uilanguage.h"
#include "sources/filesnapshotsource.h"
#include "timeline/timelinechartview.h"
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace refscope;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}

HolderReport guestReport(const char *name)
{
    HolderReport report;
    QString error;
    if (!holderReportFromJson(
            readJson(QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/gui/release/fixtures/") +
                     QLatin1String(name)),
            &report, &error))
        qFatal("%s: %s", name, qPrintable(error));
    return report;
}

// A radio button takes clicks on its indicator and text only, not on
// the blank rest of its row.
void chooseRadio(QRadioButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

Snapshot guestSnapshot()
{
    Snapshot snapshot;
    QString error;
    if (!snapshotFromJson(readJson(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json")),
                          &snapshot, &error))
        qFatal("guest-examples.json: %s", qPrintable(error));
    return snapshot;
}

} // namespace

class TestReleaseDialog : public QObject {
    Q_OBJECT
private slots:
    void offeredOnlyWhereTheKernelCouldUnload();
    void windowShowsWhyNotInsteadOfAButton();
    void typedNameUnlocksTheLastResort();
    void requestIsWhatWasTicked();
    void unavailableChoicesSayWhy();
    void holdersFollowTheReleaseRule();
    void pkexecRefusalsArePlainWords();
    void ownAgentSaysWhyNot();
    void ownAgentServesOneReleaseThenANewOneAsks();
    void markerNeedsARecording();
    void screenshots_data();
    void screenshots();
};

void TestReleaseDialog::offeredOnlyWhereTheKernelCouldUnload()
{
    const Snapshot snapshot = guestSnapshot();
    const auto lab = [&](const QString &module) {
        return ReleaseAvailability::of(snapshot, module, ReleaseAgentOrigin::Lab);
    };
    QVERIFY(lab(QStringLiteral("leaky_ref")).possible);
    QVERIFY(lab(QStringLiteral("count-demo")).possible); // dashes are the same module
    const ReleaseAvailability permanent = lab(QStringLiteral("no_exit"));
    QVERIFY(!permanent.possible);
    QVERIFY2(permanent.reason.contains(QLatin1String("permanent")), qPrintable(permanent.reason));
    const ReleaseAvailability coming = lab(QStringLiteral("slow_init"));
    QVERIFY(!coming.possible);
    QVERIFY2(coming.reason.contains(QLatin1String("initialising")), qPrintable(coming.reason));
    QVERIFY(!snapshot.builtin.isEmpty());
    const ReleaseAvailability builtin = lab(snapshot.builtin.first().name);
    QVERIFY2(builtin.reason.contains(QLatin1String("built into the kernel")),
             qPrintable(builtin.reason));
    QVERIFY(lab(QStringLiteral("no_such_module")).reason.contains(QLatin1String("not loaded")));

    Snapshot noUnload = snapshot;
    noUnload.support.unloadable = false;
    QVERIFY(ReleaseAvailability::of(noUnload, QStringLiteral("leaky_ref"), ReleaseAgentOrigin::Lab)
                .reason.contains(QLatin1String("CONFIG_MODULE_UNLOAD")));
    const ReleaseAvailability saved =
        ReleaseAvailability::of(snapshot, QStringLiteral("leaky_ref"), ReleaseAgentOrigin::None);
    QVERIFY(!saved.possible);
    QVERIFY(saved.reason.contains(QLatin1String("saved snapshot")));
    const ReleaseAvailability noPkexec =
        ReleaseAvailability::of(snapshot, QStringLiteral("leaky_ref"), ReleaseAgentOrigin::Pkexec,
                                QStringLiteral("pkexec is not installed"));
    QCOMPARE(noPkexec.reason, QStringLiteral("pkexec is not installed"));
}

// The window on the guest's saved snapshot: nothing to act on, so the
// Holders dock shows the reason where the button would be.
void TestReleaseDialog::windowShowsWhyNotInsteadOfAButton()
{
    MainWindow window;
    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json")));
    window.show();
    auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
    QTRY_VERIFY(table->model()->rowCount() > 0);
    window.selectModule(QStringLiteral("leaky_ref"));
    auto *release = window.findChild<ForceRelease *>();
    QVERIFY(!release->action()->isEnabled());
    QVERIFY(release->action()->toolTip().contains(QLatin1String("saved snapshot")));
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("forceReleaseButton"))->isVisible());
    auto *reason = window.findChild<QLabel *>(QStringLiteral("forceReleaseReason"));
    QCOMPARE(reason->text(), release->action()->toolTip());
    // A module the kernel could never unload says so first.
    window.selectModule(QStringLiteral("no_exit"));
    QVERIFY2(reason->text().contains(QLatin1String("permanent")), qPrintable(reason->text()));
    release->openDialog(); // the shortcut on a refused module opens nothing
    QVERIFY(!release->dialog());
}

void TestReleaseDialog::typedNameUnlocksTheLastResort()
{
    const Snapshot snapshot = guestSnapshot();
    ReleaseDialog dialog(QStringLiteral("leaky_ref"), snapshot.support, nullptr);
    // The lab's recording of that leak: leaky_ref_write's get never put back.
    LeakEvidence evidence;
    QString error;
    QVERIFY2(leakEvidenceFromFile(QStringLiteral(REFSCOPE_TRACES_DIR "/leaky-ref-leak.rscope"),
                                  QStringLiteral("leaky_ref"), &evidence, &error),
             qPrintable(error));
    dialog.setEvidence(evidence);
    dialog.setReport(guestReport("leaky-ref.why.json"));
    dialog.show(); // clicks land where the user's would
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    LastResortBox *box = dialog.lastResortBox();
    QRadioButton *drop = box->button(LastResort::DropLeaked);
    QVERIFY(!drop->isEnabled());
    QVERIFY(drop->toolTip().contains(QLatin1String("Type the module's name")));
    // The risk is in front of the user before they type.
    QVERIFY(box->note(LastResort::DropLeaked).contains(QLatin1String("tainted")));
    // The plan as it opens leaves leaky_ref's leaked reference: the kernel
    // would refuse, so Enter does not run it and the button says so; the
    // empty name field does not look filled in.
    auto *run = dialog.findChild<QPushButton *>(QStringLiteral("releaseRun"));
    QVERIFY(dialog.summaryText().contains(QLatin1String("would remain")));
    // No holder to tick: nothing is preselected, and the dialog says why.
    QVERIFY2(dialog.preselectionText().contains(QLatin1String("Nothing is ticked")),
             qPrintable(dialog.preselectionText()));
    QCOMPARE(run->text(), QStringLiteral("Try to unload leaky_ref anyway"));
    QVERIFY(!run->isDefault());
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("releaseScan"))->isDefault());
    QVERIFY(!box->nameField()->placeholderText().contains(QLatin1String("leaky_ref")));

    QTest::keyClicks(box->nameField(), QStringLiteral("leaky-ref")); // not the kernel's name
    QVERIFY(!drop->isEnabled());
    box->nameField()->clear();
    QTest::keyClicks(box->nameField(), QStringLiteral("leaky_ref"));
    QVERIFY(drop->isEnabled());
    chooseRadio(drop);
    QCOMPARE(dialog.plan().lastResort(), LastResort::DropLeaked);
    QVERIFY(dialog.summaryText().contains(QLatin1String("Drop the 1 reference")));
    QCOMPARE(dialog.plan().remainingRefs(), 0);
    QCOMPARE(run->text(), QStringLiteral("Clear and unload leaky_ref"));
    QVERIFY(run->isDefault());

    // Editing the name away locks it again and forgets the choice.
    QTest::keyClick(box->nameField(), Qt::Key_Backspace);
    QVERIFY(!drop->isEnabled());
    QCOMPARE(dialog.plan().lastResort(), LastResort::None);
    QVERIFY(box->button(LastResort::None)->isChecked());
    QVERIFY(dialog.summaryText().contains(QLatin1String("would remain")));
}

void TestReleaseDialog::requestIsWhatWasTicked()
{
    const Snapshot snapshot = guestSnapshot();
    const HolderReport report = guestReport("count-demo.why.json");
    ReleaseDialog dialog(QStringLiteral("count_demo"), snapshot.support, nullptr);
    dialog.setReport(report);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    ReleaseHoldersTree *tree = dialog.holdersTree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    // Ticking the one holder leaves the reference RefScope could not
    // attribute: a plan the kernel refuses is never preselected, so nothing
    // is ticked until the user ticks it, and the dialog says why.
    QVERIFY(dialog.plan().request().clear.isEmpty());
    QVERIFY2(dialog.preselectionText().contains(QLatin1String("would remain")),
             qPrintable(dialog.preselectionText()));
    auto *why = dialog.findChild<QLabel *>(QStringLiteral("releasePreselection"));
    QVERIFY(why->isVisible());

    QTreeWidgetItem *item = tree->topLevelItem(0);
    QVERIFY(item->flags() & Qt::ItemIsEnabled);
    item->setCheckState(ReleaseHoldersTree::ClearColumn, Qt::Checked);
    QVERIFY(!why->isVisible()); // the user chose: "nothing is ticked" is no longer true
    auto *action =
        qobject_cast<QComboBox *>(tree->itemWidget(item, ReleaseHoldersTree::ActionColumn));
    QVERIFY(action);
    QCOMPARE(action->count(), 2); // close just those fds, or terminate the process
    action->setCurrentIndex(action->findData(int(ClearAction::Terminate)));
    QTest::keyClicks(dialog.lastResortBox()->nameField(), QStringLiteral("count_demo"));
    // count_demo's second reference is its own get in open, which release()
    // puts back: with no recording to tell, it is never dropped.
    QVERIFY(!dialog.lastResortBox()->button(LastResort::DropLeaked)->isEnabled());
    QVERIFY2(dialog.lastResortBox()
                 ->note(LastResort::DropLeaked)
                 .contains(QLatin1String("no recording proves them leaked")),
             qPrintable(dialog.lastResortBox()->note(LastResort::DropLeaked)));

    ReleaseRequest expected;
    expected.module = QStringLiteral("count_demo");
    expected.confirmedRefcount = 2;
    expected.confirmedUnattributed = 1;
    expected.clear = {{report.holders.first(), ClearAction::Terminate}};
    expected.lastResort = LastResort::None;
    QCOMPARE(dialog.plan().request(), expected);
    // The plan counts only what it can see go: the unattributed one stays.
    QCOMPARE(dialog.plan().remainingRefs(), 1);
    const QString summary = dialog.summaryText();
    QVERIFY2(summary.contains(QLatin1String("SIGTERM")), qPrintable(summary));

    // Closing just the fd instead, and unticking: the request follows.
    action->setCurrentIndex(action->findData(int(ClearAction::CloseFds)));
    QCOMPARE(dialog.plan().request().clear.first().action, ClearAction::CloseFds);
    item->setCheckState(ReleaseHoldersTree::ClearColumn, Qt::Unchecked);
    QVERIFY(dialog.plan().request().clear.isEmpty());
    QCOMPARE(dialog.plan().remainingRefs(), 2);
}

void TestReleaseDialog::unavailableChoicesSayWhy()
{
    Snapshot snapshot = guestSnapshot();
    ReleaseDialog dialog(QStringLiteral("export_provider"), snapshot.support, nullptr);
    const HolderReport report = guestReport("export-provider.why.json");
    dialog.setReport(report);
    LastResortBox *box = dialog.lastResortBox();
    QTest::keyClicks(box->nameField(), QStringLiteral("export_provider"));
    // Nothing is unattributed: nothing to drop.
    QVERIFY(!box->button(LastResort::DropLeaked)->isEnabled());
    QVERIFY(box->note(LastResort::DropLeaked).contains(QLatin1String("nothing to drop")));
    // Unloading export_consumer lets the kernel unload export_provider: the
    // dialog opens on that plan, the one Enter runs.
    QTreeWidgetItem *item = dialog.holdersTree()->topLevelItem(0);
    QCOMPARE(item->checkState(ReleaseHoldersTree::ClearColumn), Qt::Checked);
    QCOMPARE(dialog.plan().remainingRefs(), 0);
    QVERIFY(dialog.preselectionText().isEmpty());
    QVERIFY(dialog.summaryText().contains(QLatin1String("Unload the module export_consumer")));
    item->setCheckState(ReleaseHoldersTree::ClearColumn, Qt::Unchecked);
    // The forced unload would leave export_consumer calling into freed code...
    QVERIFY(!box->button(LastResort::KernelForce)->isEnabled());
    QVERIFY(box->note(LastResort::KernelForce).contains(QLatin1String("Holders left alone")));
    // ... unless the user module is unloaded first.
    auto *only = qobject_cast<QLabel *>(
        dialog.holdersTree()->itemWidget(item, ReleaseHoldersTree::ActionColumn));
    QVERIFY(only);
    QCOMPARE(only->text(), ReleasePlan::actionName(ClearAction::UnloadModule));
    item->setCheckState(ReleaseHoldersTree::ClearColumn, Qt::Checked);
    QVERIFY(box->button(LastResort::KernelForce)->isEnabled());
    QVERIFY(box->note(LastResort::KernelForce).contains(QLatin1String("crash")));

    // A kernel without CONFIG_MODULE_FORCE_UNLOAD never offers it.
    snapshot.support.forceUnload = false;
    ReleaseDialog noForce(QStringLiteral("export_provider"), snapshot.support, nullptr);
    noForce.setReport(report);
    QVERIFY(noForce.lastResortBox()
                ->note(LastResort::KernelForce)
                .contains(QLatin1String("CONFIG_MODULE_FORCE_UNLOAD")));
    // Without a session there is nothing to run.
    QVERIFY(!noForce.runButton()->isEnabled());
}

// The dialog offers what the release rule (release/releaserules.h) allows,
// the rule the agent checks again: the guest's count_demo holder as it
// came, and as a kernel thread, init and the module's own thread would
// hold the same file.
void TestReleaseDialog::holdersFollowTheReleaseRule()
{
    HolderReport report = guestReport("count-demo.why.json");
    QCOMPARE(report.holders.size(), 1);
    const Holder opened = report.holders.first();
    Holder kthread = opened;
    kthread.kind = HolderKind::Kthread;
    Holder init = opened;
    init.pid = 1;
    Holder ownThread = opened;
    ownThread.pid = -1;
    ownThread.fds.clear();
    ownThread.ownThread = true;
    report.holders = {opened, kthread, init, ownThread};
    ReleasePlan plan(report, guestSnapshot().support);
    const QStringList whyNot = {QString(), QStringLiteral("kernel thread"),
                                QStringLiteral("Init (pid 1)"),
                                QStringLiteral("own kernel thread")};
    for (int i = 0; i < report.holders.size(); ++i) {
        const Holder &h = report.holders.at(i);
        QCOMPARE(plan.actionsFor(i), allowedActions(h));
        QCOMPARE(plan.whyNotClearable(i).isEmpty(), whyNot.at(i).isEmpty());
        QVERIFY2(plan.whyNotClearable(i).contains(whyNot.at(i)),
                 qPrintable(plan.whyNotClearable(i)));
        plan.setChecked(i, true);
        QCOMPARE(plan.isChecked(i), !allowedActions(h).isEmpty());
    }
    QCOMPARE(plan.actionsFor(0),
             (QList<ClearAction>{ClearAction::CloseFds, ClearAction::Terminate}));
    QCOMPARE(plan.action(0), ClearAction::CloseFds);
    // A choice the rule does not allow is not taken.
    plan.setAction(0, ClearAction::Umount);
    QCOMPARE(plan.action(0), ClearAction::CloseFds);
    QCOMPARE(plan.request().clear, (QList<HolderToClear>{{opened, ClearAction::CloseFds}}));
}

void TestReleaseDialog::pkexecRefusalsArePlainWords()
{
    // pkexec's 127, as AgentClient words it: before the agent ever ran.
    const QString refused = ReleaseSession::stoppedMessage(ReleaseSession::Stage::Starting,
                                                           QStringLiteral("not authorized"));
    QVERIFY2(refused.contains(QLatin1String("(not authorized)")) &&
                 refused.contains(QLatin1String("nothing was changed")),
             qPrintable(refused));
    QVERIFY(ReleaseSession::stoppedMessage(ReleaseSession::Stage::Running,
                                           QStringLiteral("the agent was killed"))
                .contains(QLatin1String("what changed")));
}

// The dialog's own agent (started directly here, through pkexec in the
// window) on this machine, whose kernel has no loadable modules: the
// agent's reason shows, and there is nothing to run.
void TestReleaseDialog::ownAgentSaysWhyNot()
{
    const Snapshot snapshot = guestSnapshot();
    ReleaseDialog dialog(
        QStringLiteral("leaky_ref"), snapshot.support,
        new ReleaseSession(QString(),
                           QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent"),
                           QStringLiteral("leaky_ref")));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("releaseStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("no loadable module support")),
                             30000);
    QVERIFY(!dialog.runButton()->isEnabled());
}

// The dialog's own agent (--release MODULE) serves one release and exits,
// which is no failure; a scan after it starts a new agent (through pkexec,
// polkit asks again) that answers.
void TestReleaseDialog::ownAgentServesOneReleaseThenANewOneAsks()
{
    const QString module = QStringLiteral("refscope_no_such_module");
    ReleaseSession session(QString(),
                           QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent"), module);
    QList<ReleaseResult> finished;
    connect(&session, &ReleaseSession::finished, this,
            [&finished](const ReleaseResult &result) { finished << result; });
    QSignalSpy failed(&session, &ReleaseSession::failed);
    ReleaseRequest request;
    request.module = module;
    session.run(request);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.first().steps.first().code, StepCode::NotLoaded);
    QTest::qWait(500); // the agent exits now: that is not a failure
    QCOMPARE(failed.count(), 0);
    session.fetchReport(module);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    // A new agent answered: the module is not loaded, not "the agent stopped".
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("could not say what holds")),
             qPrintable(failed.first().first().toString()));
}

// Without a capture that saw the module_free, the release is marked at
// the end of the shown recording (a real trace of the lab guest); without
// a recording, nowhere.
void TestReleaseDialog::markerNeedsARecording()
{
    TimelineWidget timeline;
    (new ReleaseMarker(&timeline, QStringLiteral("loop")))->place(false);
    QVERIFY(timeline.chartView()->markers().annotations.isEmpty());

    QString error;
    const std::shared_ptr<EventStore> store =
        openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat"), &error);
    QVERIFY2(store, qPrintable(error));
    timeline.setStore(store, QStringLiteral("loop-open-close.dat"));
    (new ReleaseMarker(&timeline, QStringLiteral("loop")))->place(true);
    // A file's clock is another boot's: the release has no place on it.
    QVERIFY(timeline.chartView()->markers().annotations.isEmpty());

    // The same events as this run's capture, stopped before the release:
    // the marker goes at the release's time, after the last event, not at
    // the recording's end, and the axis reaches it.
    timeline.setStore(store, QStringLiteral("capture ended"));
    TimelineChartView *chart = timeline.chartView();
    const qint64 last = store->timestampNs(store->size() - 1);
    chart->setLive(true);
    chart->noteArrival(last);
    chart->setLive(false);
    QTest::qWait(400);
    (new ReleaseMarker(&timeline, QStringLiteral("loop")))->place(true);
    const QList<TimelineMarkers::Annotation> annotations = chart->markers().annotations;
    QCOMPARE(annotations.size(), 1);
    QCOMPARE(annotations.first().label, QStringLiteral("force release of loop: released"));
    QVERIFY(annotations.first().ns >= last + 300'000'000);
    QVERIFY(annotations.first().ns < last + 10'000'000'000);
    QVERIFY(chart->recordingEndNs() > annotations.first().ns);
    // A new recording starts unmarked.
    timeline.setStore(store, QStringLiteral("again"));
    QVERIFY(timeline.chartView()->markers().annotations.isEmpty());
}

void TestReleaseDialog::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
}

void TestReleaseDialog::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(UiLanguage::install(language));
    const Snapshot snapshot = guestSnapshot();
    ReleaseDialog dialog(QStringLiteral("count_demo"), snapshot.support, nullptr);
    dialog.setReport(guestReport("count-demo.why.json"));
    dialog.holdersTree()->topLevelItem(0)->setCheckState(ReleaseHoldersTree::ClearColumn,
                                                         Qt::Checked);
    QTest::keyClicks(dialog.lastResortBox()->nameField(), QStringLiteral("count_demo"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/release/release-") +
                               language + QStringLiteral(".png")));
    UiLanguage::install(QStringLiteral("en"));
}

QTEST_MAIN(TestReleaseDialog)
#include "tst_releasedialog.moc"
