// SPDX-License-Identifier: GPL-3.0-or-later
// File → "Compare recordings…": two recordings (trace.dat or session
// files) side by side. Per module, a table of its call sites with the
// references taken there and never put back in A and in B and the
// difference, the module's totals (gets, puts, outstanding, final count)
// above them; differences highlighted, modules and call sites seen in one
// recording only marked so (events/recordingcompare.h).
//
// Both files are read and counted in a background thread with progress
// and a Stop button: the window keeps answering. A file that cannot be
// read is named in a sentence saying why.
#pragma once

#include "events/recordingcompare.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace refscope {

class BackgroundJob;

class RecordingCompareWindow : public QWidget {
    Q_OBJECT
public:
    // `pathA`, when given, is the recording the main window shows.
    explicit RecordingCompareWindow(const QString &pathA = {}, QWidget *parent = nullptr);

    void setPaths(const QString &pathA, const QString &pathB);
    QString pathA() const;
    QString pathB() const;
    // Reads both files in the background; comparisonFinished tells how it went.
    void compare();
    void stop();
    bool isComparing() const;
    // Asks for B with a file dialog, then compares.
    void chooseB();

    const RecordingComparison &comparison() const { return m_comparison; }
    QTreeWidget *tree() const { return m_tree; }
    QString message() const;

signals:
    // Empty on success, else the sentence shown; not sent when stopped.
    void comparisonFinished(const QString &error);

private:
    void showComparison();
    void setComparing(bool comparing);
    QString choose(const QString &current);

    QLineEdit *m_pathA;
    QLineEdit *m_pathB;
    QPushButton *m_compare;
    QPushButton *m_stop;
    QProgressBar *m_progress;
    QLabel *m_message;
    QTreeWidget *m_tree;
    BackgroundJob *m_job;
    RecordingComparison m_comparison;
    bool m_shown = false; // a comparison is in the tree
};

} // namespace refscope
