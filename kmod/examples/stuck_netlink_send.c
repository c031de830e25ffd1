// SPDX-License-Identifier: GPL-2.0
/*
 * stuck-netlink-send [UNIT]: the user side of the stuck_netlink example.
 * Opens a netlink socket of protocol UNIT (default 30), sends one message to
 * the kernel, closes the socket and exits. Afterwards stuck_netlink's count
 * should be 0 -- but its worker thread kept the socket, so it stays at 1.
 */
#include <linux/netlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int unit = argc > 1 ? atoi(argv[1]) : 30;
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK }; /* nl_pid 0: the kernel */
	struct {
		struct nlmsghdr header;
		char text[16];
	} message = { .header = { .nlmsg_len = sizeof(message), .nlmsg_type = NLMSG_MIN_TYPE } };
	int fd;

	if (argc > 2 || unit <= 0 || unit >= 32) {
		fprintf(stderr, "usage: stuck-netlink-send [UNIT 1..31]\n");
		return 2;
	}
	fd = socket(AF_NETLINK, SOCK_RAW, unit);
	if (fd < 0) {
		perror("stuck-netlink-send: socket (is stuck_netlink loaded?)");
		return 1;
	}
	strcpy(message.text, "hello");
	if (sendto(fd, &message, sizeof(message), 0, (struct sockaddr *)&kernel, sizeof(kernel)) <
	    0) {
		perror("stuck-netlink-send: sendto");
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}
