// SPDX-License-Identifier: GPL-3.0-or-later
// The Holders dock in the window on the lab guest (Debian's real 6.1
// kernel): while the timeline captures, a shell opens /dev/count_demo and
// forks a child that keeps the same open file. The dock names the holder
// exactly (RefScope's helper module) with its pid, comm, fd, path, refs and
// source, the forked sharer, the unattributed count, and an accounting that
// closes against the guest's /proc/modules; "Show in timeline" shows that
// process's count_demo events in the event table. A second open later is
// in the dock's report on its own: the verdict follows the count. A
// capture leaves RefScope's own scans out by default, and keeps them when
// asked to.
#include "holders/holdersdock.h"
#include "lab/labpaths.h"
#include "labwindow.h"
#include "models/eventtablemodel.h"
#include "protocol/agentclient.h"
#include "timeline/capturecontrol.h"
#include "timeline/eventpane.h"
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace refscope;

namespace {

// stdout of `script` run as root in the guest, trimmed; empty on failure.
QString guestOutput(AgentClient *agent, const QString &script)
{
    const QJsonObject params{{"argv", QJsonArray{"sh", "-c", script}}, {"timeout_ms", 60000}};
    const AgentReply reply = agent->callSync(QStringLiteral("lab.exec"), params, 90000);
    return reply.ok ? reply.result.toObject().value(QLatin1String("stdout")).toString().trimmed()
                    : QString();
}

} // namespace

class TestHoldersDockLab : public QObject {
    Q_OBJECT
private slots:
    void namesTheHolderAndJumpsToItsEvents()
    {
        MainWindow window;
        window.resize(1400, 860);
        AgentClient *agent = nullptr;
        const QString error = showLab(window, &agent);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString examples = QFileInfo(labExampleModules().first()).absolutePath();
        QVERIFY(labExec(agent, QStringLiteral("insmod %1/count_demo.ko").arg(examples)));
        QTRY_VERIFY_WITH_TIMEOUT(moduleRow(window, QStringLiteral("count_demo")) >= 0, 20000);
        window.selectModule(QStringLiteral("count_demo"));

        // One open file shared by the shell (which becomes sleep) and its
        // forked child.
        const QString captured = captureWhile(
            window, agent,
            QStringLiteral("sh -c 'exec 3</dev/count_demo; sleep 3600 & exec sleep 3600' "
                           ">/dev/null 2>&1 &"),
            2);
        QVERIFY2(captured.isEmpty(), qPrintable(captured));
        auto *timeline = window.findChild<TimelineWidget *>();

        const HolderReport report = askHolders(window);
        auto *dock = window.findChild<HoldersDock *>();
        QCOMPARE(report.holders.size(), 1);
        const Holder &h = report.holders.first();
        QCOMPARE(h.source, HolderSource::Exact);
        QCOMPARE(h.fds, QList<int>{3});
        QCOMPARE(h.sharedWith.size(), 1);
        QCOMPARE(guestOutput(agent, QStringLiteral("readlink /proc/%1/fd/3").arg(h.pid)),
                 QStringLiteral("/dev/count_demo"));
        QCOMPARE(guestOutput(agent, QStringLiteral("readlink /proc/%1/fd/3").arg(h.sharedWith[0])),
                 QStringLiteral("/dev/count_demo"));
        // The open's VFS reference is the holder's; count_demo's own get in
        // open is unattributed without a recording. Together: the kernel's count.
        const int count =
            guestOutput(agent, QStringLiteral("grep '^count_demo ' /proc/modules | cut -d' ' -f3"))
                .toInt();
        QCOMPARE(report.refcount, count);
        QCOMPARE(h.refs + report.unattributed, count);

        auto *tree = dock->findChild<QTreeWidget *>(QStringLiteral("holdersTree"));
        const QTreeWidgetItem *row = tree->topLevelItem(0);
        QCOMPARE(row->text(1), QStringLiteral("%1 (sleep)").arg(h.pid));
        QCOMPARE(row->text(2), QStringLiteral("fd 3"));
        QCOMPARE(row->text(3), QStringLiteral("/dev/count_demo"));
        QCOMPARE(row->text(4), QString::number(h.refs));
        QCOMPARE(row->text(5), QStringLiteral("exact"));
        QStringList labels;
        for (const QLabel *label : dock->findChildren<QLabel *>())
            labels << label->text();
        QVERIFY2(
            labels.contains(
                QStringLiteral("Unattributed references (RefScope could not see their holders): %1")
                    .arg(report.unattributed)),
            qPrintable(labels.join(u'\n')));

        tree->setCurrentItem(tree->topLevelItem(0));
        const auto buttons = dock->findChildren<QPushButton *>();
        const auto jump = std::find_if(buttons.cbegin(), buttons.cend(), [](QPushButton *b) {
            return b->text() == QStringLiteral("Show in timeline");
        });
        QVERIFY(jump != buttons.cend());
        QTest::mouseClick(*jump, Qt::LeftButton);
        // The holder's open, and nothing from anyone else.
        EventTableModel *events = timeline->eventPane()->model();
        QTRY_VERIFY_WITH_TIMEOUT(events->rowCount() >= 1, 10000);
        for (int r = 0; r < events->rowCount(); ++r) {
            QCOMPARE(events->index(r, EventTableModel::Pid).data().toInt(), h.pid);
            QCOMPARE(events->index(r, EventTableModel::Module).data().toString(),
                     QStringLiteral("count_demo"));
        }
        window.grab().save(QStringLiteral(REFSCOPE_BINARY_DIR "/holders-lab.png"));

        // A second open nobody asks the dock about: within a few refreshes
        // its report explains the new count, without "Scan again".
        QVERIFY(labExec(agent, QStringLiteral("sh -c 'exec 4</dev/count_demo; exec sleep 3600' "
                                              ">/dev/null 2>&1 &")));
        int more = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            (more = guestOutput(agent,
                                QStringLiteral("grep '^count_demo ' /proc/modules | cut -d' ' -f3"))
                        .toInt()) > count,
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(dock->report().refcount, more, 15000);
        QCOMPARE(dock->report().holders.size(), 2);
        window.grab().save(QStringLiteral(REFSCOPE_BINARY_DIR "/holders-lab-followed.png"));

        // RefScope's own scans touch count_demo's count: by default a
        // capture leaves the agent's gets and puts out, and says so.
        CaptureControl *capture = timeline->capture();
        QVERIFY(capture->ownEventsAction()->isChecked());
        for (const bool hide : {true, false}) {
            // As after File → Save session: a new capture need not ask.
            timeline->setUnsavedCapture(false);
            capture->ownEventsAction()->setChecked(hide);
            capture->action()->setChecked(true);
            QTRY_VERIFY_WITH_TIMEOUT(capture->isCapturing() && timeline->store(), 30000);
            for (int scan = 0; scan < 3; ++scan) {
                QVERIFY(!askHolders(window).holders.isEmpty());
                QTest::qWait(300);
            }
            capture->action()->setChecked(false);
            QTRY_VERIFY_WITH_TIMEOUT(!capture->isCapturing(), 30000);
            const auto &store = timeline->store();
            int own = 0;
            for (std::size_t i = 0; i < store->size(); ++i)
                own += store->details(i).comm == QLatin1String("refscope-agent");
            if (hide) {
                QCOMPARE(own, 0);
                QVERIFY(capture->ownEventsLeftOut() > 0);
                QVERIFY2(timeline->description().contains(QStringLiteral("left out")),
                         qPrintable(timeline->description()));
            } else {
                QVERIFY(own > 0);
            }
        }
    }
};

QTEST_MAIN(TestHoldersDockLab)
#include "tst_holdersdock_lab.moc"
