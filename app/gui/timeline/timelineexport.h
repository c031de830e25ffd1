// SPDX-License-Identifier: GPL-3.0-or-later
// Writing what the timeline shows to files: the chart as PNG or SVG, the
// events as CSV (trace/eventcsv). Each returns an empty string on success,
// else a message naming the file and the problem, in the UI's language.
#pragma once

#include "events/eventstore.h"

#include <QString>

namespace refscope {

class TimelineChartView;

// PNG unless the name ends in .svg. The picture is the chart as shown
// under a title naming its modules and `recording`; an SVG also carries
// them as its <title> and <desc>. A PNG has the screen's pixel density.
QString saveChartImage(TimelineChartView *chart, const QString &recording, const QString &path);
QString saveEventsCsv(const EventStore &store, const QString &path);

} // namespace refscope
