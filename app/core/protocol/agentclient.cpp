// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/agentclient.h"

#include "protocol/methods.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>

#include <sys/prctl.h>

namespace refscope {

namespace {

Q_LOGGING_CATEGORY(lcClient, "refscope.agentclient", QtWarningMsg)

constexpr qsizetype kStderrTailBytes = 4096;

QString clientName()
{
    const QString app = QCoreApplication::applicationName();
    return (app.isEmpty() ? QStringLiteral("refscope") : app) +
           QStringLiteral(" " REFSCOPE_VERSION);
}

QString lastLine(const QString &text)
{
    const QStringList lines = text.trimmed().split(u'\n');
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

// pkexec exits 126 when the authentication dialog was dismissed and 127
// when polkit refused (or the user could not authenticate).
AgentClient::EndInfo::Pkexec pkexecAnswer(const QString &program, int exitCode, bool crashed)
{
    using Pkexec = AgentClient::EndInfo::Pkexec;
    if (QFileInfo(program).fileName() != QLatin1String("pkexec") || crashed)
        return Pkexec::NoAnswer;
    return exitCode == 126   ? Pkexec::Dismissed
           : exitCode == 127 ? Pkexec::NotAuthorized
                             : Pkexec::NoAnswer;
}

// Why a local agent process ended, in words a person can act on.
QString processEndReason(const QString &program, int exitCode, bool crashed,
                         const QString &stderrTail)
{
    switch (pkexecAnswer(program, exitCode, crashed)) {
    case AgentClient::EndInfo::Pkexec::Dismissed:
        return AgentClient::tr("authentication dismissed");
    case AgentClient::EndInfo::Pkexec::NotAuthorized:
        return AgentClient::tr("not authorized");
    case AgentClient::EndInfo::Pkexec::NoAnswer:
        break;
    }
    QString reason =
        crashed ? AgentClient::tr("the agent (%1) was killed").arg(program)
                : AgentClient::tr("the agent (%1) exited with code %2").arg(program).arg(exitCode);
    const QString detail = lastLine(stderrTail);
    if (!detail.isEmpty())
        reason += QStringLiteral(": ") + detail;
    return reason;
}

// Keeps this process non-dumpable while it holds the pipes of an agent
// process it started. The agent may be root (pkexec, sudo, ssh to root:
// the client cannot tell), and the write end of its stdin is an fd here:
// while this process is dumpable, any process of the same user may open
// /proc/<this pid>/fd/N and write requests to a root agent, or ptrace this
// process. Non-dumpable, /proc/<pid>/fd and ptrace are root's alone. It
// lasts until the last such agent has exited, then the process is dumpable
// again (core dumps, a debugger) unless it was not before.
class NonDumpableHold : public QObject {
public:
    explicit NonDumpableHold(QObject *parent) : QObject(parent)
    {
        const std::lock_guard lock(s_mutex);
        if (s_holds++ == 0) {
            s_before = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
            if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
                qCWarning(lcClient, "cannot make this process non-dumpable: %s",
                          std::strerror(errno));
        }
    }
    ~NonDumpableHold() override
    {
        const std::lock_guard lock(s_mutex);
        if (--s_holds == 0 && s_before > 0)
            prctl(PR_SET_DUMPABLE, s_before, 0, 0, 0);
    }

private:
    static inline std::mutex s_mutex;
    static inline int s_holds = 0;
    static inline int s_before = 1;
};

} // namespace

AgentClient::AgentClient(QObject *parent) : QObject(parent) {}

AgentClient::~AgentClient()
{
    if (m_device)
        m_device->disconnect(this);
    if (m_process) {
        // Closing stdin is the agent's cue to exit; a root agent under pkexec
        // cannot be killed by us, so give it the chance first.
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(2000)) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
}

void AgentClient::attach(QIODevice *device)
{
    fail(tr("a new connection replaced this one"));
    m_device = device;
    connect(device, &QIODevice::readyRead, this, &AgentClient::readAvailable);
    const auto closed = [this] { fail(tr("the agent closed the connection")); };
    connect(device, &QIODevice::readChannelFinished, this, closed);
    if (auto *local = qobject_cast<QLocalSocket *>(device))
        connect(local, &QLocalSocket::disconnected, this, closed);
    if (auto *socket = qobject_cast<QAbstractSocket *>(device))
        connect(socket, &QAbstractSocket::disconnected, this, closed);
    m_connected = true;
    if (!device->isOpen() || !device->isWritable()) {
        QTimer::singleShot(0, this,
                           [this] { fail(tr("the connection to the agent is not open")); });
        return;
    }
    sendHello();
    if (device->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &AgentClient::readAvailable);
}

void AgentClient::startProcess(const QString &program, const QStringList &args)
{
    fail(tr("a new connection replaced this one"));
    delete m_process;
    m_process = new QProcess(this);
    // Before start(): the pipes must never exist in a dumpable process.
    // The hold ends when the agent has exited, or with the QProcess, whose
    // destructor waits for the agent to end.
    auto *hold = new NonDumpableHold(m_process);
    connect(m_process, &QProcess::finished, hold, &QObject::deleteLater);
    connect(m_process, &QProcess::errorOccurred, hold, [hold](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            hold->deleteLater();
    });
    m_processStderrTail.clear();
    m_end = {};
    m_device = m_process;
    connect(m_process, &QProcess::readyReadStandardOutput, this, &AgentClient::readAvailable);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_processStderrTail =
            (m_processStderrTail + QString::fromUtf8(m_process->readAllStandardError()))
                .right(kStderrTailBytes);
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) {
                onProcessFinished(exitCode, status == QProcess::CrashExit);
            });
    connect(m_process, &QProcess::errorOccurred, this,
            [this, program](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart)
                    fail(tr("could not start %1: %2").arg(program, m_process->errorString()));
            });
    m_connected = true;
    m_process->start(program, args);
    sendHello();
}

void AgentClient::call(const QString &method, const QJsonObject &params, ReplyHandler onReply)
{
    sendRequest(method, params, std::move(onReply));
}

qint64 AgentClient::sendRequest(const QString &method, const QJsonObject &params,
                                ReplyHandler onReply)
{
    if (!m_connected) {
        failLater(std::move(onReply), m_disconnectReason.isEmpty() ? tr("not connected to an agent")
                                                                   : m_disconnectReason);
        return 0;
    }
    const qint64 id = m_nextId++;
    m_pending.insert(id, std::move(onReply));
    if (m_device->write(encodeRequest({id, method, params})) < 0)
        failLater(m_pending.take(id),
                  tr("could not write to the agent: %1").arg(m_device->errorString()));
    return id;
}

AgentReply AgentClient::callSync(const QString &method, const QJsonObject &params, int timeoutMs)
{
    // Shared with the handler, which may run after this function returned
    // (a reply arriving after the timeout is dropped, but a queued
    // "disconnected" may still fire).
    struct Wait {
        AgentReply reply;
        bool done = false;
        QEventLoop loop;
    };
    auto wait = std::make_shared<Wait>();
    const qint64 id = sendRequest(method, params, [wait](const AgentReply &reply) {
        wait->reply = reply;
        wait->done = true;
        wait->loop.quit();
    });
    if (!wait->done) {
        QTimer::singleShot(timeoutMs, &wait->loop, &QEventLoop::quit);
        wait->loop.exec();
    }
    if (!wait->done) {
        m_pending.remove(id);
        return AgentReply::failure(
            errorcode::Timeout,
            tr("the agent did not answer %1 within %2 ms").arg(method).arg(timeoutMs));
    }
    return wait->reply;
}

bool AgentClient::waitForHello(int timeoutMs)
{
    if (m_helloDone || !m_connected)
        return m_helloDone;
    QEventLoop loop;
    connect(this, &AgentClient::ready, &loop, &QEventLoop::quit);
    connect(this, &AgentClient::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return m_helloDone;
}

QJsonObject AgentClient::helloResult() const
{
    return m_hello;
}

bool AgentClient::isConnected() const
{
    return m_connected;
}

void AgentClient::sendHello()
{
    m_helloDone = false;
    m_hello = {};
    call(agentmethod::Hello, helloParams(clientName()), [this](const AgentReply &reply) {
        if (!reply.ok) {
            // A stream that ended before the reply is not a refusal.
            if (reply.errorCode == errorcode::Disconnected)
                return;
            m_end.handshakeError = reply.errorCode;
            fail(tr("the agent refused the handshake: %1").arg(reply.errorMessage));
            return;
        }
        if (!helloMismatch(reply.result.toObject()).isEmpty()) {
            m_end.handshakeError = QString(errorcode::ProtocolMismatch);
            fail(tr("protocol mismatch: the agent does not speak protocol %1")
                     .arg(kProtocolVersion));
            return;
        }
        m_hello = reply.result.toObject();
        m_helloDone = true;
        emit ready(m_hello);
    });
}

void AgentClient::readAvailable()
{
    if (!m_connected)
        return;
    m_lines.append(m_device->readAll());
    QByteArray line;
    while (m_connected && m_lines.takeLine(&line))
        handleLine(line);
    if (m_connected && m_lines.overflowed())
        fail(tr("protocol error: the agent sent a line longer than 64 MiB"));
}

void AgentClient::handleLine(const QByteArray &line)
{
    AgentMessage message;
    QString error;
    if (!parseAgentMessage(line, &message, &error)) {
        fail(tr("protocol error: %1").arg(error));
        return;
    }
    if (message.isNotification) {
        emit notification(message.notification.event, message.notification.params);
        return;
    }
    const ReplyMessage &reply = message.reply;
    if (reply.id == 0) {
        qCWarning(lcClient) << "the agent rejected a line:" << reply.reply.errorMessage;
        return;
    }
    // Unknown ids are replies to calls given up by callSync's timeout, or
    // left in the lab's serial port by an earlier connection.
    if (ReplyHandler handler = m_pending.take(reply.id))
        handler(reply.reply);
    else
        qCDebug(lcClient) << "dropping a reply to id" << reply.id << "that nobody waits for";
}

void AgentClient::onProcessFinished(int exitCode, bool crashed)
{
    readAvailable();
    // The last words on stderr may not have been read yet.
    m_processStderrTail =
        (m_processStderrTail + QString::fromUtf8(m_process->readAllStandardError()))
            .right(kStderrTailBytes);
    m_end.processEnded = true;
    m_end.exitCode = exitCode;
    m_end.crashed = crashed;
    if (!m_helloDone)
        m_end.pkexec = pkexecAnswer(m_process->program(), exitCode, crashed);
    fail(processEndReason(m_process->program(), exitCode, crashed, m_processStderrTail));
}

void AgentClient::setEndExplainer(std::function<QString(const EndInfo &)> explain)
{
    m_explainEnd = std::move(explain);
}

void AgentClient::fail(const QString &ownReason)
{
    if (!m_connected)
        return;
    QString reason = ownReason;
    if (m_explainEnd) {
        m_end.reason = ownReason;
        m_end.stderrTail = m_processStderrTail;
        m_end.greeted = m_helloDone;
        reason = m_explainEnd(m_end);
    }
    m_connected = false;
    m_helloDone = false;
    m_disconnectReason = reason;
    m_lines.clear();
    if (m_device)
        m_device->disconnect(this);
    if (m_process && m_process->state() != QProcess::NotRunning) {
        // A protocol error: the agent is not one we can talk to.
        m_process->closeWriteChannel();
        m_process->kill();
    }
    const QHash<qint64, ReplyHandler> pending = std::exchange(m_pending, {});
    for (const ReplyHandler &handler : pending)
        handler(AgentReply::failure(errorcode::Disconnected, reason));
    emit disconnected(reason);
}

void AgentClient::failLater(ReplyHandler onReply, const QString &reason)
{
    QTimer::singleShot(0, this, [onReply = std::move(onReply), reason] {
        onReply(AgentReply::failure(errorcode::Disconnected, reason));
    });
}

} // namespace refscope
