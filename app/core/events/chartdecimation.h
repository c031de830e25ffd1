// SPDX-License-Identifier: GPL-3.0-or-later
// Turns one module's count buckets (one per pixel column of the visible
// window) into the few points of a step line, so the chart is handed at
// most about two points per pixel whatever the number of events.
#pragma once

#include "events/eventstore.h"

#include <QList>
#include <QPointF>

namespace refscope {

// x of a point: the trace clock in seconds, as trace-cmd report prints it.
double nsToChartX(qint64 timestampNs);
qint64 chartXToNs(double x);

// The step line of `buckets` (consecutive, equal, covering the window)
// for a count of `countBefore` just before the first bucket. Each bucket
// where the count moved becomes a vertical stroke over everything the count
// was inside it; runs of level buckets become one horizontal segment. The
// line ends at the window's end at the count in force there.
// At most 2 points per bucket plus 4.
QList<QPointF> stepLinePoints(const QList<CountBucket> &buckets, int countBefore);

} // namespace refscope
