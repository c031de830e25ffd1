// SPDX-License-Identifier: GPL-3.0-or-later
// File → Open Recent: the snapshots, trace files and sessions opened or
// saved last, most recent first, read from UserSettings each time the menu
// opens so that every window shows the same list. Files gone from disk are
// dropped from the list (filesPruned says which) rather than offered and
// then failing.
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
    // rebuild() dropped these files: they are no longer on disk.
    void filesPruned(const QStringList &paths);
};

} // namespace refscope
