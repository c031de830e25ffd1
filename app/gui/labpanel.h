// The lab dock: what the user can do to the lab guest's kernel. The example
// modules with Load / Unload, and the scenarios with Run / Stop and what to
// watch while one runs. Outcomes, refusals included ("busy: …"), are shown
// in the dock as plain text; after each action actionDone() asks the window
// for a fresh snapshot, so the table and the graph follow at once.
#pragma once

#include "lab/labscenarios.h"

#include <QDockWidget>
#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;

namespace refscope {

class AgentClient;

class LabPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit LabPanel(QWidget *parent = nullptr);

    // The lab guest's agent (nullptr: none). Acts only while it is connected;
    // a new agent forgets the old guest's background processes.
    void setAgent(AgentClient *agent);
    QString outcome() const;

signals:
    void actionDone();

private:
    QWidget *createExamples();
    QWidget *createScenarios();
    QString selectedExample() const;
    QString selectedScenario() const;
    using Action = void (LabScenarios::*)(const QString &, LabScenarios::Done);
    // Runs one action on target; "what" says it in the dock meanwhile.
    void start(const QString &what, Action action, const QString &target);
    void updateButtons();
    void showWhatToWatch();

    QPointer<AgentClient> m_agent;
    LabScenarios *m_scenarios = nullptr;
    bool m_busy = false;
    bool m_haveExamples = false;
    QListWidget *m_examples;
    QListWidget *m_scenarioList;
    QPushButton *m_load;
    QPushButton *m_unload;
    QPushButton *m_run;
    QPushButton *m_stop;
    QLabel *m_watch;
    QLabel *m_outcome;
};

} // namespace refscope
