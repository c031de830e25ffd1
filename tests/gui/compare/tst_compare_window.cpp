// SPDX-License-Identifier: GPL-3.0-or-later
// The compare window on snapshots captured in the lab guest on Debian's
// 6.1 and 6.12 kernels: a column group per target, the modules only one
// kernel loads and the holder that changed highlighted, "Only differences",
// the origins above the table; in English and Chinese. Live targets: this
// machine read as the test runs (root or not), refreshed and removed, and an
// SSH host that does not exist, which says so and adds no column. With
// REFSCOPE_SCREENSHOTS_DIR set it saves what it shows as PNGs there. Also
// where the window shows other files' origins: the status bar for a saved
// snapshot, the timeline's header for a trace.dat and a session.
#include "../../sanitizers/timescale.h"
#include "compare/comparewindow.h"
#include "inventory/kmodreader.h"
#include "inventory/snapshotjson.h"
#include "models/comparemodel.h"
#include "settings/uilanguage.h"
#include "sources/filesnapshotsource.h"
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace refscope;

namespace {

const QString kFixtures = QStringLiteral(REFSCOPE_FIXTURES_DIR "/");

CompareTarget examples61()
{
    CompareTarget target{QStringLiteral("guest-examples.json"), {}};
    QString error;
    if (!FileSnapshotSource::readFile(kFixtures + target.label, &target.snapshot, &error))
        qFatal("%s", qPrintable(error));
    return target;
}

int rowOf(const QAbstractItemModel *model, const QString &module)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data().toString() == module)
            return r;
    return -1;
}

} // namespace

class TestCompareWindow : public QObject {
    Q_OBJECT
private slots:
    void comparesTwoKernels_data();
    void comparesTwoKernels();
    void badFileIsRefused();
    void addsLiveTargets_data();
    void addsLiveTargets();
    void unreachableSshHostIsNotAdded();
    void windowOffersCompare();
    void timelineNamesTheRecordingMachine_data();
    void timelineNamesTheRecordingMachine();
};

void TestCompareWindow::comparesTwoKernels_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("onlyDifferences"); // the check box's text
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Only differences");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("仅显示差异");
}

void TestCompareWindow::comparesTwoKernels()
{
    QFETCH(QString, language);
    QFETCH(QString, onlyDifferences);
    QVERIFY(UiLanguage::install(language));
    CompareWindow window(examples61());
    QString error;
    QVERIFY2(window.addFile(kFixtures + QStringLiteral("guest-examples-6.12.json"), &error),
             qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *only = window.findChild<QCheckBox *>(QStringLiteral("onlyDifferences"));
    QVERIFY(only);
    QCOMPARE(only->text(), onlyDifferences);

    const QAbstractItemModel *shown = window.table()->model();
    CompareModel *model = window.model();
    QCOMPARE(shown->rowCount(), 23);
    QCOMPARE(shown->columnCount(), 1 + 2 * kCompareFieldCount);
    // Files captured before origins were recorded say so, in the language shown.
    const QString origins = window.findChild<QLabel *>(QStringLiteral("compareOrigins"))->text();
    QVERIFY2(origins.contains(QLatin1String("guest-examples-6.12.json")), qPrintable(origins));
    QVERIFY2(origins.contains(QLatin1String("6.12.118+deb12-amd64")), qPrintable(origins));
    QVERIFY2(language != QLatin1String("en") ||
                 origins.contains(QLatin1String("origin not recorded")),
             qPrintable(origins));

    // netfs: held by fscache on 6.1, by 9pnet on 6.12; only that cell differs.
    const int netfs = rowOf(shown, QStringLiteral("netfs"));
    QVERIFY(netfs >= 0);
    const QModelIndex holders = shown->index(netfs, model->columnOf(1, CompareField::Holders));
    QCOMPARE(holders.data().toString(), QStringLiteral("9p,9pnet"));
    QVERIFY(holders.data(Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(!shown->index(netfs, model->columnOf(1, CompareField::Refcount))
                 .data(Qt::BackgroundRole)
                 .value<QColor>()
                 .isValid() ||
            shown->index(netfs, model->columnOf(1, CompareField::Refcount))
                    .data(Qt::BackgroundRole)
                    .value<QColor>() != holders.data(Qt::BackgroundRole).value<QColor>());
    // overlay: loaded on 6.12 only.
    const int overlay = rowOf(shown, QStringLiteral("overlay"));
    QVERIFY(shown->index(overlay, model->columnOf(0, CompareField::Loaded))
                .data(CompareModel::DiffersRole)
                .toBool());

    only->click();
    QCOMPARE(shown->rowCount(), 10);
    QCOMPARE(rowOf(shown, QStringLiteral("count_demo")), -1);
    QVERIFY(rowOf(shown, QStringLiteral("virtio_ring")) >= 0);

    if (const QByteArray dir = qgetenv("REFSCOPE_SCREENSHOTS_DIR"); !dir.isEmpty()) {
        window.resize(1900, 520);
        QTest::qWait(50);
        const QString path = QDir(QString::fromLocal8Bit(dir))
                                 .filePath(QStringLiteral("compare-%1.png").arg(language));
        QVERIFY(window.grab().save(path));
    }
    UiLanguage::install(QStringLiteral("en"));
}

void TestCompareWindow::badFileIsRefused()
{
    CompareWindow window(examples61());
    QString error;
    QVERIFY(!window.addFile(QStringLiteral("/nonexistent/snapshot.json"), &error));
    QVERIFY2(error.contains(QLatin1String("/nonexistent/snapshot.json")), qPrintable(error));
    QCOMPARE(window.model()->comparison().targets.size(), 1);
}

void TestCompareWindow::addsLiveTargets_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("thisMachine"); // the header's name for it
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("this machine");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("本机");
}

// "This machine" read now (as root or not) beside the 6.1 guest's snapshot
// and the 6.12 guest's file: the machine running the tests loads (almost)
// none of the guest's modules, so they differ on "loaded". Then Refresh
// reads it again and removing it leaves the two files.
void TestCompareWindow::addsLiveTargets()
{
    QFETCH(QString, language);
    QFETCH(QString, thisMachine);
    QVERIFY(UiLanguage::install(language));
    CompareWindow window(examples61());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *menu = window.addMenu();
    QCOMPARE(menu->actions().size(), 4);
    const QByteArray shots = qgetenv("REFSCOPE_SCREENSHOTS_DIR");
    if (!shots.isEmpty()) {
        menu->popup(window.mapToGlobal(QPoint(window.width() - 200, 60)));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QVERIFY(menu->grab().save(
            QDir(QString::fromLocal8Bit(shots))
                .filePath(QStringLiteral("compare-add-menu-%1.png").arg(language))));
        menu->hide();
    }
    // No lab runs: the lab's guest is not offered.
    for (QAction *action : menu->actions())
        if (action->objectName() == QLatin1String("addLabGuestAction"))
            QVERIFY(!action->isVisible());

    QSignalSpy added(&window, &CompareWindow::targetAdded);
    QSignalSpy failed(&window, &CompareWindow::targetFailed);
    window.addThisMachine();
    QVERIFY(window.isReading());
    const auto *origins = window.findChild<QLabel *>(QStringLiteral("compareOrigins"));
    QVERIFY2(origins->text().contains(language == QLatin1String("en")
                                          ? QStringLiteral("Reading this machine…")
                                          : QStringLiteral("正在读取 本机…")),
             qPrintable(origins->text()));
    QCOMPARE(window.model()->comparison().targets.size(), 1); // not before it was read
    QTRY_COMPARE_WITH_TIMEOUT(window.model()->comparison().targets.size(), 2,
                              int(60000 * kTimeScale));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(added.size(), 1);
    QVERIFY(!window.isReading());
    const CompareTarget &local = window.model()->comparison().targets.at(1);
    QCOMPARE(local.snapshot.origin.kind, OriginKind::Local);
    QVERIFY2(origins->text().contains(local.snapshot.origin.host), qPrintable(origins->text()));

    QString error;
    QVERIFY2(window.addFile(kFixtures + QStringLiteral("guest-examples-6.12.json"), &error),
             qPrintable(error));
    CompareModel *model = window.model();
    QCOMPARE(model->comparison().targets.size(), 3);
    QCOMPARE(model->columnCount(), 1 + 3 * kCompareFieldCount);
    // Headers name each target by its origin and kernel.
    const QString localHeader =
        model->headerData(model->columnOf(1, CompareField::Loaded), Qt::Horizontal).toString();
    QVERIFY2(localHeader.contains(thisMachine) &&
                 localHeader.contains(local.snapshot.origin.kernelRelease),
             qPrintable(localHeader));
    QVERIFY(model->headerData(model->columnOf(2, CompareField::Loaded), Qt::Horizontal)
                .toString()
                .contains(QLatin1String("6.12.118+deb12-amd64")));
    // count_demo (the lab's example module) is loaded in both guests, not here.
    const int countDemo = rowOf(model, QStringLiteral("count_demo"));
    QVERIFY(countDemo >= 0);
    QVERIFY(!model->comparison().rows.at(countDemo).perTarget.at(1).has_value());
    QVERIFY(model->index(countDemo, model->columnOf(1, CompareField::Loaded))
                .data(CompareModel::DiffersRole)
                .toBool());
    const int differing = model->comparison().differingRows();
    QVERIFY2(differing >= 15, qPrintable(QString::number(differing)));

    if (const QByteArray dir = qgetenv("REFSCOPE_SCREENSHOTS_DIR"); !dir.isEmpty()) {
        window.resize(1900, 560);
        QTest::qWait(50);
        const QString path = QDir(QString::fromLocal8Bit(dir))
                                 .filePath(QStringLiteral("compare-live-%1.png").arg(language));
        QVERIFY(window.grab().save(path));
    }

    // Refresh reads this machine again; the files stay as they were.
    auto *refresh = window.findChild<QPushButton *>(QStringLiteral("compareRefreshButton"));
    QVERIFY(refresh && refresh->isEnabled());
    refresh->click();
    QVERIFY(window.isReading());
    QVERIFY2(origins->text().contains(language == QLatin1String("en") ? QStringLiteral("reading…")
                                                                      : QStringLiteral("读取中")),
             qPrintable(origins->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isReading(), int(60000 * kTimeScale));
    QCOMPARE(model->comparison().targets.size(), 3);
    QVERIFY(failed.isEmpty());

    // Removing this machine leaves the two guests; nothing live is left to refresh.
    window.removeTarget(1);
    QCOMPARE(model->comparison().targets.size(), 2);
    QCOMPARE(model->comparison().targets.at(1).label, QStringLiteral("guest-examples-6.12.json"));
    QVERIFY(!refresh->isEnabled());
    QCOMPARE(model->comparison().differingRows(), 10);
    UiLanguage::install(QStringLiteral("en"));
}

// A host that does not exist: a sentence naming it, and no column.
void TestCompareWindow::unreachableSshHostIsNotAdded()
{
    CompareWindow window(examples61());
    QString error;
    QVERIFY(!window.addSshHost(QStringLiteral("@nohost"), &error));
    QVERIFY2(!error.isEmpty(), "a destination without a user name is refused");
    QSignalSpy failed(&window, &CompareWindow::targetFailed);
    QSignalSpy added(&window, &CompareWindow::targetAdded);
    QVERIFY(window.addSshHost(QStringLiteral("nonexistent.invalid"), &error));
    QVERIFY(window.isReading());
    QVERIFY(failed.wait(int(60000 * kTimeScale)));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("nonexistent.invalid")), qPrintable(message));
    QCOMPARE(window.problem(), message);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("compareProblem"))->isVisibleTo(&window));
    QCOMPARE(window.model()->comparison().targets.size(), 1);
    QCOMPARE(window.model()->columnCount(), 1 + kCompareFieldCount);
    QVERIFY(!window.isReading());
    QVERIFY(added.isEmpty());
    QTest::qWait(200); // a second word from the same connection adds nothing
    QCOMPARE(failed.size(), 1);
    if (const QByteArray dir = qgetenv("REFSCOPE_SCREENSHOTS_DIR"); !dir.isEmpty()) {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1100, 300);
        QTest::qWait(50);
        QVERIFY(window.grab().save(
            QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("compare-ssh-failed.png"))));
    }
}

// The main window's File menu opens it; a saved snapshot shows its origin
// in the status bar.
void TestCompareWindow::windowOffersCompare()
{
    MainWindow main;
    QVERIFY(main.findChild<QAction *>(QStringLiteral("compareAction")));
    main.setSource(new FileSnapshotSource(kFixtures + QStringLiteral("guest-examples.json")));
    auto *label = main.findChild<QLabel *>(QStringLiteral("sourceLabel"));
    QTRY_VERIFY2(label->text().contains(QLatin1String("origin not recorded")),
                 qPrintable(label->text()));

    // A snapshot saved now records this machine: opened, it says so.
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("this-machine.json"));
    QFile file(saved);
    const Snapshot local = readLocalSnapshot({.modinfo = false, .builtin = false});
    QVERIFY(file.open(QIODevice::WriteOnly) &&
            file.write(QJsonDocument(snapshotToJson(local)).toJson()) > 0);
    file.close();
    main.setSource(new FileSnapshotSource(saved));
    const QString expected = originText(local.origin);
    QVERIFY(expected.contains(local.origin.host));
    QTRY_VERIFY2(label->text().endsWith(expected), qPrintable(label->text()));
}

void TestCompareWindow::timelineNamesTheRecordingMachine_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("origin");
    // trace-cmd's uname in the file's header: the lab guest on 6.1.0-56.
    QTest::newRow("trace.dat") << QStringLiteral(REFSCOPE_TRACES_DIR "/loop-with-stacks.dat")
                               << QStringLiteral("recorded by trace-cmd · host (none) · kernel "
                                                 "6.1.0-56-amd64");
    // A session written before sessions kept their origin.
    QTest::newRow("session v1") << kFixtures + QStringLiteral("session-v1-loop.rscope")
                                << QStringLiteral("origin not recorded");
}

// The timeline's header names where the recording was made.
void TestCompareWindow::timelineNamesTheRecordingMachine()
{
    QFETCH(QString, path);
    QFETCH(QString, origin);
    TimelineWidget timeline;
    QSignalSpy changed(&timeline, &TimelineWidget::storeChanged);
    timeline.openRecording(path);
    QVERIFY(changed.wait(30000 * kTimeScale));
    QVERIFY2(timeline.description().endsWith(QStringLiteral(" — ") + origin),
             qPrintable(timeline.description()));
}

QTEST_MAIN(TestCompareWindow)
#include "tst_compare_window.moc"
