// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecapturedetails.h"

#include "capture/livecaptureprotocol.h"

namespace refscope {

CapturedDetails::CapturedDetails(const EventStore *store) : m_store(store)
{
    m_stackStarts.push_back(0);
}

quint32 StringTable::id(const QString &text)
{
    for (int i = 0; i < kRecent; ++i) {
        if (m_recentSet[i] && m_recent[i].constData() == text.constData() &&
            m_recent[i].size() == text.size())
            return m_recentIds[i];
    }
    quint32 id = 0;
    if (const auto it = m_ids.constFind(text); it != m_ids.constEnd()) {
        id = *it;
    } else {
        id = quint32(m_strings.size());
        m_strings.append(text);
        m_ids.insert(text, id);
    }
    m_recent[m_recentNext] = text;
    m_recentIds[m_recentNext] = id;
    m_recentSet[m_recentNext] = true;
    m_recentNext = (m_recentNext + 1) % kRecent;
    return id;
}

void CapturedDetails::append(const EventDetails &details)
{
    m_pids.push_back(details.pid);
    m_comms.push_back(m_strings.id(details.comm));
    m_callSites.push_back(details.callSite);
    m_callSiteNames.push_back(m_strings.id(details.callSiteName));
    for (const QString &frame : details.stack)
        m_frames.push_back(m_strings.id(frame));
    m_stackStarts.push_back(quint32(m_frames.size()));
}

EventDetails CapturedDetails::detailsWithoutText(std::size_t index) const
{
    EventDetails d;
    if (index >= size())
        return d;
    d.pid = m_pids[index];
    d.comm = m_strings.strings().at(m_comms[index]);
    d.callSite = m_callSites[index];
    d.callSiteName = m_strings.strings().at(m_callSiteNames[index]);
    for (quint32 f = m_stackStarts[index]; f < m_stackStarts[index + 1]; ++f)
        d.stack.append(m_strings.strings().at(m_frames[f]));
    return d;
}

EventDetails CapturedDetails::details(std::size_t index) const
{
    EventDetails d = detailsWithoutText(index);
    if (index < size() && index < m_store->size())
        d.text = capturedEventText(m_store->event(index), d);
    return d;
}

} // namespace refscope
