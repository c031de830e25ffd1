// SPDX-License-Identifier: GPL-3.0-or-later
// The README's screenshots, taken from the real window on the lab guest
// (Debian's 6.1 kernel under QEMU): loop loaded, /dev/loop-control held by
// a background `sleep` and opened and closed twenty times during a live
// capture; the Timeline tab shows the capture and the Holders dock what
// holds loop. Once in English and once in Simplified Chinese; then, in
// English, the Modules tab after the lab panel's count_demo scenario ran
// (refscope-lab.png, the README's first picture). The PNGs go
// to the build directory (tests/gui/i18n/readme-*.png), and into
// resources/screenshots when REFSCOPE_SCREENSHOTS_DIR names it:
//   REFSCOPE_SCREENSHOTS_DIR=$PWD/resources/screenshots ctest --test-dir build -R
//   tst_readme_screenshots
#include "labwindow.h"
#include "models/modulelistmodel.h"
#include "protocol/agentclient.h"
#include "settings/uilanguage.h"
#include "timeline/capturecontrol.h"
#include "timeline/timelinewidget.h"
#include "window/labpanel.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace refscope;

namespace {

void save(QWidget *window, const QString &name)
{
    QTest::qWait(200); // the layouts and the chart settle on posted events
    const QImage image = window->grab().toImage();
    QVERIFY(image.save(QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/i18n/%1.png").arg(name)));
    const QString dir = qEnvironmentVariable("REFSCOPE_SCREENSHOTS_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

// The module table's Refcount of `name`, as shown.
QString refcountShown(MainWindow &window, const QString &name)
{
    const int row = moduleRow(window, name);
    const QAbstractItemModel *model =
        window.findChild<QTableView *>(QStringLiteral("moduleTable"))->model();
    return row < 0 ? QString() : model->index(row, ModuleListModel::Refcount).data().toString();
}

} // namespace

class TestReadmeScreenshots : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void timelineAndHolders_data();
    void timelineAndHolders();
};

void TestReadmeScreenshots::timelineAndHolders_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestReadmeScreenshots::timelineAndHolders()
{
    QFETCH(QString, language);
    QVERIFY(UiLanguage::install(language));
    MainWindow window;
    window.resize(1400, 860);
    AgentClient *agent = nullptr;
    const QString error = showLab(window, &agent);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QVERIFY(labExec(agent, QStringLiteral("modprobe loop")));
    QTRY_VERIFY_WITH_TIMEOUT(moduleRow(window, QStringLiteral("loop")) >= 0, 20000);
    window.selectModule(QStringLiteral("loop"));

    const QString captured =
        captureWhile(window, agent,
                     QStringLiteral("sleep 3600 </dev/loop-control >/dev/null 2>&1 & "
                                    "for i in $(seq 20); do exec 3</dev/loop-control; "
                                    "sleep 0.1; exec 3<&-; sleep 0.1; done"),
                     41);
    QVERIFY2(captured.isEmpty(), qPrintable(captured));
    auto *timeline = window.findChild<TimelineWidget *>();

    const HolderReport holders = askHolders(window);
    QVERIFY(!holders.holders.isEmpty());
    QCOMPARE(holders.holders.first().path, QStringLiteral("/dev/loop-control"));
    window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentWidget(timeline);
    save(&window, QStringLiteral("readme-timeline-%1").arg(language));

    if (language == QLatin1String("en")) {
        // The lab panel's scenario holding count_demo, and what it says it
        // left behind, beside the guest's modules.
        auto *panel = window.findChild<LabPanel *>();
        auto *scenarios = panel->findChild<QListWidget *>(QStringLiteral("labScenarios"));
        for (int row = 0; row < scenarios->count(); ++row)
            if (scenarios->item(row)->data(Qt::UserRole).toString() == QLatin1String("count_demo"))
                scenarios->setCurrentRow(row);
        QSignalSpy done(panel, &LabPanel::actionDone);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("labRun")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->outcome().contains(QLatin1String("held by PID")), 20000);
        // The table's next refresh shows the count the panel reports.
        QTRY_VERIFY_WITH_TIMEOUT(
            refcountShown(window, QStringLiteral("count_demo")) == QLatin1String("2"), 20000);
        window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentIndex(0);
        window.selectModule(QStringLiteral("count_demo"));
        QVERIFY(!askHolders(window).holders.isEmpty());
        save(&window, QStringLiteral("refscope-lab"));
    }
    UiLanguage::install(QStringLiteral("en"));
}

QTEST_MAIN(TestReadmeScreenshots)
#include "tst_readme_screenshots.moc"
