// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-render-icon SVG OUTDIR SIZE...: renders the application icon
// into OUTDIR/<SIZE>x<SIZE>/apps/org.refscope.RefScope.png for each SIZE,
// the hicolor theme's layout. Run at build time, so the PNGs always match
// the SVG and need not be committed.
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: refscope-render-icon SVG OUTDIR SIZE...\n");
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        std::fprintf(stderr, "refscope-render-icon: %s is not a valid SVG\n",
                     qPrintable(args.at(1)));
        return 1;
    }
    for (const QString &sizeText : args.mid(3)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size <= 0 || size > 1024) {
            std::fprintf(stderr, "refscope-render-icon: bad size %s\n", qPrintable(sizeText));
            return 2;
        }
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        const QString path = dir + QStringLiteral("/org.refscope.RefScope.png");
        if (!QDir().mkpath(dir) || !image.save(path)) {
            std::fprintf(stderr, "refscope-render-icon: cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    return 0;
}
