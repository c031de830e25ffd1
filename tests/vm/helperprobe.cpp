// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-helper-probe: drives the helper module's user-space side
// (app/agent/helperdevice.h) inside the lab guest for tst_helper, printing
// JSON. `invalid` sends malformed requests straight to the device and prints
// the errno of each, to show the kernel side validates its input.
//   refscope-helper-probe holders MODULE
//   refscope-helper-probe drop MODULE EXPECTED EXPLAINED
//   refscope-helper-probe close MODULE PID FD
//   refscope-helper-probe force-look MODULE EXPECTED   (prepares, never unloads)
//   refscope-helper-probe invalid
#include "agent/helperdevice.h"
#include "agent/helperrelease.h"
#include "holders/holderreportjson.h"
#include "refscope_helper.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace refscope {
namespace {

QJsonObject holders(const QString &module)
{
    const ExactHolders exact = readExactHolders(module);
    HolderReport report;
    report.module = module;
    report.refcount = exact.refcount;
    report.holders = exact.holders;
    report.unattributed = report.refcount;
    for (const Holder &holder : exact.holders)
        report.unattributed -= holder.refs;
    return {{QStringLiteral("available"), exact.available},
            {QStringLiteral("error"), exact.error},
            {QStringLiteral("in_flight"), exact.inFlight},
            {QStringLiteral("report"), holderReportToJson(report)}};
}

QJsonObject drop(const QString &module, int expected, int explained)
{
    const DropResult result = dropUnattributedReferences(module, expected, explained);
    return {{QStringLiteral("ok"), result.ok},
            {QStringLiteral("error_code"), result.errorCode},
            {QStringLiteral("error"), result.error},
            {QStringLiteral("before"), result.countBefore},
            {QStringLiteral("after"), result.countAfter}};
}

QJsonObject close(const QString &module, int pid, int fd)
{
    const HelperOutcome result = closeModuleFd(module, pid, fd);
    return {{QStringLiteral("ok"), result.ok},
            {QStringLiteral("stale"), result.stale},
            {QStringLiteral("error"), result.error}};
}

// The helper's last look before a forced unload, as the agent takes it right
// before delete_module; the handle closes without unloading, which forgets
// the preparation.
QJsonObject forceLook(const QString &module, int expected)
{
    const int fd = ::open("/dev/" REFSCOPE_HELPER_DEVICE, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return {{QStringLiteral("open"), errno}};
    refscope_helper_force_request request{};
    std::strncpy(request.name, module.toUtf8().constData(), sizeof(request.name) - 1);
    request.expected = expected;
    const int error = ::ioctl(fd, REFSCOPE_HELPER_IOC_FORCE_PREPARE, &request) == 0 ? 0 : errno;
    ::close(fd);
    return {{QStringLiteral("errno"), error},
            {QStringLiteral("refcount"), request.refcount},
            {QStringLiteral("state"), int(request.state)},
            {QStringLiteral("in_flight"), int(request.in_flight)}};
}

int errnoOf(int fd, unsigned long request, void *argument)
{
    return ::ioctl(fd, request, argument) == 0 ? 0 : errno;
}

void setName(char (&name)[REFSCOPE_HELPER_NAME_LEN], const char *value)
{
    std::memset(name, 0, sizeof(name));
    std::strncpy(name, value, sizeof(name) - 1);
}

// Each malformed request, by name, with the errno the device answered.
QJsonObject invalidRequests()
{
    const int fd = ::open("/dev/" REFSCOPE_HELPER_DEVICE, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return {{QStringLiteral("open"), errno}};
    QJsonObject answers;
    refscope_helper_holders_request holders{};
    std::memset(holders.name, 'a', sizeof(holders.name)); // no NUL
    answers.insert(QStringLiteral("unterminated_name"),
                   errnoOf(fd, REFSCOPE_HELPER_IOC_HOLDERS, &holders));
    setName(holders.name, "");
    answers.insert(QStringLiteral("empty_name"),
                   errnoOf(fd, REFSCOPE_HELPER_IOC_HOLDERS, &holders));
    setName(holders.name, "loop");
    holders.capacity = REFSCOPE_HELPER_MAX_HOLDERS + 1;
    holders.holders = 1;
    answers.insert(QStringLiteral("capacity_too_large"),
                   errnoOf(fd, REFSCOPE_HELPER_IOC_HOLDERS, &holders));
    holders.capacity = 4;
    holders.holders = 0;
    answers.insert(QStringLiteral("no_buffer"), errnoOf(fd, REFSCOPE_HELPER_IOC_HOLDERS, &holders));
    setName(holders.name, REFSCOPE_HELPER_DEVICE); // held by this probe's open device
    holders.holders = 16;                          // unmapped: copy_to_user fails
    answers.insert(QStringLiteral("bad_buffer"),
                   errnoOf(fd, REFSCOPE_HELPER_IOC_HOLDERS, &holders));
    answers.insert(QStringLiteral("bad_request_address"),
                   errnoOf(fd, REFSCOPE_HELPER_IOC_HOLDERS, reinterpret_cast<void *>(16)));
    refscope_helper_drop_request drop{};
    setName(drop.name, "loop");
    drop.expected = 1;
    drop.explained = 1;
    answers.insert(QStringLiteral("drop_nothing"), errnoOf(fd, REFSCOPE_HELPER_IOC_DROP, &drop));
    drop.explained = -1;
    answers.insert(QStringLiteral("drop_negative"), errnoOf(fd, REFSCOPE_HELPER_IOC_DROP, &drop));
    setName(drop.name, REFSCOPE_HELPER_DEVICE);
    drop.expected = 1;
    drop.explained = 0;
    answers.insert(QStringLiteral("drop_itself"), errnoOf(fd, REFSCOPE_HELPER_IOC_DROP, &drop));
    refscope_helper_close_request close{};
    setName(close.name, "loop");
    close.pid = 0;
    answers.insert(QStringLiteral("close_no_pid"),
                   errnoOf(fd, REFSCOPE_HELPER_IOC_CLOSE_FD, &close));
    close.pid = 1;
    close.fd = -1;
    answers.insert(QStringLiteral("close_negative_fd"),
                   errnoOf(fd, REFSCOPE_HELPER_IOC_CLOSE_FD, &close));
    refscope_helper_force_request force{};
    setName(force.name, REFSCOPE_HELPER_DEVICE);
    answers.insert(QStringLiteral("force_itself"),
                   errnoOf(fd, REFSCOPE_HELPER_IOC_FORCE_PREPARE, &force));
    answers.insert(QStringLiteral("unknown_ioctl"),
                   errnoOf(fd, _IO(REFSCOPE_HELPER_IOC_MAGIC, 99), nullptr));
    ::close(fd);
    return answers;
}

int run(const QStringList &args)
{
    QJsonObject answer;
    if (args.size() == 2 && args.at(0) == QLatin1String("holders"))
        answer = holders(args.at(1));
    else if (args.size() == 4 && args.at(0) == QLatin1String("drop"))
        answer = drop(args.at(1), args.at(2).toInt(), args.at(3).toInt());
    else if (args.size() == 4 && args.at(0) == QLatin1String("close"))
        answer = close(args.at(1), args.at(2).toInt(), args.at(3).toInt());
    else if (args.size() == 3 && args.at(0) == QLatin1String("force-look"))
        answer = forceLook(args.at(1), args.at(2).toInt());
    else if (args.size() == 1 && args.at(0) == QLatin1String("invalid"))
        answer = invalidRequests();
    else {
        std::fputs("usage: refscope-helper-probe holders MODULE | drop MODULE EXPECTED "
                   "EXPLAINED | close MODULE PID FD | force-look MODULE EXPECTED | invalid\n",
                   stderr);
        return 2;
    }
    std::fputs(QJsonDocument(answer).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return 0;
}

} // namespace
} // namespace refscope

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return refscope::run(app.arguments().mid(1));
}
