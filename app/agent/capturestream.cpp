// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/capturestream.h"

#include "protocol/methods.h"
#include "protocol/protocol.h"

#include <QHash>

#include <algorithm>

namespace refscope {

namespace {

// Keeps each notification line small enough to parse promptly.
constexpr qsizetype kEventsPerNotification = 4096;

// The losses of dropping `events`: one entry per CPU, stamped with the last
// dropped event of that CPU, like the kernel's own.
QList<LostEvents> lossesOf(const QList<CapturedEvent> &events)
{
    QHash<int, LostEvents> byCpu;
    for (const CapturedEvent &e : events) {
        LostEvents &loss = byCpu[e.event.cpu];
        loss.cpu = e.event.cpu;
        loss.timestampNs = std::max(loss.timestampNs, e.event.timestampNs);
        ++loss.count;
    }
    return byCpu.values();
}

// Sends one batch, a line per 4096 events: each write carries thousands of
// events, and a reply waits for one line at most, never the whole batch.
bool writeBatch(const CaptureStream::LineWriter &write, const CaptureBatch &batch)
{
    for (qsizetype from = 0; from < batch.events.size(); from += kEventsPerNotification) {
        if (!write(encodeNotification(
                {agentevent::TraceEvents,
                 encodeCapturedEvents(batch.events.mid(from, kEventsPerNotification))})))
            return false;
    }
    return batch.lost.isEmpty() ||
           write(encodeNotification({agentevent::TraceLost, encodeLostEvents(batch.lost)}));
}

} // namespace

CaptureStream::CaptureStream(LineWriter write, qsizetype capacityEvents)
    : m_write(std::move(write)), m_capacity(capacityEvents)
{
}

CaptureStream::~CaptureStream()
{
    abandon();
}

void CaptureStream::open()
{
    stopWriter();
    std::lock_guard lock(m_lock);
    m_queue.clear();
    m_queuedEvents = 0;
    m_dropped = 0;
    m_closing = false;
    m_clientGone = false;
    m_writer = std::thread([this] { run(); });
}

void CaptureStream::push(CaptureBatch &&batch)
{
    {
        std::lock_guard lock(m_lock);
        if (m_closing || m_clientGone)
            return;
        const qsizetype room = std::max<qsizetype>(0, m_capacity - m_queuedEvents);
        if (batch.events.size() > room) {
            // The newest go: what is queued stays in timestamp order.
            const QList<CapturedEvent> dropped = batch.events.mid(room);
            batch.events.resize(room);
            batch.lost.append(lossesOf(dropped));
            m_dropped += dropped.size();
        }
        m_queuedEvents += batch.events.size();
        m_queue.push_back(std::move(batch));
    }
    m_changed.notify_all();
}

void CaptureStream::finish()
{
    {
        std::unique_lock lock(m_lock);
        m_changed.wait(lock, [this] { return m_clientGone || (m_queue.empty() && !m_writing); });
    }
    stopWriter();
}

void CaptureStream::abandon()
{
    {
        std::lock_guard lock(m_lock);
        m_queue.clear();
        m_queuedEvents = 0;
    }
    stopWriter();
}

qint64 CaptureStream::droppedEvents() const
{
    std::lock_guard lock(m_lock);
    return m_dropped;
}

void CaptureStream::stopWriter()
{
    {
        std::lock_guard lock(m_lock);
        m_closing = true;
    }
    m_changed.notify_all();
    if (m_writer.joinable())
        m_writer.join();
}

void CaptureStream::run()
{
    for (;;) {
        CaptureBatch batch;
        {
            std::unique_lock lock(m_lock);
            m_changed.wait(lock, [this] { return m_closing || !m_queue.empty(); });
            if (m_queue.empty())
                return; // closing, and everything was sent
            batch = std::move(m_queue.front());
            m_queue.pop_front();
            m_queuedEvents -= batch.events.size();
            m_writing = true;
        }
        // Encoding happens here too, off the reader's thread.
        const bool written = writeBatch(m_write, batch);
        {
            std::lock_guard lock(m_lock);
            m_writing = false;
            if (!written) {
                m_clientGone = true;
                m_queue.clear();
                m_queuedEvents = 0;
            }
        }
        m_changed.notify_all();
        if (!written)
            return;
    }
}

} // namespace refscope
