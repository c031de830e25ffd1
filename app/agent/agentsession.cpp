// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/agentsession.h"

#include "agent/holdersmethod.h"
#include "protocol/methods.h"
#include "release/releasejson.h"

#include <QJsonArray>

namespace refscope {

namespace {

constexpr int kDefaultExecTimeoutMs = 60000;

AgentReply badParams(const QString &message)
{
    return AgentReply::failure(errorcode::BadRequest, message);
}

} // namespace

AgentSession::AgentSession(AgentMode mode, AgentTracing::LineWriter notify,
                           const QString &releaseModule)
    : AgentSession(mode, systemAgentBackend(mode, notify), notify, releaseModule)
{
}

AgentSession::AgentSession(AgentMode mode, std::unique_ptr<AgentBackend> backend,
                           AgentTracing::LineWriter notify, const QString &releaseModule)
    : m_mode(mode), m_releaseModule(releaseModule), m_notify(std::move(notify)),
      m_backend(std::move(backend))
{
}

void AgentSession::restart()
{
    m_greeted = false;
    m_backend->abandonTracing();
}

QByteArray AgentSession::handleLine(const QByteArray &line)
{
    Request request;
    QString error;
    if (!parseRequest(line, &request, &error))
        return encodeReply({request.id, AgentReply::failure(errorcode::BadRequest, error)});
    return encodeReply({request.id, dispatch(request)});
}

AgentReply AgentSession::dispatch(const Request &request)
{
    const QString &method = request.method;
    const QJsonObject &params = request.params;
    if (method == agentmethod::Hello)
        return hello(params);
    if (!m_greeted)
        return AgentReply::failure(errorcode::HelloRequired,
                                   QStringLiteral("the first request must be hello"));
    // The one table of what each mode serves (protocol/agentmode.h): what
    // polkit authorised for this mode, nothing more.
    if (!agentModeServes(m_mode, method)) {
        const AgentModeInfo &mode = agentModeInfo(m_mode);
        QStringList served;
        for (const QLatin1String &m : mode.methods)
            served << m;
        return AgentReply::failure(
            errorcode::UnknownMethod,
            QStringLiteral("refscope-agent %1 does not serve \"%2\"; it serves %3")
                .arg(mode.flag, method, served.join(QLatin1String(", "))));
    }
    if (m_mode == AgentMode::Release &&
        (method == agentmethod::Holders || method == agentmethod::Release)) {
        const QJsonValue module = params.value(QLatin1String("module"));
        if (!module.isString() || module.toString().replace(u'-', u'_') != m_releaseModule)
            return refuseOtherModule(method, module);
    }
    if (method == agentmethod::Release) {
        // A release agent's authorisation is for one release: whatever
        // its outcome, the agent exits after this reply.
        if (m_mode == AgentMode::Release) {
            m_backend->abandonTracing();
            m_finished = true;
        }
        ReleaseRequest release;
        QString error;
        if (!releaseRequestFromJson(params, &release, &error))
            return badParams(QStringLiteral("release: %1").arg(error));
        return m_backend->release(release, m_notify);
    }
    if (method == agentmethod::Snapshot)
        return m_backend->snapshot();
    if (method == agentmethod::ModuleLoad) {
        const QJsonValue path = params.value(QLatin1String("path"));
        const QJsonValue moduleParams = params.value(QLatin1String("params"));
        if (!path.isString() || path.toString().isEmpty())
            return badParams(QStringLiteral("module.load needs \"path\", the .ko file to load"));
        if (!moduleParams.isUndefined() && !moduleParams.isString())
            return badParams(
                QStringLiteral("module.load's \"params\" must be a string such as \"a=1 b=2\""));
        return m_backend->loadModule(path.toString(), moduleParams.toString());
    }
    if (method == agentmethod::ModuleUnload) {
        const QJsonValue name = params.value(QLatin1String("name"));
        if (!name.isString() || name.toString().trimmed().isEmpty())
            return badParams(QStringLiteral("module.unload needs \"name\", the module to unload"));
        return m_backend->unloadModule(name.toString());
    }
    if (method == agentmethod::Holders) {
        QString module;
        RecordedGets recorded;
        AgentReply refusal;
        if (!holdersRequest(params, &module, &recorded, &refusal))
            return refusal;
        return m_backend->holders(module, recorded);
    }
    if (method == agentmethod::LabExec)
        return labExec(params);
    if (method == agentmethod::TraceStart) {
        CaptureOptions options;
        AgentReply refusal;
        if (!traceStartOptions(params, &options, &refusal))
            return refusal;
        return m_backend->traceStart(options);
    }
    if (method == agentmethod::TraceStop)
        return m_backend->traceStop();
    if (method == agentmethod::FlightStatus)
        return m_backend->flightStatus();
    if (method == agentmethod::FlightRead)
        return m_backend->flightRead(m_notify);
    if (method == agentmethod::Shutdown) {
        m_backend->abandonTracing();
        m_finished = true;
        return AgentReply::success(QJsonObject{});
    }
    return AgentReply::failure(errorcode::UnknownMethod,
                               QStringLiteral("unknown method \"%1\"").arg(method));
}

AgentReply AgentSession::hello(const QJsonObject &params)
{
    const QString mismatch = helloMismatch(params);
    if (!mismatch.isEmpty()) {
        m_finished = true;
        m_exitCode = 1;
        return AgentReply::failure(errorcode::ProtocolMismatch, mismatch);
    }
    m_greeted = true;
    return AgentReply::success(QJsonObject{
        {QStringLiteral("protocol"), kProtocolVersion},
        {QStringLiteral("agent"), QStringLiteral("refscope-agent " REFSCOPE_VERSION)},
        {QStringLiteral("kernel"), m_backend->kernelRelease()},
        {QStringLiteral("lab"), m_mode == AgentMode::Lab},
        {QStringLiteral("mode"), QString(agentModeInfo(m_mode).flag.mid(2))},
        {QStringLiteral("uid"), m_backend->uid()},
    });
}

AgentReply AgentSession::refuseOtherModule(const QString &method, const QJsonValue &module) const
{
    return AgentReply::failure(
        errorcode::WrongModule,
        QStringLiteral("refscope-agent --release %1 answers %2 for %1 only, not for \"%3\"; "
                       "each module's release is authorised on its own")
            .arg(m_releaseModule, method, module.toString()));
}

AgentReply AgentSession::labExec(const QJsonObject &params) const
{
    // Only served in AgentMode::Lab (the table above); checked again here
    // as the one method that runs arbitrary commands as root.
    if (m_mode != AgentMode::Lab)
        return AgentReply::failure(
            errorcode::NotLab,
            QStringLiteral("lab.exec runs commands only in the lab guest (refscope-agent --lab)"));
    QStringList argv;
    for (const QJsonValue &arg : params.value(QLatin1String("argv")).toArray()) {
        if (!arg.isString())
            return badParams(QStringLiteral("lab.exec's \"argv\" must hold only strings"));
        argv.append(arg.toString());
    }
    if (argv.isEmpty() || argv.first().isEmpty())
        return badParams(QStringLiteral("lab.exec needs \"argv\", the command and its arguments"));
    if (params.value(QLatin1String("background")).toBool())
        return m_backend->startBackgroundCommand(argv);
    const int timeoutMs = params.value(QLatin1String("timeout_ms")).toInt(kDefaultExecTimeoutMs);
    if (timeoutMs <= 0)
        return badParams(
            QStringLiteral("lab.exec's \"timeout_ms\" must be a positive number of milliseconds"));
    return m_backend->runCommand(argv, timeoutMs);
}

} // namespace refscope
