// SPDX-License-Identifier: GPL-3.0-or-later
// "Force release…" for the selected module: the action (Module menu, the
// module table's context menu, Ctrl+Shift+U) and the button the Holders
// dock shows, enabled for a loaded, live, non-permanent module when an
// agent can be had: the lab guest's, or a new one through pkexec. Where
// the kernel would refuse, the button gives way to the reason. It opens
// the ReleaseDialog, then marks the outcome on the timeline and refreshes
// the window's snapshot.
#pragma once

#include "inventory/moduleinfo.h"
#include "privileges/polkitprivileges.h"
#include "release/releaseavailability.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace refscope {

class ReleaseDialog;
class SnapshotSource;
class TimelineWidget;

class ForceRelease : public QObject {
    Q_OBJECT
public:
    // window: the dialogs' parent; timeline: where outcomes are marked.
    ForceRelease(QWidget *window, TimelineWidget *timeline);

    QAction *action() const { return m_action; }
    // A "Force release…" button bound to the action, with the reason it is
    // not offered shown in its place; owned by the caller.
    QWidget *createButton() const;

    void setSource(SnapshotSource *source);
    void setSnapshot(const Snapshot &snapshot);
    void setModule(const QString &module);
    // polkit's answer for a release through pkexec (org.refscope.release):
    // refused disables the action with the reason, a password shows a lock.
    void setPrivilege(PolkitAnswer answer, const QString &problem = {});

    const ReleaseAvailability &availability() const { return m_availability; }
    ReleaseDialog *dialog() const; // the open one, if any

public slots:
    void openDialog();

signals:
    void availabilityChanged();

private:
    ReleaseAgentOrigin origin() const;
    QString agentProblem(ReleaseAgentOrigin origin) const;
    void updateAvailability();

    QWidget *m_window;
    QPointer<TimelineWidget> m_timeline;
    QPointer<SnapshotSource> m_source;
    Snapshot m_snapshot;
    QString m_module;
    ReleaseAvailability m_availability;
    PolkitAnswer m_privilege = PolkitAnswer::Unknown;
    QString m_privilegeProblem;
    QAction *m_action;
    QPointer<ReleaseDialog> m_dialog;
};

} // namespace refscope
