// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's habits: its menus (File with the recent files and the
// settings, View with the docks and toolbars, Help), and its geometry and
// dock layout kept across runs. The window builds its own actions; this
// gathers them into menus and remembers where the user left things.
#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace refscope {

class RecentFilesMenu;

class WindowSettings : public QObject {
    Q_OBJECT
public:
    // Saves the window's geometry and layout when it closes.
    explicit WindowSettings(QMainWindow *window);

    // File (fileActions, Open Recent, Settings…, Quit), View and Help.
    void addMenus(const QList<QAction *> &fileActions);
    QMenu *fileMenu() const { return m_fileMenu; }

    // Puts the saved geometry and dock layout back; call once the docks and
    // toolbars exist (restoreState matches them by objectName).
    void restoreWindow();
    void addRecentFile(const QString &path);

signals:
    void recentFileChosen(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showSettings();
    void showLifecycle();
    void showAbout();

    QMainWindow *m_window;
    QMenu *m_fileMenu = nullptr;
    RecentFilesMenu *m_recent = nullptr;
};

} // namespace refscope
