// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settingsdialog.h"

#include "settings/colorscheme.h"
#include "settings/uilanguage.h"
#include "settings/usersettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace refscope {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_language(new QComboBox), m_colorScheme(new QComboBox)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const UserSettings settings;

    m_language->setObjectName(QStringLiteral("languageChoice"));
    m_language->addItem(
        tr("System language (%1)").arg(UiLanguage::nativeName(UiLanguage::resolve({}))), QString());
    for (const QString &code : UiLanguage::codes())
        m_language->addItem(UiLanguage::nativeName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language())));

    m_colorScheme->setObjectName(QStringLiteral("colorSchemeChoice"));
    m_colorScheme->addItem(tr("Follow the desktop"), int(ColorScheme::System));
    m_colorScheme->addItem(tr("Light"), int(ColorScheme::Light));
    m_colorScheme->addItem(tr("Dark"), int(ColorScheme::Dark));
    m_colorScheme->setCurrentIndex(m_colorScheme->findData(int(settings.colorScheme())));

    auto *restartNote = new QLabel(tr("A new language takes effect when RefScope restarts."));
    restartNote->setObjectName(QStringLiteral("languageRestartNote"));
    restartNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), restartNote);
    form->addRow(tr("&Colours:"), m_colorScheme);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    // Wide enough that the note does not wrap after a few words; in
    // character widths, so it follows the font and the screen's scale.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

void SettingsDialog::accept()
{
    UserSettings settings;
    settings.setLanguage(m_language->currentData().toString());
    const auto scheme = ColorScheme(m_colorScheme->currentData().toInt());
    settings.setColorScheme(scheme);
    ColorSchemes::apply(scheme);
    QDialog::accept();
}

} // namespace refscope
