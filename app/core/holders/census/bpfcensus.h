// SPDX-License-Identifier: GPL-3.0-or-later
// BPF as a holder: fentry, fexit and fmod_ret programs attached to a
// module's function run through one BPF trampoline per function, which
// holds the module while any program is attached to it (loading a program
// holds nothing). Read with the bpf syscall through libbpf: every link
// (BPF_LINK_GET_NEXT_ID), its program's attach_btf_obj_id naming the
// module's BTF object, and the processes holding the link fds.
#pragma once

namespace refscope {

struct Census;
class ModuleOwners;

void addBpfHolders(ModuleOwners &owners, Census &census);

} // namespace refscope
