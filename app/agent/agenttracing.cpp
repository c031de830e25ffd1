// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/agenttracing.h"

#include "events/callsitecounts.h"
#include "inventory/moduleinfo.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace refscope {

namespace {

// Events waiting for a slow client (about 200 bytes each in memory): more
// than the ring buffers hold, so a stalled client costs fewer events than a
// stalled reader did.
constexpr qsizetype kQueuedEventsMax = 1024 * 1024;

} // namespace

AgentTracing::AgentTracing(LineWriter write) : m_stream(std::move(write), kQueuedEventsMax) {}

bool traceStartOptions(const QJsonObject &params, CaptureOptions *options, AgentReply *refusal)
{
    const QJsonValue modules = params.value(QLatin1String("modules"));
    if (!modules.isUndefined() && !modules.isArray()) {
        *refusal = AgentReply::failure(
            errorcode::BadRequest,
            QStringLiteral("trace.start's \"modules\" must be a list of names"));
        return false;
    }
    for (const QJsonValue &module : modules.toArray()) {
        const QString name = normalizeModuleName(module.toString());
        // The name goes into a tracefs filter: only what a module name may hold.
        if (name.isEmpty() || name.contains(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")))) {
            *refusal = AgentReply::failure(
                errorcode::BadRequest,
                QStringLiteral("trace.start: \"%1\" is not a module name").arg(module.toString()));
            return false;
        }
        options->modules << name;
    }
    const QJsonValue stacks = params.value(QLatin1String("stacks"));
    if (!stacks.isUndefined() && !stacks.isBool()) {
        *refusal =
            AgentReply::failure(errorcode::BadRequest,
                                QStringLiteral("trace.start's \"stacks\" must be true or false"));
        return false;
    }
    options->stacks = stacks.toBool();
    // Raw kernel addresses only for a client that asks for them: the
    // symbols, resolved here from /proc/kallsyms, are what clients show.
    const QJsonValue addresses = params.value(QLatin1String("addresses"));
    if (!addresses.isUndefined() && !addresses.isBool()) {
        *refusal = AgentReply::failure(
            errorcode::BadRequest,
            QStringLiteral("trace.start's \"addresses\" must be true or false"));
        return false;
    }
    options->addresses = addresses.toBool();
    return true;
}

AgentReply AgentTracing::start(const CaptureOptions &options)
{
    std::lock_guard lock(m_lock);
    if (m_capture.isRunning())
        return AgentReply::failure(
            errorcode::Busy, QStringLiteral("a capture is already running: trace.stop first"));
    m_stream.open();
    const QString error =
        m_capture.start(options, [this](CaptureBatch &&batch) { m_stream.push(std::move(batch)); });
    if (!error.isEmpty()) {
        m_stream.abandon();
        return AgentReply::failure(errorcode::Failed, error);
    }
    return AgentReply::success(QJsonObject{});
}

AgentReply AgentTracing::stop()
{
    std::lock_guard lock(m_lock);
    if (!m_capture.isRunning())
        return AgentReply::failure(errorcode::NotFound, QStringLiteral("no capture is running"));
    m_capture.stop();
    // The reply follows the last notification.
    m_stream.finish();
    const qint64 dropped = m_stream.droppedEvents();
    QJsonObject totals{
        {QStringLiteral("events"), double(qint64(m_capture.eventCount()) - dropped)},
        {QStringLiteral("lost"), double(m_capture.lostCount() + dropped)},
        {QStringLiteral("kernel_lost"), double(m_capture.lostCount())},
        {QStringLiteral("agent_dropped"), double(dropped)},
        {QStringLiteral("unread"), double(m_capture.unreadAtStop())},
    };
    // The kernel's own counts per call site, exact even when events were
    // lost; absent when the kernel could not count them.
    if (m_capture.kernelCounts())
        totals.insert(QStringLiteral("call_sites"),
                      callSiteCountsToJson(*m_capture.kernelCounts()));
    return AgentReply::success(totals);
}

bool AgentTracing::isCapturing()
{
    std::lock_guard lock(m_lock);
    return m_capture.isRunning();
}

void AgentTracing::abandon()
{
    std::lock_guard lock(m_lock);
    // The instance goes first: a writer blocked on a stuck client must not
    // keep it.
    m_capture.stop();
    m_stream.abandon();
}

} // namespace refscope
