#include "timelineexport.h"

#include "trace/eventcsv.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace refscope {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TimelineExport", text);
}
} // namespace

QString saveChartImage(QWidget *chart, const QString &path)
{
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(chart->size());
        svg.setViewBox(chart->rect());
        svg.setTitle(QStringLiteral("RefScope timeline"));
        QPainter painter;
        if (!painter.begin(&svg))
            return tr("Cannot write %1").arg(path);
        chart->render(&painter);
        painter.end();
        return {};
    }
    if (!chart->grab().save(path, "PNG"))
        return tr("Cannot write %1 as PNG").arg(path);
    return {};
}

QString saveEventsCsv(const EventStore &store, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    const QString error = writeEventsCsv(store, &file);
    if (!error.isEmpty())
        return tr("Cannot write %1: %2").arg(path, error);
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace refscope
