// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sessionactions.h"

#include "holders/holdersdock.h"
#include "models/modulelistmodel.h"
#include "session/sessionfile.h"
#include "session/sessionsnapshotsource.h"
#include "settings/usersettings.h"
#include "sources/filesnapshotsource.h"
#include "timeline/capturecontrol.h"
#include "timeline/recordingopener.h"
#include "timeline/timelinewidget.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>

namespace refscope {

namespace {

// A snapshot is JSON; recordings (trace.dat, sessions) are binary.
bool isSnapshotFile(const QString &path)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return true;
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(64).trimmed().startsWith('{');
}

} // namespace

SessionActions::SessionActions(QWidget *window, const ModuleListModel *modules,
                               TimelineWidget *timeline, HoldersDock *holders)
    : QObject(window), m_window(window), m_modules(modules), m_timeline(timeline),
      m_holders(holders), m_save(new QAction(tr("Save session…"), this))
{
    m_save->setObjectName(QStringLiteral("saveSessionAction"));
    m_save->setShortcut(QKeySequence::SaveAs);
    m_save->setToolTip(tr("Save the modules shown, the timeline's events and the holders seen, "
                          "to reopen them exactly later"));
    connect(m_save, &QAction::triggered, this, &SessionActions::askAndSave);
    connect(this, &SessionActions::failed, this, [this](const QString &message) {
        QMessageBox::warning(m_window, tr("Save session"), message);
    });

    RecordingOpener *opener = timeline->opener();
    connect(opener, &RecordingOpener::fileOpened, this,
            [](const QString &path) { UserSettings().addRecentFile(path); });
    connect(
        opener, &RecordingOpener::sessionOpened, this,
        [this](const QString &path, const Snapshot &snapshot, const QList<HolderReport> &holders) {
            // A session recorded without a module snapshot leaves the
            // window's modules as they are.
            if (!snapshot.kernelRelease.isEmpty())
                emit sourceOpened(new SessionSnapshotSource(path, snapshot, holders));
        });
}

SessionActions::~SessionActions()
{
    // The thread reports to this object: it must not outlive it. What it
    // posts meanwhile goes with the object.
    if (m_stop)
        m_stop->store(true);
    if (m_thread)
        m_thread->wait();
}

void SessionActions::openFile(const QString &path)
{
    if (isSnapshotFile(path))
        emit sourceOpened(new FileSnapshotSource(path));
    else
        m_timeline->openRecording(path);
}

void SessionActions::askAndSave()
{
    if (m_timeline->capture()->isCapturing()) {
        emit failed(tr("Stop the capture before saving the session: its events are still "
                       "arriving."));
        return;
    }
    if (!m_timeline->store() && m_modules->snapshot().modules.isEmpty()) {
        emit failed(tr("There is nothing to save yet: no modules and no recording."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save session"), {},
                                                      tr("RefScope session files (*.rscope)"));
    if (!path.isEmpty())
        save(path.endsWith(QLatin1String(".rscope")) ? path : path + QLatin1String(".rscope"));
}

void SessionActions::save(const QString &path)
{
    if (isSaving())
        return;
    // The store stays alive and unchanged while the thread reads it: the
    // dialog is modal (nothing new opens, no capture starts) and a capture
    // that loses its agent hands its store over rather than freeing it.
    const std::shared_ptr<const EventStore> kept = m_timeline->store();
    auto events = kept ? kept : std::make_shared<const EventStore>();
    const Snapshot snapshot = m_modules->snapshot();
    const QList<HolderReport> holders = m_holders->seenReports();
    const SessionView view = m_timeline->view();

    m_progress = new QProgressDialog(tr("Saving %1…").arg(QFileInfo(path).fileName()), tr("Cancel"),
                                     0, 1000, m_window);
    m_progress->setObjectName(QStringLiteral("saveSessionProgress"));
    m_progress->setWindowTitle(tr("Save session"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_stop = std::make_shared<std::atomic_bool>(false);
    connect(m_progress, &QProgressDialog::canceled, this, [stop = m_stop] { stop->store(true); });

    m_thread = QThread::create([this, path, events, snapshot, holders, view, stop = m_stop] {
        const auto progress = [&](int permille) {
            QMetaObject::invokeMethod(this, [this, permille] {
                if (m_progress)
                    m_progress->setValue(permille);
            });
            return !stop->load();
        };
        const QString error = saveSession(path, snapshot, *events, holders, progress, view);
        QMetaObject::invokeMethod(this, [this, path, error] { finishSave(path, error); });
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void SessionActions::finishSave(const QString &path, const QString &error)
{
    const bool cancelled = m_stop && m_stop->load();
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    m_progress.clear();
    m_stop.reset();
    if (cancelled)
        return;
    if (!error.isEmpty()) {
        emit failed(error);
        return;
    }
    UserSettings().addRecentFile(path);
    emit saved(path);
}

} // namespace refscope
