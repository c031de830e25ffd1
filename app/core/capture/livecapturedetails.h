// SPDX-License-Identifier: GPL-3.0-or-later
// The part of live (or reopened) events the event store keeps aside: pid,
// comm, call site and kernel stack, column by column with every string
// stored once (a flood of events repeats the same few comms and symbols).
#pragma once

#include "events/eventstore.h"

#include <QHash>
#include <QStringList>

#include <vector>

namespace refscope {

// Each distinct string once, by index: comms, symbols and stack frames
// repeat across a recording (also the session file's string table).
class StringTable {
public:
    quint32 id(const QString &text);
    const QStringList &strings() const { return m_strings; }

private:
    QStringList m_strings;
    QHash<QString, quint32> m_ids;
    // The last few texts looked up, held here: a capture hands the same
    // shared strings again and again (a comm, a call site's name), and a
    // string with the same data as one held is the same text (shared data
    // is never written, and held data is never freed). Found so without
    // hashing, which an emulated CPU does slowly.
    static constexpr int kRecent = 4;
    QString m_recent[kRecent];
    quint32 m_recentIds[kRecent] = {};
    bool m_recentSet[kRecent] = {};
    int m_recentNext = 0;
};

class CapturedDetails : public EventDetailsSource {
public:
    // The store gives each event's kind, module and count for its text; it
    // owns this source and so outlives it.
    explicit CapturedDetails(const EventStore *store);

    // In store order: the details of event size() - 1 after the append.
    void append(const EventDetails &details);
    std::size_t size() const { return m_pids.size(); }
    EventDetails details(std::size_t index) const override;
    EventDetails detailsWithoutText(std::size_t index) const override;

private:
    const EventStore *m_store;
    StringTable m_strings;
    std::vector<qint32> m_pids;
    std::vector<quint32> m_comms;
    std::vector<quint64> m_callSites;
    std::vector<quint32> m_callSiteNames;
    std::vector<quint32> m_stackStarts; // into m_frames; one more than events
    std::vector<quint32> m_frames;
};

} // namespace refscope
