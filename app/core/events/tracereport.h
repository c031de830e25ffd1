// SPDX-License-Identifier: GPL-3.0-or-later
// The per-module summary of a recording that `refscope-cli report` prints:
// how many gets, puts, loads and frees each module saw, when, and the count
// it was left with.
#pragma once

#include "events/eventstore.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace refscope {

struct ModuleTraceSummary {
    QString module;
    qint64 gets = 0;
    qint64 puts = 0;
    qint64 loads = 0;
    qint64 frees = 0;
    qint64 requests = 0;
    qint64 firstNs = 0;
    qint64 lastNs = 0;
    // lsmod's number after the module's last event; none for a module seen
    // only in module_request events (the name asked for, no count).
    std::optional<int> finalRefcount;
};

struct TraceReport {
    qint64 events = 0;     // module events; kernel stacks are not events
    qint64 lostEvents = 0; // dropped by the ring buffer, where the kernel said how many
    int lossesOfUnknownSize = 0;
    QList<ModuleTraceSummary> modules; // by name
};

TraceReport summarizeTrace(const EventStore &store);

// {"events", "lost_events", "modules": {NAME: {"gets", "puts", "loads",
// "frees", "first_ts", "last_ts", "final_refcount"}}}; timestamps in ns.
QJsonObject traceReportJson(const TraceReport &report);

// A table, one line per module, for a terminal.
QString traceReportTable(const TraceReport &report);

} // namespace refscope
