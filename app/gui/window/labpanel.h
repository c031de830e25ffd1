// SPDX-License-Identifier: GPL-3.0-or-later
// The lab dock: what the user can do to the lab guest's kernel. The example
// modules with Load / Unload, and the scenarios with Run / Stop, what to
// watch while one runs and its guided steps. Outcomes, refusals included
// ("busy: …"), are shown in the dock as plain text; after each action
// actionDone() asks the window for a fresh snapshot, so the table and the
// graph follow at once.
#pragma once

#include "lab/labscenarios.h"
#include "protocol/agentapi.h"

#include <QDockWidget>
#include <QPointer>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace refscope {

class LabMachine;

class LabPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit LabPanel(QWidget *parent = nullptr);

    // The lab guest (nullptr: none). Acts only while its agent is connected;
    // another guest forgets the old one's background processes.
    void setLab(LabMachine *lab);
    QString outcome() const;
    // What a scenario or a load left behind, one sentence per module: its
    // count and who holds it ("count_demo is loaded with 2 references,
    // held by PID 212 (sh); 1 not attributed to any holder."), or why it
    // could not be asked.
    static QString holdersSentence(const QString &module, const HoldersAnswer &answer);
    // The modules scenario `id` loads, whose state its outcome reports.
    static QStringList scenarioModules(const QString &id, const QString &kernelRelease = {});

    // The kernel chosen in the panel's kernel list (the lab's own while no
    // other is chosen); setChosenKernel() selects one if the lab can boot it.
    QString chosenKernel() const;
    void setChosenKernel(const QString &release);

protected:
    // Fits the scenario list to its wrapped titles when its width changes.
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void actionDone();
    // The user asked for a guest running this kernel (Boot).
    void bootRequested(const QString &release);

private:
    using Action = void (LabScenarios::*)(const QString &, LabScenarios::Done);
    // A button that runs action on what target() selects.
    QPushButton *actionButton(const QString &text, const QString &objectName,
                              const QString &progress, Action action,
                              QString (LabPanel::*target)() const);
    QString selectedExample() const;
    QString selectedScenario() const;
    // Runs one action on target; progress ("Loading %1…") says so meanwhile.
    void start(const QString &progress, Action action, const QString &target);
    void showLabState();
    void updateButtons();
    void showWhatToWatch();
    void fillExamples(const QString &release);
    void fitScenarioList();
    // After a run or a load: asks the agent who holds each module, then
    // says it after `done`.
    void reportModules(const QString &done, const QStringList &modules);

    QPointer<LabMachine> m_lab;
    LabScenarios *m_scenarios = nullptr;
    bool m_busy = false;
    int m_reportGeneration = 0; // a newer action's outcome replaces a late report
    bool m_haveExamples = false;
    QComboBox *m_kernels;
    QPushButton *m_boot;
    QListWidget *m_examples;
    QListWidget *m_scenarioList;
    QPushButton *m_load;
    QPushButton *m_unload;
    QPushButton *m_run;
    QPushButton *m_stop;
    QLabel *m_watch;
    QLabel *m_walkthrough; // the scenario's numbered steps (teaching/teaching.h)
    QLabel *m_outcome;
};

} // namespace refscope
