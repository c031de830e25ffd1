// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON-lines codec: well-formed lines, malformed ones, and the hello
// version check.
#include "protocol/linebuffer.h"
#include "protocol/protocol.h"

#include <QJsonArray>
#include <QTest>

using namespace refscope;

class TestProtocolCodec : public QObject {
    Q_OBJECT
private slots:
    void requestRoundTrip()
    {
        const QByteArray line =
            encodeRequest({7, QStringLiteral("module.unload"), {{"name", "loop"}}});
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        Request r;
        QString error;
        QVERIFY2(parseRequest(line.chopped(1), &r, &error), qPrintable(error));
        QCOMPARE(r.id, 7);
        QCOMPARE(r.method, QStringLiteral("module.unload"));
        QCOMPARE(r.params.value("name").toString(), QStringLiteral("loop"));
    }

    void paramsMayBeOmitted()
    {
        Request r;
        QString error;
        QVERIFY(parseRequest(R"({"id":3,"method":"snapshot"})", &r, &error));
        QVERIFY(r.params.isEmpty());
    }

    void replyAndErrorRoundTrip()
    {
        AgentMessage m;
        QString error;
        QVERIFY(parseAgentMessage(
            encodeReply({4, AgentReply::success(QJsonObject{{"name", "dummy"}})}).chopped(1), &m,
            &error));
        QVERIFY(!m.isNotification);
        QCOMPARE(m.reply.id, 4);
        QVERIFY(m.reply.reply.ok);
        QCOMPARE(m.reply.reply.result.toObject().value("name").toString(), QStringLiteral("dummy"));

        const QByteArray busy =
            encodeReply({5, AgentReply::failure(errorcode::Busy, "loop has 1 reference(s)")});
        QCOMPARE(busy, QByteArray(
                           "{\"error\":{\"code\":\"busy\",\"message\":\"loop has 1 reference(s)\"},"
                           "\"id\":5}\n"));
        QVERIFY(parseAgentMessage(busy.chopped(1), &m, &error));
        QVERIFY(!m.reply.reply.ok);
        QCOMPARE(m.reply.reply.errorCode, QStringLiteral("busy"));
        QCOMPARE(m.reply.reply.errorMessage, QStringLiteral("loop has 1 reference(s)"));
    }

    void notification()
    {
        AgentMessage m;
        QString error;
        QVERIFY(parseAgentMessage(encodeNotification({"module.put", {{"name", "loop"}}}).chopped(1),
                                  &m, &error));
        QVERIFY(m.isNotification);
        QCOMPARE(m.notification.event, QStringLiteral("module.put"));
        QCOMPARE(m.notification.params.value("name").toString(), QStringLiteral("loop"));
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<qint64>("id");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("hello") << qint64(0)
                                  << "not JSON: illegal value at offset 1";
        QTest::newRow("array") << QByteArray("[1,2]") << qint64(0) << "not a JSON object";
        QTest::newRow("no id") << QByteArray(R"({"method":"snapshot"})") << qint64(0)
                               << "\"id\" must be a positive integer";
        QTest::newRow("zero id") << QByteArray(R"({"id":0,"method":"snapshot"})") << qint64(0)
                                 << "\"id\" must be a positive integer";
        QTest::newRow("string id") << QByteArray(R"({"id":"1","method":"x"})") << qint64(0)
                                   << "\"id\" must be a positive integer";
        QTest::newRow("no method")
            << QByteArray(R"({"id":9})") << qint64(9) << "\"method\" must be a non-empty string";
        QTest::newRow("params array") << QByteArray(R"({"id":9,"method":"snapshot","params":[]})")
                                      << qint64(9) << "\"params\" must be an object";
    }

    void malformedRequests()
    {
        QFETCH(QByteArray, line);
        QFETCH(qint64, id);
        QFETCH(QString, error);
        Request r;
        QString actual;
        QVERIFY(!parseRequest(line, &r, &actual));
        QCOMPARE(actual, error);
        QCOMPARE(r.id, id);
    }

    void malformedAgentLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("both result and error")
            << QByteArray(R"({"id":1,"result":{},"error":{"code":"x"}})");
        QTest::newRow("neither") << QByteArray(R"({"id":1})");
        QTest::newRow("error without code") << QByteArray(R"({"id":1,"error":{"message":"m"}})");
        QTest::newRow("negative id") << QByteArray(R"({"id":-3,"result":1})");
        QTest::newRow("no id no event") << QByteArray(R"({"params":{}})");
        QTest::newRow("truncated") << QByteArray("{\"id\":1,\"res");
    }

    void malformedAgentLines()
    {
        QFETCH(QByteArray, line);
        AgentMessage m;
        QString error;
        QVERIFY(!parseAgentMessage(line, &m, &error));
        QVERIFY(!error.isEmpty());
    }

    void helloVersion()
    {
        QVERIFY(helloMismatch(helloParams("test")).isEmpty());
        QCOMPARE(helloParams("test").value("protocol").toInt(), kProtocolVersion);
        QCOMPARE(helloMismatch({{"protocol", 2}}),
                 QStringLiteral("this agent speaks protocol 1, the client asked for 2"));
        QCOMPARE(helloMismatch({}),
                 QStringLiteral("this agent speaks protocol 1, the client asked for none"));
    }

    void lineBufferSplitsAcrossChunks()
    {
        LineBuffer buffer;
        QByteArray line;
        buffer.append("{\"id\":1}\n{\"id\"");
        QVERIFY(buffer.takeLine(&line));
        QCOMPARE(line, QByteArray("{\"id\":1}"));
        QVERIFY(!buffer.takeLine(&line));
        buffer.append(":2}\n");
        QVERIFY(buffer.takeLine(&line));
        QCOMPARE(line, QByteArray("{\"id\":2}"));
        QVERIFY(!buffer.overflowed());
    }

    void lineBufferOverflow()
    {
        LineBuffer buffer;
        QByteArray line;
        buffer.append(QByteArray(kMaxLineBytes + 1, 'x'));
        QVERIFY(!buffer.takeLine(&line));
        QVERIFY(buffer.overflowed());
        buffer.clear();
        QVERIFY(!buffer.overflowed());
    }
};

QTEST_GUILESS_MAIN(TestProtocolCodec)
#include "tst_protocolcodec.moc"
