// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/snapshotsource.h"

namespace refscope {

SnapshotSource::SnapshotSource(QObject *parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_reading)
            refresh();
    });
}

void SnapshotSource::refresh()
{
    if (m_closed)
        return;
    if (m_reading) {
        m_again = true;
        return;
    }
    m_reading = true;
    startRead();
}

void SnapshotSource::setAutoRefresh(int intervalMs)
{
    if (intervalMs <= 0 || !isLive()) {
        m_timer.stop();
        return;
    }
    m_timer.start(intervalMs);
}

int SnapshotSource::autoRefreshInterval() const
{
    return m_timer.isActive() ? m_timer.interval() : 0;
}

void SnapshotSource::finishRead(const Snapshot &snapshot)
{
    emit snapshotReady(snapshot);
    readDone();
}

void SnapshotSource::failRead(const QString &message)
{
    emit failed(message);
    readDone();
}

void SnapshotSource::endRead(const Snapshot *snapshot, const QString &error)
{
    if (snapshot)
        finishRead(*snapshot);
    else
        failRead(error);
}

void SnapshotSource::close()
{
    m_closed = true;
    m_timer.stop();
    blockSignals(true);
}

void SnapshotSource::readDone()
{
    m_reading = false;
    if (m_again && !m_closed) {
        m_again = false;
        refresh();
    }
}

} // namespace refscope
