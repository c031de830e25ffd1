// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/privilegedsnapshotsource.h"

#include "protocol/agentmode.h"
#include "sources/agentsnapshotsource.h"

namespace refscope {

PrivilegedSnapshotSource::PrivilegedSnapshotSource(const QString &agentPath,
                                                   const QString &launcher, QObject *parent)
    : SnapshotSource(parent), m_agentPath(agentPath), m_launcher(launcher)
{
    // pkexec's own refusals (126 dismissed, 127 not authorized) arrive here
    // as plain reasons from AgentClient.
    connect(&m_client, &AgentClient::disconnected, this, [this](const QString &reason) {
        setAutoRefresh(0);
        emit failed(tr("The root agent stopped: %1").arg(reason));
    });
}

QString PrivilegedSnapshotSource::description() const
{
    return tr("this machine, as root");
}

void PrivilegedSnapshotSource::startRead()
{
    // Started on the first read, not in the constructor: the polkit prompt
    // should come when the user asked for data, and only once.
    if (!m_started) {
        m_started = true;
        // "--inspect" makes pkexec ask for org.refscope.inspect, and the
        // agent serves reading only (protocol/agentmode.h).
        const QStringList mode = agentArgumentsFor(AgentMode::Inspect);
        if (m_launcher.isEmpty())
            m_client.startProcess(m_agentPath, mode);
        else
            m_client.startProcess(m_launcher, QStringList{m_agentPath} + mode);
    }
    requestAgentSnapshot(
        &m_client, description(), this,
        [this](const Snapshot *snapshot, const QString &error) { endRead(snapshot, error); });
}

} // namespace refscope
