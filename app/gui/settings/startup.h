// SPDX-License-Identifier: GPL-3.0-or-later
// What the application sets up before its first window: where its settings
// live, the saved language (or the system's), the saved colour scheme, the
// application icon and the desktop entry it belongs to.
#pragma once

namespace refscope {

// Call right after the QApplication exists, before any text is translated.
void applySavedSettings();

} // namespace refscope
