// SPDX-License-Identifier: GPL-3.0-or-later
/* open_close_flood PATH COUNT: opens and closes PATH COUNT times, as fast
 * as it can. Each open of a device whose file_operations name an owner
 * module is one module_get and each close one module_put: the vm tests'
 * flood of module events. Prints the elapsed seconds. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: open_close_flood PATH COUNT\n");
        return 2;
    }
    const long count = atol(argv[2]);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < count; ++i) {
        const int fd = open(argv[1], O_RDONLY);
        if (fd < 0) {
            perror(argv[1]);
            return 1;
        }
        close(fd);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%.3f\n", (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
    return 0;
}
