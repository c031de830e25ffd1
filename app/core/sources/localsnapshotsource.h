// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshots of the machine RefScope runs on, read with libkmod on a thread
// of their own: a read walks /sys/module and every module's .ko file, which
// takes long enough to stutter the window if done on the GUI thread.
//
// There is no change notification to wait for: sysfs sends no inotify
// events when the kernel adds or removes /sys/module entries, so live
// views poll (setAutoRefresh).
#pragma once

#include "sources/snapshotsource.h"

#include <QThread>

namespace refscope {

class LocalSnapshotSource : public SnapshotSource {
    Q_OBJECT
public:
    explicit LocalSnapshotSource(QObject *parent = nullptr);
    // Waits for a read in flight, so the reader never outlives its source.
    ~LocalSnapshotSource() override;

    QString description() const override;

signals:
    void readRequested(); // to the reader's thread

protected:
    void startRead() override;

private:
    QThread m_thread;
    QObject *m_reader = nullptr; // lives on m_thread, deleted once it has ended
};

} // namespace refscope
