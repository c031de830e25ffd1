// SPDX-License-Identifier: GPL-3.0-or-later
#include "ksharkload.h"

#include <libkshark.h>

#include <stdlib.h>

struct KsharkLoad {
    struct kshark_context *context;
    int stream;
    struct kshark_entry **rows;
    ssize_t entries;
};

struct KsharkLoad *ksharkLoad(const char *file, long *entries)
{
    struct KsharkLoad *load = calloc(1, sizeof *load);
    if (!load || !kshark_instance(&load->context)) {
        free(load);
        return NULL;
    }
    load->stream = kshark_open(load->context, file);
    if (load->stream >= 0)
        load->entries = kshark_load_entries(load->context, load->stream, &load->rows);
    if (load->stream < 0 || load->entries < 0) {
        ksharkRelease(load);
        return NULL;
    }
    *entries = (long)load->entries;
    return load;
}

void ksharkRelease(struct KsharkLoad *load)
{
    for (ssize_t i = 0; i < load->entries; ++i)
        free(load->rows[i]);
    free(load->rows);
    if (load->stream >= 0)
        kshark_close(load->context, load->stream);
    kshark_free(load->context);
    free(load);
}
