// SPDX-License-Identifier: GPL-2.0
/*
 * no_exit: a module with an init function but no exit function.
 *
 * What it teaches: the kernel cannot know how to undo what init did, so it
 * refuses to unload such a module (rmmod: "Device or resource busy") even
 * with a count of 0. /proc/modules marks it "[permanent]" in the "Used by"
 * column. Only a forced unload, on a kernel built with
 * CONFIG_MODULE_FORCE_UNLOAD, removes it, and that taints the kernel.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>

static int __init no_exit_init(void)
{
	pr_info("loaded for good (no module_exit)\n");
	return 0;
}

module_init(no_exit_init);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("RefScope lab: no exit function, so it can never be unloaded");
