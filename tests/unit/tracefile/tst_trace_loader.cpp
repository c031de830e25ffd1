// SPDX-License-Identifier: GPL-3.0-or-later
// The background loader: real progress, a store or a message, a prompt
// cancel, and a superseded load's result never delivered.
#include "../../sanitizers/timescale.h"
#include "recording/tracefileloader.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace refscope;

namespace {
const QString bigFile = QStringLiteral(REFSCOPE_TRACES_DIR "/three-modules-1.6M.dat");
const QString smallFile = QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat");
} // namespace

class TestTraceLoader : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void loadsWithProgress();
    void reportsFailure();
    void cancelsPromptly();
    void dropsTheStaleLoad();
    void destroysWhileLoading();
};

// The loads below wait for a result: a missing recording must fail here,
// with its path, and not as a minute's wait for a store that cannot come.
void TestTraceLoader::initTestCase()
{
    for (const QString &path : {bigFile, smallFile})
        QVERIFY2(QFileInfo::exists(path),
                 qPrintable(QStringLiteral("test input missing: ") + path));
}

void TestTraceLoader::loadsWithProgress()
{
    TraceFileLoader loader;
    QSignalSpy progress(&loader, &TraceFileLoader::progress);
    QSignalSpy finished(&loader, &TraceFileLoader::finished);
    QSignalSpy failed(&loader, &TraceFileLoader::failed);
    loader.load(bigFile);
    QVERIFY(loader.isLoading());
    QVERIFY(finished.wait(60000));
    QVERIFY(failed.isEmpty());
    QVERIFY(!loader.isLoading());
    const auto store = finished.first().first().value<std::shared_ptr<EventStore>>();
    QCOMPARE(store->size(), std::size_t(1600000));
    QVERIFY(progress.size() >= 2);
    int previous = -1;
    for (const QList<QVariant> &signal : progress) {
        QVERIFY(signal.first().toInt() >= previous);
        previous = signal.first().toInt();
    }
    QCOMPARE(previous, 1000);
}

void TestTraceLoader::reportsFailure()
{
    TraceFileLoader loader;
    QSignalSpy finished(&loader, &TraceFileLoader::finished);
    QSignalSpy failed(&loader, &TraceFileLoader::failed);
    loader.load(QStringLiteral("/nonexistent/trace.dat"));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("no such file")));
    QVERIFY(finished.isEmpty());
}

void TestTraceLoader::cancelsPromptly()
{
    TraceFileLoader loader;
    QSignalSpy progress(&loader, &TraceFileLoader::progress);
    QSignalSpy finished(&loader, &TraceFileLoader::finished);
    QSignalSpy failed(&loader, &TraceFileLoader::failed);
    loader.load(bigFile);
    QVERIFY(progress.wait(60000));
    loader.cancel();
    QVERIFY(!loader.isLoading());
    QTest::qWait(300);
    QVERIFY(finished.isEmpty());
    QVERIFY(failed.isEmpty());
}

void TestTraceLoader::dropsTheStaleLoad()
{
    TraceFileLoader loader;
    QSignalSpy finished(&loader, &TraceFileLoader::finished);
    loader.load(bigFile);
    loader.load(smallFile);
    QVERIFY(finished.wait(60000));
    QTest::qWait(2000); // time for the big load to end, had it not been stopped
    QCOMPARE(finished.size(), 1);
    const auto store = finished.first().first().value<std::shared_ptr<EventStore>>();
    QCOMPARE(store->size(), std::size_t(100000));
}

void TestTraceLoader::destroysWhileLoading()
{
    QElapsedTimer timer;
    timer.start();
    {
        TraceFileLoader loader;
        loader.load(bigFile);
        QTest::qWait(50);
    }
    QVERIFY2(timer.elapsed() < 5000 * kTimeScale, "the destructor waited for a whole load");
}

QTEST_GUILESS_MAIN(TestTraceLoader)
#include "tst_trace_loader.moc"
