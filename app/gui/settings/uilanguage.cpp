// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/uilanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace refscope {

QStringList UiLanguage::codes()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("zh_TW")};
}

QString UiLanguage::nativeName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == QLatin1String("zh_TW"))
        return QStringLiteral("繁體中文");
    return QStringLiteral("English");
}

QString UiLanguage::resolve(const QString &setting, const QLocale &system)
{
    if (codes().contains(setting))
        return setting;
    if (system.language() != QLocale::Chinese)
        return QStringLiteral("en");
    const bool traditional = system.script() == QLocale::TraditionalChineseScript ||
                             system.territory() == QLocale::Taiwan ||
                             system.territory() == QLocale::HongKong ||
                             system.territory() == QLocale::Macao;
    return traditional ? QStringLiteral("zh_TW") : QStringLiteral("zh_CN");
}

bool UiLanguage::install(const QString &code)
{
    // Owned here rather than by the application, so a second install (the
    // tests switch languages) replaces the first instead of stacking.
    static std::unique_ptr<QTranslator> own;
    static std::unique_ptr<QTranslator> qt;
    for (auto *translator : {own.get(), qt.get()}) {
        if (translator)
            QCoreApplication::removeTranslator(translator);
    }
    own.reset();
    qt.reset();
    if (code == QLatin1String("en") || !codes().contains(code)) {
        QLocale::setDefault(QLocale::system());
        return code == QLatin1String("en");
    }

    own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/refscope_%1.qm").arg(code))) {
        own.reset();
        return false;
    }
    QCoreApplication::installTranslator(own.get());
    // Without Qt's own file the standard buttons (OK, Cancel) stay English:
    // a blemish, not a reason to give up the rest.
    qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(code),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.get());
    else
        qt.reset();
    QLocale::setDefault(QLocale(code));
    return true;
}

} // namespace refscope
