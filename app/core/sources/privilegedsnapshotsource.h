// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshots read as root by a local refscope-agent that this source starts
// through pkexec, so polkit asks the user (org.refscope.inspect). As root
// the agent also reads the parameters only root may read. The GUI itself
// never runs as root; closing this source ends the agent.
#pragma once

#include "protocol/agentclient.h"
#include "sources/snapshotsource.h"

namespace refscope {

class PrivilegedSnapshotSource : public SnapshotSource {
    Q_OBJECT
public:
    // launcher: the program that starts the agent ("pkexec"); empty runs the
    // agent directly (the tests, when already root).
    explicit PrivilegedSnapshotSource(const QString &agentPath,
                                      const QString &launcher = QStringLiteral("pkexec"),
                                      QObject *parent = nullptr);

    QString description() const override;
    AgentClient *agent() override { return &m_client; }

protected:
    void startRead() override;

private:
    AgentClient m_client;
    QString m_agentPath;
    QString m_launcher;
    bool m_started = false;
};

} // namespace refscope
