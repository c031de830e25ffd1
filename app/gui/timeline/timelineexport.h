// Writing what the timeline shows to files: the chart as PNG or SVG, the
// events as CSV (trace/eventcsv). Each returns an empty string on success,
// else a message naming the file and the problem.
#pragma once

#include "trace/eventstore.h"

#include <QString>

class QWidget;

namespace refscope {

// PNG unless the name ends in .svg.
QString saveChartImage(QWidget *chart, const QString &path);
QString saveEventsCsv(const EventStore &store, const QString &path);

} // namespace refscope
