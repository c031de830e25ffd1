// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/lastresortbox.h"

#include "release/releaseplan.h"

#include <QButtonGroup>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace refscope {

LastResortBox::LastResortBox(QWidget *parent)
    : QGroupBox(tr("Last resort, for references nothing clears"), parent), m_prompt(new QLabel),
      m_name(new QLineEdit), m_group(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("releaseLastResort"));
    auto *layout = new QVBoxLayout(this);
    m_prompt->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("releaseConfirmName"));
    m_prompt->setBuddy(m_name);
    layout->addWidget(m_prompt);
    layout->addWidget(m_name);
    for (const LastResort resort :
         {LastResort::None, LastResort::DropLeaked, LastResort::KernelForce}) {
        auto *button = new QRadioButton(ReleasePlan::lastResortTitle(resort));
        button->setObjectName(QStringLiteral("releaseResort_") + lastResortName(resort));
        auto *note = new QLabel;
        note->setWordWrap(true);
        note->setIndent(20); // under its button's text
        QFont small = note->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        note->setFont(small);
        m_group->addButton(button, int(resort));
        m_buttons.insert(resort, button);
        m_notes.insert(resort, note);
        layout->addWidget(button);
        layout->addWidget(note);
    }
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &typed) {
        if (!m_plan)
            return;
        m_plan->setTypedName(typed);
        refresh();
        emit planChanged();
    });
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        if (m_plan && m_plan->setLastResort(LastResort(id)))
            emit planChanged();
        refresh();
    });
}

void LastResortBox::setPlan(ReleasePlan *plan)
{
    m_plan = plan;
    const QSignalBlocker blocker(m_name); // a new report starts locked again
    m_name->clear();
    if (plan)
        plan->setTypedName({});
    refresh();
}

void LastResortBox::refresh()
{
    const QString module = m_plan ? m_plan->report().module : QString();
    m_prompt->setText(tr("Type the module's name, <b>%1</b>, to unlock these choices:")
                          .arg(module.toHtmlEscaped()));
    // Not the name itself: greyed, it would look filled in already.
    m_name->setPlaceholderText(tr("Type the name here"));
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        const QString whyNot = m_plan ? m_plan->whyNotAvailable(it.key()) : QString();
        it.value()->setEnabled(m_plan && whyNot.isEmpty());
        it.value()->setChecked(m_plan && m_plan->lastResort() == it.key());
        it.value()->setToolTip(whyNot);
        m_notes.value(it.key())->setText(note(it.key()));
    }
}

QString LastResortBox::note(LastResort resort) const
{
    // Before the name is typed, each choice the report allows says what it
    // risks: the user decides whether to type it with that in front of them.
    const QString whyNot = m_plan ? m_plan->whyNotOffered(resort) : QString();
    return whyNot.isEmpty() ? ReleasePlan::lastResortRisk(resort)
                            : tr("Not offered: %1").arg(whyNot);
}

} // namespace refscope
