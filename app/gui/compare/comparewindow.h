// SPDX-License-Identifier: GPL-3.0-or-later
// The modules of the window's current target beside one or more saved
// snapshots (other machines, other kernels, other moments): a column group
// per target, the cells where they differ highlighted, "Only differences"
// to hide the modules they agree on, and each target's origin above the
// table and in the headers' tooltips.
#pragma once

#include "compare/snapshotcompare.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;

namespace refscope {

class CompareModel;

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    // `current` is what the main window shows; `label` names it ("this machine").
    CompareWindow(const CompareTarget &current, QWidget *parent = nullptr);

    // Adds a saved snapshot or session file; false and a message box (or
    // *error, when given) if it cannot be read.
    bool addFile(const QString &path, QString *error = nullptr);
    void addTarget(const CompareTarget &target);
    void setOnlyDifferent(bool only);

    CompareModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

public slots:
    void chooseFiles();

private:
    void recompare();

    QList<CompareTarget> m_targets;
    CompareModel *m_model;
    QTableView *m_table;
    QLabel *m_origins;
    QLabel *m_summary;
    QCheckBox *m_onlyDifferent;
};

} // namespace refscope
