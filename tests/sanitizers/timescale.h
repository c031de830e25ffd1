// SPDX-License-Identifier: GPL-3.0-or-later
// How much longer a test may take under the sanitizers (the asan-ubsan and
// tsan presets, Debug builds several times slower): bounds a test puts on
// its own times are multiplied by it, as ctest's timeouts are.
#pragma once

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr int kTimeScale = 4;
#else
inline constexpr int kTimeScale = 1;
#endif
