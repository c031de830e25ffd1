// SPDX-License-Identifier: GPL-3.0-or-later
// One long piece of work on a recording (an export, a comparison) in a
// thread of its own, so the window keeps drawing and answering while it
// runs: progress as it goes, a message at the end, cancellable. A new
// start() supersedes the running job, whose end is not reported.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace refscope {

class BackgroundJob : public QObject {
    Q_OBJECT
public:
    // Called with the share done (0..1000); false once the job is cancelled.
    using Progress = std::function<bool(int permille)>;
    // Runs in the job's thread; returns empty on success, else what went
    // wrong. It must read nothing the GUI thread changes meanwhile.
    using Work = std::function<QString(const Progress &progress)>;

    explicit BackgroundJob(QObject *parent = nullptr);
    ~BackgroundJob() override; // cancels and waits for the threads

    void start(Work work);
    void cancel(); // no signal follows for the cancelled job
    bool isRunning() const;

signals:
    void progress(int permille);
    void finished(const QString &error);

private:
    struct Job;
    std::shared_ptr<Job> m_job;
    // Every thread still running, current or not: the destructor waits for
    // them, so a thread may always report back to this object.
    QList<QPointer<QThread>> m_threads;
};

} // namespace refscope
