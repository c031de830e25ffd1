// SPDX-License-Identifier: GPL-3.0-or-later
// Export of an event store in Chrome's JSON trace event format (the
// "traceEvents" format Perfetto's UI and chrome://tracing open): per
// module, a process named after it holding a counter track of its
// reference count ("C" events) and one instant event ("i") per get, put,
// load, free or request on the thread of the task that caused it, with
// call site, pid, comm and CPU as args; thread names come from comm
// ("M" metadata). Timestamps are microseconds on the recording's own
// clock, as in the store. The writer streams: it holds nothing per event.
#pragma once

#include "events/eventstore.h"

#include <QIODevice>

#include <functional>

namespace refscope {

// Called every few thousand events with the share done (0..1000); false
// stops the export.
using ExportProgress = std::function<bool(int permille)>;

// Writes the whole store to `out`. Empty on success, else the write error
// (or "stopped").
QString writePerfettoJson(const EventStore &events, QIODevice *out,
                          const ExportProgress &progress = {});

// The same to a file, atomically: a temporary file renamed over `path`
// only once complete, so a failed or stopped export leaves `path` as it
// was. Empty on success, else a sentence naming the file.
QString savePerfettoJson(const EventStore &events, const QString &path,
                         const ExportProgress &progress = {});

} // namespace refscope
