// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshots of another machine, read by a refscope-agent that ssh starts
// there (protocol/sshtarget.h): `refscope --ssh [USER@]HOST[:PORT]`. The
// agent runs in --inspect mode as root on the target; closing this source
// closes ssh, and the agent ends with its input. After the connection
// ended, the next refresh connects again.
#pragma once

#include "protocol/agentclient.h"
#include "protocol/sshtarget.h"
#include "sources/snapshotsource.h"

namespace refscope {

class SshSnapshotSource : public SnapshotSource {
    Q_OBJECT
public:
    explicit SshSnapshotSource(const SshTarget &target, QObject *parent = nullptr);

    QString description() const override;
    AgentClient *agent() override { return &m_client; }
    const SshTarget &target() const { return m_target; }

protected:
    void startRead() override;

private:
    AgentClient m_client;
    SshTarget m_target;
    bool m_started = false;
    int m_resumeInterval = 0; // the auto refresh the connection's end stopped
};

} // namespace refscope
