// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/agentapi.h"

#include "capture/flightjson.h"
#include "capture/livecapturedetails.h"
#include "holders/holderreportjson.h"
#include "protocol/methods.h"
#include "release/releasejson.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimer>

#include <exception>

namespace refscope {

namespace {

// The common part of every answer: the reply's error, if any.
template <typename Answer> Answer answerFrom(const AgentReply &reply)
{
    Answer answer;
    answer.ok = reply.ok;
    if (!reply.ok) {
        answer.errorCode = reply.errorCode;
        answer.error = reply.errorMessage;
    }
    return answer;
}

template <typename Answer> void setUnusable(Answer *answer, const QString &why)
{
    answer->ok = false;
    answer->unusable = true;
    answer->error = why;
}

// A handler that gets the reply of a client already gone, as AgentClient
// would give it: from the event loop, once.
void noClient(const AgentClient::ReplyHandler &onReply)
{
    QTimer::singleShot(0, [onReply] {
        onReply(AgentReply::failure(errorcode::Disconnected,
                                    QStringLiteral("not connected to an agent")));
    });
}

void callOrFail(AgentClient *client, const QString &method, const QJsonObject &params,
                AgentClient::ReplyHandler onReply)
{
    if (client)
        client->call(method, params, std::move(onReply));
    else
        noClient(onReply);
}

AgentReply callSyncOrFail(AgentClient *client, const QString &method, const QJsonObject &params,
                          int timeoutMs)
{
    if (!client)
        return AgentReply::failure(errorcode::Disconnected,
                                   QStringLiteral("not connected to an agent"));
    return client->callSync(method, params, timeoutMs);
}

} // namespace

QJsonObject AgentApi::holdersParams(const QString &module, const HoldersOptions &options)
{
    QJsonObject params{{QStringLiteral("module"), module}};
    if (!options.outstandingGets.isEmpty())
        params.insert(QStringLiteral("outstanding_gets"),
                      outstandingGetsToJson(options.outstandingGets));
    if (!options.outstandingCallSites.isEmpty())
        params.insert(QStringLiteral("outstanding_call_sites"),
                      QJsonArray::fromStringList(options.outstandingCallSites));
    return params;
}

HoldersAnswer AgentApi::holdersAnswer(const AgentReply &reply)
{
    HoldersAnswer answer = answerFrom<HoldersAnswer>(reply);
    if (!reply.ok)
        return answer;
    const QJsonObject result = reply.result.toObject();
    QString error;
    if (!holderReportFromJson(result, &answer.report, &error)) {
        setUnusable(&answer, error);
        return answer;
    }
    answer.exactAvailable = result.value(QLatin1String("exact_available")).toBool();
    answer.exactError = result.value(QLatin1String("exact_error")).toString();
    const QJsonValue sentence = result.value(QLatin1String("exact_error_sentence"));
    HolderSentence why;
    QString ignored;
    if (sentence.isObject() && holderSentenceFromJson(sentence.toObject(), &why, &ignored))
        answer.exactErrorSentence = why;
    return answer;
}

ReleaseAnswer AgentApi::releaseAnswer(const AgentReply &reply)
{
    ReleaseAnswer answer = answerFrom<ReleaseAnswer>(reply);
    QString error;
    if (reply.ok && !releaseResultFromJson(reply.result.toObject(), &answer.result, &error))
        setUnusable(&answer, error);
    return answer;
}

FlightStatusAnswer AgentApi::flightStatusAnswer(const AgentReply &reply)
{
    FlightStatusAnswer answer = answerFrom<FlightStatusAnswer>(reply);
    QString error;
    if (reply.ok && !flightStatusFromJson(reply.result.toObject(), &answer.status, &error))
        setUnusable(&answer, error);
    return answer;
}

FlightHistoryAnswer AgentApi::flightHistoryAnswer(const AgentReply &reply,
                                                  const QList<CapturedEvent> &events)
{
    FlightHistoryAnswer answer = answerFrom<FlightHistoryAnswer>(reply);
    if (!reply.ok)
        return answer;
    const QJsonObject result = reply.result.toObject();
    QString error;
    if (!flightStatusFromJson(result.value(QLatin1String("status")).toObject(), &answer.status,
                              &error)) {
        setUnusable(&answer, QStringLiteral("status.%1").arg(error));
        return answer;
    }
    const qint64 sent = qint64(result.value(QLatin1String("events")).toDouble(-1));
    if (sent != events.size()) {
        setUnusable(&answer, QStringLiteral("the agent sent %1 events of the %2 it read")
                                 .arg(events.size())
                                 .arg(sent));
        return answer;
    }
    if (events.isEmpty())
        return answer;
    auto store = std::make_shared<EventStore>();
    auto details = std::make_unique<CapturedDetails>(store.get());
    CapturedDetails *kept = details.get();
    store->setDetailsSource(std::move(details));
    try {
        for (const CapturedEvent &e : events) {
            store->append(e.event); // refuses events out of order, or of an absurd CPU
            kept->append(e.details);
        }
    } catch (const std::exception &refused) {
        setUnusable(&answer, QString::fromUtf8(refused.what()));
        return answer;
    }
    answer.events = std::move(store);
    return answer;
}

void AgentApi::requestFlightStatus(FlightStatusHandler onAnswer) const
{
    callOrFail(m_client, agentmethod::FlightStatus, {},
               [onAnswer = std::move(onAnswer)](const AgentReply &reply) {
                   onAnswer(flightStatusAnswer(reply));
               });
}

namespace {

// flight.read's events come as trace.events notifications, each before the
// reply (the agent answers in order): gathered until it comes.
struct FlightEvents {
    QList<CapturedEvent> events;
    QString error;

    void take(const QString &event, const QJsonObject &params)
    {
        if (event != agentevent::TraceEvents || !error.isEmpty())
            return;
        QList<CapturedEvent> batch;
        if (decodeCapturedEvents(params, &batch, &error))
            events.append(std::move(batch));
    }

    FlightHistoryAnswer answer(const AgentReply &reply) const
    {
        if (reply.ok && !error.isEmpty()) {
            FlightHistoryAnswer unusable;
            setUnusable(&unusable, error);
            return unusable;
        }
        return AgentApi::flightHistoryAnswer(reply, events);
    }
};

} // namespace

void AgentApi::requestFlightHistory(FlightHistoryHandler onAnswer) const
{
    if (!m_client) {
        noClient([onAnswer = std::move(onAnswer)](const AgentReply &reply) {
            onAnswer(flightHistoryAnswer(reply, {}));
        });
        return;
    }
    auto gathered = std::make_shared<FlightEvents>();
    QPointer<QObject> listening = new QObject(m_client);
    QObject::connect(m_client, &AgentClient::notification, listening,
                     [gathered](const QString &event, const QJsonObject &params) {
                         gathered->take(event, params);
                     });
    m_client->call(agentmethod::FlightRead, {},
                   [gathered, listening, onAnswer = std::move(onAnswer)](const AgentReply &reply) {
                       delete listening.data();
                       onAnswer(gathered->answer(reply));
                   });
}

void AgentApi::requestHolders(const QString &module, const HoldersOptions &options,
                              HoldersHandler onAnswer) const
{
    callOrFail(m_client, agentmethod::Holders, holdersParams(module, options),
               [onAnswer = std::move(onAnswer)](const AgentReply &reply) {
                   onAnswer(holdersAnswer(reply));
               });
}

void AgentApi::requestRelease(const ReleaseRequest &request, ReleaseHandler onAnswer) const
{
    callOrFail(m_client, agentmethod::Release, releaseRequestToJson(request),
               [onAnswer = std::move(onAnswer)](const AgentReply &reply) {
                   onAnswer(releaseAnswer(reply));
               });
}

void AgentApi::requestShutdown() const
{
    if (m_client)
        m_client->call(agentmethod::Shutdown, {}, [](const AgentReply &) {});
}

HoldersAnswer AgentApi::holders(const QString &module, const HoldersOptions &options,
                                int timeoutMs) const
{
    return holdersAnswer(
        callSyncOrFail(m_client, agentmethod::Holders, holdersParams(module, options), timeoutMs));
}

ReleaseAnswer AgentApi::release(const ReleaseRequest &request, int timeoutMs) const
{
    return releaseAnswer(
        callSyncOrFail(m_client, agentmethod::Release, releaseRequestToJson(request), timeoutMs));
}

FlightHistoryAnswer AgentApi::flightHistory(int timeoutMs) const
{
    FlightEvents gathered;
    QObject listening; // gone with this call: later notifications are not taken
    if (m_client)
        QObject::connect(m_client, &AgentClient::notification, &listening,
                         [&gathered](const QString &event, const QJsonObject &params) {
                             gathered.take(event, params);
                         });
    return gathered.answer(callSyncOrFail(m_client, agentmethod::FlightRead, {}, timeoutMs));
}

AgentAnswer AgentApi::shutdown(int timeoutMs) const
{
    return answerFrom<AgentAnswer>(callSyncOrFail(m_client, agentmethod::Shutdown, {}, timeoutMs));
}

std::optional<ReleaseStep> AgentApi::releaseStep(const QString &event, const QJsonObject &params)
{
    ReleaseStep step;
    QString error;
    if (event != agentevent::ReleaseStep || !releaseStepFromJson(params, &step, &error))
        return std::nullopt;
    return step;
}

} // namespace refscope
