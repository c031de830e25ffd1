// SPDX-License-Identifier: GPL-3.0-or-later
// "Force release…": why the module cannot be unloaded (the holder report
// from the agent that will act), which holders to clear and how, the last
// resort behind the typed module name, a summary of what will happen, then
// the run itself step by step as the agent reports it, and the result.
// Without a session (the tests) it shows a report given to setReport().
#pragma once

#include "inventory/moduleinfo.h"
#include "release/releaseplan.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace refscope {

class LastResortBox;
class ReleaseHoldersTree;
class ReleaseSession;

class ReleaseDialog : public QDialog {
    Q_OBJECT
public:
    // Takes the session (may be null); asks it for the report at once.
    ReleaseDialog(const QString &module, const KernelModuleSupport &support,
                  ReleaseSession *session, QWidget *parent = nullptr);

    void setReport(const HolderReport &report, const QString &note = {});
    // The recording that may prove references leaked; the session's (the
    // timeline's) by default. Without it, dropping is not offered.
    void setEvidence(const std::optional<LeakEvidence> &evidence);
    const ReleasePlan &plan() const { return m_plan; }
    ReleaseHoldersTree *holdersTree() const { return m_holders; }
    LastResortBox *lastResortBox() const { return m_lastResort; }
    QPushButton *runButton() const { return m_run; }
    QString summaryText() const;      // the "what will happen" list, as plain text
    QString preselectionText() const; // why the dialog ticked nothing; empty when it did
    QString resultText() const;
    QStringList stepTexts() const;

public slots:
    // Asks the session for the holders again (after a refused run).
    void scanAgain();
    void reject() override; // not while the release runs

signals:
    void releaseStarted();
    void releaseFinished(const refscope::ReleaseResult &result);

private:
    void buildLayout();
    void updateRunButton();
    void updateSummary();
    void run();
    void showStep(const ReleaseStep &step);
    void showResult(const ReleaseResult &result);
    void showFailure(const QString &message);
    void setBusy(bool busy);
    void fitTexts();

    QString m_module;
    KernelModuleSupport m_support;
    ReleaseSession *m_session;
    std::optional<LeakEvidence> m_evidence;
    ReleasePlan m_plan;
    bool m_haveReport = false;
    bool m_running = false;
    bool m_done = false;
    QLabel *m_status;
    QLabel *m_verdict;
    ReleaseHoldersTree *m_holders;
    QLabel *m_unattributed;
    LastResortBox *m_lastResort;
    QLabel *m_preselection; // why nothing was ticked for the user
    QLabel *m_summary;
    QListWidget *m_steps;
    QLabel *m_result;
    QPushButton *m_run;
    QPushButton *m_scan;
};

} // namespace refscope
