// SPDX-License-Identifier: GPL-3.0-or-later
// Loads a recording in a background thread so the UI never waits on it:
// progress as it goes, the store or a message at the end, cancellable. A
// new load supersedes the previous one, whose result is dropped. The
// thread, its cancelling and its reporting are BackgroundJob's.
#pragma once

#include "events/eventstore.h"
#include "recording/backgroundjob.h"

#include <QObject>
#include <QString>

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
    // What the current load's thread leaves for finished(): each load has
    // its own, so a superseded load writes only where nobody reads.
    struct Result {
        std::shared_ptr<EventStore> store;
    };
    std::shared_ptr<Result> m_result;
    BackgroundJob m_job;
};

} // namespace refscope
