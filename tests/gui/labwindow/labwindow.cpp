// SPDX-License-Identifier: GPL-3.0-or-later
#include "labwindow.h"

#include "holders/holdersdock.h"
#include "lab/labmachine.h"
#include "models/modulelistmodel.h"
#include "protocol/agentclient.h"
#include "sources/labsnapshotsource.h"
#include "timeline/capturecontrol.h"
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QAction>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace refscope {

QString showLab(MainWindow &window, AgentClient **agent)
{
    auto *lab = new LabSnapshotSource;
    *agent = lab->machine()->agent();
    QSignalSpy ready(lab, &SnapshotSource::snapshotReady);
    QSignalSpy failed(lab, &SnapshotSource::failed);
    window.setSource(lab);
    window.show();
    // Booting under TCG takes seconds, more on a loaded machine.
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 300000))
        return QStringLiteral("the lab did not answer within 5 minutes");
    if (failed.isEmpty())
        return {};
    return failed.first().first().toString() + u'\n' + lab->machine()->consoleLog().right(2000);
}

bool labExec(AgentClient *agent, const QString &script)
{
    const QJsonObject params{{"argv", QJsonArray{"sh", "-c", script}}, {"timeout_ms", 60000}};
    const AgentReply reply = agent->callSync(QStringLiteral("lab.exec"), params, 90000);
    const bool ok =
        reply.ok && reply.result.toObject().value(QLatin1String("exit_code")).toInt() == 0;
    if (!ok)
        qWarning("lab.exec %s: %s %s", qPrintable(script), qPrintable(reply.errorMessage),
                 qPrintable(reply.result.toObject().value(QLatin1String("stderr")).toString()));
    return ok;
}

QString captureWhile(MainWindow &window, AgentClient *agent, const QString &script,
                     std::size_t events)
{
    auto *timeline = window.findChild<TimelineWidget *>();
    CaptureControl *capture = timeline->capture();
    if (!QTest::qWaitFor([&] { return capture->action()->isEnabled(); }, 20000))
        return QStringLiteral("the Capture action stayed disabled");
    capture->action()->setChecked(true);
    if (!QTest::qWaitFor([&] { return capture->isCapturing() && timeline->store(); }, 30000))
        return QStringLiteral("the capture did not start");
    if (!labExec(agent, script))
        return QStringLiteral("the guest could not run: ") + script;
    const bool arrived =
        QTest::qWaitFor([&] { return timeline->store()->size() >= events; }, 30000);
    capture->action()->setChecked(false);
    if (!QTest::qWaitFor([&] { return !capture->isCapturing(); }, 30000))
        return QStringLiteral("the capture did not stop");
    return arrived ? QString()
                   : QStringLiteral("%1 of %2 events arrived")
                         .arg(timeline->store()->size())
                         .arg(events);
}

HolderReport askHolders(MainWindow &window)
{
    auto *dock = window.findChild<HoldersDock *>();
    dock->raise();
    dock->refresh();
    const bool came = QTest::qWaitFor([dock] { return !dock->report().holders.isEmpty(); }, 60000);
    return came ? dock->report() : HolderReport();
}

int moduleRow(MainWindow &window, const QString &name)
{
    const QAbstractItemModel *model =
        window.findChild<QTableView *>(QStringLiteral("moduleTable"))->model();
    const QModelIndexList hits = model->match(model->index(0, ModuleListModel::Name),
                                              Qt::DisplayRole, name, 1, Qt::MatchExactly);
    return hits.isEmpty() ? -1 : hits.first().row();
}

} // namespace refscope
