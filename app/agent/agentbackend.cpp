// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/agentbackend.h"

#include "agent/helperhandle.h"
#include "agent/holdersmethod.h"
#include "agent/labexec.h"
#include "agent/moduleops.h"
#include "agent/releaseflow.h"
#include "inventory/kernelsupport.h"
#include "inventory/kmodreader.h"
#include "inventory/snapshotjson.h"

#include <unistd.h>

namespace refscope {

namespace {

class SystemAgentBackend final : public AgentBackend {
public:
    SystemAgentBackend(AgentMode mode, LineWriter notify) : m_tracing(std::move(notify))
    {
        // The lab guest is its own disposable machine: the helper just built may be loaded there.
        setHelperFromBuildTree(mode == AgentMode::Lab);
    }

    QString kernelRelease() override { return runningKernelRelease(); }
    qint64 uid() override { return qint64(getuid()); }
    AgentReply snapshot() override
    {
        return AgentReply::success(snapshotToJson(readLocalSnapshot()));
    }
    AgentReply loadModule(const QString &path, const QString &params) override
    {
        return refscope::loadModule(path, params);
    }
    AgentReply unloadModule(const QString &name) override { return refscope::unloadModule(name); }
    AgentReply holders(const QString &module, const RecordedGets &recorded) override
    {
        return holdersOfModule(module, recorded);
    }
    AgentReply release(const ReleaseRequest &request, const LineWriter &notify) override
    {
        return releaseModule(request, notify);
    }
    AgentReply runCommand(const QStringList &argv, int timeoutMs) override
    {
        return refscope::runCommand(argv, timeoutMs);
    }
    AgentReply startBackgroundCommand(const QStringList &argv) override
    {
        return refscope::startBackgroundCommand(argv);
    }
    AgentReply traceStart(const CaptureOptions &options) override
    {
        return m_tracing.start(options);
    }
    AgentReply traceStop() override { return m_tracing.stop(); }
    void abandonTracing() override { m_tracing.abandon(); }

private:
    AgentTracing m_tracing;
};

} // namespace

std::unique_ptr<AgentBackend> systemAgentBackend(AgentMode mode, AgentBackend::LineWriter notify)
{
    return std::make_unique<SystemAgentBackend>(mode, std::move(notify));
}

} // namespace refscope
