// SPDX-License-Identifier: GPL-3.0-or-later
// bpf_fentry_hold MODULE FUNCTION [PROGRAMS]: loads PROGRAMS (default 1)
// fentry programs that do nothing, attaches each to FUNCTION of MODULE with
// a BPF link, prints MODULE's count after each step ("loaded N", "linked
// N") and "ready", then sleeps holding the links until it is killed. The
// census vm test uses it to hold a module through BPF.
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int module_count(const char *module)
{
    char line[512], name[256];
    int count = -1, n;
    FILE *f = fopen("/proc/modules", "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%255s %*u %d", name, &n) == 2 && strcmp(name, module) == 0)
            count = n;
    }
    fclose(f);
    return count;
}

// The fd of the kernel's BTF object named `module`.
static int module_btf_fd(const char *module)
{
    __u32 id = 0;
    while (bpf_btf_get_next_id(id, &id) == 0) {
        int fd = bpf_btf_get_fd_by_id(id);
        if (fd < 0)
            continue;
        char name[64] = "";
        struct bpf_btf_info info;
        memset(&info, 0, sizeof info);
        info.name = (__u64)(unsigned long)name;
        info.name_len = sizeof name;
        __u32 len = sizeof info;
        if (bpf_obj_get_info_by_fd(fd, &info, &len) == 0 && strcmp(name, module) == 0)
            return fd;
        close(fd);
    }
    return -1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bpf_fentry_hold MODULE FUNCTION [PROGRAMS]\n");
        return 2;
    }
    const char *module = argv[1], *function = argv[2];
    int programs = argc > 3 ? atoi(argv[3]) : 1;
    struct btf *vmlinux = btf__load_vmlinux_btf();
    struct btf *btf = vmlinux ? btf__load_module_btf(module, vmlinux) : NULL;
    int btf_fd = module_btf_fd(module);
    if (!btf || btf_fd < 0) {
        fprintf(stderr, "no BTF for %s\n", module);
        return 1;
    }
    int func = btf__find_by_name_kind(btf, function, BTF_KIND_FUNC);
    if (func < 0) {
        fprintf(stderr, "no function %s in %s's BTF\n", function, module);
        return 1;
    }
    // r0 = 0; exit
    struct bpf_insn insns[2];
    memset(insns, 0, sizeof insns);
    insns[0].code = BPF_ALU64 | BPF_MOV | BPF_K;
    insns[0].dst_reg = BPF_REG_0;
    insns[1].code = BPF_JMP | BPF_EXIT;
    for (int i = 0; i < programs; i++) {
        LIBBPF_OPTS(bpf_prog_load_opts, opts, .expected_attach_type = BPF_TRACE_FENTRY,
                    .attach_btf_id = (__u32)func, .attach_btf_obj_fd = (__u32)btf_fd);
        int prog = bpf_prog_load(BPF_PROG_TYPE_TRACING, "refscope_hold", "GPL", insns, 2, &opts);
        if (prog < 0) {
            perror("bpf_prog_load");
            return 1;
        }
        printf("loaded %d\n", module_count(module));
        int link = bpf_link_create(prog, 0, BPF_TRACE_FENTRY, NULL);
        if (link < 0) {
            perror("bpf_link_create");
            return 1;
        }
        printf("linked %d\n", module_count(module));
    }
    printf("ready\n");
    fflush(stdout);
    for (;;)
        pause();
}
