// SPDX-License-Identifier: GPL-3.0-or-later
// Leaves "force release of X: released / failed" on the timeline, at the
// release's time in the shown recording: the module's module_free event
// when a capture saw it, else when the agent answered, in the capture's
// clock (a stopped capture's axis reaches it). A live capture streams
// events a little behind the agent's answer, so while one runs the marker
// waits briefly for that module_free. A recording without this run's clock
// (a file, another boot's) has no place for it, and without a recording
// there is nothing to mark.
#pragma once

#include "events/eventstore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

namespace refscope {

class TimelineWidget;

class ReleaseMarker : public QObject {
    Q_OBJECT
public:
    // Remembers what the timeline shows now: only a module_free recorded
    // after this belongs to the release.
    ReleaseMarker(TimelineWidget *timeline, const QString &module, QObject *parent = nullptr);

    // Marks the outcome, now or once the capture delivered the module_free.
    void place(bool released);

    // How long a live capture may take to deliver the module_free.
    static constexpr int kCaptureWaitMs = 5000;

private:
    // The module_free of the release in the shown store, or -1.
    qint64 freeTimestamp() const;
    void annotate(bool released);

    QPointer<TimelineWidget> m_timeline;
    QString m_module;
    std::shared_ptr<const EventStore> m_store; // the recording shown when the dialog opened
    std::size_t m_firstEvent = 0;
    std::optional<qint64> m_answeredNs; // when the agent answered, in the recording's clock
    QTimer m_poll;
    int m_waitedMs = 0;
};

} // namespace refscope
