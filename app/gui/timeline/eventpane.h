// SPDX-License-Identifier: GPL-3.0-or-later
// The event table under the timeline with its filters (module, pid, event
// kind, or the events of one outstanding-references group) and, beside
// it, the selected event's fields and kernel stack.
#pragma once

#include "models/eventtablemodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QToolButton;

namespace refscope {

class EventPane : public QWidget {
    Q_OBJECT
public:
    explicit EventPane(QWidget *parent = nullptr);

    EventTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString stackText() const;

    void setStore(std::shared_ptr<const EventStore> store);
    void appendRange(std::size_t from, std::size_t to);

    void setModuleFilter(const QString &module); // empty: every module
    void setPidFilter(int pid);                  // -1: every task
    void setKindFilter(std::optional<ModuleEventKind> kind);
    // Only these events (an outstanding-references group), named by `what`;
    // nullopt shows every event again.
    void showOnly(std::optional<QList<std::uint32_t>> events, const QString &what = {});
    // Only the events at fromNs <= t < toNs (the chart's zoom, markers A-B),
    // said above the table; from > to shows every event again.
    void setTimeRange(qint64 fromNs, qint64 toNs);

    // Selects the event (store index) if the filters show it.
    void selectStoreIndex(std::size_t index);
    // Selects the shown event nearest to t.
    void selectNearestTime(qint64 timestampNs);
    std::optional<std::size_t> selectedStoreIndex() const;

signals:
    void eventSelected(std::size_t storeIndex, qint64 timestampNs);

private:
    void applyFilter(EventTableModel::Filter filter);
    void syncFilterWidgets();
    void onCurrentRowChanged();
    void fillModuleChoices();
    void sizeColumns();

    EventTableModel *m_model;
    QTableView *m_table;
    QComboBox *m_module;
    QLineEdit *m_pid;
    QComboBox *m_kind;
    QLabel *m_onlyLabel;
    QLabel *m_rangeLabel;
    QToolButton *m_clearOnly;
    QPlainTextEdit *m_stack;
};

} // namespace refscope
