// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/kmodcontext.h"

#include <QLoggingCategory>
#include <QString>

#include <libkmod.h>

namespace refscope {

namespace {

Q_LOGGING_CATEGORY(lcKmod, "refscope.kmod", QtWarningMsg)

// libkmod prints its own errors on stderr by default: a module vanishing
// mid-read (an expected race) or a release without indexes would spill
// into refscope-cli's output. Debug messages of our category instead.
void logToQt(void *, int, const char *file, int line, const char *fn, const char *format,
             va_list args)
{
    const QString message = QString::vasprintf(format, args).trimmed();
    qCDebug(lcKmod).noquote() << file << line << fn << message;
}

} // namespace

void KmodContextDeleter::operator()(kmod_ctx *ctx) const
{
    kmod_unref(ctx);
}

KmodContext openKmodContext()
{
    KmodContext ctx(kmod_new(nullptr, nullptr));
    if (!ctx)
        return ctx;
    kmod_set_log_fn(ctx.get(), logToQt, nullptr);
    // Maps the modules.*.bin indexes once; without it every lookup re-reads
    // them in small pieces, which is slow over the lab's 9p root. A failure
    // (no index for this release) only means slower lookups.
    kmod_load_resources(ctx.get());
    return ctx;
}

} // namespace refscope
