// SPDX-License-Identifier: GPL-2.0
/*
 * leaky_ref: an unbalanced try_module_get(), a get whose put never comes
 * (every try_module_get() needs its module_put(), on error paths too).
 *
 * Writing to /proc/leaky_ref pins the module while the command is handled.
 * "ok" is handled correctly and the reference is put back. Anything else
 * takes the error path, which forgets module_put(): each bad write leaks one
 * reference for good. lsmod then shows a count with an empty "Used by", no
 * process has anything open, and the module cannot be unloaded until reboot.
 *
 *   echo ok   > /proc/leaky_ref   # balanced: count unchanged
 *   echo oops > /proc/leaky_ref   # write error, count +1 forever
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define LEAKY_REF_PROC_NAME "leaky_ref"

static ssize_t leaky_ref_write(struct file *file, const char __user *buf, size_t len, loff_t *pos)
{
	char command[8] = "";

	if (!try_module_get(THIS_MODULE))
		return -ENODEV;
	if (len > sizeof(command) - 1 || copy_from_user(command, buf, len))
		return -EINVAL; /* BUG, on purpose: the reference leaks here */
	if (!sysfs_streq(command, "ok"))
		return -EINVAL; /* BUG, on purpose: and here */
	module_put(THIS_MODULE);
	return len;
}

static const struct proc_ops leaky_ref_proc_ops = {
	.proc_write = leaky_ref_write,
	.proc_lseek = noop_llseek,
};

static int __init leaky_ref_init(void)
{
	if (!proc_create(LEAKY_REF_PROC_NAME, 0222, NULL, &leaky_ref_proc_ops))
		return -ENOMEM;
	return 0;
}

static void __exit leaky_ref_exit(void)
{
	remove_proc_entry(LEAKY_REF_PROC_NAME, NULL);
}

module_init(leaky_ref_init);
module_exit(leaky_ref_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("RefScope lab: an error path that forgets module_put()");
