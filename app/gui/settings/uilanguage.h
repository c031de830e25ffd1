// SPDX-License-Identifier: GPL-3.0-or-later
// The languages RefScope speaks: English (the source), Simplified Chinese
// and Traditional Chinese. The translations are compiled into the binary
// (":/i18n/refscope_<code>.qm"); Qt's own (qtbase_<code>.qm, the standard
// dialogs' buttons) come from Qt's translations directory.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace refscope {

class UiLanguage {
public:
    // "en", "zh_CN", "zh_TW".
    static QStringList codes();
    // The language's own name ("简体中文"): a reader of that language finds
    // it whatever language the dialog is in.
    static QString nativeName(const QString &code);
    // The language for a setting ("" follows the locale): Chinese in a
    // Traditional script or from Taiwan, Hong Kong or Macao is zh_TW, other
    // Chinese is zh_CN, anything else English.
    static QString resolve(const QString &setting, const QLocale &system = QLocale::system());
    // Replaces the application's translators with code's; false (and
    // English) when RefScope's own translation cannot be loaded.
    static bool install(const QString &code);
};

} // namespace refscope
