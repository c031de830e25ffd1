// SPDX-License-Identifier: GPL-3.0-or-later
// A hidden test hook of refscope (--print-privileges): the real window,
// offscreen, as whichever user runs it, waits for polkit's answers and the
// first snapshot, selects a module "Force release…" could act on and
// prints, one per line:
//   polkit ACTION yes|challenge|no|unreachable
//   readAsRoot enabled=0|1 locked=0|1
//   forceRelease enabled=0|1 locked=0|1 module=NAME
//   tooltip readAsRoot|forceRelease TEXT (newlines as " / ")
// With a PNG path it also saves the window, its open Module menu and both
// tooltips side by side. Following (--follow-privileges), it then waits
// for polkit's answers to change (its rules changed: configChanged) and
// prints "changed" and the lines again. The vm tests compare the lines with
// polkit's own answer for each test user.
#pragma once

#include <QString>

namespace refscope {

class MainWindow;

enum class PrivilegeProbe { Print, Follow };

// Runs the event loop until done; returns the exit code (0, or 1 when
// polkit or the snapshot did not answer in time, nothing changed while
// following, or the PNG was not saved).
int runPrivilegeProbe(MainWindow &window, PrivilegeProbe mode, const QString &pngPath = {});

} // namespace refscope
