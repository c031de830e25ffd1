// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clioutput.h"

namespace refscope {

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

ExitCode usageError(const QString &problem)
{
    print(stderr, QStringLiteral("refscope-cli: %1 (see refscope-cli --help)\n").arg(problem));
    return ExitCode::Usage;
}

ExitCode failure(const QString &command, const QString &what)
{
    const QString who = command.isEmpty() ? QStringLiteral("refscope-cli")
                                          : QStringLiteral("refscope-cli ") + command;
    print(stderr, QStringLiteral("%1: %2\n").arg(who, what));
    return ExitCode::Failure;
}

} // namespace refscope
