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
