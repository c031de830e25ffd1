// SPDX-License-Identifier: GPL-3.0-or-later
// Text search over the events of a store, for the timeline's search field:
// an event matches when its module, kind, call site, pid, comm or text
// contains the query, case-insensitively. Pid, comm, call site and text
// come from the trace file, tens of microseconds an event, so a million
// events take seconds: the search runs in slices of the event loop, the
// matches so far usable at once (found in store order), and a new query
// drops the old search. The current match walks the matches with
// next/previous, wrapping at either end.
#pragma once

#include "events/eventstore.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace refscope {

class EventSearch : public QObject {
    Q_OBJECT
public:
    explicit EventSearch(QObject *parent = nullptr);

    void setStore(std::shared_ptr<const EventStore> store);
    // Starts a search (an empty query matches nothing and finishes at once);
    // any running search stops.
    void setQuery(const QString &query);
    QString query() const { return m_query; }
    // Events appended since (live capture) are searched too.
    void storeGrew();

    bool isFinished() const { return m_scanned >= m_end; }
    std::size_t scanned() const { return m_scanned; }
    std::size_t total() const { return m_end; }
    const std::vector<std::uint32_t> &matches() const { return m_matches; }
    std::size_t matchCount() const { return m_matches.size(); }
    // The match the user is on (an index into matches()), if any.
    std::optional<std::size_t> current() const { return m_current; }
    // Moves to the next (previous) match after (before) the current one, or
    // after (before) `fromStoreIndex` if set, wrapping at the ends. Returns
    // the store index of the match, nullopt when there is none yet.
    std::optional<std::size_t> next(std::optional<std::size_t> fromStoreIndex = std::nullopt);
    std::optional<std::size_t> previous(std::optional<std::size_t> fromStoreIndex = std::nullopt);

    // Looks through events until `budgetMs` is spent (-1: to the end);
    // true once every event is seen. The timer calls it; tests may too.
    bool scan(int budgetMs);
    bool matchesEvent(std::size_t index) const;

signals:
    // New matches were found or the search finished (or restarted).
    void progressed();
    void finished();
    void currentChanged(std::size_t storeIndex);

private:
    void restart();
    std::optional<std::size_t> moveTo(std::size_t matchPosition);

    std::shared_ptr<const EventStore> m_store;
    QString m_query;
    std::vector<bool> m_moduleMatches; // by module id: the name alone matches
    std::vector<bool> m_kindMatches;   // by kind: "module_get" ... matches
    std::vector<std::uint32_t> m_matches;
    std::optional<std::size_t> m_current;
    std::size_t m_scanned = 0;
    std::size_t m_end = 0;
    QTimer *m_timer;
};

} // namespace refscope
