// SPDX-License-Identifier: GPL-3.0-or-later
// The main views in English, Simplified and Traditional Chinese, and the
// lab view in the dark palette too, on the offscreen platform: every
// visible label and button is at least as large as its size hint (a
// word-wrapped label: as tall as its text needs at its width), every table
// header section fits its text, and each view is saved as a PNG in the
// build directory (tests/gui/i18n/<language>-<view>.png) for a person to
// look at.
#include "holders/holderreportjson.h"
#include "inventory/snapshotjson.h"
#include "recording/recording.h"
#include "release/releasedialog.h"
#include "settings/colorscheme.h"
#include "settings/settingsdialog.h"
#include "settings/uilanguage.h"
#include "sources/filesnapshotsource.h"
#include "teaching/teaching.h"
#include "timeline/timelinewidget.h"
#include "window/labpanel.h"
#include "window/mainwindow.h"
#include "window/moduleinfodialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>

using namespace refscope;

namespace {

// The tooltips the details pane's text carries.
QStringList toolTips(const QTextBrowser *browser)
{
    QStringList tips;
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (!it.fragment().charFormat().toolTip().isEmpty())
                tips.append(it.fragment().charFormat().toolTip());
        }
    }
    return tips;
}

QString describe(const QWidget *widget, const QString &text)
{
    return QStringLiteral("%1 %2 \"%3\"")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
             text.left(60));
}

// What is cut off in root's visible widgets, one line each.
QStringList clipped(QWidget *root)
{
    QStringList found;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || label->text().isEmpty())
            continue;
        const QSize hint = label->sizeHint();
        const bool fits = label->wordWrap()
                              ? label->heightForWidth(label->width()) <= label->height()
                              : hint.width() <= label->width() && hint.height() <= label->height();
        if (!fits)
            found.append(
                describe(label, label->text()) +
                QStringLiteral(": needs %1x%2, has %3x%4")
                    .arg(hint.width())
                    .arg(label->wordWrap() ? label->heightForWidth(label->width()) : hint.height())
                    .arg(label->width())
                    .arg(label->height()));
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(root) || button->text().isEmpty())
            continue;
        const QSize hint = button->sizeHint();
        if (hint.width() > button->width() || hint.height() > button->height())
            found.append(describe(button, button->text()) +
                         QStringLiteral(": needs %1x%2, has %3x%4")
                             .arg(hint.width())
                             .arg(hint.height())
                             .arg(button->width())
                             .arg(button->height()));
    }
    // A toolbar too narrow for its buttons moves the last ones into an
    // overflow menu: hidden from the user, and from the checks above.
    for (QToolBar *bar : root->findChildren<QToolBar *>()) {
        auto *more = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
        if (bar->isVisibleTo(root) && more && more->isVisibleTo(root))
            found.append(describe(bar, bar->windowTitle()) +
                         QStringLiteral(": buttons pushed out of view"));
    }
    for (QTableView *table : root->findChildren<QTableView *>()) {
        if (!table->isVisibleTo(root))
            continue;
        QHeaderView *header = table->horizontalHeader();
        for (int section = 0; section < header->count(); ++section) {
            if (header->isSectionHidden(section))
                continue;
            const QString text = table->model()->headerData(section, Qt::Horizontal).toString();
            if (header->sectionSize(section) < header->sectionSizeHint(section))
                found.append(describe(table, text) + QStringLiteral(": header needs %1, has %2")
                                                         .arg(header->sectionSizeHint(section))
                                                         .arg(header->sectionSize(section)));
        }
    }
    return found;
}

void settle()
{
    // Layouts update on posted events; the graph lays out in the background.
    QTest::qWait(300);
}

void check(QWidget *root, const QString &name)
{
    settle();
    const QString dir = QStringLiteral(REFSCOPE_BINARY_DIR "/tests/gui/i18n");
    QDir().mkpath(dir);
    QVERIFY(root->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    QStringList problems = clipped(root);
    // The window manager draws the title, beside its buttons (about 120
    // pixels of them): a title wider than that is cut there.
    const int title = root->fontMetrics().horizontalAdvance(root->windowTitle());
    if (title + 120 > root->width())
        problems.append(QStringLiteral("title \"%1\" needs %2, has %3")
                            .arg(root->windowTitle())
                            .arg(title + 120)
                            .arg(root->width()));
    QVERIFY2(problems.isEmpty(),
             qPrintable(name + QStringLiteral(":\n") + problems.join(QLatin1Char('\n'))));
}

} // namespace

class TestUnclipped : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void mainViews_data();
    void mainViews();
    void cleanupTestCase();
};

void TestUnclipped::initTestCase()
{
    // No saved window layout from a real session gets in the way.
    QStandardPaths::setTestModeEnabled(true);
}

void TestUnclipped::mainViews_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &code : UiLanguage::codes())
        QTest::newRow(qPrintable(code)) << code;
}

void TestUnclipped::mainViews()
{
    QFETCH(QString, language);
    QVERIFY(UiLanguage::install(language));

    MainWindow window;
    window.resize(1280, 800);
    window.setSource(
        new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-devices-held.json")));
    QSignalSpy ready(window.source(), &SnapshotSource::snapshotReady);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 30000);
    window.selectModule(QStringLiteral("tun"));
    // The details pane explains its fields in the same language.
    const QStringList tips =
        toolTips(window.findChild<QTextBrowser *>(QStringLiteral("detailsFields")));
    QVERIFY2(tips.contains(Teaching::refcount()), qPrintable(tips.join(QLatin1Char('\n'))));

    // A recording of modules this snapshot lacks: their rows ("in the
    // recording only") and, on the timeline, every module in its lane.
    QString error;
    std::shared_ptr<EventStore> recording =
        openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/three-modules-1.6M.dat"), &error);
    QVERIFY2(recording, qPrintable(error));
    auto *timeline = window.findChild<TimelineWidget *>();
    timeline->setStore(recording, QStringLiteral("three-modules-1.6M.dat"));
    timeline->findChild<QAction *>(QStringLiteral("everyModuleAction"))->setChecked(true);

    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    QVERIFY(tabs);
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        const QString view = tabs->widget(tab)->objectName();
        check(&window, QStringLiteral("%1-%2").arg(language, view));
    }

    // The toolbars' buttons say what they do, in the window's language.
    auto *openGL = timeline->findChild<QAction *>(QStringLiteral("openGLAction"));
    auto *live = window.findChild<QAction *>(QStringLiteral("liveAction"));
    QVERIFY(openGL && live);
    for (const QAction *action : {openGL, live}) {
        QVERIFY2(!action->toolTip().isEmpty() && action->toolTip() != action->text(),
                 qPrintable(action->objectName()));
        if (language != QLatin1String("en"))
            QVERIFY2(!action->toolTip().contains(QLatin1String("Draw")) &&
                         !action->toolTip().contains(QLatin1String("Refresh")) &&
                         action->text() != QLatin1String("Live"),
                     qPrintable(action->text() + u' ' + action->toolTip()));
    }

    // The lab dock, with a scenario's walk-through showing.
    tabs->setCurrentIndex(0);
    auto *lab = window.findChild<LabPanel *>();
    lab->show();
    window.findChild<QListWidget *>(QStringLiteral("labScenarios"))->setCurrentRow(1);
    check(&window, QStringLiteral("%1-lab").arg(language));

    // The dark palette: the same window, nothing clipped, readable.
    ColorSchemes::apply(ColorScheme::Dark);
    check(&window, QStringLiteral("%1-lab-dark").arg(language));
    ColorSchemes::apply(ColorScheme::Light);

    SettingsDialog settings(&window);
    settings.show();
    check(&settings, QStringLiteral("%1-settings").arg(language));

    // Module information of a module with parameters.
    window.selectModule(QStringLiteral("loop"));
    window.findChild<QAction *>(QStringLiteral("moduleInfoAction"))->trigger();
    auto *info = window.findChild<ModuleInfoDialog *>();
    QVERIFY(info);
    check(info, QStringLiteral("%1-module-information").arg(language));
    info->close();

    // The force release dialog on the guest's count_demo, as it opens (the
    // run button's longest text: nothing preselected, "try anyway").
    // The guest's report with its sentence codes, as today's agent answers:
    // its verdict and steps in the window's language, not the English of a
    // report from before the codes.
    QFile json(
        QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/gui/holders/fixtures/holders-count_demo.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    HolderReport report;
    QVERIFY(
        holderReportFromJson(QJsonDocument::fromJson(json.readAll()).object(), &report, &error));
    KernelModuleSupport support;
    support.loadable = support.unloadable = support.forceUnload = true;
    ReleaseDialog release(QStringLiteral("count_demo"), support, nullptr, &window);
    release.setReport(report);
    release.show();
    check(&release, QStringLiteral("%1-release").arg(language));
    const QString verdict = release.findChild<QLabel *>(QStringLiteral("releaseVerdict"))->text();
    if (language != QLatin1String("en")) {
        QVERIFY2(!verdict.contains(QLatin1String("is in use")), qPrintable(verdict));
        QVERIFY2(!release.windowTitle().contains(QLatin1String("Force release")),
                 qPrintable(release.windowTitle()));
    }
}

void TestUnclipped::cleanupTestCase()
{
    UiLanguage::install(QStringLiteral("en"));
}

QTEST_MAIN(TestUnclipped)
#include "tst_unclipped.moc"
