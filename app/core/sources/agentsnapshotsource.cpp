// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/agentsnapshotsource.h"

#include "inventory/snapshotjson.h"
#include "protocol/agentclient.h"
#include "protocol/methods.h"

namespace refscope {

void requestAgentSnapshot(AgentClient *client, const QString &who, QObject *context,
                          std::function<void(const Snapshot *, const QString &)> done)
{
    if (!client || !client->isConnected()) {
        QMetaObject::invokeMethod(
            context,
            [done, who] { done(nullptr, SnapshotSource::tr("%1 is not connected.").arg(who)); },
            Qt::QueuedConnection);
        return;
    }
    // The reply may come after the context is gone (the window switched to
    // another source): the guard drops it then.
    const QPointer<QObject> guard(context);
    client->call(agentmethod::Snapshot, {}, [guard, who, done](const AgentReply &reply) {
        if (!guard)
            return;
        if (!reply.ok) {
            done(nullptr, SnapshotSource::tr("%1 could not read its modules: %2 (%3)")
                              .arg(who, reply.errorMessage, reply.errorCode));
            return;
        }
        Snapshot snapshot;
        QString error;
        if (!snapshotFromJson(reply.result.toObject(), &snapshot, &error)) {
            done(nullptr,
                 SnapshotSource::tr("%1 sent a snapshot RefScope cannot read: %2").arg(who, error));
            return;
        }
        done(&snapshot, {});
    });
}

AgentSnapshotSource::AgentSnapshotSource(AgentClient *client, const QString &description,
                                         QObject *parent)
    : SnapshotSource(parent), m_client(client), m_description(description)
{
    connect(client, &AgentClient::disconnected, this, [this](const QString &reason) {
        setAutoRefresh(0);
        emit failed(tr("The connection to %1 ended: %2").arg(m_description, reason));
    });
}

void AgentSnapshotSource::startRead()
{
    requestAgentSnapshot(m_client, m_description, this,
                         [this](const Snapshot *snapshot, const QString &error) {
                             if (!snapshot || !m_originKind) {
                                 endRead(snapshot, error);
                                 return;
                             }
                             Snapshot copy = *snapshot;
                             copy.origin.kind = *m_originKind;
                             endRead(&copy, {});
                         });
}

} // namespace refscope
