// SPDX-License-Identifier: GPL-3.0-or-later
// The holders of the module being released, as the holder report lists
// them, each with a tick box ("clear this one") and the way to clear it
// where there is a choice. A holder nothing in user space can clear has
// its box disabled and says why in the Action column.
#pragma once

#include <QTreeWidget>

namespace refscope {

class ReleasePlan;

class ReleaseHoldersTree : public QTreeWidget {
    Q_OBJECT
public:
    enum Column {
        ClearColumn,
        KindColumn,
        ProcessColumn,
        FdsColumn,
        PathColumn,
        RefsColumn,
        SourceColumn,
        ActionColumn
    };

    explicit ReleaseHoldersTree(QWidget *parent = nullptr);

    // Shows the plan's holders; the tree edits the plan, which must outlive
    // it or be set again.
    void setPlan(ReleasePlan *plan);

signals:
    // A holder was ticked or its action changed.
    void planChanged();

private:
    void addHolder(int holder);
    QWidget *actionWidget(int holder);

    ReleasePlan *m_plan = nullptr;
};

} // namespace refscope
