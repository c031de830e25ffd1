// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the agent's dispatch does to the system, behind one interface:
// AgentSession reads and checks each request, then asks its backend. The
// system backend loads modules, reads /proc, runs the force release and
// the capture; the fuzz target of the dispatch (tests/fuzz) gives it one
// that answers without touching the kernel, processes or tracefs.
#pragma once

#include "agent/agenttracing.h"
#include "holders/holderreport.h"
#include "protocol/agentmode.h"
#include "protocol/protocol.h"
#include "release/releaserequest.h"

#include <QStringList>

#include <memory>

namespace refscope {

class AgentBackend {
public:
    using LineWriter = AgentTracing::LineWriter;

    virtual ~AgentBackend() = default;

    virtual QString kernelRelease() = 0;
    virtual qint64 uid() = 0;
    virtual AgentReply snapshot() = 0;
    virtual AgentReply loadModule(const QString &path, const QString &params) = 0;
    virtual AgentReply unloadModule(const QString &name) = 0;
    virtual AgentReply holders(const QString &module, const RecordedGets &recorded) = 0;
    // notify: each step as a release.step notification line.
    virtual AgentReply release(const ReleaseRequest &request, const LineWriter &notify) = 0;
    virtual AgentReply runCommand(const QStringList &argv, int timeoutMs) = 0;
    virtual AgentReply startBackgroundCommand(const QStringList &argv) = 0;
    virtual AgentReply traceStart(const CaptureOptions &options) = 0;
    virtual AgentReply traceStop() = 0;
    // The client left or the agent is exiting: end the capture silently.
    virtual void abandonTracing() = 0;
    // The flight recorder (PROTOCOL.md, "Flight recorder"): its state, and
    // its frozen history sent through notify as trace.events before the
    // reply.
    virtual AgentReply flightStatus() = 0;
    virtual AgentReply flightRead(const LineWriter &notify) = 0;
};

// The real one: this machine's kernel. notify sends the capture's
// notifications (from its writer thread too).
std::unique_ptr<AgentBackend> systemAgentBackend(AgentMode mode, AgentBackend::LineWriter notify);

} // namespace refscope
