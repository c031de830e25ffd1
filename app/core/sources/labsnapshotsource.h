// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshots of the lab guest: one of Debian's real kernels (6.1, 6.12) booted under QEMU
// (LabMachine). The first refresh boots the guest, which takes a while
// under TCG; progress() says so, and the read follows once the guest's
// agent has said hello. The guest is powered off with this source.
#pragma once

#include "lab/labmachine.h"
#include "sources/snapshotsource.h"

namespace refscope {

class LabSnapshotSource : public SnapshotSource {
    Q_OBJECT
public:
    explicit LabSnapshotSource(const LabOptions &options = {}, QObject *parent = nullptr);
    ~LabSnapshotSource() override; // powers the guest off, waiting for QEMU

    QString description() const override;
    LabMachine *machine() { return &m_lab; }
    AgentClient *agent() override;

signals:
    void progress(const QString &message);

protected:
    void startRead() override;

private:
    void readFromAgent();

    LabOptions m_options;
    LabMachine m_lab;
    bool m_started = false; // a guest that stopped is not booted again behind the user's back
};

} // namespace refscope
