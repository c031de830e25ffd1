// SPDX-License-Identifier: GPL-3.0-or-later
// The snapshot and holder reports of a session file, opened read-only like
// a saved snapshot: the module table, the graph and the Holders dock show
// what was seen when the session was saved.
#pragma once

#include "sources/snapshotsource.h"

namespace refscope {

class SessionSnapshotSource : public SnapshotSource {
    Q_OBJECT
public:
    // `path` names the session in the window title and status bar.
    SessionSnapshotSource(const QString &path, const Snapshot &snapshot,
                          const QList<HolderReport> &holders, QObject *parent = nullptr);

    QString description() const override;
    QString path() const { return m_path; }
    bool isLive() const override { return false; }
    QList<HolderReport> savedHolderReports() const override { return m_holders; }

protected:
    void startRead() override;

private:
    QString m_path;
    Snapshot m_snapshot;
    QList<HolderReport> m_holders;
};

} // namespace refscope
