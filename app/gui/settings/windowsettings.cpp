// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/windowsettings.h"

#include "settings/recentfilesmenu.h"
#include "settings/settingsdialog.h"
#include "settings/usersettings.h"
#include "teaching/teaching.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QStyle>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace refscope {

namespace {
// Long enough to read a few file names.
constexpr int kPrunedMessageMs = 10000;
// The share of the screen the window takes on its first run.
constexpr double kScreenShare = 0.85;
} // namespace

WindowSettings::WindowSettings(QMainWindow *window) : QObject(window), m_window(window)
{
    window->installEventFilter(this);
}

void WindowSettings::addMenus(const QList<QAction *> &fileActions)
{
    m_fileMenu = m_window->menuBar()->addMenu(tr("&File"));
    m_fileMenu->addActions(fileActions);
    m_recent = new RecentFilesMenu(m_window);
    connect(m_recent, &RecentFilesMenu::fileChosen, this, [this](const QString &path) {
        addRecentFile(path); // to the top of the list
        emit recentFileChosen(path);
    });
    connect(m_recent, &RecentFilesMenu::filesPruned, this, [this](const QStringList &paths) {
        QStringList names;
        for (const QString &path : paths)
            names.append(QFileInfo(path).fileName());
        m_window->statusBar()->showMessage(
            tr("No longer on disk, removed from the recent files: %1")
                .arg(QLocale().createSeparatedList(names)),
            kPrunedMessageMs);
    });
    m_fileMenu->addMenu(m_recent);
    m_fileMenu->addSeparator();
    QAction *settings =
        m_fileMenu->addAction(tr("&Settings…"), this, &WindowSettings::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    QAction *quit = m_fileMenu->addAction(tr("&Quit"), m_window, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // Docks and toolbars other parts of the GUI add later show up too: the
    // menu is built when it opens.
    QMenu *view = m_window->menuBar()->addMenu(tr("&View"));
    connect(view, &QMenu::aboutToShow, this, [this, view] {
        view->clear();
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
            view->addAction(dock->toggleViewAction());
        view->addSeparator();
        for (QToolBar *bar : m_window->findChildren<QToolBar *>())
            view->addAction(bar->toggleViewAction());
    });

    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    QAction *lifecycle =
        help->addAction(tr("How a &module lives…"), this, &WindowSettings::showLifecycle);
    lifecycle->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About RefScope"), this, &WindowSettings::showAbout)
        ->setMenuRole(QAction::AboutRole);
}

void WindowSettings::restoreWindow()
{
    const UserSettings settings;
    const QScreen *screen = m_window->screen();
    const QRect available = screen ? screen->availableGeometry() : QRect();
    if (!m_window->restoreGeometry(settings.windowGeometry()) && available.isValid()) {
        // The first run: most of the screen, so the table's and the docks'
        // columns fit, on a large screen as on a small one.
        const QSize size = (available.size() * kScreenShare)
                               .expandedTo(m_window->size())
                               .boundedTo(available.size());
        m_window->setGeometry(
            QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
    }
    // Never larger than the screen, even one smaller than when it was saved.
    if (available.isValid())
        m_window->resize(m_window->size().boundedTo(available.size()));
    m_window->restoreState(settings.windowState());
}

void WindowSettings::addRecentFile(const QString &path)
{
    UserSettings().addRecentFile(path);
}

bool WindowSettings::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        UserSettings().setWindow(m_window->saveGeometry(), m_window->saveState());
    return QObject::eventFilter(watched, event);
}

void WindowSettings::showSettings()
{
    SettingsDialog(m_window).exec();
}

void WindowSettings::showLifecycle()
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("How a module lives"));
    auto *text = new QTextBrowser;
    text->setHtml(Teaching::lifecycleHtml());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(dialog.fontMetrics().averageCharWidth() * 80, dialog.fontMetrics().height() * 30);
    dialog.exec();
}

void WindowSettings::showAbout()
{
    QMessageBox::about(
        m_window, tr("About RefScope"),
        tr("<p><b>RefScope %1</b></p><p>Shows why a Linux kernel module cannot be unloaded: "
           "its reference count over time, who holds it, and how to let it go safely.</p>"
           "<p>License: GPL-3.0-or-later (the kernel modules: GPL-2.0).</p>")
            .arg(QApplication::applicationVersion()));
}

} // namespace refscope
