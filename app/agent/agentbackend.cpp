// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/agentbackend.h"

#include "agent/helperhandle.h"
#include "agent/holdersmethod.h"
#include "agent/labexec.h"
#include "agent/moduleops.h"
#include "agent/releaseflow.h"
#include "capture/flightjson.h"
#include "capture/flightrecorder.h"
#include "inventory/kernelsupport.h"
#include "inventory/kmodreader.h"
#include "inventory/snapshotjson.h"
#include "protocol/methods.h"

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
    AgentReply flightStatus() override
    {
        return AgentReply::success(flightStatusToJson(flightrecorder::status()));
    }
    AgentReply flightRead(const LineWriter &notify) override
    {
        // The history goes out as a capture's trace.events: interleaved
        // with this agent's own capture, no client could tell them apart.
        if (m_tracing.isCapturing())
            return AgentReply::failure(errorcode::Busy,
                                       QStringLiteral("a capture is running on this agent: stop "
                                                      "it before reading the flight recorder"));
        const FlightStatus status = flightrecorder::status();
        if (!status.running)
            return AgentReply::failure(errorcode::NotFound,
                                       QStringLiteral("the flight recorder is not running"));
        QList<CapturedEvent> events;
        // No raw addresses: no view needs where the kernel lies in memory.
        const QString error = flightrecorder::readFrozenEvents(false, &events);
        if (!error.isEmpty())
            return AgentReply::failure(errorcode::Failed, error);
        // A line per 4096 events, as a capture sends them.
        constexpr qsizetype kEventsPerLine = 4096;
        for (qsizetype from = 0; from < events.size(); from += kEventsPerLine) {
            if (!notify(
                    encodeNotification({agentevent::TraceEvents,
                                        encodeCapturedEvents(events.mid(from, kEventsPerLine))})))
                break; // the client left; the reply goes nowhere either
        }
        return AgentReply::success(QJsonObject{
            {QStringLiteral("events"), double(events.size())},
            {QStringLiteral("status"), flightStatusToJson(status)},
        });
    }

private:
    AgentTracing m_tracing;
};

} // namespace

std::unique_ptr<AgentBackend> systemAgentBackend(AgentMode mode, AgentBackend::LineWriter notify)
{
    return std::make_unique<SystemAgentBackend>(mode, std::move(notify));
}

} // namespace refscope
