// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/backgroundjob.h"

#include <QMetaObject>

#include <atomic>

namespace refscope {

// One job's stop flag. The thread reports back through queued calls that
// check they still belong to the current job, so a superseded or cancelled
// job's end never arrives.
struct BackgroundJob::Job {
    std::atomic<bool> stop{false};
    std::atomic<int> reported{-1}; // the last share sent, to send each one once
};

BackgroundJob::BackgroundJob(QObject *parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob()
{
    cancel();
    for (const QPointer<QThread> &thread : std::as_const(m_threads))
        if (thread)
            thread->wait();
}

void BackgroundJob::start(Work work)
{
    cancel();
    auto job = std::make_shared<Job>();
    m_job = job;
    const auto isCurrent = [this, job] { return m_job == job && !job->stop; };
    QThread *thread = QThread::create([this, job, work = std::move(work), isCurrent] {
        const QString error = work([&](int permille) {
            // Only whole steps reach the GUI thread: a flood of identical
            // shares would only fill its event queue.
            if (!job->stop && job->reported.exchange(permille) != permille)
                QMetaObject::invokeMethod(this, [this, permille, isCurrent] {
                    if (isCurrent())
                        emit progress(permille);
                });
            return !job->stop.load();
        });
        QMetaObject::invokeMethod(this, [this, error, isCurrent] {
            if (!isCurrent())
                return;
            m_job.reset();
            emit finished(error);
        });
    });
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void BackgroundJob::cancel()
{
    if (m_job) {
        m_job->stop = true;
        m_job.reset();
    }
}

bool BackgroundJob::isRunning() const
{
    return bool(m_job);
}

} // namespace refscope
