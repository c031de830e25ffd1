#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs one test under ThreadSanitizer and fails it on RefScope's races only.

Qt is not built with ThreadSanitizer and Debian ships its libraries without
internal symbols, so TSan reports races between accesses made entirely inside
Qt (its futex-based locks and atomics are invisible to it), with frames it
cannot name and tsan.supp therefore cannot match. The rule tsan.supp states
is applied here to every report: a report with a frame outside the system's
libraries (RefScope's code, or a Qt template inlined into it) in either
racing access fails the test; a report whose two accesses are all inside
system libraries is counted and shown, never failing. So is one more pattern
of Qt's invisible thread join: memory Qt allocated in a thread that has
finished, freed afterwards by the thread that waited for it (QThread::wait
is a futex inside Qt; TSan sees no join). A thread still running at the
free is never excused.

Usage: tsan-verdict.py PROGRAM [ARGS...]
The test's own exit status stands; TSan's exit code is switched off.
       tsan-verdict.py --self-test DIR
checks the verdicts on the saved reports DIR/expected.txt names.
"""
import os
import re
import subprocess
import sys

# TSan names a frame's module by its file name only.
SYSTEM_LIBRARY_DIRS = ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
                       "/usr/lib64", "/usr/local/lib")
ACCESS_HEADER = re.compile(
    r"^  (Previous )?(atomic )?(read|write) of size \d+ at ", re.IGNORECASE)
FRAME = re.compile(r"^\s+#\d+ .*\((?P<module>[^()+]+)\+0x[0-9a-f]+\)\s*$")


ACCESS_THREAD = re.compile(r" by (main thread|thread (T\d+))")
FINISHED_THREAD = re.compile(r"^  Thread (T\d+) .*\(tid=\d+, finished\)")
ALLOCATORS = ("malloc", "calloc", "realloc", "operator new")
DEALLOCATORS = ("free", "operator delete")


def accesses(report):
    """(thread, frame lines) of the two racing accesses of one report."""
    found, current = [], None
    for line in report:
        if ACCESS_HEADER.match(line):
            thread = ACCESS_THREAD.search(line)
            current = []
            found.append((thread.group(2) or "main" if thread else "?", current))
        elif current is not None and line.strip().startswith("#"):
            current.append(line)
        elif current is not None and not line.strip():
            current = None
    return found


def access_stacks(report):
    return [stack for _, stack in accesses(report)]


def function_of(frame):
    match = re.match(r"\s+#\d+ (.*)", frame)
    return match.group(1) if match else ""


def freed_after_qt_join(report):
    """Qt allocated it in a finished thread; another thread freed it."""
    found = accesses(report)
    if len(found) != 2:
        return False
    (_, freeing), (allocating_thread, allocating) = found
    finished = {m.group(1) for m in map(FINISHED_THREAD.match, report) if m}
    return (allocating_thread in finished
            and bool(freeing) and function_of(freeing[0]).startswith(DEALLOCATORS)
            and bool(allocating) and function_of(allocating[0]).startswith(ALLOCATORS)
            and all(in_system_library(f) for f in allocating))


def in_system_library(frame):
    match = FRAME.match(frame)
    if not match:
        return False
    name = os.path.basename(match.group("module"))
    return any(os.path.exists(os.path.join(d, name)) for d in SYSTEM_LIBRARY_DIRS)


def is_refscopes(report):
    if freed_after_qt_join(report):
        return False
    return any(not in_system_library(frame)
               for stack in access_stacks(report) for frame in stack)


def reports(text):
    current = None
    for line in text.splitlines():
        if line.startswith("WARNING: ThreadSanitizer:"):
            current = [line]
        elif current is not None:
            current.append(line)
            if line.startswith("SUMMARY: ThreadSanitizer:"):
                yield current
                current = None


def self_test(directory):
    failures = 0
    with open(os.path.join(directory, "expected.txt"), encoding="utf-8") as listing:
        for line in listing:
            if not line.strip() or line.startswith("#"):
                continue
            name, expected = line.split()
            with open(os.path.join(directory, name), encoding="utf-8") as report_file:
                found = list(reports(report_file.read()))
            got = "fails" if any(is_refscopes(r) for r in found) else "counted"
            if len(found) != 1 or got != expected:
                print(f"{name}: {len(found)} report(s), {got}, expected {expected}")
                failures += 1
    return 1 if failures else 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--self-test":
        return self_test(sys.argv[2])
    env = dict(os.environ)
    options = [o for o in env.get("TSAN_OPTIONS", "").split(":")
               if o and not o.startswith(("halt_on_error=", "exitcode="))]
    env["TSAN_OPTIONS"] = ":".join(options + ["halt_on_error=0", "exitcode=0"])
    run = subprocess.run(sys.argv[1:], env=env, stderr=subprocess.PIPE,
                         text=True, errors="replace")
    sys.stderr.write(run.stderr)
    all_reports = list(reports(run.stderr))
    ours = [r for r in all_reports if is_refscopes(r)]
    if all_reports:
        print(f"tsan-verdict: {len(all_reports)} report(s), {len(ours)} with a "
              f"frame of RefScope's code; {len(all_reports) - len(ours)} inside "
              f"uninstrumented system libraries or freed after Qt's thread join", file=sys.stderr)
    if run.returncode != 0:
        return run.returncode
    return 1 if ours else 0


if __name__ == "__main__":
    sys.exit(main())
