// SPDX-License-Identifier: GPL-3.0-or-later
// The lab dock under the offscreen platform, without booting a guest: in
// the main window only for the lab source, idle and saying so when the lab
// cannot start, and with what to watch for each scenario. (Its actions on
// a real guest: tests/gui/mainwindow/tst_mainwindow_lab.) Grabs
// labpanel-*.png into the build directory for a person to look at.
#include "holders/holderreportjson.h"
#include "lab/labpaths.h"
#include "lab/labscenarios.h"
#include "settings/uilanguage.h"
#include "settings/usersettings.h"
#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"
#include "window/labpanel.h"
#include "window/mainwindow.h"
#include "window/messagepage.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>
#include <QTextLayout>

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
    void buttonsStayPutAsTextsChange();
    void scenarioTitlesFitAtEveryWidth_data();
    void scenarioTitlesFitAtEveryWidth();
    void saysWhatAScenarioLeftBehind();
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

void TestLabPanel::buttonsStayPutAsTextsChange()
{
    // Each scenario's texts are of another length: the buttons above them
    // stay where the user's pointer is.
    LabPanel panel;
    panel.resize(340, 720);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *scenarios = panel.findChild<QListWidget *>(QStringLiteral("labScenarios"));
    auto *run = panel.findChild<QPushButton *>(QStringLiteral("labRun"));
    QTest::qWait(50);
    const QPoint at = run->mapTo(&panel, QPoint());
    for (int row = 0; row < scenarios->count(); ++row) {
        scenarios->setCurrentRow(row);
        QTest::qWait(20); // the layout settles on posted events
        QCOMPARE(run->mapTo(&panel, QPoint()), at);
    }
}

// The lines `text` takes when wrapped at `width` as an item view paints it.
static int wrappedHeight(const QString &text, const QFont &font, int width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    QTextLayout layout(text, font);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        height += line.height();
    }
    layout.endLayout();
    return qCeil(height);
}

void TestLabPanel::scenarioTitlesFitAtEveryWidth_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &code : UiLanguage::codes())
        QTest::newRow(qPrintable(code)) << code;
}

void TestLabPanel::scenarioTitlesFitAtEveryWidth()
{
    QFETCH(QString, language);
    QVERIFY(UiLanguage::install(language));
    // However wide the user makes the dock, each scenario's title is painted
    // whole in its row: none elided ("Hold a character device open ...")
    // over an empty second line, none cut at the list's bottom.
    LabPanel panel;
    panel.resize(340, 720);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *scenarios = panel.findChild<QListWidget *>(QStringLiteral("labScenarios"));
    const int margin =
        scenarios->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, scenarios) + 1;
    QStringList problems;
    for (int width = 240; width <= 420; width += 3) {
        panel.resize(width, 720);
        QTest::qWait(20); // the layout settles on posted events
        for (int row = 0; row < scenarios->count(); ++row) {
            QListWidgetItem *item = scenarios->item(row);
            const QRect rect = scenarios->visualItemRect(item);
            const int needed =
                wrappedHeight(item->text(), scenarios->font(), rect.width() - 2 * margin);
            if (needed > rect.height() || rect.bottom() >= scenarios->viewport()->height())
                problems.append(QStringLiteral("dock %1: \"%2\" needs %3 px in %4x%5 at y %6 of %7")
                                    .arg(width)
                                    .arg(item->text())
                                    .arg(needed)
                                    .arg(rect.width())
                                    .arg(rect.height())
                                    .arg(rect.y())
                                    .arg(scenarios->viewport()->height()));
        }
    }
    UiLanguage::install(QStringLiteral("en"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(u'\n')));
}

void TestLabPanel::saysWhatAScenarioLeftBehind()
{
    QCOMPARE(LabPanel::scenarioModules(QStringLiteral("count_demo")),
             QStringList{QStringLiteral("count_demo")});
    QCOMPARE(LabPanel::scenarioModules(QStringLiteral("export_provider")),
             (QStringList{QStringLiteral("export_provider"), QStringLiteral("export_consumer")}));
    QCOMPARE(LabPanel::scenarioModules(QStringLiteral("devices")),
             (QStringList{QStringLiteral("loop"), QStringLiteral("tun"), QStringLiteral("fuse")}));

    // The guest's real answer for count_demo after its scenario.
    QFile file(
        QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/gui/release/fixtures/count-demo.why.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    HoldersAnswer answer;
    answer.ok = true;
    QString error;
    QVERIFY2(holderReportFromJson(QJsonDocument::fromJson(file.readAll()).object(), &answer.report,
                                  &error),
             qPrintable(error));
    const QString sentence = LabPanel::holdersSentence(QStringLiteral("count_demo"), answer);
    const Holder &holder = answer.report.holders.first();
    QCOMPARE(sentence, QStringLiteral("count_demo is loaded with 2 reference(s), held by PID %1 "
                                      "(%2); 1 not attributed to any holder.")
                           .arg(holder.pid)
                           .arg(holder.comm));
    answer.report.refcount = 0;
    QVERIFY(LabPanel::holdersSentence(QStringLiteral("count_demo"), answer)
                .contains(QLatin1String("no references")));
    answer.ok = false;
    answer.error = QStringLiteral("module count_demo is not loaded");
    QCOMPARE(LabPanel::holdersSentence(QStringLiteral("count_demo"), answer),
             QStringLiteral("count_demo: module count_demo is not loaded"));
}

QTEST_MAIN(TestLabPanel)
#include "tst_labpanel.moc"
