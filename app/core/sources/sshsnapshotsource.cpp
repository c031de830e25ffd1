// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/sshsnapshotsource.h"

#include "sources/agentsnapshotsource.h"

#include <utility>

namespace refscope {

SshSnapshotSource::SshSnapshotSource(const SshTarget &target, QObject *parent)
    : SnapshotSource(parent), m_target(target)
{
    // The reason is sshEndReason's plain words: host key, login, no agent...
    // Refreshing stops until the user asks: a failed login is not retried
    // behind their back every second.
    connect(&m_client, &AgentClient::disconnected, this, [this](const QString &reason) {
        if (autoRefreshInterval() > 0)
            m_resumeInterval = autoRefreshInterval();
        setAutoRefresh(0);
        emit failed(reason);
    });
}

QString SshSnapshotSource::description() const
{
    return tr("%1 over SSH").arg(m_target.name());
}

void SshSnapshotSource::startRead()
{
    // Connected on the first read; after the connection ended (a dropped
    // network, a rebooted host), a read the user asks for (Refresh)
    // connects again rather than repeat "not connected".
    const bool reconnect = m_started && !m_client.isConnected();
    if (!m_started || reconnect) {
        m_started = true;
        startSshAgent(&m_client, m_target, AgentMode::Inspect);
    }
    requestAgentSnapshot(&m_client, m_target.name(), this,
                         [this](const Snapshot *snapshot, const QString &error) {
                             if (!snapshot) {
                                 endRead(nullptr, error);
                                 return;
                             }
                             // The agent read it as its own machine; to the user it is
                             // the host they named, reached over SSH.
                             Snapshot copy = *snapshot;
                             copy.origin.kind = OriginKind::Remote;
                             copy.origin.target = m_target.name();
                             // Connected again: refreshing goes on as before the end.
                             if (m_resumeInterval > 0)
                                 setAutoRefresh(std::exchange(m_resumeInterval, 0));
                             endRead(&copy, {});
                         });
}

} // namespace refscope
