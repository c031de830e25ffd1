// SPDX-License-Identifier: GPL-3.0-or-later
// The lab dock under the offscreen platform, without booting a guest: in
// the main window only for the lab source, idle and saying so when the lab
// cannot start, and with what to watch for each scenario. (Its actions on
// a real guest: tests/gui/mainwindow/tst_mainwindow_lab.) Grabs
// labpanel-*.png into the build directory for a person to look at.
#include "lab/labpaths.h"
#include "lab/labscenarios.h"
#include "settings/usersettings.h"
#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"
#include "window/labpanel.h"
#include "window/mainwindow.h"
#include "window/messagepage.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace refscope;

class TestLabPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void shownOnlyForTheLab();
    void kernelChooserListsTheBootableKernels();
    void chosenKernelBootsAndIsRemembered();
    void labThatCannotStartSaysWhy();
    void showsWhatToWatch();
};

static void grab(QWidget *widget, const QString &name)
{
    QTest::qWait(50);
    QVERIFY(widget->grab().save(
        QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/labpanel/%1.png").arg(name)));
}

void TestLabPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestLabPanel::kernelChooserListsTheBootableKernels()
{
    // This machine has both of the lab's kernels: the chooser offers each,
    // and starts on the lab's default.
    LabPanel panel;
    auto *kernels = panel.findChild<QComboBox *>(QStringLiteral("labKernel"));
    QVERIFY(kernels);
    QStringList offered;
    for (int i = 0; i < kernels->count(); ++i)
        offered.append(kernels->itemData(i).toString());
    QCOMPARE(offered, labBootableKernels());
    for (const QString &release :
         {QStringLiteral("6.1.0-57-amd64"), QStringLiteral("6.12.118+deb12-amd64")}) {
        if (QFileInfo::exists(QStringLiteral("/boot/vmlinuz-") + release))
            QVERIFY2(offered.contains(release), qPrintable(offered.join(u' ')));
    }
    QCOMPARE(panel.chosenKernel(), labKernelRelease());
    // A kernel without the example modules is marked before it is chosen.
    for (int i = 0; i < kernels->count(); ++i) {
        const QString release = kernels->itemData(i).toString();
        QCOMPARE(kernels->itemText(i) == release, !labExampleModules(release).isEmpty());
    }
}

void TestLabPanel::chosenKernelBootsAndIsRemembered()
{
    const QStringList kernels = labBootableKernels();
    if (kernels.size() < 2)
        QSKIP("needs two installed kernels");
    // Not the default: the choice, not the default, decides.
    QString other;
    for (const QString &release : kernels)
        if (release != labKernelRelease())
            other = release;
    {
        MainWindow window;
        window.show();
        window.setSource(
            new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json")));
        window.openLab();
        auto *panel = window.findChild<LabPanel *>();
        QVERIFY(panel->isVisible());
        panel->setChosenKernel(other);
        QCOMPARE(panel->chosenKernel(), other);
        panel->findChild<QPushButton *>(QStringLiteral("labBoot"))->click();
        auto *lab = qobject_cast<LabSnapshotSource *>(window.source());
        QVERIFY(lab);
        QCOMPARE(lab->machine()->kernelRelease(), other);
        QCOMPARE(UserSettings().labKernel(), other);
        grab(&window, QStringLiteral("labpanel-kernel"));
    } // the guest is killed with the window
    // The next window, and the next "Open the lab", boot it again.
    if (qEnvironmentVariableIsEmpty("REFSCOPE_LAB_KERNEL")) {
        MainWindow window;
        QCOMPARE(window.findChild<LabPanel *>()->chosenKernel(), other);
        window.openLab();
        QCOMPARE(qobject_cast<LabSnapshotSource *>(window.source())->machine()->kernelRelease(),
                 other);
    }
    UserSettings().setLabKernel(QString());
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
    // A sentence that names the kernel and what to do, not the lab's scripts.
    QVERIFY2(message->text().startsWith(
                 QStringLiteral("Kernel 0.0-no-such-kernel is not installed here (there is no "
                                "/boot/vmlinuz-0.0-no-such-kernel).")),
             qPrintable(message->text()));
    QVERIFY2(message->text().contains(QStringLiteral("Choose another kernel in the Lab panel")),
             qPrintable(message->text()));
    QVERIFY(!message->text().contains(QStringLiteral(".sh")));
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
