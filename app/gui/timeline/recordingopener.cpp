// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/recordingopener.h"

#include "recording/tracefileloader.h"
#include "session/sessionfile.h"
#include "tracefile/tracefilereader.h"

#include <QFileInfo>
#include <QProgressDialog>
#include <QThread>
#include <QWidget>

namespace refscope {

RecordingOpener::RecordingOpener(QWidget *window)
    : QObject(window), m_window(window), m_loader(new TraceFileLoader(this))
{
    connect(m_loader, &TraceFileLoader::progress, this, [this](int permille) {
        if (!m_dialog)
            return;
        ++m_settingValue;
        m_dialog->setValue(permille);
        if (--m_settingValue == 0 && m_finishedDialog)
            m_finishedDialog->deleteLater();
    });
    connect(m_loader, &TraceFileLoader::finished, this, [this](std::shared_ptr<EventStore> store) {
        done();
        emit fileOpened(m_path);
        // The header says which machine recorded it (trace-cmd's uname).
        emit opened(std::move(store), QFileInfo(m_path).fileName() + QStringLiteral(" — ") +
                                          originText(traceFileOrigin(m_path)));
    });
    connect(m_loader, &TraceFileLoader::failed, this, [this](const QString &message) {
        done();
        emit failed(message);
    });
}

RecordingOpener::~RecordingOpener() = default;

QString RecordingOpener::fileFilter()
{
    return tr("Recordings (*.dat *.rscope);;trace-cmd recordings (*.dat);;RefScope session "
              "files (*.rscope);;All files (*)");
}

void RecordingOpener::open(const QString &path)
{
    cancel();
    m_path = path;
    m_dialog = new QProgressDialog(tr("Reading %1…").arg(QFileInfo(path).fileName()), tr("Cancel"),
                                   0, 1000, m_window);
    m_dialog->setObjectName(QStringLiteral("openProgress"));
    m_dialog->setWindowTitle(tr("Open a recording"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(300);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    connect(m_dialog, &QProgressDialog::canceled, this, &RecordingOpener::cancel);
    if (looksLikeSessionFile(path))
        openSession(path);
    else
        m_loader->load(path);
}

void RecordingOpener::openSession(const QString &path)
{
    // A session has no progress to report: the dialog just waits.
    m_dialog->setRange(0, 0);
    const int generation = ++m_generation;
    QThread *thread = QThread::create([this, path, generation] {
        auto session = std::make_shared<Session>();
        const QString error = loadSession(path, session.get());
        QMetaObject::invokeMethod(this, [this, session, error, generation] {
            if (generation != m_generation)
                return;
            done();
            if (!error.isEmpty()) {
                emit failed(error);
                return;
            }
            emit sessionOpened(m_path, session->snapshot, session->holders);
            emit fileOpened(m_path);
            emit opened(std::shared_ptr<EventStore>(std::move(session->events)),
                        QFileInfo(m_path).fileName() + QStringLiteral(" — ") +
                            originText(session->snapshot.origin));
            emit viewOpened(session->view);
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    // The thread reports to this object: it must not outlive it.
    connect(this, &QObject::destroyed, thread, [thread] { thread->wait(); });
    thread->start();
}

void RecordingOpener::cancel()
{
    ++m_generation;
    m_loader->cancel();
    done();
}

bool RecordingOpener::isOpening() const
{
    return bool(m_dialog);
}

void RecordingOpener::done()
{
    if (m_dialog) {
        m_dialog->disconnect(this);
        m_dialog->close();
        if (m_settingValue > 0)
            m_finishedDialog = m_dialog; // deleted when setValue returns
        else
            m_dialog->deleteLater();
    }
    m_dialog.clear();
}

} // namespace refscope
