// SPDX-License-Identifier: GPL-3.0-or-later
// CSV export of an event store (RFC 4180: comma-separated, CRLF line ends,
// fields with a comma, quote or line break in double quotes, quotes doubled).
#pragma once

#include "events/eventstore.h"

#include <QIODevice>

namespace refscope {

// One CSV field, quoted only when it needs to be.
QString csvField(const QString &text);

// A header line, then one line per event in [from, to): time (s, 9
// decimals), cpu, pid, comm, event, module, count (lsmod's number, empty
// when the event has none), call site (symbol, else hex address). Empty on
// success, else the write error.
QString writeEventsCsv(const EventStore &events, QIODevice *out, std::size_t from = 0,
                       std::size_t to = std::size_t(-1));

} // namespace refscope
