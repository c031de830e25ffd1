// SPDX-License-Identifier: GPL-3.0-or-later
// Live capture of the module tracepoints in RefScope's tracefs instance
// (CaptureInstance): one reader thread per CPU splices whole pages out of its
// CPU's ring buffer (as trace-cmd record does), a delivery thread decodes
// them and hands the events over in timestamp order, with the losses the
// kernel counted. refscope-agent (trace.start) and refscope-cli record both
// run it.
#pragma once

#include "capture/livecaptureinstance.h"
#include "capture/livecaptureprotocol.h"
#include "events/callsitecounts.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace refscope {

class TracefsCapture {
public:
    // Runs on the reader thread, about every 50 ms while anything happened.
    using BatchHandler = std::function<void(CaptureBatch &&batch)>;

    TracefsCapture();
    ~TracefsCapture(); // stop()
    TracefsCapture(const TracefsCapture &) = delete;
    TracefsCapture &operator=(const TracefsCapture &) = delete;

    // Empty on success, else why the capture could not start (not root, no
    // tracefs, another RefScope capture running, ...).
    QString start(const CaptureOptions &options, BatchHandler onBatch);
    // Turns tracing off, delivers what is still buffered, then removes the
    // instance. Returns within a bounded time (about 10 s) even when the
    // buffers are full: what it could not read by then is reported as lost
    // (unreadAtStop()). Safe to call from any thread, and when not running.
    void stop();
    bool isRunning() const;
    // Decodes what stopped buffers hold, one raw file per CPU in CPU order
    // (the flight recorder's per_cpu/cpuN/snapshot_raw), with the capture's
    // decoder, and hands it all over in one batch. Reading takes the pages
    // out of the kernel's buffer. Empty on success.
    static QString decodeRawFiles(const QStringList &perCpuFiles, bool addresses,
                                  BatchHandler onBatch);
    // Of the current capture, or of the last one once stopped.
    quint64 eventCount() const { return m_delivered; } // events handed over
    qint64 lostCount() const { return m_lost; }        // events the kernel dropped
    // Of lostCount(): the events still in the buffers when stop() ran out of
    // time, which may be missing from the capture.
    qint64 unreadAtStop() const { return m_unread; }
    // Of the last capture, once stopped: gets and puts per module and call
    // site as the kernel counted them from start to stop, exact whatever
    // the ring buffers lost; none when the kernel could not count them
    // (kernelCountsError() says why).
    const std::optional<KernelCallSiteCounts> &kernelCounts() const { return m_kernelCounts; }
    QString kernelCountsError() const { return m_kernelCountsError; }

private:
    struct Reader;
    std::unique_ptr<Reader> m_reader;
    std::atomic<quint64> m_delivered = 0;
    std::atomic<qint64> m_lost = 0;
    std::atomic<qint64> m_unread = 0;
    std::optional<KernelCallSiteCounts> m_kernelCounts;
    QString m_kernelCountsError;
};

} // namespace refscope
