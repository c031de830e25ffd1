// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/snapshotjson.h"
#include "protocol/agentclient.h"
#include "sources/agentsnapshotsource.h"
#include "sources/filesnapshotsource.h"
#include "sources/localsnapshotsource.h"
#include "sources/privilegedsnapshotsource.h"
#include "testsnapshots.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace refscope;
using namespace refscope::test;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

// The real refscope-agent of this build, on this machine's kernel.
void startAgent(AgentClient &client)
{
    client.startProcess(QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent"),
                        {QStringLiteral("--inspect")});
    QVERIFY(client.waitForHello(10000));
}

} // namespace

class TestSnapshotSource : public QObject {
    Q_OBJECT
private slots:
    void fileSourceReadsASavedSnapshot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("saved.json");
        const Snapshot saved = snapshot({module("loop", 1), module("tun", 0, {}, {"loop"})});
        writeFile(path, QJsonDocument(snapshotToJson(saved)).toJson());
        FileSnapshotSource source(path);
        QVERIFY(!source.isLive());
        QSignalSpy ready(&source, &SnapshotSource::snapshotReady);
        source.refresh();
        QCOMPARE(ready.count(), 0); // reported from the event loop, never from refresh()
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.first().first().value<Snapshot>(), saved);
    }

    void fileSourceExplainsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QByteArray() << "Cannot open";
        QTest::newRow("not json") << QByteArray("{\"kernel\": ") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[]") << "does not hold a snapshot object";
        QTest::newRow("bad field") << QByteArray("{\"kernel\": 7}") << "not a RefScope snapshot";
    }

    void fileSourceExplainsBadFiles()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.json");
        if (!contents.isEmpty())
            writeFile(path, contents);
        FileSnapshotSource source(path);
        QSignalSpy failed(&source, &SnapshotSource::failed);
        source.refresh();
        QVERIFY(failed.wait(5000));
        const QString shown = failed.first().first().toString();
        QVERIFY2(shown.contains(message) && shown.contains(path), qPrintable(shown));
    }

    void localSourceReadsThisKernelOffTheCallersThread()
    {
        LocalSnapshotSource source;
        QSignalSpy ready(&source, &SnapshotSource::snapshotReady);
        source.refresh();
        QVERIFY(source.isReading());
        QCOMPARE(ready.count(), 0);
        QVERIFY(ready.wait(30000));
        const Snapshot s = ready.first().first().value<Snapshot>();
        // This machine's kernel, as it is: no /proc/modules means no
        // loadable module support, and then no modules.
        QCOMPARE(s.support.loadable, QFile::exists("/proc/modules"));
        if (!s.support.loadable)
            QVERIFY(s.modules.isEmpty());
        QVERIFY(!s.kernelRelease.isEmpty());
    }

    void refreshesDuringAReadBecomeOneMoreRead()
    {
        LocalSnapshotSource source;
        QSignalSpy ready(&source, &SnapshotSource::snapshotReady);
        for (int i = 0; i < 5; ++i)
            source.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 30000);
        QTest::qWait(200);
        QCOMPARE(ready.count(), 2);
        QVERIFY(!source.isReading());
    }

    void autoRefreshPollsAndStops()
    {
        LocalSnapshotSource source;
        QSignalSpy ready(&source, &SnapshotSource::snapshotReady);
        source.setAutoRefresh(20);
        QCOMPARE(source.autoRefreshInterval(), 20);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 3, 30000);
        source.setAutoRefresh(0);
        QTRY_VERIFY(!source.isReading());
        const qsizetype seen = ready.count();
        QTest::qWait(200);
        QCOMPARE(ready.count(), seen);
    }

    void destroyingASourceMidReadIsSafe()
    {
        auto *source = new LocalSnapshotSource;
        source->refresh();
        delete source; // waits for the reader thread; its result is dropped
    }

    void agentSourceAsksTheRealAgent()
    {
        AgentClient client;
        startAgent(client);
        AgentSnapshotSource source(&client, QStringLiteral("local agent"));
        QSignalSpy ready(&source, &SnapshotSource::snapshotReady);
        QSignalSpy failed(&source, &SnapshotSource::failed);
        source.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        const Snapshot s = ready.first().first().value<Snapshot>();
        QCOMPARE(s.support.loadable, QFile::exists("/proc/modules"));
    }

    void agentSourceReportsADeadAgent()
    {
        AgentClient client;
        startAgent(client);
        AgentSnapshotSource source(&client, QStringLiteral("local agent"));
        QSignalSpy failed(&source, &SnapshotSource::failed);
        client.callSync(QStringLiteral("shutdown"), {}, 5000);
        // The agent may exit while callSync still waits: count, not wait().
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        source.refresh();
        QTRY_COMPARE(failed.count(), 2);
        QVERIFY2(failed.last().first().toString().contains("not connected"),
                 qPrintable(failed.last().first().toString()));
    }

    void privilegedSourceStartsTheAgentOnFirstRead()
    {
        // Already root here, so the agent runs without pkexec in between.
        PrivilegedSnapshotSource source(
            QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent"), QString());
        QSignalSpy ready(&source, &SnapshotSource::snapshotReady);
        QSignalSpy failed(&source, &SnapshotSource::failed);
        source.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(ready.first().first().value<Snapshot>().support.loadable,
                 QFile::exists("/proc/modules"));
    }

    void privilegedSourceExplainsALauncherThatCannotRun()
    {
        PrivilegedSnapshotSource source(
            QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent"),
            QStringLiteral("/nonexistent/pkexec"));
        QSignalSpy failed(&source, &SnapshotSource::failed);
        source.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
        QVERIFY2(failed.first().first().toString().contains("/nonexistent/pkexec"),
                 qPrintable(failed.first().first().toString()));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotSource)
#include "tst_snapshotsource.moc"
