// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON-lines protocol between RefScope and refscope-agent (see
// app/core/protocol/PROTOCOL.md): one JSON object per line, requests with an id, exactly
// one reply per request, and id-less notifications.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>

namespace refscope {

inline constexpr int kProtocolVersion = 1;
inline constexpr qsizetype kMaxLineBytes = 64 * 1024 * 1024;

// The error codes replies carry (app/core/protocol/PROTOCOL.md, "Errors").
namespace errorcode {
inline constexpr QLatin1String BadRequest{"bad_request"};
inline constexpr QLatin1String UnknownMethod{"unknown_method"};
inline constexpr QLatin1String ProtocolMismatch{"protocol_mismatch"};
inline constexpr QLatin1String HelloRequired{"hello_required"};
inline constexpr QLatin1String NotFound{"not_found"};
inline constexpr QLatin1String Busy{"busy"};
inline constexpr QLatin1String PermissionDenied{"permission_denied"};
inline constexpr QLatin1String AlreadyLoaded{"already_loaded"};
inline constexpr QLatin1String Failed{"failed"};
inline constexpr QLatin1String NotLab{"not_lab"};
// A --release agent asked about another module than the one it was started for.
inline constexpr QLatin1String WrongModule{"wrong_module"};
inline constexpr QLatin1String Timeout{"timeout"};
// Produced by the client, never sent by the agent: the stream ended.
inline constexpr QLatin1String Disconnected{"disconnected"};
} // namespace errorcode

// The outcome of one request: a result, or an error code and a plain message.
struct AgentReply {
    bool ok = false;
    QJsonValue result;
    QString errorCode;
    QString errorMessage;

    static AgentReply success(const QJsonValue &result);
    static AgentReply failure(const QString &code, const QString &message);
};

struct Request {
    qint64 id = 0;
    QString method;
    QJsonObject params;
};

struct ReplyMessage {
    qint64 id = 0; // 0 answers a line whose id could not be read
    AgentReply reply;
};

struct Notification {
    QString event;
    QJsonObject params;
};

// What the agent sends: a reply or a notification.
struct AgentMessage {
    bool isNotification = false;
    ReplyMessage reply;
    Notification notification;
};

// Each returns one line, '\n' included.
QByteArray encodeRequest(const Request &request);
QByteArray encodeReply(const ReplyMessage &reply);
QByteArray encodeNotification(const Notification &notification);

// Parse one line (without its '\n'). On failure they return false and set
// *error; parseRequest still sets request->id when the line had a usable one,
// so the bad_request reply can carry it.
bool parseRequest(const QByteArray &line, Request *request, QString *error);
bool parseAgentMessage(const QByteArray &line, AgentMessage *message, QString *error);

// The hello handshake: what the client sends, and the agent's check of it
// (an empty string when the client speaks our protocol version).
QJsonObject helloParams(const QString &clientName);
QString helloMismatch(const QJsonObject &params);

} // namespace refscope
