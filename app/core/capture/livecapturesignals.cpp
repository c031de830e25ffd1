// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecapturesignals.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace refscope {

namespace {

int g_pipe[2] = {-1, -1};
std::mutex g_lock;
std::function<void(int)> g_handler;

extern "C" void forwardSignal(int signal)
{
    const int saved = errno;
    const unsigned char number = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t n = write(g_pipe[1], &number, 1);
    errno = saved;
}

void dispatchSignals()
{
    unsigned char number = 0;
    while (read(g_pipe[0], &number, 1) == 1) {
        std::function<void(int)> handler;
        {
            std::lock_guard lock(g_lock);
            handler = g_handler;
        }
        if (handler)
            handler(number);
    }
}

} // namespace

bool onTerminationSignal(std::function<void(int signal)> handler)
{
    std::lock_guard lock(g_lock);
    g_handler = std::move(handler);
    if (g_pipe[0] >= 0)
        return true;
    if (pipe2(g_pipe, O_CLOEXEC) != 0)
        return false;
    std::thread(dispatchSignals).detach();
    struct sigaction action {};
    action.sa_handler = forwardSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        sigaction(signal, &action, nullptr);
    return true;
}

} // namespace refscope
