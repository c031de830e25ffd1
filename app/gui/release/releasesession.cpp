// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releasesession.h"

#include "protocol/agentapi.h"
#include "protocol/agentmode.h"

namespace refscope {

ReleaseSession::ReleaseSession(AgentClient *borrowed, QObject *parent)
    : QObject(parent), m_agent(borrowed), m_started(true)
{
    watch();
}

ReleaseSession::ReleaseSession(const QString &launcher, const QString &agentPath,
                               const QString &module, QObject *parent)
    : QObject(parent), m_launcher(launcher), m_agentPath(agentPath), m_module(module)
{
    startOwned();
}

ReleaseSession::ReleaseSession(const SshTarget &target, const QString &module, QObject *parent)
    : QObject(parent), m_module(module), m_ssh(target)
{
    startOwned();
}

void ReleaseSession::startOwned()
{
    delete m_owned;
    m_owned = new AgentClient(this);
    m_agent = m_owned;
    m_started = false;
    m_releaseDone = false;
    watch();
    const QStringList mode = agentArgumentsFor(AgentMode::Release, m_module);
    if (m_ssh)
        startSshAgent(m_owned, *m_ssh, AgentMode::Release, m_module);
    else if (m_launcher.isEmpty())
        m_owned->startProcess(m_agentPath, mode);
    else
        m_owned->startProcess(m_launcher, QStringList{m_agentPath} + mode);
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
                if (!m_running)
                    return;
                if (const std::optional<ReleaseStep> step = AgentApi::releaseStep(event, params))
                    emit stepDone(*step);
            });
    connect(m_agent, &AgentClient::ready, this, [this] { m_started = true; });
    connect(m_agent, &AgentClient::disconnected, this, [this](const QString &reason) {
        if (m_releaseDone && !m_running)
            return; // a release agent exits after its one release, as it should
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
    // The owned agent served its release and exited: a new question is a
    // new agent, and polkit asks again.
    if (m_owned && m_releaseDone)
        startOwned();
    const quint64 request = ++m_reportRequest;
    HoldersOptions options;
    if (m_evidence)
        options.outstandingGets = m_evidence->gets;
    AgentApi(m_agent).requestHolders(
        module, options,
        [this, guard = QPointer<ReleaseSession>(this), request](const HoldersAnswer &answer) {
            if (!guard || request != m_reportRequest)
                return;
            if (!answer.ok) {
                if (answer.error != QLatin1String("disconnected"))
                    emit failed(
                        tr("The agent could not say what holds the module: %1").arg(answer.error));
                return;
            }
            emit reportReady(answer.report,
                             answer.exactAvailable
                                 ? tr("Exact holders from RefScope's helper module.")
                                 : tr("Inferred holders: %1").arg(answer.exactError));
        });
}

void ReleaseSession::run(const ReleaseRequest &request)
{
    if (!m_agent || m_running) {
        emit failed(tr("The agent is gone: nothing was changed."));
        return;
    }
    m_running = true;
    AgentApi(m_agent).requestRelease(
        request, [this, guard = QPointer<ReleaseSession>(this)](const ReleaseAnswer &answer) {
            if (!guard)
                return;
            m_running = false;
            if (m_owned)
                m_releaseDone = true;
            if (answer.ok)
                emit finished(answer.result);
            else if (answer.error != QLatin1String("disconnected"))
                emit failed(tr("The agent could not release the module: %1").arg(answer.error));
        });
}

} // namespace refscope
