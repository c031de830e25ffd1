// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/labsnapshotsource.h"

#include "protocol/agentclient.h"
#include "sources/agentsnapshotsource.h"

namespace refscope {

LabSnapshotSource::LabSnapshotSource(const LabOptions &options, QObject *parent)
    : SnapshotSource(parent), m_options(options)
{
    connect(&m_lab, &LabMachine::ready, this, [this] {
        emit progress(tr("The lab guest is up (booted in %1 s).")
                          .arg(double(m_lab.bootDurationMs()) / 1000, 0, 'f', 1));
        if (isReading())
            readFromAgent();
    });
    connect(&m_lab, &LabMachine::stopped, this, [this] { setAutoRefresh(0); });
    connect(&m_lab, &LabMachine::failed, this, [this](const QString &reason) {
        setAutoRefresh(0);
        // LabMachine's reasons are whole sentences that say what to do.
        if (isReading())
            failRead(reason);
        else
            emit failed(reason);
    });
}

LabSnapshotSource::~LabSnapshotSource()
{
    close();
}

AgentClient *LabSnapshotSource::agent()
{
    return m_lab.agent();
}

QString LabSnapshotSource::description() const
{
    return tr("lab guest");
}

void LabSnapshotSource::startRead()
{
    switch (m_lab.state()) {
    case LabMachine::State::Ready:
        readFromAgent();
        return;
    case LabMachine::State::Off:
        if (m_started) {
            failRead(tr("The lab guest has stopped; open the lab again to boot a new one."));
            return;
        }
        m_started = true;
        emit progress(tr("Booting the lab guest (Debian's kernel under QEMU); this takes "
                         "about ten seconds…"));
        m_lab.start(m_options);
        return;
    case LabMachine::State::Booting:
        return; // ready() reads
    case LabMachine::State::Stopping:
        failRead(tr("The lab guest is shutting down."));
        return;
    }
}

void LabSnapshotSource::readFromAgent()
{
    requestAgentSnapshot(m_lab.agent(), description(), this,
                         [this](const Snapshot *snapshot, const QString &error) {
                             if (!snapshot) {
                                 failRead(error);
                                 return;
                             }
                             // The guest's agent read it as its own machine; to the user it
                             // is the lab guest, whose host name ("(none)") says little.
                             Snapshot copy = *snapshot;
                             copy.origin.kind = OriginKind::Lab;
                             finishRead(copy);
                         });
}

} // namespace refscope
