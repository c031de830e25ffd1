// SPDX-License-Identifier: GPL-3.0-or-later
// Where `dot` put things: the result of a layout, in points (1/72 inch)
// with the origin at the top left and y growing downwards, as in Qt scenes.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <optional>

namespace refscope {

struct NodeGeometry {
    QPointF centre;
    QSizeF size;
};

struct EdgeGeometry {
    QString user; // node names as the layout's input named them
    QString used;
    // A cubic Bezier spline: the start point, then three points per
    // segment (control, control, end).
    QList<QPointF> spline;
    std::optional<QPointF> arrowTip; // where the arrow head at `used` points
};

struct GraphGeometry {
    QRectF boundingRect;
    QHash<QString, NodeGeometry> nodes; // by node name
    QList<EdgeGeometry> edges;
};

// Reads the output of `dot -Tjson0` (or -Tjson). On malformed output
// returns false and sets *error to what is wrong, e.g. "node 'loop': bad
// pos \"12\"". Node names are dot's (see dotNodeName()).
bool parseDotJson(const QByteArray &json, GraphGeometry *geometry, QString *error);

} // namespace refscope
