// SPDX-License-Identifier: GPL-3.0-or-later
// The targets of the main window: every machine or file it was connected to
// in this run (this machine, as root, the lab guest, a host over SSH, saved
// snapshots and session files), each with what the window showed of it, so
// that switching back shows it again as it was. The list owns the sources;
// it is the model of the toolbar's target switcher.
#pragma once

#include "holders/holder.h"
#include "inventory/moduleinfo.h"
#include "timeline/timelinewidget.h"

#include <QAbstractListModel>
#include <QPointer>

namespace refscope {

class SnapshotSource;

// One target and what the window keeps of it while another is shown.
struct Target {
    QPointer<SnapshotSource> source;
    Snapshot snapshot; // the latest one the source sent
    bool haveSnapshot = false;
    QString selected;   // the module selected in its views
    QString keptModule; // selected when it was unloaded
    QString failure;    // the source's last failure, until a snapshot comes
    QString progress;   // the lab's boot, before its first snapshot
    bool autoRefresh = true;
    TimelineState timeline;
    QList<HolderReport> seenHolders; // the Holders dock's answers
};

class TargetList : public QAbstractListModel {
    Q_OBJECT
public:
    explicit TargetList(QObject *parent = nullptr);
    ~TargetList() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int count() const { return int(m_targets.size()); }
    Target &at(int row) { return m_targets[row]; }
    const Target &at(int row) const { return m_targets.at(row); }
    // Takes the source; returns its row.
    int add(SnapshotSource *source);
    // Deletes the row's source (its agent stops with it).
    void remove(int row);
    int indexOf(const SnapshotSource *source) const;
    // The row of a target that is `source` again: the lab guest (one at a
    // time), the same file, the same host. -1 when it is new.
    int find(const SnapshotSource *source) const;
    // The lab guest's row, or -1.
    int labRow() const;
    int current() const { return m_current; }
    void setCurrent(int row) { m_current = row; }
    // Its name as the window title gives it: "lab guest (kernel 6.1.0-57-amd64)".
    QString title(int row) const;
    // The row's title may have changed (its first snapshot named the kernel).
    void updated(int row);

private:
    QList<Target> m_targets;
    int m_current = -1;
};

} // namespace refscope
