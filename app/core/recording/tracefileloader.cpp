// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/tracefileloader.h"

#include "recording/recording.h"

namespace refscope {

TraceFileLoader::TraceFileLoader(QObject *parent) : QObject(parent)
{
    connect(&m_job, &BackgroundJob::progress, this, &TraceFileLoader::progress);
    // BackgroundJob reports the current load's end only, after its thread
    // wrote the result (the report is queued behind the write).
    connect(&m_job, &BackgroundJob::finished, this, [this](const QString &error) {
        const std::shared_ptr<Result> result = std::exchange(m_result, nullptr);
        if (result && result->store)
            emit finished(result->store);
        else
            emit failed(error);
    });
}

// m_job, a member, cancels and waits for its threads as it is destroyed:
// before this object's signals are gone.
TraceFileLoader::~TraceFileLoader() = default;

void TraceFileLoader::load(const QString &path)
{
    auto result = std::make_shared<Result>();
    m_result = result;
    m_job.start([path, result](const BackgroundJob::Progress &progress) {
        QString error;
        result->store = openRecording(path, &error, progress);
        return error;
    });
}

void TraceFileLoader::cancel()
{
    m_job.cancel();
    m_result.reset();
}

bool TraceFileLoader::isLoading() const
{
    return m_job.isRunning();
}

} // namespace refscope
