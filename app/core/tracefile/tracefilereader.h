// SPDX-License-Identifier: GPL-3.0-or-later
// trace.dat import: every module event of a `trace-cmd record -e module`
// file into an EventStore, in the order `trace-cmd report` prints them.
#pragma once

#include "events/eventstore.h"
#include "inventory/origin.h"

#include <QString>

#include <functional>
#include <memory>

namespace refscope {

// Told the progress in permille; returns false to stop the load.
using LoadProgress = std::function<bool(int permille)>;

// Fast: RefScope walks the ring-buffer pages itself. Libtracecmd: record
// by record through libtracecmd, what files with shifted or scaled
// timestamps or several buffers get; tests ask for it to compare the two.
enum class TraceReader { Fast, Libtracecmd };

// Returns nullptr and a message on failure: unreadable or malformed file,
// no module events, or a load stopped through `progress`.
std::shared_ptr<EventStore> readTraceFile(const QString &path, QString *error,
                                          const LoadProgress &progress = {},
                                          TraceReader reader = TraceReader::Fast);

// Where the file was recorded, from the uname trace-cmd wrote into its
// header (host, kernel release, machine); not recorded when the file has
// none or cannot be read.
Origin traceFileOrigin(const QString &path);

} // namespace refscope
