// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/agentapi.h"

#include "holders/holderreportjson.h"
#include "protocol/methods.h"
#include "release/releasejson.h"

#include <QJsonArray>
#include <QTimer>

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
