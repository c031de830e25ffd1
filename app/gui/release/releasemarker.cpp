// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releasemarker.h"

#include "timeline/capturecontrol.h"
#include "timeline/timelinechartview.h"
#include "timeline/timelinewidget.h"

namespace refscope {

namespace {
constexpr int kPollMs = 250;
} // namespace

ReleaseMarker::ReleaseMarker(TimelineWidget *timeline, const QString &module, QObject *parent)
    : QObject(parent), m_timeline(timeline), m_module(module),
      m_store(timeline ? timeline->store() : nullptr), m_firstEvent(m_store ? m_store->size() : 0)
{
    m_poll.setInterval(kPollMs);
}

void ReleaseMarker::place(bool released)
{
    if (m_timeline && m_store && m_timeline->store() == m_store)
        m_answeredNs = m_timeline->chartView()->nowNs();
    if (!released || freeTimestamp() >= 0 || !m_timeline || !m_timeline->capture()->isCapturing()) {
        annotate(released);
        return;
    }
    m_waitedMs = 0;
    connect(&m_poll, &QTimer::timeout, this, [this] {
        m_waitedMs += kPollMs;
        if (freeTimestamp() >= 0 || m_waitedMs >= kCaptureWaitMs) {
            m_poll.stop();
            annotate(true);
        }
    });
    m_poll.start();
}

qint64 ReleaseMarker::freeTimestamp() const
{
    if (!m_timeline || !m_store || m_timeline->store() != m_store)
        return -1;
    const int id = m_store->findModule(m_module);
    if (id < 0)
        return -1;
    const std::span<const std::uint32_t> events = m_store->eventsOf(id);
    for (auto it = events.rbegin(); it != events.rend() && *it >= m_firstEvent; ++it) {
        if (m_store->kind(*it) == ModuleEventKind::Free)
            return m_store->timestampNs(*it);
    }
    return -1;
}

void ReleaseMarker::annotate(bool released)
{
    const qint64 free = freeTimestamp();
    if (m_timeline && (free >= 0 || m_answeredNs)) {
        const QString label = released ? tr("force release of %1: released").arg(m_module)
                                       : tr("force release of %1: failed").arg(m_module);
        m_timeline->addAnnotation(free >= 0 ? free : *m_answeredNs, label);
    }
    deleteLater();
}

} // namespace refscope
