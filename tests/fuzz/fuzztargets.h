// SPDX-License-Identifier: GPL-3.0-or-later
// One function per parser of input that comes from elsewhere: trace.dat
// files people send each other, session files, the JSON the agent or a
// file hands over, and the protocol's lines. The libFuzzer targets call
// them, and tst_fuzz_regressions replays every input that once crashed or
// over-allocated through the same functions in the normal build.
#pragma once

#include <cstddef>
#include <cstdint>

namespace refscope::fuzz {

using Target = void (*)(const std::uint8_t *data, std::size_t size);

struct NamedTarget {
    const char *name; // also the folder of its corpus and regressions
    Target run;
    const char *inputs = nullptr; // another target's folders, when it reads the same files
    const char *folder() const { return inputs ? inputs : name; }
};

void traceFile(const std::uint8_t *data, std::size_t size);
// RefScope's own trace.dat parser alone, in memory: the layout, the
// ring-buffer pages and the decoder, never libtracecmd (nor its child).
void traceLayout(const std::uint8_t *data, std::size_t size);
void sessionFile(const std::uint8_t *data, std::size_t size);
void snapshotJson(const std::uint8_t *data, std::size_t size);
void holderReportJson(const std::uint8_t *data, std::size_t size);
void releaseJson(const std::uint8_t *data, std::size_t size);
void protocolLines(const std::uint8_t *data, std::size_t size);
// agentdispatch.cpp: the agent's dispatch with a backend that touches nothing.
void agentDispatch(const std::uint8_t *data, std::size_t size);

inline constexpr NamedTarget targets[] = {
    {"tracefile", traceFile},         {"session", sessionFile},
    {"snapshotjson", snapshotJson},   {"holderreportjson", holderReportJson},
    {"releasejson", releaseJson},     {"protocol", protocolLines},
    {"agentdispatch", agentDispatch}, {"tracelayout", traceLayout, "tracefile"},
};

} // namespace refscope::fuzz
