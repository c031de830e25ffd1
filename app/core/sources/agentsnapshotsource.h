// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshots from a refscope-agent (the lab guest, or a local agent started
// through pkexec) with the protocol's "snapshot" method. AgentClient is
// asynchronous, so nothing here needs a thread of its own.
#pragma once

#include "sources/snapshotsource.h"

#include <QPointer>

#include <functional>
#include <optional>

namespace refscope {

class AgentClient;

// Asks the agent for one snapshot. done runs once, from the event loop,
// with the snapshot or with an error message naming `who` (nothing when
// `context` was destroyed first).
void requestAgentSnapshot(AgentClient *client, const QString &who, QObject *context,
                          std::function<void(const Snapshot *snapshot, const QString &error)> done);

class AgentSnapshotSource : public SnapshotSource {
    Q_OBJECT
public:
    // The client must be connected; it is not owned.
    AgentSnapshotSource(AgentClient *client, const QString &description, QObject *parent = nullptr);

    QString description() const override { return m_description; }
    AgentClient *agent() override { return m_client; }
    // The agent reads its own machine as Local; an agent in the lab guest
    // is the lab to the user (OriginKind::Lab), as LabSnapshotSource says.
    void setOriginKind(OriginKind kind) { m_originKind = kind; }

protected:
    void startRead() override;

private:
    QPointer<AgentClient> m_client;
    QString m_description;
    std::optional<OriginKind> m_originKind;
};

} // namespace refscope
