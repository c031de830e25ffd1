// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/targetlist.h"

#include "session/sessionsnapshotsource.h"
#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"

#include <QFileInfo>

namespace refscope {

namespace {

// What makes two sources the same target. One lab guest runs at a time,
// whatever its kernel; a file is the same file by its path, not its name.
QString targetKey(const SnapshotSource *source)
{
    if (qobject_cast<const LabSnapshotSource *>(source))
        return QStringLiteral("lab");
    if (auto *file = qobject_cast<const FileSnapshotSource *>(source))
        return QStringLiteral("file:") + QFileInfo(file->path()).absoluteFilePath();
    if (auto *session = qobject_cast<const SessionSnapshotSource *>(source))
        return QStringLiteral("file:") + QFileInfo(session->path()).absoluteFilePath();
    return QLatin1String(source->metaObject()->className()) + u':' + source->description();
}

} // namespace

TargetList::TargetList(QObject *parent) : QAbstractListModel(parent) {}

TargetList::~TargetList()
{
    for (const Target &target : std::as_const(m_targets))
        delete target.source;
}

int TargetList::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant TargetList::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return title(index.row());
    return {};
}

int TargetList::add(SnapshotSource *source)
{
    const int row = count();
    beginInsertRows({}, row, row);
    source->setParent(this);
    Target target;
    target.source = source;
    m_targets.append(target);
    endInsertRows();
    return row;
}

void TargetList::remove(int row)
{
    beginRemoveRows({}, row, row);
    const Target target = m_targets.takeAt(row);
    if (m_current == row)
        m_current = -1;
    else if (m_current > row)
        --m_current;
    endRemoveRows();
    delete target.source;
}

int TargetList::indexOf(const SnapshotSource *source) const
{
    for (int row = 0; row < count(); ++row)
        if (m_targets.at(row).source == source)
            return row;
    return -1;
}

int TargetList::find(const SnapshotSource *source) const
{
    const QString key = targetKey(source);
    for (int row = 0; row < count(); ++row)
        if (m_targets.at(row).source && m_targets.at(row).source != source &&
            targetKey(m_targets.at(row).source) == key)
            return row;
    return -1;
}

int TargetList::labRow() const
{
    for (int row = 0; row < count(); ++row)
        if (qobject_cast<LabSnapshotSource *>(m_targets.at(row).source))
            return row;
    return -1;
}

QString TargetList::title(int row) const
{
    const Target &target = m_targets.at(row);
    if (!target.source)
        return {};
    const QString kernel = target.haveSnapshot ? target.snapshot.kernelRelease : QString();
    return kernel.isEmpty() ? target.source->description()
                            : tr("%1 (kernel %2)").arg(target.source->description(), kernel);
}

void TargetList::updated(int row)
{
    emit dataChanged(index(row), index(row));
}

} // namespace refscope
