// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/colorscheme.h"

#include <QApplication>
#include <QProcess>
#include <QStyle>
#include <QStyleFactory>

#include <optional>

namespace refscope {

namespace {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// What the application looked like before RefScope touched it: "System"
// and "Light" on a light desktop go back to exactly this.
struct PlatformLook {
    QString styleName;
    QPalette palette;
};

const PlatformLook &platformLook()
{
    static const PlatformLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

QString gnomeSetting(const QString &key)
{
    QProcess gsettings;
    gsettings.start(QStringLiteral("gsettings"),
                    {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"), key});
    // Absent on many desktops; a slow D-Bus must not delay the start much.
    if (!gsettings.waitForFinished(1000) || gsettings.exitCode() != 0)
        return {};
    return QString::fromUtf8(gsettings.readAllStandardOutput()).trimmed();
}

// palette empty: the style's own standard palette.
void setStyleAndPalette(const QString &styleName, std::optional<QPalette> palette)
{
    if (QApplication::style()->name().compare(styleName, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(styleName));
    QApplication::setPalette(palette.value_or(QApplication::style()->standardPalette()));
}

} // namespace

bool ColorSchemes::desktopPrefersDark()
{
    if (isDarkPalette(platformLook().palette))
        return true;
    if (qEnvironmentVariable("GTK_THEME").contains(QLatin1String("dark"), Qt::CaseInsensitive))
        return true;
    if (gnomeSetting(QStringLiteral("color-scheme")).contains(QLatin1String("prefer-dark")))
        return true;
    return gnomeSetting(QStringLiteral("gtk-theme"))
        .contains(QLatin1String("dark"), Qt::CaseInsensitive);
}

QPalette ColorSchemes::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabledText(0x80, 0x82, 0x86);
    const QColor highlight(0x35, 0x74, 0xf0);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(125));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, highlight.lighter(140));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xf0));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

void ColorSchemes::apply(ColorScheme scheme)
{
    const PlatformLook &look = platformLook();
    const QString fusion = QStringLiteral("Fusion");
    switch (scheme) {
    case ColorScheme::Dark:
        setStyleAndPalette(fusion, darkPalette());
        return;
    case ColorScheme::Light:
        if (isDarkPalette(look.palette))
            setStyleAndPalette(fusion, std::nullopt);
        else
            setStyleAndPalette(look.styleName, look.palette);
        return;
    case ColorScheme::System:
        if (desktopPrefersDark() && !isDarkPalette(look.palette))
            setStyleAndPalette(fusion, darkPalette());
        else
            setStyleAndPalette(look.styleName, look.palette);
        return;
    }
}

bool ColorSchemes::isDark()
{
    return isDarkPalette(QApplication::palette());
}

} // namespace refscope
