// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releasesession.h"

#include "holders/holderreportjson.h"
#include "protocol/agentclient.h"
#include "release/releasejson.h"

namespace refscope {

ReleaseSession::ReleaseSession(AgentClient *borrowed, QObject *parent)
    : QObject(parent), m_agent(borrowed), m_started(true)
{
    watch();
}

ReleaseSession::ReleaseSession(const QString &launcher, const QString &agentPath, QObject *parent)
    : QObject(parent), m_owned(new AgentClient(this))
{
    m_agent = m_owned;
    watch();
    const QStringList agent{agentPath, QStringLiteral("--release")};
    if (launcher.isEmpty())
        m_owned->startProcess(agentPath, agent.mid(1));
    else
        m_owned->startProcess(launcher, agent);
}

// The owned agent goes with its AgentClient child: stdin closes and the
// agent, root under pkexec, exits on its own.
ReleaseSession::~ReleaseSession() = default;

void ReleaseSession::watch()
{
    if (!m_agent)
        return;
    connect(m_agent, &AgentClient::notification, this,
            [this](const QString &event, const QJsonObject &params) {
                ReleaseStep step;
                QString error;
                if (m_running && event == QLatin1String("release.step") &&
                    releaseStepFromJson(params, &step, &error))
                    emit stepDone(step);
            });
    connect(m_agent, &AgentClient::ready, this, [this] { m_started = true; });
    connect(m_agent, &AgentClient::disconnected, this, [this](const QString &reason) {
        const Stage stage =
            m_running ? Stage::Running : (m_started ? Stage::Idle : Stage::Starting);
        m_running = false;
        emit failed(stoppedMessage(stage, reason));
    });
}

QString ReleaseSession::stoppedMessage(Stage stage, const QString &reason)
{
    switch (stage) {
    case Stage::Starting:
        return tr("The release agent could not start (%1): nothing was changed.").arg(reason);
    case Stage::Idle:
        return tr("The release agent stopped (%1) before any release: nothing was changed.")
            .arg(reason);
    case Stage::Running:
        return tr("The release agent stopped during the release (%1): scan again, or look at "
                  "the module table, to see what changed.")
            .arg(reason);
    }
    return {};
}

void ReleaseSession::fetchReport(const QString &module)
{
    if (!m_agent) {
        emit failed(tr("The agent is gone: nothing was changed."));
        return;
    }
    const quint64 request = ++m_reportRequest;
    m_agent->call(
        QStringLiteral("holders"), {{QStringLiteral("module"), module}},
        [this, guard = QPointer<ReleaseSession>(this), request](const AgentReply &reply) {
            if (!guard || request != m_reportRequest)
                return;
            HolderReport report;
            QString error = reply.errorMessage;
            if (!reply.ok || !holderReportFromJson(reply.result.toObject(), &report, &error)) {
                if (reply.errorMessage != QLatin1String("disconnected"))
                    emit failed(tr("The agent could not say what holds the module: %1").arg(error));
                return;
            }
            const QJsonObject result = reply.result.toObject();
            emit reportReady(report,
                             result.value(QLatin1String("exact_available")).toBool()
                                 ? tr("Exact holders from RefScope's helper module.")
                                 : tr("Inferred holders: %1")
                                       .arg(result.value(QLatin1String("exact_error")).toString()));
        });
}

void ReleaseSession::run(const ReleaseRequest &request)
{
    if (!m_agent || m_running) {
        emit failed(tr("The agent is gone: nothing was changed."));
        return;
    }
    m_running = true;
    m_agent->call(QStringLiteral("release"), releaseRequestToJson(request),
                  [this, guard = QPointer<ReleaseSession>(this)](const AgentReply &reply) {
                      if (!guard)
                          return;
                      m_running = false;
                      ReleaseResult result;
                      QString error = reply.errorMessage;
                      if (reply.ok &&
                          releaseResultFromJson(reply.result.toObject(), &result, &error))
                          emit finished(result);
                      else if (reply.errorMessage != QLatin1String("disconnected"))
                          emit failed(tr("The agent could not release the module: %1").arg(error));
                  });
}

} // namespace refscope
