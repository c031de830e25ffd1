// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/sshsnapshotsource.h"

#include "sources/agentsnapshotsource.h"

namespace refscope {

SshSnapshotSource::SshSnapshotSource(const SshTarget &target, QObject *parent)
    : SnapshotSource(parent), m_target(target)
{
    // The reason is sshEndReason's plain words: host key, login, no agent...
    connect(&m_client, &AgentClient::disconnected, this, [this](const QString &reason) {
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
    // Connected on the first read, once: a failed login is not retried
    // behind the user's back every refresh.
    if (!m_started) {
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
                             endRead(&copy, {});
                         });
}

} // namespace refscope
