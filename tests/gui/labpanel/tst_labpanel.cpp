// The lab dock under the offscreen platform, without booting a guest: in
// the main window only for the lab source, with what to watch for each
// scenario, and with a real refscope-agent on this machine, whose
// refusals (no loadable modules here, or no privilege) must come back as
// plain text in the dock. Grabs
// labpanel-*.png into the build directory for a person to look at.
#include "lab/labscenarios.h"
#include "labpanel.h"
#include "mainwindow.h"
#include "messagepage.h"
#include "models/filesnapshotsource.h"
#include "models/labsnapshotsource.h"
#include "protocol/agentclient.h"

#include <QFile>
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
    void refusalsShowPlainly();
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

void TestLabPanel::refusalsShowPlainly()
{
    if (LabScenarios::examplePath(QStringLiteral("testmod")).isEmpty())
        QSKIP("the example modules are not built");
    AgentClient agent;
    agent.startProcess(QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent"), {});
    QVERIFY(agent.waitForHello(10000));
    // Root on a kernel with modules would really load and unload: not here.
    if (agent.helloResult().value(QLatin1String("uid")).toInt() == 0 &&
        QFile::exists(QStringLiteral("/proc/modules")))
        QSKIP("the agent is root on a kernel with modules: the actions would succeed");
    LabPanel panel;
    panel.resize(340, 720);
    panel.show();
    panel.setAgent(&agent);
    QSignalSpy done(&panel, &LabPanel::actionDone);
    auto *unload = panel.findChild<QPushButton *>(QStringLiteral("labUnload"));
    QVERIFY(unload->isEnabled());
    QTest::mouseClick(unload, Qt::LeftButton);
    QVERIFY(!unload->isEnabled()); // one action at a time
    QTRY_COMPARE(done.count(), 1);
    QVERIFY(unload->isEnabled());
    // The agent's own words after the module's name, e.g. "not permitted"
    // for a user, "no loadable modules" on a kernel without them.
    const QString example =
        panel.findChild<QListWidget *>(QStringLiteral("labExamples"))->currentItem()->text();
    QVERIFY2(panel.outcome().startsWith(example + QStringLiteral(": ")) &&
                 !panel.outcome().endsWith(QStringLiteral("done.")),
             qPrintable(panel.outcome()));
    qInfo("unload refused: %s", qPrintable(panel.outcome()));
    // A scenario stops at its first refused step, and says why.
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("labRun")), Qt::LeftButton);
    QTRY_COMPARE(done.count(), 2);
    QVERIFY2(!panel.outcome().endsWith(QStringLiteral("done.")), qPrintable(panel.outcome()));
    qInfo("run refused: %s", qPrintable(panel.outcome()));
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("labStop"))->isEnabled());
    grab(&panel, QStringLiteral("labpanel-refused"));
}

QTEST_MAIN(TestLabPanel)
#include "tst_labpanel.moc"
