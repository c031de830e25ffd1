// SPDX-License-Identifier: GPL-3.0-or-later
// Opens a recording for the timeline without freezing the window: a
// trace.dat through TraceFileLoader (real progress, cancellable), a
// RefScope session in a background thread, both behind a progress dialog.
// A session's snapshot and holder reports are announced too, for the
// window's module views and Holders dock.
#pragma once

#include "events/eventstore.h"
#include "holders/holder.h"
#include "inventory/moduleinfo.h"
#include "session/sessionview.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QProgressDialog;
class QWidget;

namespace refscope {

class TraceFileLoader;

class RecordingOpener : public QObject {
    Q_OBJECT
public:
    // The progress dialog is shown over `window`.
    explicit RecordingOpener(QWidget *window);
    ~RecordingOpener() override;

    void open(const QString &path);
    void cancel();
    bool isOpening() const;

    static QString fileFilter(); // for QFileDialog

signals:
    void opened(std::shared_ptr<refscope::EventStore> store, const QString &description);
    // Right before opened(), for every file read: a trace.dat or a session.
    void fileOpened(const QString &path);
    // Right before fileOpened(), for a session.
    void sessionOpened(const QString &path, const refscope::Snapshot &snapshot,
                       const QList<refscope::HolderReport> &holders);
    void failed(const QString &message);
    // Right after opened(), for a session: how the window showed it.
    void viewOpened(const refscope::SessionView &view);

private:
    void openSession(const QString &path);
    void done();

    QWidget *m_window;
    TraceFileLoader *m_loader;
    QPointer<QProgressDialog> m_dialog;
    // A modal QProgressDialog::setValue runs the event loop, where the load
    // may finish: the dialog is then deleted only once setValue has returned
    // (setValue still reads its progress bar after the events).
    int m_settingValue = 0;
    QPointer<QProgressDialog> m_finishedDialog;
    QString m_path;
    int m_generation = 0; // a session load reports only if still current
};

} // namespace refscope
