// SPDX-License-Identifier: GPL-3.0-or-later
// Between live capture's reader thread and the client: a bounded queue of
// batches and a writer thread that sends them as trace.events / trace.lost
// notifications. The reader never waits for the client (a slow client used
// to stall it until the kernel's ring buffer overran); what does not fit in
// the queue is dropped, counted apart from the kernel's losses, and still
// reported as lost so that events + lost stays what the kernel produced.
#pragma once

#include "capture/livecaptureprotocol.h"

#include <QByteArray>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace refscope {

class CaptureStream {
public:
    // Sends protocol lines; false when the client is gone.
    using LineWriter = std::function<bool(const QByteArray &lines)>;

    CaptureStream(LineWriter write, qsizetype capacityEvents);
    ~CaptureStream(); // abandon()
    CaptureStream(const CaptureStream &) = delete;
    CaptureStream &operator=(const CaptureStream &) = delete;

    // Starts the writer for a new capture; the counters restart at zero.
    void open();
    // From the reader thread: queues what fits, drops the rest. Never blocks
    // on the client.
    void push(CaptureBatch &&batch);
    // Returns once everything queued is written (or the client is gone).
    void finish();
    // Forgets what is queued and stops the writer without sending more.
    void abandon();

    qint64 droppedEvents() const; // by this queue, since open()

private:
    void run();
    void stopWriter();

    LineWriter m_write;
    const qsizetype m_capacity;
    mutable std::mutex m_lock;
    std::condition_variable m_changed;
    std::deque<CaptureBatch> m_queue;
    qsizetype m_queuedEvents = 0;
    qint64 m_dropped = 0;
    bool m_writing = false; // the writer holds a batch taken off the queue
    bool m_closing = false;
    bool m_clientGone = false;
    std::thread m_writer;
};

} // namespace refscope
