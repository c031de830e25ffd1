// SPDX-License-Identifier: GPL-3.0-or-later
// AgentApi, the typed side of "holders", "release" and "shutdown": the
// params it sends, what it makes of the lab guest agent's real answers, and
// a round trip with the real refscope-agent binary on this machine.
#include "holders/holderreportjson.h"
#include "protocol/agentapi.h"
#include "protocol/methods.h"
#include "release/releasejson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace refscope;

namespace {

const QString kAgent = QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent");
constexpr int kTimeoutMs = 20000;

QJsonObject guestHolders(const char *name)
{
    QFile file(QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/gui/holders/fixtures/") +
               QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", name);
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestAgentApi : public QObject {
    Q_OBJECT
private slots:
    void holdersParams()
    {
        QCOMPARE(AgentApi::holdersParams(QStringLiteral("leaky_ref"), {}),
                 (QJsonObject{{"module", "leaky_ref"}}));
        const QStringList sites{QStringLiteral("leaky_ref_write+0x2d/0x60 [leaky_ref]")};
        QCOMPARE(AgentApi::holdersParams(QStringLiteral("leaky_ref"), {sites, {}}),
                 (QJsonObject{{"module", "leaky_ref"},
                              {"outstanding_call_sites", QJsonArray::fromStringList(sites)}}));
    }

    // The guest agent's answer for count_demo, as the dock gets it.
    void holdersAnswerFromTheGuest()
    {
        const QJsonObject result = guestHolders("holders-count_demo.json");
        HoldersAnswer answer = AgentApi::holdersAnswer(AgentReply::success(result));
        QVERIFY2(answer.ok, qPrintable(answer.error));
        HolderReport report;
        QString error;
        QVERIFY(holderReportFromJson(result, &report, &error));
        QCOMPARE(answer.report, report);
        QCOMPARE(answer.exactAvailable, result.value("exact_available").toBool());
        QVERIFY(!answer.exactErrorSentence);

        answer = AgentApi::holdersAnswer(AgentReply::success(QJsonObject{{"module", 3}}));
        QVERIFY(!answer.ok);
        QVERIFY(answer.unusable);
        QVERIFY(!answer.error.isEmpty());

        answer = AgentApi::holdersAnswer(
            AgentReply::failure(errorcode::NotFound, QStringLiteral("nope is not loaded")));
        QVERIFY(!answer.ok);
        QVERIFY(!answer.unusable);
        QCOMPARE(answer.errorCode, errorcode::NotFound);
        QCOMPARE(answer.error, QStringLiteral("nope is not loaded"));
    }

    void releaseStepsFromNotifications()
    {
        ReleaseStep step;
        step.kind = StepKind::Unload;
        step.code = StepCode::Unloaded;
        step.target = QStringLiteral("count_demo");
        const QJsonObject params = releaseStepToJson(step);
        QCOMPARE(AgentApi::releaseStep(agentevent::ReleaseStep, params), step);
        QVERIFY(!AgentApi::releaseStep(agentevent::TraceLost, params));
        QVERIFY(!AgentApi::releaseStep(agentevent::ReleaseStep, {{"kind", "nonsense"}}));
    }

    void noClient()
    {
        const AgentApi api(nullptr);
        QVERIFY(!api.holders(QStringLiteral("loop"), {}, kTimeoutMs).ok);
        bool answered = false;
        api.requestRelease({}, [&](const ReleaseAnswer &answer) {
            answered = true;
            QCOMPARE(answer.errorCode, errorcode::Disconnected);
        });
        QVERIFY(!answered); // from the event loop, never from inside the call
        QTRY_VERIFY(answered);
    }

    // The real agent on this machine. A module that is not loaded is
    // refused before anything changes, so this is safe even as root.
    void roundTripWithTheAgent()
    {
        QVERIFY2(QFile::exists(kAgent), qPrintable(kAgent));
        AgentClient client;
        // A release agent for that one module (what pkexec starts).
        client.startProcess(
            kAgent, {QStringLiteral("--release"), QStringLiteral("refscope_no_such_module")});
        QVERIFY(client.waitForHello(kTimeoutMs));
        const AgentApi api(&client);
        QSignalSpy gone(&client, &AgentClient::disconnected);
        QSignalSpy steps(&client, &AgentClient::notification);

        const HoldersAnswer holders =
            api.holders(QStringLiteral("refscope_no_such_module"), {}, kTimeoutMs);
        QVERIFY(!holders.ok);
        QVERIFY(!holders.unusable);
        QVERIFY(!holders.errorCode.isEmpty());
        QVERIFY(!holders.error.isEmpty());

        ReleaseRequest request;
        request.module = QStringLiteral("refscope_no_such_module");
        ReleaseAnswer released;
        bool answered = false;
        api.requestRelease(request, [&](const ReleaseAnswer &answer) {
            released = answer;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, kTimeoutMs);
        QVERIFY2(released.ok, qPrintable(released.error));
        QVERIFY(!released.result.released);
        QCOMPARE(released.result.steps.size(), 1);
        QCOMPARE(released.result.steps.first().outcome, StepOutcome::Refused);
        QCOMPARE(released.result.steps.first().code, StepCode::NotLoaded);
        QCOMPARE(steps.size(), 1);
        QCOMPARE(AgentApi::releaseStep(steps.first().at(0).toString(),
                                       steps.first().at(1).toJsonObject()),
                 released.result.steps.first());

        // Its one release served, the agent exited on its own.
        QTRY_VERIFY_WITH_TIMEOUT(!gone.isEmpty(), kTimeoutMs);
        QVERIFY2(gone.first().first().toString().endsWith(QLatin1String("exited with code 0")),
                 qPrintable(gone.first().first().toString()));
    }
};

QTEST_GUILESS_MAIN(TestAgentApi)
#include "tst_agentapi.moc"
