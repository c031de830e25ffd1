// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releasesteptext.h"

#include <QCoreApplication>

namespace refscope {

namespace {

constexpr char kContext[] = "refscope::ReleaseStepText";

// The sentence template of each code (untranslated); %1... are its
// arguments in order, the last placeholder the step's target.
const char *sentence(StepCode code)
{
    switch (code) {
    case StepCode::Checked:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "%2 is live with %1 reference(s), as you confirmed.");
    case StepCode::NotLoaded:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText", "%1 is not loaded.");
    case StepCode::BuiltIn:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "%1 is built into the kernel: it can never be unloaded.");
    case StepCode::Coming:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "%1 is still initialising: wait until its init function returns.");
    case StepCode::Going:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText", "%1 is already being unloaded.");
    case StepCode::Permanent:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "%1 has no exit function (permanent): the kernel can never unload it.");
    case StepCode::NoUnloadSupport:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "This kernel was built without module unloading (CONFIG_MODULE_UNLOAD): %1 "
            "cannot be unloaded.");
    case StepCode::CountChanged:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "The count of %3 changed since you confirmed: %1 now, %2 confirmed. Nothing "
            "was changed; look at its holders again.");
    case StepCode::ProtectedProcess:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "Refused to end pid %1 to clear %2: RefScope never signals init, "
                                 "its own agent or the program that started it.");
    case StepCode::WrongAction:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "\"%1\" cannot clear a %2 holder (%3).");
    case StepCode::Terminated:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "Ended %2: pid(s) %1 exited after SIGTERM.");
    case StepCode::Killed:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Killed %2: pid(s) %1 outlived SIGTERM's grace period and got SIGKILL.");
    case StepCode::FdsClosed:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText", "Closed fd(s) %1 of %2.");
    case StepCode::Unmounted:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText", "Unmounted %1.");
    case StepCode::HolderModuleUnloaded:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText", "Unloaded the user module %1.");
    case StepCode::HolderGone:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "%1 no longer holds the module: nothing to do.");
    case StepCode::ClearFailed:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText", "Could not clear %2: %1");
    case StepCode::Dropped:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Dropped %1 reference(s) of %4 that the recording proves leaked: count %2 -> %3. "
            "The kernel is now tainted (R), as after a forced unload.");
    case StepCode::UnattributedChanged:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "%3 now has %1 unattributed reference(s), not the %2 you confirmed: nothing "
            "was dropped.");
    case StepCode::NothingToDrop:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "Every remaining reference of %1 is attributed: nothing to drop.");
    case StepCode::DropFailed:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "Could not drop the references of %2: %1");
    case StepCode::ForceUnsupported:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "This kernel has no forced unload (CONFIG_MODULE_FORCE_UNLOAD): %1 was not "
            "forced.");
    case StepCode::ForceOpenFiles:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Refused to force %2 out: %1 holder(s) remain that a process or the kernel "
            "would close later, calling into the freed module's code.");
    case StepCode::ForceUnattributed:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Refused to force %2 out: %1 reference(s) RefScope could not attribute might be "
            "put later, into freed memory.");
    case StepCode::ForceUnloaded:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Forced %2 out (delete_module with O_TRUNC): its exit stopped its own kernel "
            "threads, which let go of %1 reference(s). The kernel is now tainted (R).");
    case StepCode::ForceFailed:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "The kernel refused to force %2 out: %1");
    case StepCode::Unloaded:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText", "Unloaded %1.");
    case StepCode::UnloadFailed:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText", "Could not unload %2: %1");
    case StepCode::Gone:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Verified: %1 is gone (neither in /sys/module nor in /proc/modules).");
    case StepCode::StillLoaded:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText", "%3 is still loaded (%1, count %2).");
    case StepCode::NoRecording:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Refused to drop references of %3: no recording proves them leaked. An "
            "unattributed reference is one whose holder RefScope could not see, not one "
            "that nothing holds. Record the module while the leak happens (%2, or the "
            "timeline's Capture) and give the recording (--trace FILE): only the module's "
            "own gets that were never put back are dropped.");
    case StepCode::RecordingLacksModule:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "Refused to drop references of %3: the recording %1 has no "
                                 "event of %2. Record it while the leak happens.");
    case StepCode::RecordingLostEvents:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "Refused to drop references of %3: the recording %1 lost %2 "
                                 "event(s), so a put may be missing from it. Record again.");
    case StepCode::RecordingStale:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "Refused to drop references of %4: the recording %1 ends with "
                                 "count %2 but the count is %3 now: it no longer shows what "
                                 "holds the module. Record again up to now.");
    case StepCode::KindsUnchecked:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "Refused to drop references of %3: %1 reference(s) are "
                                 "unattributed while these kinds of holder could not be "
                                 "checked: %2. One of them may hold the module.");
    case StepCode::NotProvenLeaked:
        return QT_TRANSLATE_NOOP("refscope::ReleaseStepText",
                                 "Refused to drop references of %4: %1 reference(s) are "
                                 "unattributed but the recording proves only %2 leaked (the "
                                 "module's own gets never put back). The others were taken "
                                 "for: %3. They are not leaks: remove those holders instead.");
    case StepCode::ForceInFlight:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Refused to force %2 out: %1 file(s) of it are in flight, sent over a unix socket "
            "and not received yet. The module's exit does not let them go: whoever receives "
            "them, or the socket's last close, would call into the freed module. Let the "
            "receiver take them, or close that socket, first.");
    case StepCode::ForceRaced:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Refused to force %3 out: its holders changed since the scan just before (count "
            "%1 now, %2 then). A reference taken meanwhile would be put into freed memory. "
            "Nothing was changed; look at its holders again.");
    case StepCode::ForceUnchecked:
        return QT_TRANSLATE_NOOP(
            "refscope::ReleaseStepText",
            "Refused to force %2 out: RefScope could not check whether a file of it is in "
            "flight in a unix socket, which would be closed after the module is freed (%1).");
    }
    return "";
}

} // namespace

QString releaseStepText(const ReleaseStep &step)
{
    // One pass, so a value that itself contains "%1" (a path, a kernel
    // message) is never substituted again as chained QString::arg would.
    const QStringList values = step.args + QStringList{step.target};
    const QString pattern = QCoreApplication::translate(kContext, sentence(step.code));
    QString text;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const qsizetype number = i + 1 < pattern.size() ? pattern.at(i + 1).digitValue() : -1;
        if (pattern.at(i) == u'%' && number >= 1 && number <= values.size()) {
            text += values.at(number - 1);
            ++i;
        } else {
            text += pattern.at(i);
        }
    }
    return text;
}

} // namespace refscope
