// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timelineexport.h"

#include "events/eventcsv.h"
#include "timeline/timelinechartview.h"

#include <QCoreApplication>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace refscope {

namespace {

// The messages' and captions' translation context.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(refscope::TimelineExport)
};

struct Caption {
    QString title;
    QString description;
};

Caption captionOf(const TimelineChartView *chart, const QString &recording)
{
    const QLocale locale;
    const auto seconds = [&](qint64 ns) { return locale.toString(ns / 1e9, 'f', 6); };
    Caption caption;
    caption.title = Texts::tr("Reference counts of %1 (%2)")
                        .arg(locale.createSeparatedList(chart->modules()), recording);
    caption.description =
        Texts::tr("RefScope timeline: each module's reference count (lsmod's number) from %1 s "
                  "to %2 s of the recording %3.")
            .arg(seconds(chart->windowStartNs()), seconds(chart->windowEndNs()), recording);
    return caption;
}

// The title in a band above the chart, then the chart as shown.
void paintCaptioned(QPainter *painter, TimelineChartView *chart, const QString &title, int band)
{
    const QPalette palette = chart->palette();
    painter->fillRect(QRect(0, 0, chart->width(), band), palette.window());
    QFont font = chart->font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(palette.windowText().color());
    const int margin = QFontMetrics(font).averageCharWidth();
    const QRect text(margin, 0, chart->width() - 2 * margin, band);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(title, Qt::ElideMiddle, text.width()));
    chart->QWidget::render(painter, QPoint(0, band));
}

} // namespace

QString saveChartImage(TimelineChartView *chart, const QString &recording, const QString &path)
{
    const Caption caption = captionOf(chart, recording);
    const int band = chart->fontMetrics().height() * 2;
    const QSize size(chart->width(), chart->height() + band);
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(caption.title);
        svg.setDescription(caption.description);
        QPainter painter;
        if (!painter.begin(&svg))
            return Texts::tr("Cannot write %1").arg(path);
        paintCaptioned(&painter, chart, caption.title, band);
        painter.end();
        return {};
    }
    // As many pixels as the screen shows: sharp on a HiDPI screen.
    const qreal ratio = chart->devicePixelRatioF();
    QImage image(size * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(chart->palette().window().color());
    QPainter painter(&image);
    paintCaptioned(&painter, chart, caption.title, band);
    painter.end();
    image.setText(QStringLiteral("Title"), caption.title);
    image.setText(QStringLiteral("Description"), caption.description);
    if (!image.save(path, "PNG"))
        return Texts::tr("Cannot write %1 as PNG").arg(path);
    return {};
}

QString saveEventsCsv(const EventStore &store, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Texts::tr("Cannot write %1: %2").arg(path, file.errorString());
    const QString error = writeEventsCsv(store, &file);
    if (!error.isEmpty())
        return Texts::tr("Cannot write %1: %2").arg(path, error);
    if (!file.commit())
        return Texts::tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace refscope
