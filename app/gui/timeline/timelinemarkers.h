// SPDX-License-Identifier: GPL-3.0-or-later
// What is drawn over the timeline's plot: the cursor of the selected event,
// markers A and B, and the rubber band of a zoom. Kept apart from the chart
// so the chart view only converts between time and pixels.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QString>

#include <functional>
#include <optional>

class QPainter;

namespace refscope {

class EventStore;

struct TimelineMarkers {
    Q_DECLARE_TR_FUNCTIONS(TimelineMarkers)
public:
    std::optional<qint64> cursorNs; // the selected event
    std::optional<qint64> aNs;
    std::optional<qint64> bNs;
    QRectF band; // the rubber band being dragged, in view pixels; empty if none
    // Labelled moments another part of the window marks on the recording
    // ("force release of leaky_ref: released"); they go with the recording.
    struct Annotation {
        qint64 ns = 0;
        QString label;
    };
    QList<Annotation> annotations;

    // "A 13.276461 s  B 13.277705 s  Δt 1.244 ms  Δ loop +1": what changed
    // between the markers for each shown module.
    QString summary(const EventStore *store, const QStringList &modules) const;

    // Paints the lines inside `plot`; toPixel maps a time to a view x.
    void paint(QPainter *painter, const QRectF &plot,
               const std::function<double(qint64)> &toPixel) const;

    static QString formatDuration(qint64 ns);

private:
    enum class Line { Cursor, A, B };
    static void paintLine(QPainter *painter, const QRectF &plot, double x, Line line);
    // Below the A/B labels; the row-th annotation a row lower, so close
    // ones stay readable.
    static void paintAnnotation(QPainter *painter, const QRectF &plot, double x, int row,
                                const QString &label);
    void paintBand(QPainter *painter) const;
};

} // namespace refscope
