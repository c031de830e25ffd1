// SPDX-License-Identifier: GPL-3.0-or-later
// What live capture produces, and how it travels from refscope-agent to the
// client in "trace.events" / "trace.lost" notifications (PROTOCOL.md,
// "Live tracing"). The agent encodes, LiveCapture decodes; refscope-cli
// record uses the batches directly.
#pragma once

#include "events/moduleevent.h"

#include <QJsonObject>
#include <QList>

namespace refscope {

// One module event as read from the ring buffer, with the parts the event
// store keeps aside (pid, comm, call site, stack). details.text stays empty:
// CapturedDetails derives it when asked.
struct CapturedEvent {
    ModuleEvent event;
    EventDetails details;
};

} // namespace refscope

// Its strings and lists may move in memory as they are: a growing list of
// a flood's events is reallocated, not moved one event at a time.
Q_DECLARE_TYPEINFO(refscope::CapturedEvent, Q_RELOCATABLE_TYPE);

namespace refscope {

// What the reader hands over every ~50 ms: events in timestamp order, and
// the ring buffer's losses noticed since the last batch.
struct CaptureBatch {
    QList<CapturedEvent> events;
    QList<LostEvents> lost;
};

inline constexpr ModuleEventKind kModuleEventKinds[] = {
    ModuleEventKind::Load, ModuleEventKind::Free, ModuleEventKind::Get, ModuleEventKind::Put,
    ModuleEventKind::Request};

// "tracepoint name" <-> kind; false for a name that is not a module event.
bool moduleEventKindFromName(const QString &name, ModuleEventKind *kind);

QJsonObject encodeCapturedEvents(const QList<CapturedEvent> &events);
QJsonObject encodeLostEvents(const QList<LostEvents> &lost);
// On malformed params they return false and set *error, naming the field.
bool decodeCapturedEvents(const QJsonObject &params, QList<CapturedEvent> *events, QString *error);
bool decodeLostEvents(const QJsonObject &params, QList<LostEvents> *lost, QString *error);

// The event's fields the way trace-cmd report prints them (the raw refcnt,
// as the tracepoint records it).
QString capturedEventText(const ModuleEvent &event, const EventDetails &details);

} // namespace refscope
