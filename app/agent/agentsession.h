// SPDX-License-Identifier: GPL-3.0-or-later
// One client's conversation with the agent: the hello handshake, then one
// reply per request line.
#pragma once

#include "agent/agentbackend.h"
#include "protocol/agentmode.h"
#include "protocol/protocol.h"

#include <memory>

namespace refscope {

class AgentSession {
public:
    // notify sends notifications (live tracing's from another thread).
    // mode: what this agent serves (protocol/agentmode.h); releaseModule:
    // the one module a Release agent may be asked about and release, once.
    AgentSession(AgentMode mode, AgentTracing::LineWriter notify,
                 const QString &releaseModule = {});
    // The same with another backend than this machine's (the fuzz target's).
    AgentSession(AgentMode mode, std::unique_ptr<AgentBackend> backend,
                 AgentTracing::LineWriter notify, const QString &releaseModule = {});

    // The reply line (with '\n') to one request line.
    QByteArray handleLine(const QByteArray &line);
    // True after a shutdown request, a protocol mismatch or a Release
    // agent's one release: send the last reply, then exit.
    bool finished() const { return m_finished; }
    // The agent's exit status once finished: 0 after shutdown, 1 after a
    // protocol mismatch.
    int exitCode() const { return m_exitCode; }
    // A new client: it must say hello again; the last one's capture ends.
    void restart();
    // The agent is exiting (end of input, a signal): remove the capture's
    // tracefs instance.
    void abandonTracing() { m_backend->abandonTracing(); }

private:
    AgentReply dispatch(const Request &request);
    AgentReply hello(const QJsonObject &params);
    AgentReply labExec(const QJsonObject &params) const;
    AgentReply refuseOtherModule(const QString &method, const QJsonValue &module) const;

    AgentMode m_mode = AgentMode::Inspect;
    QString m_releaseModule;
    AgentTracing::LineWriter m_notify;
    bool m_greeted = false;
    bool m_finished = false;
    int m_exitCode = 0;
    std::unique_ptr<AgentBackend> m_backend;
};

} // namespace refscope
