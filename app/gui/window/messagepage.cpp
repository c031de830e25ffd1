// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/messagepage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace refscope {

MessagePage::MessagePage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_text(new QLabel(this)),
      m_button(new QPushButton(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("messageTitle"));
    m_title->setWordWrap(true);
    m_title->setAlignment(Qt::AlignCenter);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_button->setObjectName(QStringLiteral("messageButton"));
    connect(m_button, &QPushButton::clicked, this, &MessagePage::buttonClicked);

    // The message sits in a column of bounded width, centred. Wrapped labels
    // get their height right only when no alignment flag squeezes them.
    auto *column = new QWidget(this);
    column->setMaximumWidth(680);
    auto *inner = new QVBoxLayout(column);
    inner->addWidget(m_title);
    inner->addSpacing(12);
    inner->addWidget(m_text);
    inner->addSpacing(18);
    inner->addWidget(m_button, 0, Qt::AlignHCenter);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 8);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

void MessagePage::show(const QString &title, const QString &text, const QString &buttonText)
{
    m_title->setText(title);
    m_text->setText(text);
    m_button->setText(buttonText);
    m_button->setVisible(!buttonText.isEmpty());
}

QString MessagePage::title() const
{
    return m_title->text();
}

QString MessagePage::text() const
{
    return m_text->text();
}

} // namespace refscope
