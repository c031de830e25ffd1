// The README's screenshots, taken from the real window on the lab guest
// (Debian's 6.1 kernel under QEMU): loop loaded, /dev/loop-control held by
// a background `sleep` and opened and closed twenty times during a live
// capture; the Timeline tab shows the capture and the Holders dock what
// holds loop. Once in English and once in Simplified Chinese. The PNGs go
// to the build directory (tests/gui/i18n/readme-*.png), and into
// resources/screenshots when REFSCOPE_SCREENSHOTS_DIR names it:
//   REFSCOPE_SCREENSHOTS_DIR=$PWD/resources/screenshots \
//     ctest --test-dir build -R tst_readme_screenshots
#include "capturecontrol.h"
#include "holdersdock.h"
#include "mainwindow.h"
#include "models/labsnapshotsource.h"
#include "models/modulelistmodel.h"
#include "protocol/agentclient.h"
#include "timelinewidget.h"
#include "uilanguage.h"

#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace refscope;

namespace {

bool labExec(AgentClient *agent, const QString &script)
{
    const QJsonObject params{{"argv", QJsonArray{"sh", "-c", script}}, {"timeout_ms", 60000}};
    const AgentReply reply = agent->callSync(QStringLiteral("lab.exec"), params, 90000);
    if (!reply.ok)
        qWarning("lab.exec %s: %s", qPrintable(script), qPrintable(reply.errorMessage));
    return reply.ok;
}

bool hasModule(MainWindow &window, const QString &name)
{
    const QAbstractItemModel *model = window.findChild<QTableView *>("moduleTable")->model();
    return !model
                ->match(model->index(0, ModuleListModel::Name), Qt::DisplayRole, name, 1,
                        Qt::MatchExactly)
                .isEmpty();
}

void save(QWidget *window, const QString &name)
{
    QTest::qWait(200); // the layouts and the chart settle on posted events
    const QImage image = window->grab().toImage();
    QVERIFY(image.save(QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/i18n/%1.png").arg(name)));
    const QString dir = qEnvironmentVariable("REFSCOPE_SCREENSHOTS_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
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
    auto *lab = new LabSnapshotSource;
    QSignalSpy ready(lab, &SnapshotSource::snapshotReady);
    QSignalSpy failed(lab, &SnapshotSource::failed);
    window.setSource(lab);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 300000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    AgentClient *agent = lab->machine()->agent();

    QVERIFY(labExec(agent, QStringLiteral("modprobe loop")));
    QTRY_VERIFY_WITH_TIMEOUT(hasModule(window, QStringLiteral("loop")), 20000);
    window.selectModule(QStringLiteral("loop"));

    auto *timeline = window.findChild<TimelineWidget *>();
    QAction *capture = timeline->capture()->action();
    QTRY_VERIFY_WITH_TIMEOUT(capture->isEnabled(), 20000);
    capture->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(timeline->capture()->isCapturing() && timeline->store(), 30000);
    QVERIFY(labExec(agent, QStringLiteral("sleep 3600 </dev/loop-control >/dev/null 2>&1 & "
                                          "for i in $(seq 20); do exec 3</dev/loop-control; "
                                          "sleep 0.1; exec 3<&-; sleep 0.1; done")));
    QTRY_VERIFY_WITH_TIMEOUT(timeline->store()->size() >= 41, 30000);
    capture->setChecked(false);
    QTRY_VERIFY_WITH_TIMEOUT(!timeline->capture()->isCapturing(), 30000);

    auto *holders = window.findChild<HoldersDock *>();
    holders->raise();
    holders->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!holders->report().holders.isEmpty(), 30000);
    QCOMPARE(holders->report().holders.first().path, QStringLiteral("/dev/loop-control"));
    window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentWidget(timeline);
    save(&window, QStringLiteral("readme-timeline-%1").arg(language));
    UiLanguage::install(QStringLiteral("en"));
}

QTEST_MAIN(TestReadmeScreenshots)
#include "tst_readme_screenshots.moc"
