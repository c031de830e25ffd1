// File → Open Recent: the snapshots (and, later, traces) opened or saved
// last, most recent first, read from UserSettings each time the menu opens
// so that every window shows the same list. Files gone from disk are left
// out rather than offered and then failing.
#pragma once

#include <QMenu>

namespace refscope {

class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    explicit RecentFilesMenu(QWidget *parent = nullptr);

    // Fills the menu from the settings; aboutToShow calls it.
    void rebuild();

signals:
    void fileChosen(const QString &path);
};

} // namespace refscope
