// SPDX-License-Identifier: GPL-3.0-or-later
// The lab scenarios' guided walk-throughs (LabScenarios::all() names the
// scenarios; the ids here are theirs). Each step says what to click and
// what to watch, in the words the GUI uses: the Lab panel's Scenarios list
// and buttons, the Modules table, the Timeline tab and the Holders panel.
#include "teaching/teaching.h"

namespace refscope {

QStringList Teaching::walkthrough(const QString &scenarioId)
{
    if (scenarioId == QLatin1String("testmod"))
        return {
            tr("Select this scenario and click Run: it loads testmod and reads "
               "/proc/testmod-sample once."),
            tr("In the Modules table, select testmod: Refcount is 0 and Used by is empty."),
            tr("On the Timeline tab, the read leaves no module_get: the proc file's operations "
               "have no owner, so nothing is counted."),
            tr("Under Example modules, select testmod and click Unload: it unloads at once."),
        };
    if (scenarioId == QLatin1String("count_demo"))
        return {
            tr("Select this scenario and click Run: a process opens /dev/count_demo and keeps "
               "it open."),
            tr("In the Modules table, select count_demo: Refcount is 2 while Used by stays "
               "empty."),
            tr("On the Timeline tab, find the two module_get events of the open(): one from the "
               "file's owner, one from the extra try_module_get()."),
            tr("The Holders panel lists the sleep process with /dev/count_demo open."),
            tr("Click Unload under Example modules: it is refused as busy."),
            tr("Click Stop: the file closes, two module_put events bring the count to 0 and "
               "Unload works."),
        };
    if (scenarioId == QLatin1String("stuck_netlink"))
        return {
            tr("Select this scenario and click Run: stuck-netlink-send sends one message and "
               "exits."),
            tr("In the Modules table, select stuck_netlink: Refcount stays at 1 and Used by is "
               "empty."),
            tr("The Holders panel finds no process: the reference belongs to the module's "
               "kernel thread, which keeps the socket."),
            tr("On the Timeline tab, the module_get has no matching module_put."),
            tr("Click Unload: it stays refused for as long as the guest runs."),
        };
    if (scenarioId == QLatin1String("leaky_ref"))
        return {
            tr("Select this scenario and click Run, then Run again: each run writes \"oops\" "
               "to /proc/leaky_ref."),
            tr("In the Modules table, select leaky_ref: Refcount grows by 1 with every run."),
            tr("On the Timeline tab, each write shows a module_get without a module_put: the "
               "outstanding references point at the leaking call site."),
            tr("The Holders panel finds no holder: the references are unattributed. The "
               "timeline's outstanding gets prove the leak: leaky_ref took them on itself and "
               "never put them back."),
            tr("Click Unload: it is refused, and nothing short of a reboot brings the count "
               "down."),
        };
    if (scenarioId == QLatin1String("no_exit"))
        return {
            tr("Select this scenario and click Run: it loads no_exit."),
            tr("In the Modules table, select no_exit: Refcount is 0, Used by is empty, and "
               "Permanent says yes."),
            tr("Click Unload: it is refused, because a module without an exit function can "
               "never be unloaded."),
        };
    if (scenarioId == QLatin1String("slow_init"))
        return {
            tr("Select this scenario and click Run: insmod starts slow_init, whose init "
               "sleeps."),
            tr("In the Modules table, select slow_init: State is coming and Refcount is 1, the "
               "loader's reference."),
            tr("On the Timeline tab, module_load comes first; the module_put of "
               "do_init_module() comes only when init returns."),
            tr("Click Stop to interrupt insmod and watch the module disappear, or wait until "
               "it becomes live with a count of 0."),
        };
    if (scenarioId == QLatin1String("export_provider"))
        return {
            tr("Select this scenario and click Run: it loads export_provider, then "
               "export_consumer."),
            tr("In the Modules table, select export_provider: Refcount is 1 and Used by lists "
               "export_consumer."),
            tr("On the Graph tab, the arrow from export_consumer to export_provider is that "
               "reference; the Holders panel lists it as a module."),
            tr("Unload export_provider: refused. Unload export_consumer first, then "
               "export_provider unloads."),
        };
    if (scenarioId == QLatin1String("devices"))
        return {
            tr("Select this scenario and click Run: processes open /dev/loop-control, "
               "/dev/net/tun and /dev/fuse."),
            tr("In the Modules table, select loop, tun and fuse in turn: each Refcount is above "
               "0 and Used by is empty."),
            tr("The Holders panel names each process and the device file it holds; on the "
               "Timeline tab each open() is a module_get."),
            tr("Click Stop: the files close, module_put events follow and the counts go back "
               "to 0."),
        };
    return {};
}

} // namespace refscope
