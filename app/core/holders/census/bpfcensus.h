// SPDX-License-Identifier: GPL-3.0-or-later
// BPF as a holder: fentry, fexit and fmod_ret programs attached to a
// module's function. Up to 6.3 they run through one BPF trampoline per
// function, which holds the module while any program is attached to it
// (loading a program holds nothing); from 6.4 each program holds the
// module from its loading until it is freed, linked or not (measured in
// the lab: two programs on one function hold 1 reference on 6.1, 2 on
// 6.12). Read with the bpf syscall through libbpf: the links
// (BPF_LINK_GET_NEXT_ID) or programs (BPF_PROG_GET_NEXT_ID), the program's
// attach_btf_obj_id naming the module's BTF object, and the processes
// holding the link and program fds.
#pragma once

#include <QString>

namespace refscope {

struct Census;
class ModuleOwners;
class ProcessSocketsWalk;

// Whether each program holds the module (6.4 on) rather than one
// trampoline per function (up to 6.3), on kernel RELEASE.
bool bpfProgramsHoldModule(const QString &release);

// `walk`: the processes' BPF fds (links and programs held by a process).
void addBpfHolders(ModuleOwners &owners, Census &census, ProcessSocketsWalk &walk);

} // namespace refscope
