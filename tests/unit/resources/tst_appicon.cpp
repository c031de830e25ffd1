// SPDX-License-Identifier: GPL-3.0-or-later
// The icon: the SVG compiled into the app renders, and the hicolor PNGs
// rendered from it at build time have their sizes and are not blank.
#include <QIcon>
#include <QImage>
#include <QTest>

class TestAppIcon : public QObject {
    Q_OBJECT
private slots:
    void hicolorPngs_data();
    void hicolorPngs();
};

void TestAppIcon::hicolorPngs_data()
{
    QTest::addColumn<int>("size");
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        QTest::newRow(qPrintable(QString::number(size))) << size;
}

void TestAppIcon::hicolorPngs()
{
    QFETCH(int, size);
    const QImage image(QStringLiteral(REFSCOPE_BINARY_DIR
                                      "/resources/hicolor/%1x%1/apps/org.refscope.RefScope.png")
                           .arg(size));
    QCOMPARE(image.size(), QSize(size, size));
    // The tile fills the middle; the corners are rounded off, transparent.
    QVERIFY(qAlpha(image.pixel(size / 2, size / 2)) == 255);
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
}

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
