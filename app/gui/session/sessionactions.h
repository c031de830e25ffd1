// SPDX-License-Identifier: GPL-3.0-or-later
// The window's recordings as files: File → "Save session…" writes the
// module snapshot shown, the timeline's events (a live capture or an opened
// recording) and the holder reports the Holders dock has shown, in the
// background behind a progress dialog. An opened session's snapshot and
// holder reports go back to the module views and the dock (read-only), its
// events to the timeline; every recording opened or saved joins the recent
// files.
#pragma once

#include <QObject>
#include <QPointer>
#include <QProgressDialog>

#include <atomic>
#include <memory>

class QAction;

class QThread;
class QWidget;

namespace refscope {

class HoldersDock;
class ModuleListModel;
class SnapshotSource;
class TimelineWidget;

class SessionActions : public QObject {
    Q_OBJECT
public:
    // `modules` holds the snapshot the window shows.
    SessionActions(QWidget *window, const ModuleListModel *modules, TimelineWidget *timeline,
                   HoldersDock *holders);
    ~SessionActions() override;

    QAction *saveAction() const { return m_save; }
    bool isSaving() const { return bool(m_progress); }

    // Writes the session in the background; saved() or failed() follows.
    void save(const QString &path);
    // A file from the recent files: a snapshot (JSON) becomes the window's
    // source, anything else opens in the timeline as a recording.
    void openFile(const QString &path);

signals:
    // The window should show this source from now on (it takes it).
    void sourceOpened(refscope::SnapshotSource *source);
    void saved(const QString &path);
    void failed(const QString &message);

private:
    void askAndSave();
    void finishSave(const QString &path, const QString &error);

    QWidget *m_window;
    const ModuleListModel *m_modules;
    TimelineWidget *m_timeline;
    HoldersDock *m_holders;
    QAction *m_save;
    QPointer<QProgressDialog> m_progress;
    QPointer<QThread> m_thread;
    // Shared with the saving thread: the dialog's Cancel sets it.
    std::shared_ptr<std::atomic_bool> m_stop;
};

} // namespace refscope
