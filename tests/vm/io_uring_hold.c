// SPDX-License-Identifier: GPL-3.0-or-later
// io_uring_hold [--buffers] PATH...: sets up an io_uring, opens each PATH,
// registers the files with the ring (IORING_REGISTER_FILES) and closes
// their fds, so only the ring keeps them open; with --buffers also
// registers a buffer (IORING_REGISTER_BUFFERS). Prints the ring's fd
// ("ring N") and "ready", then sleeps until it is killed. Raw system calls:
// liburing is not needed. The census vm test uses it to hold a driver's
// module through a ring.
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int buffers = 0;
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--buffers") == 0) {
        buffers = 1;
        first = 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: io_uring_hold [--buffers] PATH...\n");
        return 2;
    }
    struct io_uring_params params;
    memset(&params, 0, sizeof params);
    const int ring = (int)syscall(__NR_io_uring_setup, 4, &params);
    if (ring < 0) {
        perror("io_uring_setup");
        return 1;
    }
    const int count = argc - first;
    int *fds = calloc((size_t)count, sizeof *fds);
    if (!fds)
        return 1;
    for (int i = 0; i < count; ++i) {
        fds[i] = open(argv[first + i], O_RDWR | O_CLOEXEC);
        if (fds[i] < 0) {
            perror(argv[first + i]);
            return 1;
        }
    }
    if (syscall(__NR_io_uring_register, ring, IORING_REGISTER_FILES, fds, count) < 0) {
        perror("IORING_REGISTER_FILES");
        return 1;
    }
    for (int i = 0; i < count; ++i)
        close(fds[i]);
    if (buffers) {
        // Anonymous memory: the kernel refuses to pin file-backed pages.
        void *buffer = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (buffer == MAP_FAILED) {
            perror("mmap");
            return 1;
        }
        struct iovec iov = {.iov_base = buffer, .iov_len = 4096};
        if (syscall(__NR_io_uring_register, ring, IORING_REGISTER_BUFFERS, &iov, 1) < 0) {
            perror("IORING_REGISTER_BUFFERS");
            return 1;
        }
    }
    printf("ring %d\nready\n", ring);
    fflush(stdout);
    for (;;)
        pause();
}
