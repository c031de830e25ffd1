// SPDX-License-Identifier: GPL-3.0-or-later
// One event of the kernel's `module` trace system, as RefScope keeps it:
// the tracepoints module_load, module_free, module_get, module_put and
// module_request (include/trace/events/module.h). Trace files and live
// capture both produce these; the event store keeps them column by column.
#pragma once

#include <QList>
#include <QString>

namespace refscope {

enum class ModuleEventKind : quint8 { Load, Free, Get, Put, Request };

QString moduleEventKindName(ModuleEventKind kind); // "module_get", ... as the tracepoint is named

// What is shown of one event. The store keeps only timestamp, CPU, kind,
// module and count resident; the rest is read back lazily (EventDetails).
struct ModuleEvent {
    qint64 timestampNs = 0; // trace clock, ns
    int cpu = 0;
    ModuleEventKind kind = ModuleEventKind::Get;
    QString module; // the kernel's name (underscores)
    // lsmod's number after the event: the tracepoint's raw `refcnt` field
    // minus MODULE_REF_BASE (1). -1 where the event carries no count
    // (module_free, module_request).
    int refcount = -1;
};

// The parts of an event read on demand: the table's row, the selected
// event's stack.
struct EventDetails {
    int pid = 0;
    QString comm;
    quint64 callSite = 0; // ip field of module_get/put/request
    QString callSiteName; // resolved symbol (+offset), empty if unknown
    QStringList stack;    // kernel stack, innermost first, "symbol (address)"; empty if none
    QString text;         // the event's fields as trace-cmd report prints them
};

// Events the ring buffer dropped: shown on the timeline, never hidden.
struct LostEvents {
    qint64 timestampNs = 0; // when the loss was noticed
    int cpu = 0;
    qint64 count = 0; // -1 when the kernel only says "some"
};

} // namespace refscope
