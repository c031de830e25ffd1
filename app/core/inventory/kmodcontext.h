// SPDX-License-Identifier: GPL-3.0-or-later
// A libkmod context as RefScope opens every one: libkmod's messages go to
// the refscope.kmod logging category, not stderr, and the module indexes
// are mapped once.
#pragma once

#include <memory>

struct kmod_ctx;

namespace refscope {

struct KmodContextDeleter {
    void operator()(kmod_ctx *ctx) const;
};
using KmodContext = std::unique_ptr<kmod_ctx, KmodContextDeleter>;

// Null when libkmod cannot start (out of memory). A context is not shared
// between threads: libkmod is not thread-safe.
KmodContext openKmodContext();

} // namespace refscope
