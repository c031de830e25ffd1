#include "recentfilesmenu.h"

#include "usersettings.h"

#include <QDir>
#include <QFileInfo>

namespace refscope {

RecentFilesMenu::RecentFilesMenu(QWidget *parent) : QMenu(tr("Open &Recent"), parent)
{
    setObjectName(QStringLiteral("recentFilesMenu"));
    setToolTipsVisible(true);
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::rebuild);
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    int number = 0;
    for (const QString &path : UserSettings().recentFiles()) {
        if (!QFileInfo::exists(path))
            continue;
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
    if (number == 0) {
        addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    addSeparator();
    addAction(tr("&Clear the list"), this, [] { UserSettings().clearRecentFiles(); });
}

} // namespace refscope
