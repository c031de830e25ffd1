// SPDX-License-Identifier: GPL-3.0-or-later
// Loads a recording in a background thread so the UI never waits on it:
// progress as it goes, the store or a message at the end, cancellable. A
// new load supersedes the previous one, whose result is dropped.
#pragma once

#include "events/eventstore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace refscope {

class TraceFileLoader : public QObject {
    Q_OBJECT
public:
    explicit TraceFileLoader(QObject *parent = nullptr);
    ~TraceFileLoader() override; // stops and waits for a running load

    void load(const QString &path);
    void cancel(); // no signal follows for the cancelled load
    bool isLoading() const;

signals:
    void progress(int permille);
    void finished(std::shared_ptr<refscope::EventStore> store);
    void failed(const QString &message);

private:
    struct Job;
    std::shared_ptr<Job> m_job; // the current load; older ones are told to stop
    // Every load thread still running, current or not: the destructor waits
    // for them, so a thread may always report back to this object.
    QList<QPointer<QThread>> m_threads;
};

} // namespace refscope
