// SPDX-License-Identifier: GPL-3.0-or-later
// "Why can't I unload it?": the dock listing what holds the selected module
// (processes with their fds and paths, sockets, mounts, user modules,
// kernel threads), the references RefScope could not attribute, the verdict and the
// next steps. The report comes from the current agent (the lab guest, or
// a local one started through pkexec); without one, the dock says why there
// is nothing to show and offers to read as root.
#pragma once

#include "holders/holder.h"
#include "protocol/agentapi.h"

#include <QDockWidget>
#include <QMap>
#include <QPointer>

#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace refscope {

class AgentClient;
class SnapshotSource;

class HoldersDock : public QDockWidget {
    Q_OBJECT
public:
    explicit HoldersDock(QWidget *parent = nullptr);

    // Where the window's modules come from: its agent is asked; a local or
    // saved source has none. Setting the same one again changes nothing.
    // `seen`: the reports this dock showed of the source before (the window
    // switched to another target and back); the current module's shows
    // again at once while a live agent is asked anew.
    void setSource(SnapshotSource *source, const QList<HolderReport> &seen = {});
    void setModule(const QString &module);
    // Asks again for the current module.
    void refresh();
    // The module's count in the latest snapshot: a shown report that
    // explains another count is asked for again (one request at a time),
    // so the verdict never stays behind the table.
    void followRefcount(const QString &module, int refcount);

    const HolderReport &report() const { return m_report; }
    // The latest report per module seen since the source changed (a
    // session's saved ones included), each with the time it came: what
    // File → "Save session…" keeps.
    QList<HolderReport> seenReports() const { return m_seen.values(); }
    QString message() const; // what the status line says, as plain text
    // Puts a widget (the "Force release…" button) at the dock's foot.
    void addActionWidget(QWidget *widget);
    // "Read as root…", shown when holders could not be read: the window
    // marks it with polkit's answer.
    QPushButton *readAsRootButton() const { return m_asRoot; }
    // What the recording the timeline shows (a live capture, an opened
    // trace or session, the flight recorder's history) says of a module's
    // gets never put back: the gets themselves (who took them, where), or
    // only their call sites. The agent ties the driver's own get in open
    // to the file its task holds, and names the rest in its steps.
    void setRecordedGets(std::function<HoldersOptions(const QString &module)> source);
    // The timeline finished counting `module`'s outstanding references: a
    // report with unattributed ones is asked for again with them.
    void leakingCallSitesCounted(const QString &module);

    // The holder columns (kind, process, FDs, path, refs, source) from
    // column `first` on, each with `tip`, and the kind and the source with
    // what they mean: the release dialog lists holders the same way.
    static QStringList holderColumnTitles();
    static void showHolder(QTreeWidgetItem *item, int first, const Holder &holder,
                           const QString &tip);

signals:
    void showInTimeline(const QString &module, int pid);
    void readAsRootRequested();

private:
    void showReport(const HolderReport &report);
    void showMessage(const QString &message, bool offerRoot = false);
    void showSavedReport(); // the session's report for the current module
    void showSelectedInTimeline();
    // keepShown: the old report stays on screen until the new one comes.
    void ask(bool keepShown);

    QPointer<AgentClient> m_agent;
    bool m_savedSnapshot = false;
    QList<HolderReport> m_savedReports; // the source's (a session's)
    QMap<QString, HolderReport> m_seen; // by module
    QString m_module;
    HolderReport m_report;
    quint64 m_request = 0; // replies to older requests are dropped
    bool m_asking = false; // a request to the agent is on its way
    // Whether the recording has more to say than what the report in hand
    // was asked with.
    bool recordedGetsChanged(const QString &module) const;

    std::function<HoldersOptions(const QString &)> m_recordedGets;
    HoldersOptions m_asked; // sent with the current module's request
    QLabel *m_status;
    QPushButton *m_asRoot;
    QLabel *m_verdict;
    QTreeWidget *m_holders;
    QLabel *m_unattributed;
    QLabel *m_steps;
    QPushButton *m_timeline;
};

} // namespace refscope
