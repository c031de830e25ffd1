// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/usersettings.h"

#include <QFileInfo>

namespace refscope {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kColorScheme = QStringLiteral("ui/colorScheme");
const QString kRecentFiles = QStringLiteral("files/recent");
const QString kLabKernel = QStringLiteral("lab/kernel");
const QString kRecentSshHosts = QStringLiteral("ssh/recentHosts");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
} // namespace

UserSettings::UserSettings() = default;

QString UserSettings::labKernel() const
{
    return m_settings.value(kLabKernel).toString();
}

void UserSettings::setLabKernel(const QString &release)
{
    m_settings.setValue(kLabKernel, release);
}

QStringList UserSettings::recentSshHosts() const
{
    return m_settings.value(kRecentSshHosts).toStringList();
}

void UserSettings::addRecentSshHost(const QString &host)
{
    QStringList hosts = recentSshHosts();
    hosts.removeAll(host);
    hosts.prepend(host);
    m_settings.setValue(kRecentSshHosts, hosts.mid(0, kMaxRecentSshHosts));
}

QString UserSettings::language() const
{
    return m_settings.value(kLanguage).toString();
}

void UserSettings::setLanguage(const QString &language)
{
    m_settings.setValue(kLanguage, language);
}

ColorScheme UserSettings::colorScheme() const
{
    const QString name = m_settings.value(kColorScheme).toString();
    if (name == QLatin1String("light"))
        return ColorScheme::Light;
    if (name == QLatin1String("dark"))
        return ColorScheme::Dark;
    return ColorScheme::System;
}

void UserSettings::setColorScheme(ColorScheme scheme)
{
    static const QString names[] = {QStringLiteral("system"), QStringLiteral("light"),
                                    QStringLiteral("dark")};
    m_settings.setValue(kColorScheme, names[int(scheme)]);
}

QStringList UserSettings::recentFiles() const
{
    return m_settings.value(kRecentFiles).toStringList();
}

void UserSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    m_settings.setValue(kRecentFiles, files.mid(0, kMaxRecentFiles));
}

void UserSettings::removeRecentFiles(const QStringList &paths)
{
    QStringList files = recentFiles();
    for (const QString &path : paths)
        files.removeAll(path);
    m_settings.setValue(kRecentFiles, files);
}

void UserSettings::clearRecentFiles()
{
    m_settings.remove(kRecentFiles);
}

QByteArray UserSettings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}

QByteArray UserSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}

void UserSettings::setWindow(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(kGeometry, geometry);
    m_settings.setValue(kState, state);
}

} // namespace refscope
