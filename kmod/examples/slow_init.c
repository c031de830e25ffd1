// SPDX-License-Identifier: GPL-2.0
/*
 * slow_init: a module whose init function sleeps init_seconds (default 5).
 *
 * What it teaches: until init returns, the module exists but is "coming":
 * /proc/modules says "Loading", /sys/module/slow_init/initstate says
 * "coming", its count is 1 (the loader holds a reference during init) and
 * rmmod refuses it. Killing the insmod interrupts
 * the sleep, init fails with -EINTR and the module never goes live.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/module.h>

static unsigned int init_seconds = 5;
module_param(init_seconds, uint, 0444);
MODULE_PARM_DESC(init_seconds, "how long init sleeps, in seconds (default 5)");

static int __init slow_init_init(void)
{
	pr_info("sleeping %u s in init, refcount %d\n", init_seconds, module_refcount(THIS_MODULE));
	/* msleep_interruptible() returns early, with time left, on a signal. */
	if (msleep_interruptible(init_seconds * 1000)) {
		pr_info("interrupted, giving up\n");
		return -EINTR;
	}
	pr_info("init done\n");
	return 0;
}

static void __exit slow_init_exit(void)
{
	pr_info("unloaded\n");
}

module_init(slow_init_init);
module_exit(slow_init_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("RefScope lab: init sleeps, so the module is seen \"coming\"");
