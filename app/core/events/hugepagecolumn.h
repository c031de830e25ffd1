// SPDX-License-Identifier: GPL-3.0-or-later
// The allocator of the event store's columns and per-module indexes: a
// block of 2 MiB or more is mapped 2 MiB-aligned and advised for
// transparent huge pages, so that filling it costs a page fault per 2 MiB
// rather than one per 4 KiB, which was most of a large load's time (more
// so in a VM). Smaller blocks come from the heap. Only advice: without THP
// the kernel maps 4 KiB pages as before.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace refscope {

constexpr std::size_t hugePageBytes = std::size_t(2) << 20;

// `bytes` rounded up to whole huge pages, mapped and advised; throws
// std::bad_alloc when the mapping fails.
void *mapHugePages(std::size_t bytes);
void unmapHugePages(void *block, std::size_t bytes);

template <typename T> struct HugePageAllocator {
    using value_type = T;

    HugePageAllocator() = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U> &) {}

    T *allocate(std::size_t n)
    {
        if (n * sizeof(T) < hugePageBytes)
            return std::allocator<T>().allocate(n);
        return static_cast<T *>(mapHugePages(n * sizeof(T)));
    }
    void deallocate(T *block, std::size_t n)
    {
        if (n * sizeof(T) < hugePageBytes)
            std::allocator<T>().deallocate(block, n);
        else
            unmapHugePages(block, n * sizeof(T));
    }
    template <typename U> bool operator==(const HugePageAllocator<U> &) const { return true; }
};

template <typename T> using HugePageVector = std::vector<T, HugePageAllocator<T>>;

} // namespace refscope
