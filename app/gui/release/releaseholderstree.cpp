// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releaseholderstree.h"

#include "holders/holdersdock.h"
#include "holders/holdertext.h"
#include "release/releaseplan.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>

namespace refscope {

ReleaseHoldersTree::ReleaseHoldersTree(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("releaseHolders"));
    setRootIsDecorated(false);
    // The Clear column holds only a tick box: a focus frame around its empty
    // text read as a second, empty box beside it. The row shows the focus.
    setAllColumnsShowFocus(true);
    setHeaderLabels(QStringList{tr("Clear")} + HoldersDock::holderColumnTitles() +
                    QStringList{tr("Action")});
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        const int holder = indexOfTopLevelItem(item);
        if (!m_plan || column != ClearColumn || holder < 0)
            return;
        m_plan->setChecked(holder, item->checkState(ClearColumn) == Qt::Checked);
        emit planChanged();
    });
}

void ReleaseHoldersTree::setPlan(ReleasePlan *plan)
{
    m_plan = plan;
    const QSignalBlocker blocker(this); // building the rows changes nothing in the plan
    clear();
    for (int holder = 0; plan && holder < plan->report().holders.size(); ++holder)
        addHolder(holder);
}

void ReleaseHoldersTree::addHolder(int holder)
{
    const Holder &h = m_plan->report().holders.at(holder);
    auto *item = new QTreeWidgetItem(this);
    const bool clearable = !m_plan->actionsFor(holder).isEmpty();
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    if (clearable)
        flags |= Qt::ItemIsEnabled;
    item->setFlags(flags);
    item->setCheckState(ClearColumn, m_plan->isChecked(holder) ? Qt::Checked : Qt::Unchecked);
    const QString tip =
        clearable ? holderRuleText(h, TextLanguage::Display) : m_plan->whyNotClearable(holder);
    HoldersDock::showHolder(item, KindColumn, h, tip);
    item->setToolTip(ClearColumn, tip);
    item->setToolTip(ActionColumn, tip);
    setItemWidget(item, ActionColumn, actionWidget(holder));
}

QWidget *ReleaseHoldersTree::actionWidget(int holder)
{
    const QList<ClearAction> actions = m_plan->actionsFor(holder);
    if (actions.isEmpty()) {
        auto *why = new QLabel(m_plan->whyNotClearable(holder));
        why->setObjectName(QStringLiteral("releaseHolderWhyNot"));
        why->setWordWrap(true);
        why->setEnabled(false);
        return why;
    }
    if (actions.size() == 1)
        return new QLabel(ReleasePlan::actionName(actions.first()));
    auto *choice = new QComboBox;
    choice->setObjectName(QStringLiteral("releaseHolderAction"));
    for (const ClearAction action : actions)
        choice->addItem(ReleasePlan::actionName(action), int(action));
    choice->setCurrentIndex(actions.indexOf(m_plan->action(holder)));
    connect(choice, &QComboBox::currentIndexChanged, this, [this, choice, holder] {
        m_plan->setAction(holder, ClearAction(choice->currentData().toInt()));
        emit planChanged();
    });
    return choice;
}

} // namespace refscope
