// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecapture.h"

#include "capture/livecapturedetails.h"
#include "capture/livecaptureprotocol.h"
#include "inventory/snapshotjson.h"
#include "protocol/agentclient.h"
#include "protocol/methods.h"
#include "session/sessionfile.h"

#include <QJsonArray>

#include <exception>

namespace refscope {

LiveCapture::LiveCapture(AgentClient *agent, QObject *parent) : QObject(parent), m_agent(agent)
{
    connect(m_agent, &AgentClient::notification, this, &LiveCapture::onNotification);
    connect(m_agent, &AgentClient::disconnected, this, [this](const QString &reason) {
        if (isRunning())
            fail(tr("the agent left during the capture: %1").arg(reason));
    });
}

LiveCapture::~LiveCapture()
{
    // The agent keeps each pending reply's handler: every handler below
    // holds a guard, so one that arrives after this (or the failure every
    // pending call gets when the agent goes) finds the capture gone instead
    // of running on freed memory.
    if (m_agent && m_state != State::Idle)
        m_agent->call(agentmethod::TraceStop, {}, [](const AgentReply &) {});
}

void LiveCapture::start(const CaptureOptions &options)
{
    if (isRunning()) {
        emit failed(tr("a capture is already running"));
        return;
    }
    if (!m_agent) {
        emit failed(tr("the agent is gone"));
        return;
    }
    m_state = State::Starting;
    m_ownLeftOut = 0;
    m_store = std::make_unique<EventStore>();
    auto details = std::make_unique<CapturedDetails>(m_store.get());
    m_details = details.get();
    m_store->setDetailsSource(std::move(details));
    const QJsonObject params{
        {QStringLiteral("modules"), QJsonArray::fromStringList(options.modules)},
        {QStringLiteral("stacks"), options.stacks}};
    // The snapshot first: events between it and trace.start are missed, but
    // no event can count twice in a baseline.
    m_agent->call(
        agentmethod::Snapshot, {},
        [this, guard = QPointer<LiveCapture>(this), params](const AgentReply &reply) {
            if (!guard)
                return;
            QString error;
            if (!reply.ok)
                return fail(tr("the snapshot for the baseline failed: %1").arg(reply.errorMessage));
            if (!snapshotFromJson(reply.result.toObject(), &m_baseline, &error))
                return fail(tr("the agent's snapshot does not parse: %1").arg(error));
            applySnapshotBaseline(m_baseline, m_store.get());
            m_agent->call(agentmethod::TraceStart, params, [this, guard](const AgentReply &reply) {
                if (!guard)
                    return;
                if (!reply.ok)
                    return fail(tr("tracing did not start: %1").arg(reply.errorMessage));
                m_state = State::Running;
                emit started();
            });
        });
}

void LiveCapture::stop()
{
    if (m_state != State::Running)
        return;
    if (!m_agent)
        return fail(tr("the agent is gone"));
    m_state = State::Stopping;
    m_agent->call(
        agentmethod::TraceStop, {},
        [this, guard = QPointer<LiveCapture>(this)](const AgentReply &reply) {
            if (!guard)
                return;
            if (!reply.ok)
                return fail(tr("tracing did not stop cleanly: %1").arg(reply.errorMessage));
            m_state = State::Idle;
            const QJsonObject totals = reply.result.toObject();
            // An older agent sends no call site counts: the events' alone then.
            const QJsonValue sites = totals.value(QLatin1String("call_sites"));
            KernelCallSiteCounts counts;
            QString error;
            if (sites.isObject() && callSiteCountsFromJson(sites.toObject(), &counts, &error)) {
                if (m_store)
                    m_store->setKernelCounts(counts);
            } else if (sites.isObject()) {
                qWarning("live capture: %s", qPrintable(error));
            }
            emit stopped(quint64(totals.value(QLatin1String("events")).toDouble()),
                         qint64(totals.value(QLatin1String("lost")).toDouble()));
        });
}

std::unique_ptr<EventStore> LiveCapture::takeEvents()
{
    m_details = nullptr;
    return std::move(m_store);
}

void LiveCapture::onNotification(const QString &event, const QJsonObject &params)
{
    // Events of a capture this object did not start (another client's) are
    // not ours; after trace.stop's reply none come.
    if (m_state != State::Running && m_state != State::Stopping)
        return;
    QString error;
    if (event == agentevent::TraceLost) {
        QList<LostEvents> lost;
        if (!decodeLostEvents(params, &lost, &error))
            return fail(error);
        for (const LostEvents &l : lost)
            m_store->appendLost(l);
        emit lostEvents(lost);
        return;
    }
    if (event != agentevent::TraceEvents || !m_details)
        return;
    QList<CapturedEvent> events;
    if (!decodeCapturedEvents(params, &events, &error))
        return fail(error);
    const std::size_t from = m_store->size();
    for (const CapturedEvent &e : events) {
        // Only gets and puts: a load or free by the agent (a release) is the
        // user's doing and stays.
        if (m_leaveOutOwn && e.details.comm == QLatin1String(kAgentComm) &&
            (e.event.kind == ModuleEventKind::Get || e.event.kind == ModuleEventKind::Put)) {
            ++m_ownLeftOut;
            continue;
        }
        try {
            m_store->append(e.event); // refuses events out of order, or of an absurd CPU
        } catch (const std::exception &refused) {
            return fail(tr("the agent sent an event the store refuses: %1")
                            .arg(QString::fromUtf8(refused.what())));
        }
        m_details->append(e.details);
    }
    if (m_store->size() > from)
        emit eventsAppended(from, m_store->size());
}

void LiveCapture::fail(const QString &message)
{
    if (m_agent && (m_state == State::Running || m_state == State::Stopping))
        m_agent->call(agentmethod::TraceStop, {}, [](const AgentReply &) {});
    m_state = State::Idle;
    emit failed(message);
}

} // namespace refscope
