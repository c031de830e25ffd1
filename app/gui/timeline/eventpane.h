// SPDX-License-Identifier: GPL-3.0-or-later
// The event table under the timeline with its filters (module, pid, event
// kind, or the events of one outstanding-references group) and, beside
// it, the selected event's fields and kernel stack.
#pragma once

#include "models/eventsearch.h"
#include "models/eventtablemodel.h"

#include <QWidget>

class QCheckBox;
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

    // The search over the events: Ctrl+F focuses its field; Enter/F3 go
    // to the next match, Shift+Enter/Shift+F3 to the previous one.
    EventSearch *search() const { return m_search; }
    QLineEdit *searchField() const { return m_searchField; }
    void focusSearch();
    void findNext();
    void findPrevious();
    // "12 of 340", as the label beside the field says it.
    QString searchStatus() const;
    // Every filter of the table that would hide the event is dropped.
    void revealStoreIndex(std::size_t index);

signals:
    void eventSelected(std::size_t storeIndex, qint64 timestampNs);
    // The user moved to a search match: the timeline centres on it, then
    // the table selects it.
    void searchMatchChosen(std::size_t storeIndex, qint64 timestampNs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter(EventTableModel::Filter filter);
    void syncFilterWidgets();
    void onCurrentRowChanged();
    void fillModuleChoices();
    void sizeColumns();
    void updateSearchStatus();
    void applyMatchesFilter();

    EventTableModel *m_model;
    QTableView *m_table;
    QComboBox *m_module;
    QLineEdit *m_pid;
    QComboBox *m_kind;
    QLabel *m_onlyLabel;
    QLabel *m_rangeLabel;
    QToolButton *m_clearOnly;
    QPlainTextEdit *m_stack;
    EventSearch *m_search;
    QLineEdit *m_searchField;
    QLabel *m_searchStatus;
    QToolButton *m_searchPrevious;
    QToolButton *m_searchNext;
    QCheckBox *m_onlyMatches;
    bool m_pendingJump = false;  // Enter before the first match was found
    bool m_matchesShown = false; // the "only" filter is the search's
};

} // namespace refscope
