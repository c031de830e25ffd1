// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/chartdecimation.h"

#include <algorithm>
#include <cmath>

namespace refscope {

double nsToChartX(qint64 timestampNs)
{
    return double(timestampNs) / 1e9;
}

qint64 chartXToNs(double x)
{
    return qint64(std::llround(x * 1e9));
}

QList<QPointF> stepLinePoints(const QList<CountBucket> &buckets, int countBefore)
{
    QList<QPointF> points;
    if (buckets.isEmpty())
        return points;
    points.reserve(2 * buckets.size() + 4);
    int level = countBefore; // the count in force
    QPointF drawn(nsToChartX(buckets.first().startNs), level);
    points.append(drawn);
    const auto add = [&](double x, int y) {
        drawn = QPointF(x, y);
        points.append(drawn);
    };
    // Whether the previous column has a point: then a slant from it into
    // this column spans one pixel and reads as vertical.
    bool previousDrawn = true;
    for (const CountBucket &bucket : buckets) {
        const double x = nsToChartX(bucket.startNs);
        const qsizetype pointsBefore = points.size();
        // The stroke covers the count entering the bucket too: a get and a
        // put inside one pixel still show as a spike from the level before.
        const int low = std::min(bucket.min, level);
        const int high = std::max(bucket.max, level);
        if (bucket.events == 0 || low == high) {
            // A level column. After a stroke that ended on an extreme rather
            // than on the count in force, the line settles here first.
            if (drawn.y() != level)
                add(x, level);
            previousDrawn = points.size() > pointsBefore;
            continue;
        }
        // Two points cover the range: from the extreme equal to the level
        // (the line arrives level) or else the one farther from where the
        // count ends, to the other. The count in force is reached in the
        // next column, so a column never needs a third point.
        const int first = level == low || level == high            ? level
                          : bucket.last - low < high - bucket.last ? high
                                                                   : low;
        const int second = first == low ? high : low;
        // After a level stretch the line must stay level up to the stroke.
        if (!previousDrawn && first != level)
            add(x, level);
        add(x, first);
        add(x, second);
        level = bucket.last;
        previousDrawn = true;
    }
    add(nsToChartX(buckets.last().endNs), level);
    return points;
}

} // namespace refscope
