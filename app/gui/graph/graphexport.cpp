// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphexport.h"

#include "graph/dotwriter.h"

#include <QFile>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace refscope {

namespace {

QString cannotWrite(const QString &path, const QString &reason)
{
    return QStringLiteral("Cannot write %1: %2").arg(path, reason);
}

} // namespace

QString exportDot(const DependencyGraph &graph, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return cannotWrite(path, file.errorString());
    file.write(toDot(graph).toUtf8());
    if (!file.commit())
        return cannotWrite(path, file.errorString());
    return {};
}

QString exportSvg(QGraphicsScene *scene, const QString &path)
{
    // QSvgGenerator reports no errors; probe the file first.
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly))
        return cannotWrite(path, probe.errorString());
    probe.close();
    const QRectF area = scene->sceneRect();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(area.size().toSize());
    svg.setViewBox(QRectF(QPointF(), area.size()));
    svg.setTitle(QStringLiteral("Kernel module dependencies"));
    svg.setDescription(QStringLiteral("Drawn by RefScope; an arrow points to the module used"));
    QPainter painter(&svg);
    scene->render(&painter, QRectF(QPointF(), area.size()), area);
    painter.end();
    return {};
}

QString exportPng(QGraphicsScene *scene, const QString &path)
{
    const QRectF area = scene->sceneRect();
    const double longest = std::max(area.width(), area.height());
    const double scale = longest <= 0 ? 1 : std::min(2.0, 8000 / longest);
    QImage image((area.size() * scale).toSize().expandedTo(QSize(1, 1)), QImage::Format_ARGB32);
    if (image.isNull())
        return cannotWrite(path, QStringLiteral("not enough memory for the image"));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene->render(&painter, QRectF(image.rect()), area);
    painter.end();
    if (!image.save(path, "PNG"))
        return cannotWrite(path, QStringLiteral("the PNG writer failed"));
    return {};
}

} // namespace refscope
