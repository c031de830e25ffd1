// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * netlink_in_flight UNIT: leaves a netlink socket of protocol UNIT in flight.
 * It opens the socket and binds it (so the protocol's table lists it, as a
 * socket that sent a message is), sends it over a unix socketpair with
 * SCM_RIGHTS, closes both its own fd and the sending end, and waits with the
 * receiving end open: the socket's file now sits in that end's queue, in no
 * file table, holding the protocol's module until this process exits.
 * Prints "ready" once the file is in flight.
 */
#include <linux/netlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int unit = argc == 2 ? atoi(argv[1]) : -1;
    struct sockaddr_nl self = {.nl_family = AF_NETLINK}; /* nl_pid 0: the kernel picks one */
    char control[CMSG_SPACE(sizeof(int))] = {0};
    char byte = 'x';
    struct iovec iov = {.iov_base = &byte, .iov_len = 1};
    struct msghdr msg = {.msg_iov = &iov,
                         .msg_iovlen = 1,
                         .msg_control = control,
                         .msg_controllen = sizeof(control)};
    struct cmsghdr *cmsg;
    int pair[2], fd;

    if (unit <= 0 || unit >= 32) {
        fprintf(stderr, "usage: netlink_in_flight UNIT (1..31)\n");
        return 2;
    }
    fd = socket(AF_NETLINK, SOCK_RAW, unit);
    if (fd < 0 || bind(fd, (struct sockaddr *)&self, sizeof(self)) != 0) {
        perror("netlink_in_flight: netlink socket");
        return 1;
    }
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, pair) != 0) {
        perror("netlink_in_flight: socketpair");
        return 1;
    }
    cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    if (sendmsg(pair[0], &msg, 0) != 1) {
        perror("netlink_in_flight: sendmsg");
        return 1;
    }
    close(fd);
    close(pair[0]);
    puts("ready");
    fflush(stdout);
    for (;;)
        pause();
}
