// SPDX-License-Identifier: GPL-3.0-or-later
// The thread the export of events and the comparison of recordings run in:
// progress and the end arrive on the owner's thread, Stop silences the job
// and stops its work, a new start supersedes the running one, and the
// destructor waits for its threads. Run again under ThreadSanitizer (label
// tsan), on a real recording's export.
#include "events/perfettoexport.h"
#include "recording/backgroundjob.h"
#include "recording/recording.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace refscope;

class TestBackgroundJob : public QObject {
    Q_OBJECT
private slots:
    void exportsARecording()
    {
        QString error;
        const std::shared_ptr<const EventStore> store =
            openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/loop-with-stacks.dat"), &error);
        QVERIFY2(store, qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.json"));
        BackgroundJob job;
        QSignalSpy progress(&job, &BackgroundJob::progress);
        QSignalSpy finished(&job, &BackgroundJob::finished);
        Qt::HANDLE reportedOn = nullptr;
        connect(&job, &BackgroundJob::finished, this,
                [&reportedOn] { reportedOn = QThread::currentThreadId(); });
        job.start([store, path](const BackgroundJob::Progress &report) {
            return savePerfettoJson(*store, path, report);
        });
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(reportedOn, QThread::currentThreadId());
        QVERIFY(!job.isRunning());
        QVERIFY(!progress.isEmpty());
        QVERIFY(QFile(path).size() > 0);
    }

    void cancelSilencesAndStops()
    {
        std::atomic<bool> sawStop{false};
        BackgroundJob job;
        QSignalSpy finished(&job, &BackgroundJob::finished);
        job.start([&sawStop](const BackgroundJob::Progress &report) {
            for (int i = 0; i < 100000; ++i) {
                if (!report(i % 1000)) {
                    sawStop = true;
                    return QStringLiteral("stopped");
                }
                QThread::usleep(100);
            }
            return QString();
        });
        QTest::qWait(50);
        job.cancel();
        QVERIFY(!job.isRunning());
        QTRY_VERIFY(sawStop.load());
        QTest::qWait(100);
        QCOMPARE(finished.count(), 0);
    }

    void newStartSupersedes()
    {
        BackgroundJob job;
        QSignalSpy finished(&job, &BackgroundJob::finished);
        job.start([](const BackgroundJob::Progress &report) {
            while (report(0))
                QThread::usleep(100);
            return QStringLiteral("first");
        });
        job.start([](const BackgroundJob::Progress &) { return QStringLiteral("second"); });
        QVERIFY(finished.wait(10000));
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toString(), QStringLiteral("second"));
    }

    void destructorWaits()
    {
        std::atomic<bool> ended{false};
        {
            BackgroundJob job;
            job.start([&ended](const BackgroundJob::Progress &report) {
                while (report(0))
                    QThread::usleep(100);
                ended = true;
                return QString();
            });
            QTest::qWait(20);
        }
        QVERIFY(ended.load());
    }
};

QTEST_GUILESS_MAIN(TestBackgroundJob)
#include "tst_background_job.moc"
