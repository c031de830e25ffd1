// SPDX-License-Identifier: GPL-3.0-or-later
// Module names seen while reading a recording, looked up by the bytes in
// the record so that no string is built per event; each new name is
// interned in the store once, or, without a store (one CPU's scan on its
// own thread), numbered from 0 in the order met and kept in names().
#pragma once

#include "events/eventstore.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace refscope {

class ModuleIds {
public:
    explicit ModuleIds(EventStore &store) : m_store(&store) {}
    ModuleIds() = default;

    int idOf(std::string_view name)
    {
        // Recordings usually name a handful of modules: compare with those
        // before hashing, inline, as a call to memcmp per event showed.
        for (const auto &[known, id] : m_recent)
            if (sameBytes(known, name))
                return id;
        auto it = m_ids.find(name);
        if (it == m_ids.end()) {
            const int id =
                m_store
                    ? m_store->internModule(QString::fromUtf8(name.data(), qsizetype(name.size())))
                    : int(m_names.size());
            if (!m_store)
                m_names.emplace_back(name);
            it = m_ids.emplace(std::string(name), id).first;
        }
        if (m_recent.size() < recentCount)
            m_recent.emplace_back(it->first, it->second);
        return it->second;
    }

    // Without a store: the names by their numbers.
    const std::vector<std::string> &names() const { return m_names; }

private:
    static bool sameBytes(std::string_view a, std::string_view b)
    {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i] != b[i])
                return false;
        return true;
    }
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view name) const
        {
            return std::hash<std::string_view>{}(name);
        }
    };
    EventStore *m_store = nullptr;
    std::vector<std::string> m_names;
    std::unordered_map<std::string, int, Hash, std::equal_to<>> m_ids;
    static constexpr std::size_t recentCount = 8;
    // The first names seen; keys of m_ids, stable while the map lives.
    std::vector<std::pair<std::string_view, int>> m_recent;
};

} // namespace refscope
