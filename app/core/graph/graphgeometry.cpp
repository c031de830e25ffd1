// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphgeometry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace refscope {

namespace {

// Parses dot's "x,y" (an optional trailing '!' marks a pinned node).
std::optional<QPointF> parsePoint(QStringView text)
{
    if (text.endsWith(QLatin1Char('!')))
        text.chop(1);
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    if (comma < 0)
        return std::nullopt;
    bool okX = false;
    bool okY = false;
    const double x = text.left(comma).toDouble(&okX);
    const double y = text.mid(comma + 1).toDouble(&okY);
    if (!okX || !okY)
        return std::nullopt;
    return QPointF(x, y);
}

std::optional<double> parseNumber(const QJsonValue &value)
{
    bool ok = false;
    const double number = value.toString().toDouble(&ok);
    return ok && number >= 0 ? std::optional(number) : std::nullopt;
}

// dot measures y upwards from the bottom of the bounding box.
class Flip {
public:
    explicit Flip(double top) : m_top(top) {}
    QPointF operator()(QPointF p) const { return {p.x(), m_top - p.y()}; }

private:
    double m_top;
};

QString bad(const QString &what, const QString &field, const QJsonValue &value)
{
    return QStringLiteral("%1: bad %2 \"%3\"").arg(what, field, value.toVariant().toString());
}

// An edge's "pos": "e,x,y" (arrow tip at the head), maybe "s,x,y" (at the
// tail), then the Bezier points. Several splines are separated by ';'
// only when edges are concentrated, which toDot() never asks for.
bool parseSpline(const QString &pos, const Flip &flip, EdgeGeometry *edge)
{
    const QString first = pos.section(QLatin1Char(';'), 0, 0);
    for (const QString &token : first.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const bool marker =
            token.startsWith(QLatin1String("e,")) || token.startsWith(QLatin1String("s,"));
        const auto point = parsePoint(marker ? QStringView(token).mid(2) : QStringView(token));
        if (!point)
            return false;
        if (token.startsWith(QLatin1String("e,")))
            edge->arrowTip = flip(*point);
        else if (!marker)
            edge->spline.append(flip(*point));
    }
    return edge->spline.size() >= 4 && edge->spline.size() % 3 == 1;
}

} // namespace

bool parseDotJson(const QByteArray &json, GraphGeometry *geometry, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error =
            QStringLiteral("dot's output is not a JSON object: %1").arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = document.object();
    const QStringList box = root.value(QLatin1String("bb")).toString().split(QLatin1Char(','));
    QList<double> corners;
    for (const QString &corner : box) {
        bool ok = false;
        corners.append(corner.toDouble(&ok));
        if (!ok)
            break;
    }
    if (box.size() != 4 || corners.size() != 4) {
        *error =
            bad(QStringLiteral("graph"), QStringLiteral("bb"), root.value(QLatin1String("bb")));
        return false;
    }
    const Flip flip(corners[3]);
    GraphGeometry result;
    result.boundingRect =
        QRectF(QPointF(corners[0], 0), QPointF(corners[2], corners[3] - corners[1]));

    // Edges name their ends by _gvid, the index into "objects"; subgraphs
    // (objects with a "nodes" list) come first and are not nodes.
    QHash<int, QString> namesById;
    for (const QJsonValue &value : root.value(QLatin1String("objects")).toArray()) {
        const QJsonObject object = value.toObject();
        if (object.contains(QLatin1String("nodes")))
            continue;
        const QString name = object.value(QLatin1String("name")).toString();
        const QString what = QStringLiteral("node '%1'").arg(name);
        const auto centre = parsePoint(object.value(QLatin1String("pos")).toString());
        const auto width = parseNumber(object.value(QLatin1String("width")));
        const auto height = parseNumber(object.value(QLatin1String("height")));
        if (!centre || !width || !height) {
            const char *field = !centre ? "pos" : !width ? "width" : "height";
            *error = bad(what, QLatin1String(field), object.value(QLatin1String(field)));
            return false;
        }
        constexpr double pointsPerInch = 72;
        result.nodes.insert(name, {flip(*centre), QSizeF(*width, *height) * pointsPerInch});
        namesById.insert(object.value(QLatin1String("_gvid")).toInt(-1), name);
    }
    for (const QJsonValue &value : root.value(QLatin1String("edges")).toArray()) {
        const QJsonObject object = value.toObject();
        const int tail = object.value(QLatin1String("tail")).toInt(-1);
        const int head = object.value(QLatin1String("head")).toInt(-1);
        if (!namesById.contains(tail) || !namesById.contains(head)) {
            *error = QStringLiteral("edge %1 -> %2: end is not a node").arg(tail).arg(head);
            return false;
        }
        EdgeGeometry edge{namesById.value(tail), namesById.value(head), {}, std::nullopt};
        const QJsonValue pos = object.value(QLatin1String("pos"));
        if (!parseSpline(pos.toString(), flip, &edge)) {
            *error = bad(QStringLiteral("edge %1 -> %2").arg(edge.user, edge.used),
                         QStringLiteral("pos"), pos);
            return false;
        }
        result.edges.append(edge);
    }
    *geometry = result;
    return true;
}

} // namespace refscope
