// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/tracefileloader.h"

#include "recording/recording.h"

#include <QMetaObject>

namespace refscope {

// One load's stop flag. The thread reports back through queued calls that
// check they still belong to the loader's current job, so a superseded
// load's result never arrives.
struct TraceFileLoader::Job {
    std::atomic<bool> stop{false};
};

TraceFileLoader::TraceFileLoader(QObject *parent) : QObject(parent) {}

TraceFileLoader::~TraceFileLoader()
{
    cancel();
    for (const QPointer<QThread> &thread : std::as_const(m_threads))
        if (thread)
            thread->wait();
}

void TraceFileLoader::load(const QString &path)
{
    cancel();
    auto job = std::make_shared<Job>();
    m_job = job;
    const auto isCurrent = [this, job] { return m_job == job && !job->stop; };
    QThread *thread = QThread::create([this, job, path, isCurrent] {
        QString error;
        auto store = openRecording(path, &error, [&](int permille) {
            if (!job->stop)
                QMetaObject::invokeMethod(this, [this, permille, isCurrent] {
                    if (isCurrent())
                        emit progress(permille);
                });
            return !job->stop.load();
        });
        QMetaObject::invokeMethod(this, [this, store, error, isCurrent] {
            if (!isCurrent())
                return;
            m_job.reset();
            if (store)
                emit finished(store);
            else
                emit failed(error);
        });
    });
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void TraceFileLoader::cancel()
{
    if (m_job) {
        m_job->stop = true;
        m_job.reset();
    }
}

bool TraceFileLoader::isLoading() const
{
    return bool(m_job);
}

} // namespace refscope
