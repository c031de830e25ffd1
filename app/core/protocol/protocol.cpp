// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/protocol.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace refscope {

namespace {

QByteArray encodeLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

bool parseObject(const QByteArray &line, QJsonObject *object, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object");
        return false;
    }
    *object = doc.object();
    return true;
}

// A positive integer id, or 0 when the value is not one.
qint64 idFrom(const QJsonValue &value)
{
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d < 1 || d != std::floor(d) || d > 9007199254740992.0)
        return 0;
    return qint64(d);
}

bool optionalParams(const QJsonObject &object, QJsonObject *params, QString *error)
{
    const QJsonValue value = object.value(QLatin1String("params"));
    if (!value.isUndefined() && !value.isObject()) {
        *error = QStringLiteral("\"params\" must be an object");
        return false;
    }
    *params = value.toObject();
    return true;
}

bool parseReplyObject(const QJsonObject &object, ReplyMessage *reply, QString *error)
{
    const QJsonValue id = object.value(QLatin1String("id"));
    reply->id = idFrom(id);
    if (reply->id == 0 && id != QJsonValue(0)) {
        *error = QStringLiteral("\"id\" must be a non-negative integer");
        return false;
    }
    const bool hasResult = object.contains(QLatin1String("result"));
    const QJsonValue err = object.value(QLatin1String("error"));
    if (hasResult == !err.isUndefined()) {
        *error = QStringLiteral("a reply needs exactly one of \"result\" and \"error\"");
        return false;
    }
    if (hasResult) {
        reply->reply = AgentReply::success(object.value(QLatin1String("result")));
        return true;
    }
    const QJsonValue code = err.toObject().value(QLatin1String("code"));
    if (!code.isString() || code.toString().isEmpty()) {
        *error = QStringLiteral("\"error\" must be an object with a \"code\" string");
        return false;
    }
    reply->reply = AgentReply::failure(code.toString(),
                                       err.toObject().value(QLatin1String("message")).toString());
    return true;
}

} // namespace

AgentReply AgentReply::success(const QJsonValue &result)
{
    AgentReply r;
    r.ok = true;
    r.result = result;
    return r;
}

AgentReply AgentReply::failure(const QString &code, const QString &message)
{
    AgentReply r;
    r.errorCode = code;
    r.errorMessage = message;
    return r;
}

QByteArray encodeRequest(const Request &request)
{
    return encodeLine({{QStringLiteral("id"), request.id},
                       {QStringLiteral("method"), request.method},
                       {QStringLiteral("params"), request.params}});
}

QByteArray encodeReply(const ReplyMessage &reply)
{
    QJsonObject object{{QStringLiteral("id"), reply.id}};
    if (reply.reply.ok) {
        object.insert(QStringLiteral("result"), reply.reply.result);
    } else {
        object.insert(QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("code"), reply.reply.errorCode},
                                  {QStringLiteral("message"), reply.reply.errorMessage}});
    }
    return encodeLine(object);
}

QByteArray encodeNotification(const Notification &notification)
{
    return encodeLine({{QStringLiteral("event"), notification.event},
                       {QStringLiteral("params"), notification.params}});
}

bool parseRequest(const QByteArray &line, Request *request, QString *error)
{
    *request = {};
    QJsonObject object;
    if (!parseObject(line, &object, error))
        return false;
    request->id = idFrom(object.value(QLatin1String("id")));
    if (request->id == 0) {
        *error = QStringLiteral("\"id\" must be a positive integer");
        return false;
    }
    const QJsonValue method = object.value(QLatin1String("method"));
    if (!method.isString() || method.toString().isEmpty()) {
        *error = QStringLiteral("\"method\" must be a non-empty string");
        return false;
    }
    request->method = method.toString();
    return optionalParams(object, &request->params, error);
}

bool parseAgentMessage(const QByteArray &line, AgentMessage *message, QString *error)
{
    *message = {};
    QJsonObject object;
    if (!parseObject(line, &object, error))
        return false;
    if (!object.contains(QLatin1String("id"))) {
        const QJsonValue event = object.value(QLatin1String("event"));
        if (!event.isString() || event.toString().isEmpty()) {
            *error = QStringLiteral("a line from the agent needs an \"id\" or an \"event\"");
            return false;
        }
        message->isNotification = true;
        message->notification.event = event.toString();
        return optionalParams(object, &message->notification.params, error);
    }
    return parseReplyObject(object, &message->reply, error);
}

QJsonObject helloParams(const QString &clientName)
{
    return {{QStringLiteral("protocol"), kProtocolVersion}, {QStringLiteral("client"), clientName}};
}

QString helloMismatch(const QJsonObject &params)
{
    const QJsonValue protocol = params.value(QLatin1String("protocol"));
    if (protocol.isDouble() && protocol.toDouble() == kProtocolVersion)
        return {};
    const QString theirs =
        protocol.isDouble() ? QString::number(protocol.toDouble()) : QStringLiteral("none");
    return QStringLiteral("this agent speaks protocol %1, the client asked for %2")
        .arg(kProtocolVersion)
        .arg(theirs);
}

} // namespace refscope
