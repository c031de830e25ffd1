// SPDX-License-Identifier: GPL-3.0-or-later
// AgentClient against the real refscope-agent binary as a child process,
// and the agent's own answers to raw lines.
#include "capture/livecapture.h"
#include "inventory/snapshotjson.h"
#include "protocol/agentclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/prctl.h>

using namespace refscope;

namespace {

const QString kAgent = QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent");
constexpr int kTimeoutMs = 20000;

// Writes raw lines to a fresh agent and returns the lines it answered.
QList<QJsonObject> rawExchange(const QByteArray &input, int *exitCode = nullptr)
{
    QProcess agent;
    agent.start(kAgent, {QStringLiteral("--inspect")});
    agent.write(input);
    agent.closeWriteChannel();
    agent.waitForFinished(kTimeoutMs);
    if (exitCode)
        *exitCode = agent.exitCode();
    QList<QJsonObject> replies;
    for (const QByteArray &line : agent.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            replies.append(QJsonDocument::fromJson(line).object());
    }
    return replies;
}

const QByteArray kHello = R"({"id":1,"method":"hello","params":{"protocol":1,"client":"test"}})"
                          "\n";

QString errorCode(const QJsonObject &reply)
{
    return reply.value("error").toObject().value("code").toString();
}

// Starts the agent through a shell that records its pid (the agent
// replaces it), so that a test can stop or kill it mid-call; 0 on failure.
pid_t startAgentWithPid(AgentClient *client, const QTemporaryDir &dir)
{
    const QString pidFile = dir.filePath("pid");
    client->startProcess(
        "sh", {"-c", QStringLiteral("echo $$ > %1; exec %2 --inspect").arg(pidFile, kAgent)});
    if (!client->waitForHello(kTimeoutMs))
        return 0;
    QFile file(pidFile);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toInt();
}

} // namespace

class TestAgentClient : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFile::exists(kAgent), qPrintable(kAgent)); }

    void helloAndSnapshot()
    {
        AgentClient client;
        QSignalSpy ready(&client, &AgentClient::ready);
        client.startProcess(kAgent, {QStringLiteral("--inspect")});
        QVERIFY(client.waitForHello(kTimeoutMs));
        QCOMPARE(ready.count(), 1);
        QCOMPARE(client.helloResult().value("protocol").toInt(), kProtocolVersion);
        QCOMPARE(client.helloResult().value("lab").toBool(), false);
        QVERIFY(client.helloResult().value("agent").toString().startsWith("refscope-agent "));

        const AgentReply reply = client.callSync("snapshot", {}, kTimeoutMs);
        QVERIFY2(reply.ok, qPrintable(reply.errorMessage));
        Snapshot snapshot;
        QString error;
        QVERIFY2(snapshotFromJson(reply.result.toObject(), &snapshot, &error), qPrintable(error));
        // The real kernel of the machine the tests run on.
        QCOMPARE(snapshot.support.loadable, QFile::exists("/proc/modules"));
        if (!snapshot.support.loadable)
            QVERIFY(snapshot.modules.isEmpty());
    }

    void errorsComeBackAsReplies()
    {
        AgentClient client;
        client.startProcess(kAgent, {QStringLiteral("--inspect")});
        QVERIFY(client.waitForHello(kTimeoutMs));
        AgentReply reply = client.callSync("no.such.method", {}, kTimeoutMs);
        QVERIFY(!reply.ok);
        QCOMPARE(reply.errorCode, QStringLiteral("unknown_method"));

        // Not served by an inspect agent (protocol/agentmode.h).
        reply = client.callSync("lab.exec", {{"argv", QJsonArray{"true"}}}, kTimeoutMs);
        QCOMPARE(reply.errorCode, QStringLiteral("unknown_method"));
        reply = client.callSync("module.unload", {}, kTimeoutMs);
        QCOMPARE(reply.errorCode, QStringLiteral("unknown_method"));

        reply = client.callSync("holders", {}, kTimeoutMs);
        QCOMPARE(reply.errorCode, QStringLiteral("bad_request"));

        // Still answering after errors.
        QVERIFY(client.callSync("snapshot", {}, kTimeoutMs).ok);
    }

    void asyncCallsAnswerInOrder()
    {
        AgentClient client;
        client.startProcess(kAgent, {QStringLiteral("--inspect")});
        QStringList order;
        client.call("snapshot", {},
                    [&](const AgentReply &r) { order << (r.ok ? "snapshot" : r.errorCode); });
        client.call("nope", {}, [&](const AgentReply &r) { order << r.errorCode; });
        QTRY_COMPARE_WITH_TIMEOUT(order, (QStringList{"snapshot", "unknown_method"}), kTimeoutMs);
    }

    void malformedLineKeepsTheAgentGoing()
    {
        const QList<QJsonObject> replies =
            rawExchange(kHello + "this is not json\n" + R"({"id":2,"method":"snapshot"})" + "\n");
        QCOMPARE(replies.size(), 3);
        QCOMPARE(replies[1].value("id").toInt(), 0);
        QCOMPARE(errorCode(replies[1]), QStringLiteral("bad_request"));
        QCOMPARE(replies[2].value("id").toInt(), 2);
        QVERIFY(replies[2].contains("result"));
    }

    void helloComesFirst()
    {
        const QList<QJsonObject> replies = rawExchange(R"({"id":5,"method":"snapshot"})"
                                                       "\n");
        QCOMPARE(replies.size(), 1);
        QCOMPARE(errorCode(replies[0]), QStringLiteral("hello_required"));
    }

    void wrongProtocolVersionEndsTheAgent()
    {
        int exitCode = -1;
        const QList<QJsonObject> replies =
            rawExchange(R"({"id":1,"method":"hello","params":{"protocol":2}})"
                        "\n"
                        R"({"id":2,"method":"snapshot"})"
                        "\n",
                        &exitCode);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(errorCode(replies[0]), QStringLiteral("protocol_mismatch"));
        QCOMPARE(exitCode, 1);
    }

    void shutdownEndsTheAgent()
    {
        AgentClient client;
        QSignalSpy gone(&client, &AgentClient::disconnected);
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1);
        client.startProcess(kAgent, {QStringLiteral("--inspect")});
        // While it holds an agent's pipes, no process of this user may open
        // them through /proc/<pid>/fd: the client is not dumpable.
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
        QVERIFY(client.callSync("shutdown", {}, kTimeoutMs).ok);
        QTRY_COMPARE_WITH_TIMEOUT(gone.count(), 1, kTimeoutMs);
        QCOMPARE(gone.at(0).at(0).toString(),
                 QStringLiteral("the agent (%1) exited with code 0").arg(kAgent));
        QTRY_COMPARE_WITH_TIMEOUT(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1, kTimeoutMs);
    }

    // The agent is stopped, so the call is surely pending when it is killed.
    void killedMidCallGivesDisconnected()
    {
        QTemporaryDir dir;
        AgentClient client;
        QSignalSpy gone(&client, &AgentClient::disconnected);
        const pid_t pid = startAgentWithPid(&client, dir);
        QVERIFY(pid > 0);
        ::kill(pid, SIGSTOP);
        AgentReply reply;
        bool answered = false;
        client.call("snapshot", {}, [&](const AgentReply &r) {
            reply = r;
            answered = true;
        });
        ::kill(pid, SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(answered, kTimeoutMs);
        QCOMPARE(reply.errorCode, QStringLiteral("disconnected"));
        QCOMPARE(reply.errorMessage, QStringLiteral("the agent (sh) was killed"));
        QCOMPARE(gone.count(), 1);

        // Later calls fail at once, from the event loop.
        bool later = false;
        client.call("snapshot", {},
                    [&](const AgentReply &r) { later = r.errorCode == "disconnected"; });
        QVERIFY(!later);
        QTRY_VERIFY_WITH_TIMEOUT(later, kTimeoutMs);
    }

    // A capture that goes while its calls are pending (a test's local one
    // that timed out, a target closed mid-stop) must not be called back:
    // the stopped agent's death fails every pending call, and the capture's
    // handlers then find it gone.
    void captureGoneBeforeItsRepliesIsNotCalledBack()
    {
        QTemporaryDir dir;
        AgentClient client;
        const pid_t pid = startAgentWithPid(&client, dir);
        QVERIFY(pid > 0);
        ::kill(pid, SIGSTOP);
        auto *capture = new LiveCapture(&client);
        capture->start({{QStringLiteral("loop")}, false});
        delete capture;
        QSignalSpy gone(&client, &AgentClient::disconnected);
        ::kill(pid, SIGKILL);
        QVERIFY(gone.wait(kTimeoutMs));
        QTest::qWait(50); // the failed replies run from the event loop
    }

    void missingProgramIsReported()
    {
        AgentClient client;
        QSignalSpy gone(&client, &AgentClient::disconnected);
        client.startProcess("/nonexistent/refscope-agent", {});
        QVERIFY(!client.waitForHello(kTimeoutMs));
        QCOMPARE(gone.count(), 1);
        QVERIFY2(
            gone.at(0).at(0).toString().startsWith("could not start /nonexistent/refscope-agent"),
            qPrintable(gone.at(0).at(0).toString()));
    }

    void attachToAStream()
    {
        QProcess agent;
        agent.start(kAgent, {QStringLiteral("--inspect")});
        QVERIFY(agent.waitForStarted(kTimeoutMs));
        AgentClient client;
        QSignalSpy gone(&client, &AgentClient::disconnected);
        client.attach(&agent);
        QVERIFY(client.waitForHello(kTimeoutMs));
        QVERIFY(client.callSync("snapshot", {}, kTimeoutMs).ok);
        agent.closeWriteChannel(); // EOF: the agent exits and its stdout closes
        QTRY_COMPARE_WITH_TIMEOUT(gone.count(), 1, kTimeoutMs);
        QCOMPARE(gone.at(0).at(0).toString(), QStringLiteral("the agent closed the connection"));
    }
};

QTEST_GUILESS_MAIN(TestAgentClient)
#include "tst_agentclient.moc"
