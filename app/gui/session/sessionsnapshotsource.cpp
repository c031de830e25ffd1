// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sessionsnapshotsource.h"

#include <QFileInfo>
#include <QTimer>

namespace refscope {

SessionSnapshotSource::SessionSnapshotSource(const QString &path, const Snapshot &snapshot,
                                             const QList<HolderReport> &holders, QObject *parent)
    : SnapshotSource(parent), m_path(path), m_snapshot(snapshot), m_holders(holders)
{
}

QString SessionSnapshotSource::description() const
{
    return tr("session file %1").arg(QFileInfo(m_path).fileName());
}

void SessionSnapshotSource::startRead()
{
    // From the event loop like every other source: callers connect after
    // refresh() and never get a signal from inside it.
    QTimer::singleShot(0, this, [this] { finishRead(m_snapshot); });
}

} // namespace refscope
