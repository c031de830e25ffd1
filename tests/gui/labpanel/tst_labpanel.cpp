// SPDX-License-Identifier: GPL-3.0-or-later
// The lab dock under the offscreen platform, without booting a guest: in
// the main window only for the lab source, idle and saying so when the lab
// cannot start, and with what to watch for each scenario. (Its actions on
// a real guest: tests/gui/mainwindow/tst_mainwindow_lab.) Grabs
// labpanel-*.png into the build directory for a person to look at.
#include "lab/labscenarios.h"
#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"
#include "window/labpanel.h"
#include "window/mainwindow.h"
#include "window/messagepage.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace refscope;

class TestLabPanel : public QObject {
    Q_OBJECT
private slots:
    void shownOnlyForTheLab();
    void labThatCannotStartSaysWhy();
    void showsWhatToWatch();
};

static void grab(QWidget *widget, const QString &name)
{
    QTest::qWait(50);
    QVERIFY(widget->grab().save(
        QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/labpanel/%1.png").arg(name)));
}

void TestLabPanel::shownOnlyForTheLab()
{
    MainWindow window;
    window.show();
    auto *panel = window.findChild<LabPanel *>();
    QVERIFY(panel);
    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json")));
    QVERIFY(!panel->isVisible());
}

void TestLabPanel::labThatCannotStartSaysWhy()
{
    MainWindow window;
    window.resize(1280, 760);
    window.show();
    LabOptions options;
    options.kernelRelease = QStringLiteral("0.0-no-such-kernel");
    auto *lab = new LabSnapshotSource(options);
    QSignalSpy failed(lab, &SnapshotSource::failed);
    window.setSource(lab);
    QTRY_VERIFY(!failed.isEmpty());
    auto *message = window.findChild<MessagePage *>();
    QCOMPARE(message->title(), QStringLiteral("The lab could not start"));
    QVERIFY2(message->text().contains(QStringLiteral("/boot/vmlinuz-0.0-no-such-kernel")),
             qPrintable(message->text()));
    auto *panel = window.findChild<LabPanel *>();
    QVERIFY(panel->isVisible());
    QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("labRun"))->isEnabled());
    QCOMPARE(panel->outcome(), QStringLiteral("The lab guest is not running."));
    grab(&window, QStringLiteral("labpanel-window"));
}

void TestLabPanel::showsWhatToWatch()
{
    LabPanel panel;
    panel.resize(340, 720);
    panel.show();
    auto *scenarios = panel.findChild<QListWidget *>(QStringLiteral("labScenarios"));
    auto *watch = panel.findChild<QLabel *>(QStringLiteral("labWhatToWatch"));
    QCOMPARE(scenarios->count(), LabScenarios::all().size());
    for (int row = 0; row < scenarios->count(); ++row) {
        scenarios->setCurrentRow(row);
        QCOMPARE(watch->text(), LabScenarios::all().at(row).whatToWatch);
    }
    scenarios->setCurrentRow(1);
    QVERIFY(watch->text().contains(QStringLiteral("count is 2")));
    grab(&panel, QStringLiteral("labpanel"));
}

QTEST_MAIN(TestLabPanel)
#include "tst_labpanel.moc"
