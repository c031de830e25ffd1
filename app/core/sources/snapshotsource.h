// SPDX-License-Identifier: GPL-3.0-or-later
// Where the window's snapshots come from: this machine, an agent (the lab
// guest) or a saved file. Reading never blocks the caller: refresh() starts
// a read and snapshotReady or failed reports it later. At most one read is
// in flight; a refresh asked for meanwhile becomes one more read after it,
// so results always arrive in order and none is older than one delivered.
#pragma once

#include "holders/holder.h"
#include "inventory/moduleinfo.h"

#include <QObject>
#include <QTimer>

namespace refscope {

class AgentClient;

class SnapshotSource : public QObject {
    Q_OBJECT
public:
    explicit SnapshotSource(QObject *parent = nullptr);

    // What the snapshots show, for the window title and status bar.
    virtual QString description() const = 0;
    // False for sources that cannot change (a saved file): no auto refresh.
    virtual bool isLive() const { return true; }
    // The agent behind the snapshots, for requests beyond them (holders,
    // tracing); nullptr when this machine is read directly or from a file.
    virtual AgentClient *agent() { return nullptr; }
    // Holder reports saved with the snapshot (a session file): what the
    // Holders dock shows instead of asking an agent.
    virtual QList<HolderReport> savedHolderReports() const { return {}; }

    void refresh();
    // Refreshes every intervalMs; 0 stops. A tick that comes while a read is
    // still running is skipped rather than queued, so a slow source is
    // never asked faster than it answers.
    void setAutoRefresh(int intervalMs);
    int autoRefreshInterval() const;
    bool isReading() const { return m_reading; }

signals:
    void snapshotReady(const refscope::Snapshot &snapshot);
    void failed(const QString &message);

protected:
    // Starts one read; the subclass ends it with finishRead or failRead,
    // from the event loop of this object's thread.
    virtual void startRead() = 0;
    void finishRead(const Snapshot &snapshot);
    void failRead(const QString &message);
    // finishRead when snapshot is set, else failRead(error).
    void endRead(const Snapshot *snapshot, const QString &error);
    // For destructors of subclasses whose members may still end a read
    // while they go (a guest shutting down fails its pending request):
    // from here on nothing is started or reported.
    void close();

private:
    void readDone();

    QTimer m_timer;
    bool m_reading = false;
    bool m_again = false;
    bool m_closed = false;
};

} // namespace refscope
