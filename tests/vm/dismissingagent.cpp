// SPDX-License-Identifier: GPL-3.0-or-later
#include "dismissingagent.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QFile>

#include <unistd.h>

namespace refscope {

namespace {

const char kPath[] = "/org/refscope/DismissingAgent";
const char kInterface[] = "org.freedesktop.PolicyKit1.AuthenticationAgent";

// The process's start time (field 22 of /proc/self/stat, in clock ticks
// since boot): polkit tells a process from a later one with its pid by it.
quint64 startTime()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command's closing parenthesis; start time is the 20th.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toULongLong() : 0;
}

} // namespace

QString DismissingAgent::registerForThisProcess()
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return QStringLiteral("no system bus: ") + bus.lastError().message();
    if (!bus.registerVirtualObject(QLatin1String(kPath), this))
        return QStringLiteral("cannot export the agent on the system bus");
    // The subject, (sa{sv}): a unix-process with its pid and start time.
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("unix-process")
            << QVariantMap{{QStringLiteral("pid"), QVariant::fromValue(quint32(::getpid()))},
                           {QStringLiteral("start-time"), QVariant::fromValue(startTime())}};
    subject.endStructure();
    QDBusMessage call =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                       QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                       QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                       QStringLiteral("RegisterAuthenticationAgent"));
    call << QVariant::fromValue(subject) << QStringLiteral("C") << QLatin1String(kPath);
    const QDBusMessage reply = bus.call(call);
    return reply.type() == QDBusMessage::ErrorMessage ? reply.errorMessage() : QString();
}

QString DismissingAgent::introspect(const QString &) const
{
    return QStringLiteral("<interface name=\"%1\">"
                          "<method name=\"BeginAuthentication\">"
                          "<arg type=\"s\" direction=\"in\"/><arg type=\"s\" direction=\"in\"/>"
                          "<arg type=\"s\" direction=\"in\"/><arg type=\"a{ss}\" direction=\"in\"/>"
                          "<arg type=\"s\" direction=\"in\"/>"
                          "<arg type=\"a(sa{sv})\" direction=\"in\"/></method>"
                          "<method name=\"CancelAuthentication\">"
                          "<arg type=\"s\" direction=\"in\"/></method></interface>")
        .arg(QLatin1String(kInterface));
}

bool DismissingAgent::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    if (message.interface() != QLatin1String(kInterface))
        return false;
    if (message.member() == QLatin1String("BeginAuthentication")) {
        m_asked << message.arguments().value(0).toString() + QStringLiteral(": ") +
                       message.arguments().value(1).toString();
        connection.send(
            message.createErrorReply(QStringLiteral("org.freedesktop.PolicyKit1.Error.Cancelled"),
                                     QStringLiteral("the test dismissed the authentication")));
        return true;
    }
    if (message.member() == QLatin1String("CancelAuthentication")) {
        connection.send(message.createReply());
        return true;
    }
    return false;
}

} // namespace refscope
