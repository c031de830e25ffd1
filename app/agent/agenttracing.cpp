#include "agenttracing.h"

#include "inventory/moduleinfo.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace refscope {

namespace {

// Keeps each notification line small enough to parse promptly.
constexpr qsizetype kEventsPerNotification = 4096;

} // namespace

AgentTracing::AgentTracing(LineWriter write) : m_write(std::move(write)) {}

AgentReply AgentTracing::start(const QJsonObject &params)
{
    CaptureOptions options;
    const QJsonValue modules = params.value(QLatin1String("modules"));
    if (!modules.isUndefined() && !modules.isArray())
        return AgentReply::failure(
            errorcode::BadRequest,
            QStringLiteral("trace.start's \"modules\" must be a list of names"));
    for (const QJsonValue &module : modules.toArray()) {
        const QString name = normalizeModuleName(module.toString());
        // The name goes into a tracefs filter: only what a module name may hold.
        if (name.isEmpty() || name.contains(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]"))))
            return AgentReply::failure(
                errorcode::BadRequest,
                QStringLiteral("trace.start: \"%1\" is not a module name").arg(module.toString()));
        options.modules << name;
    }
    const QJsonValue stacks = params.value(QLatin1String("stacks"));
    if (!stacks.isUndefined() && !stacks.isBool())
        return AgentReply::failure(
            errorcode::BadRequest,
            QStringLiteral("trace.start's \"stacks\" must be true or false"));
    options.stacks = stacks.toBool();

    std::lock_guard lock(m_lock);
    if (m_capture.isRunning())
        return AgentReply::failure(
            errorcode::Busy, QStringLiteral("a capture is already running: trace.stop first"));
    m_quiet = false;
    const QString error =
        m_capture.start(options, [this](CaptureBatch &&batch) { send(std::move(batch)); });
    if (!error.isEmpty())
        return AgentReply::failure(errorcode::Failed, error);
    return AgentReply::success(QJsonObject{});
}

AgentReply AgentTracing::stop()
{
    std::lock_guard lock(m_lock);
    if (!m_capture.isRunning())
        return AgentReply::failure(errorcode::NotFound, QStringLiteral("no capture is running"));
    m_capture.stop();
    return AgentReply::success(QJsonObject{
        {QStringLiteral("events"), double(m_capture.eventCount())},
        {QStringLiteral("lost"), double(m_capture.lostCount())},
    });
}

void AgentTracing::abandon()
{
    std::lock_guard lock(m_lock);
    m_quiet = true;
    m_capture.stop();
}

void AgentTracing::send(CaptureBatch &&batch)
{
    if (m_quiet)
        return;
    for (qsizetype from = 0; from < batch.events.size(); from += kEventsPerNotification) {
        const QList<CapturedEvent> chunk = batch.events.mid(from, kEventsPerNotification);
        if (!m_write(
                encodeNotification({QStringLiteral("trace.events"), encodeCapturedEvents(chunk)})))
            return;
    }
    if (!batch.lost.isEmpty())
        m_write(encodeNotification({QStringLiteral("trace.lost"), encodeLostEvents(batch.lost)}));
}

} // namespace refscope
