// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's request dispatch (AgentSession) fed arbitrary request lines,
// with a backend that touches nothing: no module is loaded or unloaded, no
// command runs, no signal is sent, /proc and tracefs are not read. Besides
// crashes it checks what the dispatch promises the polkit grant: nothing
// reaches the backend before hello, outside the mode's methods, or (in
// --release MODULE) for another module.
#include "fuzztargets.h"

#include "agent/agentsession.h"
#include "inventory/moduleinfo.h"
#include "protocol/methods.h"
#include "release/releasejson.h"

#include <QJsonArray>

namespace refscope::fuzz {

namespace {

class FakeBackend final : public AgentBackend {
public:
    FakeBackend(AgentMode mode, QString releaseModule, const bool *greeted)
        : m_mode(mode), m_releaseModule(std::move(releaseModule)), m_greeted(greeted)
    {
    }

    QString kernelRelease() override { return QStringLiteral("6.1.0-fuzz-amd64"); }
    qint64 uid() override { return 0; }
    AgentReply snapshot() override
    {
        allowed(agentmethod::Snapshot);
        return AgentReply::success(QJsonObject{{QStringLiteral("modules"), QJsonArray{}}});
    }
    AgentReply loadModule(const QString &path, const QString &) override
    {
        allowed(agentmethod::ModuleLoad);
        if (path.isEmpty())
            qFatal("module.load reached the backend without a path");
        return AgentReply::success(QJsonObject{{QStringLiteral("name"), QStringLiteral("fuzz")}});
    }
    AgentReply unloadModule(const QString &name) override
    {
        allowed(agentmethod::ModuleUnload);
        if (name.trimmed().isEmpty())
            qFatal("module.unload reached the backend without a name");
        return AgentReply::success(QJsonObject{});
    }
    AgentReply holders(const QString &module, const RecordedGets &) override
    {
        allowed(agentmethod::Holders);
        ownModule(module);
        return AgentReply::failure(errorcode::NotFound, QStringLiteral("no such module"));
    }
    AgentReply release(const ReleaseRequest &request, const LineWriter &notify) override
    {
        allowed(agentmethod::Release);
        ownModule(request.module);
        ReleaseRequest back;
        QString error;
        if (!releaseRequestFromJson(releaseRequestToJson(request), &back, &error) ||
            !(back == request))
            qFatal("a release request does not survive a round trip: %s", qPrintable(error));
        ReleaseResult result;
        notify(encodeNotification({agentevent::ReleaseStep, QJsonObject{}}));
        return AgentReply::success(releaseResultToJson(result));
    }
    AgentReply runCommand(const QStringList &argv, int timeoutMs) override
    {
        allowed(agentmethod::LabExec);
        if (m_mode != AgentMode::Lab || argv.isEmpty() || argv.first().isEmpty() || timeoutMs <= 0)
            qFatal("lab.exec reached the backend outside the lab or without a command");
        return AgentReply::success(QJsonObject{{QStringLiteral("exit_code"), 0}});
    }
    AgentReply startBackgroundCommand(const QStringList &argv) override
    {
        allowed(agentmethod::LabExec);
        if (m_mode != AgentMode::Lab || argv.isEmpty() || argv.first().isEmpty())
            qFatal("lab.exec reached the backend outside the lab or without a command");
        return AgentReply::success(QJsonObject{{QStringLiteral("pid"), 1}});
    }
    AgentReply traceStart(const CaptureOptions &options) override
    {
        allowed(agentmethod::TraceStart);
        for (const QString &module : options.modules)
            for (const QChar c : module)
                if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_')
                    qFatal("trace.start passed a module name tracefs would misread");
        if (m_tracing)
            return AgentReply::failure(errorcode::Busy, QStringLiteral("busy"));
        m_tracing = true;
        return AgentReply::success(QJsonObject{});
    }
    AgentReply traceStop() override
    {
        allowed(agentmethod::TraceStop);
        if (!m_tracing)
            return AgentReply::failure(errorcode::NotFound, QStringLiteral("no capture"));
        m_tracing = false;
        return AgentReply::success(QJsonObject{});
    }
    void abandonTracing() override { m_tracing = false; }
    AgentReply flightStatus() override
    {
        allowed(agentmethod::FlightStatus);
        return AgentReply::success(QJsonObject{{QStringLiteral("running"), false}});
    }
    AgentReply flightRead(const LineWriter &) override
    {
        allowed(agentmethod::FlightRead);
        return AgentReply::failure(errorcode::NotFound, QStringLiteral("not running"));
    }

private:
    void allowed(QLatin1String method) const
    {
        if (!*m_greeted)
            qFatal("%s reached the backend before hello", method.data());
        if (!agentModeServes(m_mode, QString(method)))
            qFatal("%s reached the backend of a mode that does not serve it", method.data());
    }
    void ownModule(const QString &module) const
    {
        if (m_mode == AgentMode::Release &&
            normalizeModuleName(module) != normalizeModuleName(m_releaseModule))
            qFatal("a release agent for %s answered for %s", qPrintable(m_releaseModule),
                   qPrintable(module));
    }

    AgentMode m_mode;
    QString m_releaseModule;
    const bool *m_greeted;
    bool m_tracing = false;
};

} // namespace

void agentDispatch(const std::uint8_t *data, std::size_t size)
{
    // The first byte picks the mode; the rest is request lines.
    if (size == 0)
        return;
    const AgentMode modes[] = {AgentMode::Inspect, AgentMode::Release, AgentMode::Lab};
    const AgentMode mode = modes[data[0] % 3];
    const QString releaseModule = QStringLiteral("refscope_leaky");
    bool greeted = false;
    AgentSession session(
        mode, std::make_unique<FakeBackend>(mode, releaseModule, &greeted),
        [](const QByteArray &) { return true; },
        mode == AgentMode::Release ? releaseModule : QString());
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    for (const QByteArray &line : input.split('\n')) {
        Request request;
        QString error;
        const bool parsed = parseRequest(line, &request, &error);
        const QByteArray reply = session.handleLine(line);
        AgentMessage message;
        if (!reply.endsWith('\n') || !parseAgentMessage(reply.chopped(1), &message, &error) ||
            message.isNotification)
            qFatal("the agent's reply is not a reply line: %s", qPrintable(error));
        if (parsed && message.reply.id != request.id)
            qFatal("the agent answered another id than the request's");
        if (parsed && request.method == agentmethod::Hello && message.reply.reply.ok)
            greeted = true;
        if (session.finished())
            break; // the agent exits after this reply
    }
}

} // namespace refscope::fuzz
