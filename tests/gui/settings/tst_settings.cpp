// SPDX-License-Identifier: GPL-3.0-or-later
// The habits: the language follows the locale, recent files keep their
// order and limit, the colour scheme changes the palette at once, and the
// main window comes back with the geometry and dock layout it closed with.
#include "settings/colorscheme.h"
#include "settings/recentfilesmenu.h"
#include "settings/uilanguage.h"
#include "settings/usersettings.h"
#include "settings/windowsettings.h"
#include "window/detailsdock.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QMenuBar>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace refscope;

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void languageFollowsTheLocale_data();
    void languageFollowsTheLocale();
    void recentFiles();
    void recentFilesMenu();
    void recentSshHosts();
    void colorScheme();
    void windowLayoutPersists();
    void windowFitsTheScreen();
    void menusAndShortcuts();
};

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestSettings::languageFollowsTheLocale_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("language");
    QTest::newRow("mainland") << QString() << "zh_CN"
                              << "zh_CN";
    QTest::newRow("singapore") << QString() << "zh_SG"
                               << "zh_CN";
    QTest::newRow("taiwan") << QString() << "zh_TW"
                            << "zh_TW";
    QTest::newRow("hong kong") << QString() << "zh_HK"
                               << "zh_TW";
    QTest::newRow("traditional script") << QString() << "zh_Hant_CN"
                                        << "zh_TW";
    QTest::newRow("german") << QString() << "de_DE"
                            << "en";
    QTest::newRow("chosen over locale") << "zh_TW"
                                        << "en_US"
                                        << "zh_TW";
    QTest::newRow("unknown setting") << "fr"
                                     << "zh_CN"
                                     << "zh_CN";
}

void TestSettings::languageFollowsTheLocale()
{
    QFETCH(QString, setting);
    QFETCH(QString, locale);
    QFETCH(QString, language);
    QCOMPARE(UiLanguage::resolve(setting, QLocale(locale)), language);
}

void TestSettings::recentFiles()
{
    UserSettings settings;
    settings.clearRecentFiles();
    for (int i = 0; i < UserSettings::kMaxRecentFiles + 3; ++i)
        settings.addRecentFile(QStringLiteral("/tmp/snapshot-%1.json").arg(i));
    settings.addRecentFile(QStringLiteral("/tmp/snapshot-5.json"));
    const QStringList files = settings.recentFiles();
    QCOMPARE(files.size(), UserSettings::kMaxRecentFiles);
    QCOMPARE(files.first(), QStringLiteral("/tmp/snapshot-5.json"));
    QCOMPARE(files.count(QStringLiteral("/tmp/snapshot-5.json")), 1);
    QCOMPARE(files.at(1),
             QStringLiteral("/tmp/snapshot-%1.json").arg(UserSettings::kMaxRecentFiles + 2));
    settings.clearRecentFiles();
    QVERIFY(settings.recentFiles().isEmpty());
}

void TestSettings::recentFilesMenu()
{
    QTemporaryDir dir;
    const QString kept = dir.filePath(QStringLiteral("kept.json"));
    QFile(kept).open(QIODevice::WriteOnly);
    UserSettings().addRecentFile(dir.filePath(QStringLiteral("deleted.json")));
    UserSettings().addRecentFile(kept);

    RecentFilesMenu menu;
    QSignalSpy pruned(&menu, &RecentFilesMenu::filesPruned);
    menu.rebuild();
    // The file gone from disk is left out, and dropped from the list with
    // a word about it; then a separator and "Clear".
    QCOMPARE(menu.actions().size(), 3);
    QCOMPARE(menu.actions().first()->toolTip(), kept);
    QCOMPARE(pruned.size(), 1);
    QCOMPARE(pruned.first().first().toStringList(),
             QStringList{dir.filePath(QStringLiteral("deleted.json"))});
    QCOMPARE(UserSettings().recentFiles(), QStringList{kept});
    QSignalSpy chosen(&menu, &RecentFilesMenu::fileChosen);
    menu.actions().first()->trigger();
    QCOMPARE(chosen.value(0).value(0).toString(), kept);
    menu.actions().last()->trigger();
    menu.rebuild();
    QCOMPARE(menu.actions().size(), 1);
    QVERIFY(!menu.actions().first()->isEnabled());
}

// The Compare window's "An SSH host…" offers these, most recent first.
void TestSettings::recentSshHosts()
{
    UserSettings settings;
    QVERIFY(settings.recentSshHosts().isEmpty());
    for (int i = 0; i < UserSettings::kMaxRecentSshHosts + 2; ++i)
        settings.addRecentSshHost(QStringLiteral("root@box%1:2222").arg(i));
    settings.addRecentSshHost(QStringLiteral("root@box3:2222"));
    const QStringList hosts = UserSettings().recentSshHosts();
    QCOMPARE(hosts.size(), UserSettings::kMaxRecentSshHosts);
    QCOMPARE(hosts.first(), QStringLiteral("root@box3:2222"));
    QCOMPARE(hosts.count(QStringLiteral("root@box3:2222")), 1);
    QCOMPARE(hosts.at(1),
             QStringLiteral("root@box%1:2222").arg(UserSettings::kMaxRecentSshHosts + 1));
}

void TestSettings::colorScheme()
{
    ColorSchemes::apply(ColorScheme::Dark);
    QVERIFY(ColorSchemes::isDark());
    QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 128);
    ColorSchemes::apply(ColorScheme::Light);
    QVERIFY(!ColorSchemes::isDark());
    ColorSchemes::apply(ColorScheme::System);
    QCOMPARE(ColorSchemes::isDark(), ColorSchemes::desktopPrefersDark());
}

void TestSettings::windowLayoutPersists()
{
    QRect geometry;
    {
        MainWindow window;
        window.show();
        window.setGeometry(40, 50, 900, 640);
        auto *dock = window.findChild<DetailsDock *>();
        window.addDockWidget(Qt::LeftDockWidgetArea, dock);
        QTest::qWait(50);
        geometry = window.geometry();
        window.close();
    }
    MainWindow again;
    QCOMPARE(again.geometry().size(), geometry.size());
    QCOMPARE(again.dockWidgetArea(again.findChild<DetailsDock *>()), Qt::LeftDockWidgetArea);
}

void TestSettings::windowFitsTheScreen()
{
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    // The first run takes most of the screen, never more than all of it.
    QSettings().clear();
    {
        MainWindow window;
        QVERIFY2(available.contains(window.geometry()),
                 qPrintable(QStringLiteral("%1×%2").arg(window.width()).arg(window.height())));
        QVERIFY(window.width() >= available.width() * 0.8);
        QVERIFY(window.height() >= available.height() * 0.8);
        window.show();
        // Saved larger than this screen (another monitor's size).
        window.setGeometry(0, 0, available.width() + 600, available.height() + 400);
        window.close();
    }
    MainWindow again;
    QVERIFY(again.width() <= available.width());
    QVERIFY(again.height() <= available.height());
}

void TestSettings::menusAndShortcuts()
{
    MainWindow window;
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus.append(action->text());
    QCOMPARE(menus, QStringList({"&File", "&Module", "&Targets", "&View", "&Help"}));
    QStringList shortcuts;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (!action->shortcut().isEmpty())
            shortcuts.append(action->shortcut().toString());
    }
    for (const auto key : {QKeySequence::Open, QKeySequence::Save, QKeySequence::Refresh,
                           QKeySequence::Find, QKeySequence::Quit, QKeySequence::Preferences}) {
        const QString text = QKeySequence(key).toString();
        // Some standard keys have no binding on this platform (Preferences).
        if (!text.isEmpty())
            QVERIFY2(shortcuts.contains(text), qPrintable(text));
    }
}

int main(int argc, char **argv)
{
    // A screen larger than the window's old fixed first size, as most are
    // (the offscreen platform's own is 800×600).
    qputenv("QT_QPA_PLATFORM",
            "offscreen:configfile=" REFSCOPE_SOURCE_DIR "/tests/gui/settings/large-screen.json");
    QApplication app(argc, argv);
    TestSettings test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_settings.moc"
