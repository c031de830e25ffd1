// SPDX-License-Identifier: GPL-3.0-or-later
// File → "Compare recordings…" on real recordings from the lab guest:
// leaky_ref's leaking write against a run whose writes all put their
// reference back, the leaking call site highlighted, in English and
// Chinese; a file that is no recording named in a sentence; the main
// window's two menu entries. And File → "Export events…" off the GUI
// thread: the window's timers keep firing while the file is written, the
// file is byte for byte what `refscope-cli export --format perfetto`
// writes, and Stop leaves no file. With REFSCOPE_SCREENSHOTS_DIR set the
// window is saved as PNGs there.
#include "../../sanitizers/timescale.h"
#include "compare/recordingcomparewindow.h"
#include "recording/backgroundjob.h"
#include "settings/uilanguage.h"
#include "timeline/recordingopener.h"
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace refscope;

namespace {

QString trace(const char *name)
{
    return QStringLiteral(REFSCOPE_TRACES_DIR "/") + QLatin1String(name);
}

QTreeWidgetItem *childStartingWith(QTreeWidgetItem *parent, const QString &prefix)
{
    for (int i = 0; i < parent->childCount(); ++i) {
        if (parent->child(i)->text(0).startsWith(prefix))
            return parent->child(i);
    }
    return nullptr;
}

void saveShot(QWidget *widget, const QString &name)
{
    const QByteArray dir = qgetenv("REFSCOPE_SCREENSHOTS_DIR");
    const QString path =
        QDir(dir.isEmpty() ? QStringLiteral(REFSCOPE_BINARY_DIR) : QString::fromLocal8Bit(dir))
            .filePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

} // namespace

class TestRecordingCompare : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { UiLanguage::install(QStringLiteral("en")); }

    void leakAgainstBalanced_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("leakProne"); // the kind of leaky_ref's own get
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("leak-prone");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QString();
        QTest::newRow("zh_TW") << QStringLiteral("zh_TW") << QString();
    }

    void leakAgainstBalanced()
    {
        QFETCH(QString, language);
        QFETCH(QString, leakProne);
        QVERIFY(UiLanguage::install(language));
        RecordingCompareWindow window;
        window.setPaths(trace("leaky-ref-leak.rscope"), trace("leaky-ref-balanced.rscope"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy done(&window, &RecordingCompareWindow::comparisonFinished);
        window.compare();
        QVERIFY(window.isComparing());
        QVERIFY(done.wait(30000 * kTimeScale));
        QCOMPARE(done.first().first().toString(), QString());
        QVERIFY(!window.isComparing());

        QTreeWidget *tree = window.tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem *module = tree->topLevelItem(0);
        QCOMPARE(module->text(0), QStringLiteral("leaky_ref"));
        QVERIFY(module->isExpanded());
        QTreeWidgetItem *leak = childStartingWith(module, QStringLiteral("leaky_ref_write+"));
        QVERIFY(leak);
        QCOMPARE(leak->text(2), QStringLiteral("1"));
        QCOMPARE(leak->text(3), QStringLiteral("0"));
        QCOMPARE(leak->text(4), QStringLiteral("-1"));
        QVERIFY(leak->background(4).style() != Qt::NoBrush); // highlighted
        QVERIFY(leak->font(0).bold());
        if (!leakProne.isEmpty())
            QVERIFY2(leak->text(1).contains(leakProne), qPrintable(leak->text(1)));
        else // translated: no English left in the kind
            QVERIFY2(!leak->text(1).contains(QLatin1String("leak")), qPrintable(leak->text(1)));
        // The put of the reference the load took agrees on both sides: not highlighted.
        QTreeWidgetItem *load = childStartingWith(module, QStringLiteral("do_init_module+"));
        QVERIFY(load);
        QCOMPARE(load->text(4), QStringLiteral("0"));
        QCOMPARE(load->background(4).style(), Qt::NoBrush);
        // lsmod's count after each: 1 left by the leak, 0 by the balanced run.
        QTreeWidgetItem *count = module->child(3);
        QCOMPARE(count->text(2), QStringLiteral("1"));
        QCOMPARE(count->text(3), QStringLiteral("0"));
        saveShot(&window, QStringLiteral("compare-recordings-%1.png").arg(language));
    }

    void recordingAgainstItselfAgrees()
    {
        RecordingCompareWindow window(trace("loop-with-stacks.dat"));
        window.setPaths(window.pathA(), trace("loop-with-stacks.dat"));
        QSignalSpy done(&window, &RecordingCompareWindow::comparisonFinished);
        window.compare();
        QVERIFY(done.wait(60000 * kTimeScale));
        QCOMPARE(done.first().first().toString(), QString());
        QVERIFY2(window.message().contains(QLatin1String("agree")), qPrintable(window.message()));
        QTreeWidgetItem *loop = window.tree()->topLevelItem(0);
        QCOMPARE(loop->text(0), QStringLiteral("loop"));
        QTreeWidgetItem *open = childStartingWith(loop, QStringLiteral("misc_open+"));
        QVERIFY(open);
        QCOMPARE(open->text(4), QStringLiteral("0"));
        QCOMPARE(open->background(4).style(), Qt::NoBrush);
    }

    void fileThatIsNoRecording()
    {
        QTemporaryDir dir;
        const QString notes = dir.filePath(QStringLiteral("notes.dat"));
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("not a recording\n") > 0);
        file.close();
        RecordingCompareWindow window;
        window.setPaths(trace("leaky-ref-leak.rscope"), notes);
        QSignalSpy done(&window, &RecordingCompareWindow::comparisonFinished);
        window.compare();
        QVERIFY(done.wait(30000 * kTimeScale));
        const QString message = done.first().first().toString();
        QVERIFY2(message.contains(QLatin1String("notes.dat")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("cannot be read")), qPrintable(message));
        QCOMPARE(window.message(), message);
        QCOMPARE(window.tree()->topLevelItemCount(), 0);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        saveShot(&window, QStringLiteral("compare-recordings-failed.png"));
    }

    void stopping()
    {
        RecordingCompareWindow window;
        window.setPaths(trace("three-modules-1.6M.dat"), trace("three-modules-1.6M.dat"));
        QSignalSpy done(&window, &RecordingCompareWindow::comparisonFinished);
        window.compare();
        QVERIFY(window.isComparing());
        window.stop();
        QVERIFY(!window.isComparing());
        QVERIFY(!done.wait(500));
        QCOMPARE(window.tree()->topLevelItemCount(), 0);
    }

    // File → "Compare recordings…", and "Compare this recording with a
    // file…" once the timeline shows a recording opened from a file.
    void mainWindowMenu()
    {
        MainWindow window;
        auto *timeline = window.findChild<TimelineWidget *>();
        auto *all = window.findChild<QAction *>(QStringLiteral("compareRecordingsAction"));
        auto *thisOne = window.findChild<QAction *>(QStringLiteral("compareThisRecordingAction"));
        QVERIFY(all && thisOne);
        QVERIFY(all->isEnabled());
        QVERIFY(!thisOne->isEnabled());
        const QList<QAction *> menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty() && menus.first()->menu()->actions().contains(all));
        QSignalSpy changed(timeline, &TimelineWidget::storeChanged);
        timeline->opener()->open(trace("leaky-ref-leak.rscope"));
        QVERIFY(changed.wait(30000 * kTimeScale));
        QTRY_VERIFY(thisOne->isEnabled());
        QCOMPARE(timeline->recordingPath(), trace("leaky-ref-leak.rscope"));
        RecordingCompareWindow *compare = window.openRecordingCompare();
        QCOMPARE(compare->pathA(), trace("leaky-ref-leak.rscope"));
        QVERIFY(compare->pathB().isEmpty());
        compare->close();
    }

    // File → "Export events…": written in another thread while the
    // window's event loop keeps turning; the same bytes as the CLI's.
    void exportOffTheGuiThread()
    {
        MainWindow window;
        auto *timeline = window.findChild<TimelineWidget *>();
        QSignalSpy changed(timeline, &TimelineWidget::storeChanged);
        timeline->opener()->open(trace("loop-open-close.dat"));
        QVERIFY(changed.wait(60000 * kTimeScale));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("window.json"));
        int ticks = 0;
        QTimer timer;
        timer.setInterval(10);
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start();
        QSignalSpy finished(timeline, &TimelineWidget::exportFinished);
        QElapsedTimer took;
        took.start();
        timeline->exportEventsTraceTo(path);
        // It returned at once: the export runs on.
        QVERIFY(timeline->exportJob()->isRunning());
        QVERIFY(!QFile::exists(path));
        const int ticksAtStart = ticks;
        QVERIFY(finished.wait(120000 * kTimeScale));
        const qint64 ms = took.elapsed();
        QCOMPARE(finished.first().at(1).toString(), QString());
        // 100,000 events take seconds: the timer fired all along.
        qInfo("export of 100,000 events: %lld ms, %d timer ticks meanwhile", ms,
              ticks - ticksAtStart);
        QVERIFY2(ticks - ticksAtStart >= int(ms / 10 / 4),
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks - ticksAtStart).arg(ms)));
        auto *action = window.findChild<QAction *>(QStringLiteral("exportTraceAction"));
        QVERIFY(action->isEnabled());

        const QString cliPath = dir.filePath(QStringLiteral("cli.json"));
        QProcess cli;
        cli.start(QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli"),
                  {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("perfetto"),
                   trace("loop-open-close.dat"), cliPath});
        QVERIFY(cli.waitForFinished(120000 * kTimeScale));
        QCOMPARE(cli.exitCode(), 0);
        QFile fromWindow(path), fromCli(cliPath);
        QVERIFY(fromWindow.open(QIODevice::ReadOnly) && fromCli.open(QIODevice::ReadOnly));
        const QByteArray bytes = fromWindow.readAll();
        QVERIFY(bytes.size() > 1000000);
        QVERIFY(bytes == fromCli.readAll());

        // Stop: the dialog's button; no file is left, no failure shown. On
        // the 1.6M-event recording, whose export takes tens of seconds.
        changed.clear();
        timeline->opener()->open(trace("three-modules-1.6M.dat"));
        QVERIFY(changed.wait(60000 * kTimeScale));
        const QString stopped = dir.filePath(QStringLiteral("stopped.json"));
        QSignalSpy failed(timeline, &TimelineWidget::failed);
        timeline->exportEventsTraceTo(stopped);
        auto *progress = timeline->findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
        QVERIFY(progress);
        QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), 5000 * kTimeScale);
        saveShot(progress, QStringLiteral("export-progress.png"));
        auto *stop = progress->findChild<QPushButton *>();
        QVERIFY(stop);
        stop->click();
        QVERIFY(!timeline->exportJob()->isRunning());
        QTRY_VERIFY(action->isEnabled());
        QTest::qWait(500);
        QVERIFY(!QFile::exists(stopped));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_MAIN(TestRecordingCompare)
#include "tst_recording_compare.moc"
