// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/recentfilesmenu.h"

#include "settings/usersettings.h"

#include <QDir>
#include <QFileInfo>

namespace refscope {

RecentFilesMenu::RecentFilesMenu(QWidget *parent) : QMenu(tr("Open &Recent"), parent)
{
    setObjectName(QStringLiteral("recentFilesMenu"));
    setToolTipsVisible(true);
    // Filled when it opens, so that a file found missing is reported to
    // whoever is listening by then, at the moment the user looks.
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::rebuild);
}

void RecentFilesMenu::rebuild()
{
    clear();
    int number = 0;
    QStringList missing;
    for (const QString &path : UserSettings().recentFiles()) {
        if (!QFileInfo::exists(path)) {
            missing.append(path);
            continue;
        }
        ++number;
        // "&1 name" gives the first nine an accelerator key; the full path
        // is the tooltip and the status tip.
        const QString text =
            number < 10 ? QStringLiteral("&%1 %2").arg(number).arg(QFileInfo(path).fileName())
                        : QFileInfo(path).fileName();
        QAction *action = addAction(text, this, [this, path] { emit fileChosen(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (!missing.isEmpty()) {
        UserSettings().removeRecentFiles(missing);
        emit filesPruned(missing);
    }
    if (number == 0) {
        addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    addSeparator();
    addAction(tr("&Clear the list"), this, [] { UserSettings().clearRecentFiles(); });
}

} // namespace refscope
