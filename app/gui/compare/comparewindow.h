// SPDX-License-Identifier: GPL-3.0-or-later
// The modules of the window's current target beside other targets: this
// machine read now, another machine over SSH, the lab's guest while the
// main window runs it, or saved snapshots (other machines, other kernels,
// other moments). A column group per target, the cells where they differ
// highlighted, "Only differences" to hide the modules they agree on, and
// each target's origin above the table and in the headers.
//
// Live targets are read through their SnapshotSource, never on the GUI
// thread's time: a target being read is listed as "reading…" and joins
// the table once its snapshot came; one that cannot be read is not added,
// and a sentence naming it says why. Refresh reads every live target again.
#pragma once

#include "compare/snapshotcompare.h"
#include "protocol/sshtarget.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QMenu;
class QPushButton;
class QTableView;

namespace refscope {

class CompareModel;
class LabSnapshotSource;
class SnapshotSource;

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    // `current` is what the main window shows; `label` names it ("this machine").
    CompareWindow(const CompareTarget &current, QWidget *parent = nullptr);

    // Adds a saved snapshot or session file; false and a message box (or
    // *error, when given) if it cannot be read.
    bool addFile(const QString &path, QString *error = nullptr);
    void addTarget(const CompareTarget &target);
    // Live targets: read in the background; targetAdded or targetFailed
    // tells how it went.
    void addThisMachine();
    // [USER@]HOST[:PORT]; false and *error (or a message box) when the text
    // names no host. The connection itself fails later, with targetFailed.
    bool addSshHost(const QString &destination, QString *error = nullptr);
    // The lab guest the main window runs; false when none is running.
    bool addLabGuest();
    // Removes target `target` (the model's index, 0 = A).
    void removeTarget(int target);
    void setOnlyDifferent(bool only);

    // Where the main window's lab is, asked each time the Add menu opens:
    // the lab's guest is offered only while it runs.
    void setLabProvider(std::function<LabSnapshotSource *()> lab);
    // The ssh options (agent path, -F file, privilege) new SSH targets use:
    // those the main window was started with (`refscope --ssh`).
    void setSshOptions(const SshTarget &options);

    CompareModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QMenu *addMenu() const { return m_addMenu; }
    bool isReading() const;
    QString problem() const; // the last failure's sentence, empty when none

public slots:
    void chooseFiles();
    void chooseSshHost();
    // Reads every live target again.
    void refresh();

signals:
    void targetAdded();
    void targetFailed(const QString &message);

private:
    struct Entry {
        CompareTarget target;
        bool hasSnapshot = false;
        QPointer<SnapshotSource> source; // live targets only; owned by this window
        bool reading = false;
        QString problem; // the last refresh's failure, shown with the origin
    };

    void addLive(SnapshotSource *source, const QString &label,
                 const std::function<void()> &onFirstRead = {});
    void liveRead(SnapshotSource *source, const Snapshot &snapshot);
    void liveFailed(SnapshotSource *source, const QString &message);
    int entryOf(const SnapshotSource *source) const;
    void showProblem(const QString &message);
    void updateAddMenu();
    void showHeaderMenu(int column, const QPoint &globalPos);
    void recompare();

    QList<Entry> m_entries;
    CompareModel *m_model;
    QTableView *m_table;
    QLabel *m_origins;
    QLabel *m_summary;
    QLabel *m_problem;
    QCheckBox *m_onlyDifferent;
    QPushButton *m_refresh;
    QMenu *m_addMenu;
    QAction *m_labAction = nullptr;
    std::function<LabSnapshotSource *()> m_lab;
    SshTarget m_sshOptions;
};

} // namespace refscope
