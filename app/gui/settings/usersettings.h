// SPDX-License-Identifier: GPL-3.0-or-later
// Everything RefScope remembers between runs, in one QSettings file named
// after the application (~/.config/RefScope/refscope.conf for the app, set
// up by applySavedSettings(); a test program gets its own): the language,
// the colour scheme, the recent files and the main window's geometry and
// dock layout. The keys live here only, so no two parts of the GUI spell
// one differently.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace refscope {

enum class ColorScheme { System, Light, Dark };

class UserSettings {
public:
    UserSettings();

    // "" follows the system; else "en", "zh_CN" or "zh_TW".
    QString language() const;
    void setLanguage(const QString &language);

    ColorScheme colorScheme() const;
    void setColorScheme(ColorScheme scheme);

    // Most recent first, at most kMaxRecentFiles, absolute paths.
    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFiles(const QStringList &paths);
    void clearRecentFiles();
    static constexpr int kMaxRecentFiles = 8;

    // The kernel the lab boots, as chosen in the Lab panel; empty: the lab's
    // default (labKernelRelease()).
    QString labKernel() const;
    void setLabKernel(const QString &release);

    // [USER@]HOST[:PORT] the Compare window read over SSH, most recent
    // first, at most kMaxRecentSshHosts.
    QStringList recentSshHosts() const;
    void addRecentSshHost(const QString &host);
    static constexpr int kMaxRecentSshHosts = 8;

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindow(const QByteArray &geometry, const QByteArray &state);

private:
    QSettings m_settings;
};

} // namespace refscope
