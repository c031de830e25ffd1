// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/eventsearch.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace refscope {

namespace {
// One slice of the search: short enough that typing stays fluid.
constexpr int kSliceMs = 12;
constexpr int kKinds = int(ModuleEventKind::Request) + 1;
} // namespace

EventSearch::EventSearch(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!scan(kSliceMs))
            m_timer->start(0);
    });
}

void EventSearch::setStore(std::shared_ptr<const EventStore> store)
{
    m_store = std::move(store);
    restart();
}

void EventSearch::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    restart();
}

void EventSearch::restart()
{
    m_timer->stop();
    m_matches.clear();
    m_current.reset();
    m_scanned = 0;
    m_end = 0;
    m_moduleMatches.clear();
    m_kindMatches.assign(kKinds, false);
    const QString query = m_query.trimmed();
    if (m_store && !query.isEmpty()) {
        m_end = m_store->size();
        // The resident fields are matched once per value, not per event.
        for (int id = 0; id < m_store->moduleCount(); ++id)
            m_moduleMatches.push_back(m_store->moduleName(id).contains(query, Qt::CaseInsensitive));
        for (int kind = 0; kind < kKinds; ++kind)
            m_kindMatches[kind] =
                moduleEventKindName(ModuleEventKind(kind)).contains(query, Qt::CaseInsensitive);
        m_timer->start(0);
    }
    emit progressed();
    if (isFinished())
        emit finished();
}

void EventSearch::storeGrew()
{
    if (!m_store || m_query.trimmed().isEmpty())
        return;
    const bool wasFinished = isFinished();
    for (int id = int(m_moduleMatches.size()); id < m_store->moduleCount(); ++id)
        m_moduleMatches.push_back(
            m_store->moduleName(id).contains(m_query.trimmed(), Qt::CaseInsensitive));
    m_end = m_store->size();
    if (wasFinished && !isFinished())
        m_timer->start(0);
}

bool EventSearch::matchesEvent(std::size_t index) const
{
    const QString query = m_query.trimmed();
    if (!m_store || query.isEmpty())
        return false;
    const int module = m_store->moduleId(index);
    if (module >= 0 && std::size_t(module) < m_moduleMatches.size() && m_moduleMatches[module])
        return true;
    if (m_kindMatches[int(m_store->kind(index))])
        return true;
    const EventDetails d = m_store->details(index);
    return d.comm.contains(query, Qt::CaseInsensitive) ||
           d.callSiteName.contains(query, Qt::CaseInsensitive) ||
           d.text.contains(query, Qt::CaseInsensitive) || QString::number(d.pid).contains(query) ||
           (d.callSite != 0 &&
            QString::number(d.callSite, 16)
                .contains(query.startsWith(QLatin1String("0x"), Qt::CaseInsensitive) ? query.mid(2)
                                                                                     : query,
                          Qt::CaseInsensitive));
}

bool EventSearch::scan(int budgetMs)
{
    if (isFinished())
        return true;
    QElapsedTimer clock;
    clock.start();
    const std::size_t before = m_matches.size();
    while (m_scanned < m_end) {
        if (matchesEvent(m_scanned))
            m_matches.push_back(std::uint32_t(m_scanned));
        ++m_scanned;
        // The clock is read every few events (reading it costs too, but an
        // event's details can take a while from a large file).
        if (budgetMs >= 0 && m_scanned % 8 == 0 && clock.elapsed() >= budgetMs)
            break;
    }
    if (m_matches.size() != before || isFinished())
        emit progressed();
    if (isFinished()) {
        emit finished();
        return true;
    }
    return false;
}

std::optional<std::size_t> EventSearch::moveTo(std::size_t matchPosition)
{
    m_current = matchPosition;
    const std::size_t index = m_matches[matchPosition];
    emit currentChanged(index);
    return index;
}

std::optional<std::size_t> EventSearch::next(std::optional<std::size_t> fromStoreIndex)
{
    if (m_matches.empty())
        return std::nullopt;
    if (fromStoreIndex) {
        const auto after = std::upper_bound(m_matches.begin(), m_matches.end(), *fromStoreIndex);
        return moveTo(after == m_matches.end() ? 0 : std::size_t(after - m_matches.begin()));
    }
    return moveTo(m_current ? (*m_current + 1) % m_matches.size() : 0);
}

std::optional<std::size_t> EventSearch::previous(std::optional<std::size_t> fromStoreIndex)
{
    if (m_matches.empty())
        return std::nullopt;
    if (fromStoreIndex) {
        const auto at = std::lower_bound(m_matches.begin(), m_matches.end(), *fromStoreIndex);
        return moveTo(at == m_matches.begin() ? m_matches.size() - 1
                                              : std::size_t(at - m_matches.begin()) - 1);
    }
    const std::size_t n = m_matches.size();
    return moveTo(m_current ? (*m_current + n - 1) % n : n - 1);
}

} // namespace refscope
