// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/countpyramid.h"

namespace refscope {

void CountPyramid::append(int value)
{
    const std::size_t n = m_count++;
    const Range single{value, value};
    // Level l is needed once there are more values than one of its lower
    // level's blocks covers; a new level starts from that block.
    for (std::size_t level = 0; level == 0 || (n >> (fanoutBits * level)) > 0; ++level) {
        if (level == m_levels.size())
            m_levels.push_back({level == 0 ? Range{} : m_levels[level - 1].front()});
        std::vector<Range> &nodes = m_levels[level];
        const std::size_t node = n >> (fanoutBits * (level + 1));
        if (node == nodes.size())
            nodes.push_back(single);
        else
            nodes[node].add(single);
    }
}

std::size_t CountPyramid::bytes() const
{
    std::size_t total = 0;
    for (const auto &nodes : m_levels)
        total += nodes.capacity() * sizeof(Range);
    return total;
}

void CountPyramid::squeeze()
{
    for (auto &nodes : m_levels)
        nodes.shrink_to_fit();
}

} // namespace refscope
