// SPDX-License-Identifier: GPL-3.0-or-later
// A whole-window message in place of the module views: the kernel has no
// loadable module support, the lab is booting, or the source failed before
// any snapshot came. An empty table would leave the user guessing why.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace refscope {

class MessagePage : public QWidget {
    Q_OBJECT
public:
    explicit MessagePage(QWidget *parent = nullptr);

    // buttonText empty hides the button.
    void show(const QString &title, const QString &text, const QString &buttonText = {});
    QString title() const;
    QString text() const;

signals:
    void buttonClicked();

private:
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_button;
};

} // namespace refscope
