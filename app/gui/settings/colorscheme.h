// SPDX-License-Identifier: GPL-3.0-or-later
// Light or dark. Qt 6.4 has no colour-scheme hint (QStyleHints::colorScheme
// arrived in 6.5), so "System" reads the desktop's preference itself: the
// platform palette, GTK_THEME, and GNOME's color-scheme setting. When the
// desktop wants dark but the platform theme paints light (no dark Qt theme
// installed), RefScope paints its own dark palette with the Fusion style.
#pragma once

#include "settings/usersettings.h"

#include <QPalette>

namespace refscope {

class ColorSchemes {
public:
    static bool desktopPrefersDark();
    static QPalette darkPalette();
    // Applies scheme to the running application, immediately.
    static void apply(ColorScheme scheme);
    // Whether the application's palette is dark right now.
    static bool isDark();
};

} // namespace refscope
