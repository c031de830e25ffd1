#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-policy.py POLICY AGENT_PATH: checks RefScope's polkit actions.

The policy must parse, name the installed agent (or pkexec falls back to its
generic "run a program as root" prompt), give each action its defaults and
translations, and make pkexec's choice unambiguous: pkexec takes the first
action, in polkitd's hash-table order, whose exec.path matches and whose
exec.argv1 (when set) matches, so every action naming the agent must set a
distinct exec.argv1. The release action's messages carry $(command_line),
which names the one module the agent will release.
"""
import sys
import xml.etree.ElementTree as ET

EXPECTED = {
    "org.refscope.inspect": {
        "argv1": "--inspect",
        "defaults": {
            "allow_any": "auth_admin",
            "allow_inactive": "auth_admin",
            "allow_active": "auth_admin_keep",
        },
    },
    "org.refscope.flight": {
        "argv1": "--flight",
        "defaults": {
            "allow_any": "auth_admin",
            "allow_inactive": "auth_admin",
            "allow_active": "auth_admin_keep",
        },
    },
    "org.refscope.release": {
        "argv1": "--release",
        # The agent's command line names the module: the dialog shows it.
        "message_has": "$(command_line)",
        "defaults": {
            "allow_any": "auth_admin",
            "allow_inactive": "auth_admin",
            "allow_active": "auth_admin",
        },
    },
}
LANGUAGES = ("zh_CN", "zh_TW")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def annotation(action, key):
    element = action.find(f"annotate[@key='{key}']")
    return None if element is None else element.text


def problems_of(action_id, action, agent):
    expected = EXPECTED[action_id]
    path = annotation(action, "org.freedesktop.policykit.exec.path")
    if path != agent:
        yield f"{action_id}: exec.path is {path!r}, expected {agent!r}"
    argv1 = annotation(action, "org.freedesktop.policykit.exec.argv1")
    if argv1 != expected["argv1"]:
        yield f"{action_id}: exec.argv1 is {argv1!r}, expected {expected['argv1']!r}"
    for name, value in expected["defaults"].items():
        found = action.findtext(f"defaults/{name}")
        if found != value:
            yield f"{action_id}: {name} is {found!r}, expected {value!r}"
    needle = expected.get("message_has")
    if needle:
        for element in action.findall("message"):
            if needle not in (element.text or ""):
                lang = element.get(XML_LANG) or "the default language"
                yield f"{action_id}: the message for {lang} lacks {needle}"
    for tag in ("description", "message"):
        languages = {element.get(XML_LANG) for element in action.findall(tag)}
        for language in (None,) + LANGUAGES:
            if language not in languages:
                yield f"{action_id}: no {tag} for {language or 'the default language'}"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check-policy.py POLICY AGENT_PATH")
    policy, agent = sys.argv[1:]
    try:
        actions = {a.get("id"): a for a in ET.parse(policy).getroot().findall("action")}
    except (OSError, ET.ParseError) as error:
        sys.exit(f"{policy}: {error}")
    problems = []
    if sorted(actions) != sorted(EXPECTED):
        problems.append(f"actions are {sorted(actions)}, expected {sorted(EXPECTED)}")
    for action_id in EXPECTED.keys() & actions.keys():
        problems.extend(problems_of(action_id, actions[action_id], agent))
    for problem in problems:
        print(f"{policy}: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
