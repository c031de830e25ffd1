// SPDX-License-Identifier: GPL-3.0-or-later
// File → "Open the flight recorder's last seconds…" on the lab guest (a real
// Debian kernel under QEMU), through the lab's agent as the window uses it:
// with the recorder stopped the window says how to start it; started but
// with nothing frozen, that it keeps recording; then count_demo, loaded and
// held open while the recorder runs, refuses `rmmod`, the kernel freezes
// the history, and the window opens it on the timeline: count_demo's gets
// before the failure, and Outstanding references counting as many as lsmod,
// while the Holders dock ties count_demo's own get in open to the file held
// (no unattributed reference), and `refscope-cli flight status` (also
// --json) says what is frozen: when, how many events, of which modules.
// Reading takes the history out of the kernel, so a second read finds
// nothing frozen. Once in English and once in Simplified Chinese (a guest
// each), with screenshots in build/tests/vm/flight-window-LANG.png.
#include "events/eventstore.h"
#include "guestshell.h"
#include "holders/holdersdock.h"
#include "lab/labpaths.h"
#include "models/outstandingrefsmodel.h"
#include "settings/uilanguage.h"
#include "sources/labsnapshotsource.h"
#include "testlab.h"
#include "timeline/outstandingrefspane.h"
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace refscope;

namespace {

const QString kCli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");
const QString kModule = QStringLiteral("count_demo");

QString examplePath(const QString &module)
{
    for (const QString &path : labExampleModules()) {
        if (path.endsWith(QLatin1Char('/') + module + QLatin1String(".ko")))
            return path;
    }
    return {};
}

// The message the window shows instead of a history, closed once read;
// empty when none came within the time.
QString takeFlightMessage(MainWindow &window, int timeoutMs = 60000)
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            box = window.findChild<QMessageBox *>(QStringLiteral("flightRecorderMessage"));
            return box && box->isVisible();
        },
        timeoutMs);
    if (!shown)
        return {};
    const QString text = box->text();
    box->close();
    QTest::qWait(50); // WA_DeleteOnClose
    return text;
}

// The outstanding gets of the pane's module, as its call-site table counts
// them (a put of a reference taken before the history is a group of its own,
// with no get: nothing outstanding there).
int outstandingOf(OutstandingRefsPane *pane)
{
    const OutstandingRefsModel *model = pane->byCallSite();
    int sum = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        sum += int(std::max<qint64>(0, model->group(row).outstanding()));
    return sum;
}

} // namespace

class TestFlightWindow : public QObject {
    Q_OBJECT
private slots:
    void opensTheFrozenHistory_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void opensTheFrozenHistory()
    {
        QFETCH(QString, language);
        const bool english = language == QLatin1String("en");
        QVERIFY(UiLanguage::install(language));
        const QString missing = labTestPrerequisites();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        const QString ko = examplePath(kModule);
        QVERIFY2(!ko.isEmpty(), "count_demo.ko was not built (kmod-examples)");

        MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.openLab();
        auto *lab = qobject_cast<LabSnapshotSource *>(window.source());
        QVERIFY(lab);
        auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
        QTRY_VERIFY2_WITH_TIMEOUT(table->model()->rowCount() > 0,
                                  qPrintable(lab->machine()->consoleLog().right(2000)), 300000);
        GuestShell guest(lab->machine()->agent());
        const auto sh = [&](const QString &script) { return guest.run(script, 120000); };
        auto *open = window.findChild<QAction *>(QStringLiteral("openFlightRecorderAction"));
        QVERIFY(open);
        auto *timeline = window.findChild<TimelineWidget *>();

        // Not running: the sentence, with the command that starts it.
        QVERIFY(!sh(QStringLiteral("test -d /sys/kernel/tracing/instances/refscope-flight")).ok());
        open->trigger();
        QString message = takeFlightMessage(window);
        QVERIFY2(message.contains(QLatin1String("refscope-cli flight start")), qPrintable(message));
        if (english)
            QVERIFY2(message.contains(QLatin1String("not running")), qPrintable(message));
        QVERIFY(!timeline->store());

        const GuestResult start = sh(kCli + QStringLiteral(" flight start --buffer-kb 256"));
        QVERIFY2(start.ok(), qPrintable(start.describe()));
        auto stopAnyway = qScopeGuard([&] { sh(kCli + QStringLiteral(" flight stop")); });

        // Running, nothing frozen: it keeps recording.
        open->trigger();
        message = takeFlightMessage(window);
        QVERIFY2(!message.isEmpty(), "no message for a recorder with nothing frozen");
        if (english)
            QVERIFY2(message.contains(QLatin1String("nothing is frozen yet")) &&
                         message.contains(QLatin1String("next failed rmmod")),
                     qPrintable(message));
        QVERIFY(!timeline->store());

        // count_demo's life while the recorder runs: loaded, opened by a
        // process that keeps it open, then an rmmod that fails.
        const GuestResult insmod = sh(QStringLiteral("insmod ") + ko);
        QVERIFY2(insmod.ok(), qPrintable(insmod.describe()));
        auto unload = qScopeGuard([&] {
            guest.endHeld();
            guest.waitForLsmod(kModule, 0);
            sh(QStringLiteral("rmmod count_demo"));
        });
        QVERIFY(guest.hold(QStringLiteral("exec sleep 1000 < /dev/count_demo")) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(guest.lsmodCount(kModule) > 0, 30000);
        const int held = guest.lsmodCount(kModule);
        const GuestResult rmmod = sh(QStringLiteral("rmmod count_demo"));
        QVERIFY2(!rmmod.ok() && rmmod.err.contains(QLatin1String("in use")),
                 qPrintable(rmmod.describe()));
        // refscope-cli flight status: flight.status's summary, in sentences
        // and as the method's JSON.
        const GuestResult status = sh(kCli + QStringLiteral(" flight status"));
        QVERIFY2(status.ok() && status.out.contains(QLatin1String("frozen history: yes")),
                 qPrintable(status.describe()));
        const GuestResult statusJson = sh(kCli + QStringLiteral(" flight status --json"));
        QVERIFY2(statusJson.ok(), qPrintable(statusJson.describe()));
        const QJsonObject json = QJsonDocument::fromJson(statusJson.out.toUtf8()).object();
        QVERIFY2(json.value(QLatin1String("running")).toBool() &&
                     json.value(QLatin1String("armed")).toBool() &&
                     json.value(QLatin1String("frozen")).toBool() &&
                     !json.value(QLatin1String("stacks")).toBool() &&
                     json.value(QLatin1String("buffer_kb_per_cpu")).toInt() >= 256 &&
                     json.value(QLatin1String("memory_kb")).toInt() ==
                         2 * json.value(QLatin1String("buffer_kb_per_cpu")).toInt() *
                             json.value(QLatin1String("cpus")).toInt() &&
                     json.value(QLatin1String("frozen_events")).toInt() > 0 &&
                     json.value(QLatin1String("frozen_at_ms")).toDouble() > 0 &&
                     json.value(QLatin1String("modules")).toArray().contains(QJsonValue(kModule)),
                 qPrintable(statusJson.out));
        // The sentences say what the JSON does (the kernel rounds each
        // CPU's buffer up to whole pages: 258 KiB for 256 on 6.1).
        QVERIFY2(
            status.out.contains(QLatin1String("flight recorder: running, armed on failed "
                                              "unloads\n")) &&
                status.out.contains(QStringLiteral("memory: %1 KiB per CPU x %2 CPUs x 2")
                                        .arg(json.value(QLatin1String("buffer_kb_per_cpu")).toInt())
                                        .arg(json.value(QLatin1String("cpus")).toInt())) &&
                status.out.contains(QLatin1String("kernel stacks: off\n")) &&
                status.out.contains(QLatin1String("\nfrozen at: 20")) &&
                status.out.contains(QStringLiteral("\nfrozen events: %1, of ")
                                        .arg(json.value(QLatin1String("frozen_events")).toInt())) &&
                status.out.contains(kModule),
            qPrintable(status.out));
        QCOMPARE(guest.lsmodCount(kModule), held);

        QElapsedTimer took;
        took.start();
        open->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(timeline->store() != nullptr,
                                  qPrintable(takeFlightMessage(window, 0)), 120000);
        const qint64 openedMs = took.elapsed();
        const auto &store = timeline->store();
        qInfo("%s: %zu events, lsmod %d, opened in %lld ms (status and read through the lab's "
              "agent; QTRY polls every 50 ms)",
              qPrintable(timeline->description()), store->size(), held, openedMs);
        QVERIFY2(timeline->description().contains(QLatin1String("count_demo")),
                 qPrintable(timeline->description()));
        if (english)
            QVERIFY2(timeline->description().startsWith(
                         QLatin1String("flight recorder of lab guest, frozen at ")),
                     qPrintable(timeline->description()));
        QVERIFY(timeline->hasUnsavedCapture());
        // count_demo's gets, before the failure, and its count as lsmod's.
        const int id = store->findModule(kModule);
        QVERIFY(id >= 0);
        int gets = 0;
        for (const std::uint32_t i : store->eventsOf(id))
            gets += store->kind(i) == ModuleEventKind::Get;
        QVERIFY2(gets >= held, qPrintable(QString::number(gets)));
        QCOMPARE(store->refcount(store->eventsOf(id).back()), held);
        QCOMPARE(window.selectedModule(), kModule);
        OutstandingRefsPane *pane = timeline->outstandingPane();
        // Its tab, as the user opens it: the pane counts once shown.
        for (QWidget *up = pane->parentWidget(); up; up = up->parentWidget()) {
            if (auto *tabs = qobject_cast<QTabWidget *>(up)) {
                tabs->setCurrentWidget(pane);
                break;
            }
        }
        QTRY_VERIFY2_WITH_TIMEOUT(pane->module() == kModule && !pane->isCounting() &&
                                      outstandingOf(pane) == held,
                                  qPrintable(pane->module() + u'\n' + pane->summary()), 30000);
        qInfo("%s", qPrintable(pane->summary()));
        if (english)
            QVERIFY2(pane->summary().contains(QStringLiteral("%1 outstanding").arg(held)),
                     qPrintable(pane->summary()));
        // The Holders dock asks the lab's agent with the history's gets, as
        // for a capture: count_demo's own get in open, taken by the shell
        // that holds the file, is that file's reference, not unattributed.
        auto *dock = window.findChild<HoldersDock *>();
        QVERIFY(dock);
        QTRY_VERIFY2_WITH_TIMEOUT(
            dock->report().module == kModule && dock->report().refcount == held &&
                dock->report().unattributed == 0,
            qPrintable(dock->message() + u'\n' + QString::number(dock->report().unattributed)),
            120000);
        const QList<Holder> &holders = dock->report().holders;
        QCOMPARE(holders.size(), 1);
        QCOMPARE(holders.first().refs, held);
        QVERIFY2(holders.first().rule.contains(QLatin1String("count_demo_open")),
                 qPrintable(holders.first().rule));
        QTest::qWait(500);
        QVERIFY(window.grab().save(QStringLiteral(REFSCOPE_BINARY_DIR "/tests/vm/flight-window-") +
                                   language + QStringLiteral(".png")));

        // The history left the kernel with that read.
        timeline->setUnsavedCapture(false);
        const auto shown = timeline->store();
        open->trigger();
        message = takeFlightMessage(window);
        if (english)
            QVERIFY2(message.contains(QLatin1String("nothing is frozen yet")), qPrintable(message));
        QCOMPARE(timeline->store(), shown);

        unload.dismiss();
        guest.endHeld();
        QVERIFY(guest.waitForLsmod(kModule, 0));
        QVERIFY2(sh(QStringLiteral("rmmod count_demo")).ok(), "count_demo did not unload");
        stopAnyway.dismiss();
        QVERIFY(sh(kCli + QStringLiteral(" flight stop")).ok());
        const QString problems = guest.kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QVERIFY(UiLanguage::install(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestFlightWindow)
#include "tst_flight_window.moc"
