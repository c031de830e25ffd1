// SPDX-License-Identifier: GPL-3.0-or-later
// AgentApi, the typed side of "holders", "release", "flight.status",
// "flight.read" and "shutdown": the
// params it sends, what it makes of the lab guest agent's real answers, and
// a round trip with the real refscope-agent binary on this machine.
#include "capture/flightjson.h"
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

    // The flight recorder's state survives the protocol, and a malformed
    // one is named rather than read as "not running".
    void flightStatusRoundTrip()
    {
        FlightStatus status;
        status.running = true;
        status.armed = true;
        status.frozen = true;
        status.stacks = true;
        status.bufferKbPerCpu = 512;
        status.cpus = 2;
        status.frozenEvents = 5123;
        status.frozenLastNs = 81234567890123;
        status.frozenAtMs = 1796594400000;
        status.modules = {QStringLiteral("count_demo"), QStringLiteral("loop")};
        const QJsonObject json = flightStatusToJson(status);
        QCOMPARE(json.value("memory_kb").toInt(), 2048);
        FlightStatusAnswer answer = AgentApi::flightStatusAnswer(AgentReply::success(json));
        QVERIFY2(answer.ok, qPrintable(answer.error));
        QCOMPARE(answer.status, status);

        // Not frozen: the history's fields are left out, and read back empty.
        FlightStatus idle;
        idle.running = true;
        idle.armed = true;
        idle.bufferKbPerCpu = 512;
        idle.cpus = 2;
        QVERIFY(!flightStatusToJson(idle).contains(QLatin1String("modules")));
        answer = AgentApi::flightStatusAnswer(AgentReply::success(flightStatusToJson(idle)));
        QVERIFY(answer.ok);
        QCOMPARE(answer.status, idle);
        answer = AgentApi::flightStatusAnswer(AgentReply::success(QJsonObject{}));
        QVERIFY(answer.ok);
        QVERIFY(!answer.status.running);

        for (const auto &[key, value] : {std::pair<const char *, QJsonValue>{"running", 1},
                                         {"frozen", "yes"},
                                         {"frozen_events", -1},
                                         {"frozen_events", 1.5},
                                         {"modules", "loop"},
                                         {"modules", QJsonArray{3}},
                                         {"cpus", 1e9}}) {
            QJsonObject bad = json;
            bad.insert(QLatin1String(key), value);
            answer = AgentApi::flightStatusAnswer(AgentReply::success(bad));
            QVERIFY2(!answer.ok && answer.unusable, key);
            QVERIFY2(answer.error.contains(QLatin1String(key)), qPrintable(answer.error));
        }
        answer = AgentApi::flightStatusAnswer(
            AgentReply::failure(errorcode::Disconnected, QStringLiteral("not authorized")));
        QVERIFY(!answer.ok && !answer.unusable);
        QCOMPARE(answer.errorCode, errorcode::Disconnected);
    }

    // flight.read's reply against the events its notifications brought:
    // a count that differs means some were lost on the way.
    void flightHistoryAnswer()
    {
        FlightStatus frozen;
        frozen.running = frozen.armed = frozen.frozen = true;
        frozen.frozenEvents = 2;
        frozen.modules = {QStringLiteral("count_demo")};
        QList<CapturedEvent> events(2);
        events[0].event = {1000, 0, ModuleEventKind::Get, QStringLiteral("count_demo"), 1};
        events[1].event = {2000, 1, ModuleEventKind::Put, QStringLiteral("count_demo"), 0};
        for (CapturedEvent &e : events)
            e.details.comm = QStringLiteral("cat");
        // Through the notification's codec, as the client gets them.
        QList<CapturedEvent> received;
        QString error;
        QVERIFY2(decodeCapturedEvents(encodeCapturedEvents(events), &received, &error),
                 qPrintable(error));
        const QJsonObject result{{"events", 2}, {"status", flightStatusToJson(frozen)}};
        FlightHistoryAnswer answer =
            AgentApi::flightHistoryAnswer(AgentReply::success(result), received);
        QVERIFY2(answer.ok, qPrintable(answer.error));
        QCOMPARE(answer.status, frozen);
        QVERIFY(answer.events);
        QCOMPARE(answer.events->size(), std::size_t(2));
        QCOMPARE(answer.events->kind(1), ModuleEventKind::Put);
        QCOMPARE(answer.events->details(0).comm, QStringLiteral("cat"));

        answer = AgentApi::flightHistoryAnswer(AgentReply::success(result), received.mid(1));
        QVERIFY(!answer.ok && answer.unusable);
        answer = AgentApi::flightHistoryAnswer(
            AgentReply::success(QJsonObject{{"events", 0}, {"status", QJsonObject{}}}), {});
        QVERIFY(answer.ok);
        QVERIFY(!answer.events);
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

    // A flight agent on this machine, whose recorder is not running here:
    // it says so, and has no history to send.
    void flightRoundTripWithTheAgent()
    {
        AgentClient client;
        client.startProcess(kAgent, {QStringLiteral("--flight")});
        QVERIFY(client.waitForHello(kTimeoutMs));
        const AgentApi api(&client);
        if (QFile::exists(QStringLiteral("/sys/kernel/tracing/instances/refscope-flight")))
            QSKIP("this machine's flight recorder is running");
        FlightStatusAnswer status;
        bool answered = false;
        api.requestFlightStatus([&](const FlightStatusAnswer &answer) {
            status = answer;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, kTimeoutMs);
        QVERIFY2(status.ok, qPrintable(status.error));
        QVERIFY(!status.status.running);
        FlightHistoryAnswer history;
        answered = false;
        api.requestFlightHistory([&](const FlightHistoryAnswer &answer) {
            history = answer;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, kTimeoutMs);
        QVERIFY(!history.ok);
        QCOMPARE(history.errorCode, errorcode::NotFound);
        QVERIFY(!history.events);
        // The same, waited for (refscope-cli flight save).
        const FlightHistoryAnswer waited = api.flightHistory(kTimeoutMs);
        QVERIFY(!waited.ok);
        QCOMPARE(waited.errorCode, errorcode::NotFound);
        QVERIFY(!waited.events);
        // Without an agent: an answer, not a wait.
        const FlightHistoryAnswer none = AgentApi(nullptr).flightHistory(kTimeoutMs);
        QVERIFY(!none.ok);
        QCOMPARE(none.errorCode, errorcode::Disconnected);
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
