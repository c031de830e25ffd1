// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/hugepagecolumn.h"

#include <cstdint>
#include <new>

#include <sys/mman.h>

namespace refscope {

namespace {

std::size_t roundedUp(std::size_t bytes)
{
    return (bytes + hugePageBytes - 1) & ~(hugePageBytes - 1);
}

} // namespace

void *mapHugePages(std::size_t bytes)
{
    const std::size_t size = roundedUp(bytes);
    // Map one huge page more than needed, then give back what lies before
    // the first 2 MiB boundary and after the block.
    void *mapped = mmap(nullptr, size + hugePageBytes, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = roundedUp(start);
    if (aligned > start)
        munmap(mapped, aligned - start);
    if (const std::size_t tail = start + hugePageBytes - aligned; tail > 0)
        munmap(reinterpret_cast<void *>(aligned + size), tail);
    madvise(reinterpret_cast<void *>(aligned), size, MADV_HUGEPAGE);
    return reinterpret_cast<void *>(aligned);
}

void unmapHugePages(void *block, std::size_t bytes)
{
    munmap(block, roundedUp(bytes));
}

} // namespace refscope
