// SPDX-License-Identifier: GPL-3.0-or-later
// The polkit actions of refscope-agent's modes, named once for the code
// (polkit/org.refscope.policy.in declares them; tst_privilegeview checks the
// built policy against these): pkexec picks one by the agent's first
// argument, and the GUI asks polkit about each before the user clicks.
#pragma once

namespace refscope::polkitaction {

// --inspect: snapshots, holders, tracing (auth_admin_keep by default).
inline constexpr char kInspect[] = "org.refscope.inspect";
// --release: one force release (auth_admin, asked every time).
inline constexpr char kRelease[] = "org.refscope.release";
// --flight: the flight recorder's state and frozen history (auth_admin_keep).
inline constexpr char kFlight[] = "org.refscope.flight";

} // namespace refscope::polkitaction
