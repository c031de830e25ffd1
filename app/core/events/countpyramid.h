// SPDX-License-Identifier: GPL-3.0-or-later
// Min/max of one module's count over any run of its events in O(log n):
// a 16-ary pyramid of per-block min and max, appended to as events arrive.
// The values themselves stay in the event store's count column; the
// pyramid only holds the blocks (about half a byte per event).
#pragma once

#include <climits>
#include <cstddef>
#include <vector>

namespace refscope {

class CountPyramid {
public:
    struct Range {
        int min = INT_MAX;
        int max = INT_MIN;
        void add(const Range &other)
        {
            min = other.min < min ? other.min : min;
            max = other.max > max ? other.max : max;
        }
    };

    void append(int value);
    // Replaces the pyramid with one over `count` values in one pass, each
    // level sized once: cheaper than appending a whole recording value by
    // value.
    template <typename ValueAt> void rebuild(std::size_t count, ValueAt valueAt)
    {
        m_levels.clear();
        m_count = count;
        if (count == 0)
            return;
        std::vector<Range> nodes((count + fanout - 1) / fanout);
        for (std::size_t i = 0; i < count; ++i) {
            const int value = valueAt(i);
            nodes[i / fanout].add(Range{value, value});
        }
        m_levels.push_back(std::move(nodes));
        // As append() grows them: level l exists once there are more than
        // 16^l values.
        for (std::size_t covered = fanout; count > covered; covered *= fanout) {
            std::vector<Range> upper((m_levels.back().size() + fanout - 1) / fanout);
            for (std::size_t i = 0; i < m_levels.back().size(); ++i)
                upper[i / fanout].add(m_levels.back()[i]);
            m_levels.push_back(std::move(upper));
        }
    }

    // Min and max of values [begin, end); valueAt(i) reads value i.
    template <typename ValueAt>
    Range minMax(std::size_t begin, std::size_t end, ValueAt valueAt) const
    {
        Range range;
        const auto take = [&](int level, std::size_t i) {
            if (level < 0)
                range.add(Range{valueAt(i), valueAt(i)});
            else
                range.add(m_levels[level][i]);
        };
        // Consume the unaligned ends at each level, then climb: every level
        // costs at most 2 * (fanout - 1) reads.
        for (int level = -1; begin < end; ++level) {
            while (begin < end && begin % fanout != 0)
                take(level, begin++);
            while (begin < end && end % fanout != 0)
                take(level, --end);
            if (level + 1 == int(m_levels.size())) {
                while (begin < end)
                    take(level, begin++);
                break;
            }
            begin /= fanout;
            end /= fanout;
        }
        return range;
    }

    std::size_t bytes() const;
    void squeeze();

private:
    static constexpr std::size_t fanoutBits = 4;
    static constexpr std::size_t fanout = std::size_t(1) << fanoutBits;
    std::vector<std::vector<Range>> m_levels; // m_levels[l][i] covers 16^(l+1) values
    std::size_t m_count = 0;
};

} // namespace refscope
