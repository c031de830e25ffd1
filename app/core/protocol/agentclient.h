// SPDX-License-Identifier: GPL-3.0-or-later
// The client side of the refscope-agent protocol over any duplex byte
// stream: the lab guest's socket, or a local pkexec/ssh child process.
#pragma once

#include "protocol/linebuffer.h"
#include "protocol/protocol.h"

#include <QHash>
#include <QObject>

#include <functional>

class QIODevice;
class QProcess;

namespace refscope {

class AgentClient : public QObject {
    Q_OBJECT
public:
    explicit AgentClient(QObject *parent = nullptr);
    ~AgentClient() override;

    // A connected duplex stream (a QLocalSocket for the lab); sends hello.
    // The client does not take ownership of the device.
    void attach(QIODevice *device);
    // Starts e.g. "pkexec /usr/libexec/refscope-agent" or "ssh host
    // refscope-agent" and talks over its stdin/stdout; sends hello.
    void startProcess(const QString &program, const QStringList &args);

    using ReplyHandler = std::function<void(const AgentReply &)>;
    // onReply runs exactly once: with the agent's reply, or with error
    // "disconnected" when the stream ends first (always from the event loop,
    // never from inside call()).
    void call(const QString &method, const QJsonObject &params, ReplyHandler onReply);
    // Waits in a local event loop; error "timeout" when no reply came in time.
    AgentReply callSync(const QString &method, const QJsonObject &params, int timeoutMs);
    bool waitForHello(int timeoutMs);
    QJsonObject helloResult() const;
    bool isConnected() const;

    // How a stream ended, for a transport that words it itself (ssh names
    // the host and what to do: ssh's own exit status and stderr mean
    // nothing to most users).
    struct EndInfo {
        QString reason; // AgentClient's own words
        bool processEnded = false;
        int exitCode = 0;
        bool crashed = false;
        QString stderrTail;     // the process's last stderr output
        QString handshakeError; // the refused hello's error code
        bool greeted = false;   // the hello had succeeded before the end
        // pkexec's own answer when it ended before the agent greeted:
        // the dialog dismissed (its exit 126) or polkit's refusal (127).
        enum class Pkexec { NoAnswer, Dismissed, NotAuthorized };
        Pkexec pkexec = Pkexec::NoAnswer;
    };
    // explain returns the reason every pending call and disconnected() get.
    void setEndExplainer(std::function<QString(const EndInfo &)> explain);

signals:
    void ready(const QJsonObject &hello);
    void notification(const QString &event, const QJsonObject &params);
    // EOF, the process died, or a protocol error; emitted once per stream.
    void disconnected(const QString &reason);

private:
    qint64 sendRequest(const QString &method, const QJsonObject &params, ReplyHandler onReply);
    void sendHello();
    void readAvailable();
    void handleLine(const QByteArray &line);
    void onProcessFinished(int exitCode, bool crashed);
    void fail(const QString &reason);
    void failLater(ReplyHandler onReply, const QString &reason);

    QIODevice *m_device = nullptr;
    QProcess *m_process = nullptr; // owned when startProcess() made it
    QString m_processStderrTail;
    LineBuffer m_lines;
    QHash<qint64, ReplyHandler> m_pending;
    qint64 m_nextId = 1;
    bool m_connected = false;
    bool m_helloDone = false;
    QJsonObject m_hello;
    QString m_disconnectReason;
    std::function<QString(const EndInfo &)> m_explainEnd;
    EndInfo m_end; // filled in as the stream ends
};

} // namespace refscope
