// SPDX-License-Identifier: GPL-3.0-or-later
// The event table under the timeline: one row per module event of an
// EventStore, filtered by module, pid, event kind or an explicit set of
// events. Rows are store indices; a row's text is read only when a view
// asks for it (pid, comm and call site come lazily from EventDetails), so
// a million events never become a million rows of strings.
#pragma once

#include "events/eventstore.h"

#include <QAbstractTableModel>

#include <QCache>
#include <QTimer>
#include <limits>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace refscope {

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Cpu, Pid, Comm, Event, Module, Count, CallSite, ColumnCount };
    enum Role { StoreIndexRole = Qt::UserRole + 1, TimestampRole };

    struct Filter {
        QString module; // empty: every module
        int pid = -1;   // -1: every task
        std::optional<ModuleEventKind> kind;
        // When set, only these events (store indices, ascending); the other
        // criteria still apply.
        std::optional<QList<std::uint32_t>> only;
        // Only events at fromNs <= t < toNs (the chart's window, the span
        // between markers A and B); the defaults take every event.
        qint64 fromNs = std::numeric_limits<qint64>::min();
        qint64 toNs = std::numeric_limits<qint64>::max();
        bool operator==(const Filter &) const = default;
    };

    explicit EventTableModel(QObject *parent = nullptr);

    void setStore(std::shared_ptr<const EventStore> store);
    const std::shared_ptr<const EventStore> &store() const { return m_store; }
    // Events [from, to) were appended to the store (live capture).
    void appendRange(std::size_t from, std::size_t to);
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }
    // A pid filter reads every candidate event's details, tens of
    // microseconds each from a trace file: its rows arrive in slices of the
    // event loop (rowsInserted), then filteringFinished().
    bool isFiltering() const { return m_scanning; }

    std::size_t storeIndex(int row) const;
    // The row of a store index, -1 if the filter hides it.
    int rowOfStoreIndex(std::size_t index) const;
    // The row whose event is nearest in time to t, -1 if there is none.
    int rowNearestTime(qint64 timestampNs) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString formatTimestamp(qint64 timestampNs); // "13.276461", as trace-cmd prints
    static QString callSiteText(const EventDetails &details);

signals:
    void filteringFinished();

private:
    // Rows straight from the store (every event, or one module's index)
    // need no list of their own; any other filter keeps one.
    enum class RowSource { None, All, Module, List };
    bool accepts(std::size_t index) const;
    void rebuildRows();
    // The events a List filter looks through, in store order.
    std::size_t candidateCount() const;
    std::size_t candidate(std::size_t i) const;
    // Looks through candidates until `budgetMs` is spent (-1: all of them)
    // and inserts the rows found; true once every candidate is seen.
    bool scan(int budgetMs, bool announce);
    const EventDetails &detailsOf(std::size_t index) const;

    std::shared_ptr<const EventStore> m_store;
    Filter m_filter;
    // The plain sources (All, Module): their size, their events by
    // position, the first position at or after a time, the window's end.
    std::size_t sourceSize() const;
    std::size_t sourceAt(std::size_t position) const;
    std::size_t firstAtOrAfter(qint64 ns) const;
    std::size_t plainEnd() const;

    RowSource m_source = RowSource::None;
    int m_moduleId = -1;
    std::size_t m_rowCount = 0;
    std::size_t m_rowOffset = 0;       // All, Module: the first row's position in the source
    std::vector<std::uint32_t> m_rows; // RowSource::List only
    std::size_t m_scanned = 0;         // candidates looked at
    bool m_scanning = false;
    QTimer *m_scanTimer;
    mutable QCache<std::size_t, EventDetails> m_details;
};

} // namespace refscope
