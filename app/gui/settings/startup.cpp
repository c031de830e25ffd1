// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/startup.h"

#include "settings/colorscheme.h"
#include "settings/uilanguage.h"
#include "settings/usersettings.h"

#include <QApplication>
#include <QIcon>

namespace refscope {

void applySavedSettings()
{
    QApplication::setOrganizationName(QStringLiteral("RefScope"));
    // Wayland matches the window to the .desktop entry (and its icon) by this.
    QApplication::setDesktopFileName(QStringLiteral("org.refscope.RefScope"));
    const UserSettings settings;
    UiLanguage::install(UiLanguage::resolve(settings.language()));
    ColorSchemes::apply(settings.colorScheme());
    // The installed theme icon when there is one (the desktop may scale or
    // restyle it), else the SVG compiled in: sharp at any scale factor.
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.refscope.RefScope"),
                                                 QIcon(QStringLiteral(":/icons/refscope.svg"))));
}

} // namespace refscope
