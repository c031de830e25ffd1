// SPDX-License-Identifier: GPL-3.0-or-later
// A libFuzzer entry point: REFSCOPE_FUZZ_TARGET names the function of
// fuzztargets.h this executable fuzzes.
#include "fuzztargets.h"

#include <QString>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    refscope::fuzz::REFSCOPE_FUZZ_TARGET(data, size);
    return 0;
}

// Qt's warnings about each malformed input would drown the fuzzer's output.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
            abort();
        }
    });
    return 0;
}
