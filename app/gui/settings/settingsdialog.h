// SPDX-License-Identifier: GPL-3.0-or-later
// File → Settings: the language and the colour scheme. The colour scheme
// changes at once; the language on the next start, because every window
// has already translated its texts when it was built (the dialog says so).
#pragma once

#include <QDialog>

class QComboBox;

namespace refscope {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    // Saves the choices and applies the colour scheme.
    void accept() override;

private:
    QComboBox *m_language;
    QComboBox *m_colorScheme;
};

} // namespace refscope
