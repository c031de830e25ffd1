// SPDX-License-Identifier: GPL-2.0
/*
 * count_demo: a character device whose open() pins its own module with
 * try_module_get() and whose release() gives it back with module_put(), as
 * /dev/count_demo (a misc device, so devtmpfs creates the node; no mknod
 * needed).
 *
 * What it teaches: every open file pins the module, and an explicit
 * try_module_get(THIS_MODULE) in open() is a SECOND reference on top of the
 * one the kernel already takes. misc_open() calls fops_get(), which does
 * try_module_get(fops->owner) because .owner = THIS_MODULE, and __fput()
 * drops it after release(). So with self_ref=1 (the explicit get) one open
 * file shows "Used by" 2 in lsmod; with self_ref=0 it shows 1. Either way
 * the "Used by" list stays empty: a file is not a module.
 *
 * Reading blocks until a signal, so `cat /dev/count_demo &` holds the device
 * open while lsmod is read; kill it and the count drops again.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/wait.h>

static bool self_ref = true;
module_param(self_ref, bool, 0644);
MODULE_PARM_DESC(self_ref, "take an extra try_module_get() in open() (default 1)");

/* Marks a file whose open() took the extra reference, so release() puts
 * exactly what open() got even if self_ref changes in between. */
static char count_demo_took_ref;

static DECLARE_WAIT_QUEUE_HEAD(count_demo_never);

static int count_demo_open(struct inode *inode, struct file *file)
{
	file->private_data = NULL;
	pr_info("open, refcount %d (the VFS reference is already counted)\n",
		module_refcount(THIS_MODULE));
	if (self_ref) {
		if (!try_module_get(THIS_MODULE))
			return -EBUSY;
		file->private_data = &count_demo_took_ref;
		pr_info("took our own reference, refcount %d\n", module_refcount(THIS_MODULE));
	}
	return 0;
}

static int count_demo_release(struct inode *inode, struct file *file)
{
	if (file->private_data == &count_demo_took_ref)
		module_put(THIS_MODULE);
	/* The VFS reference goes only after we return, in __fput(). */
	pr_info("release, refcount %d\n", module_refcount(THIS_MODULE));
	return 0;
}

/* Sleeps until the reader is signalled: keeps the file open for demos. */
static ssize_t count_demo_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	int err = wait_event_interruptible(count_demo_never, false);

	return err ? err : 0;
}

static const struct file_operations count_demo_fops = {
	.owner = THIS_MODULE,
	.open = count_demo_open,
	.release = count_demo_release,
	.read = count_demo_read,
	.llseek = noop_llseek,
};

static struct miscdevice count_demo_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "count_demo",
	.fops = &count_demo_fops,
	.mode = 0666,
};

static int __init count_demo_init(void)
{
	int err = misc_register(&count_demo_device);

	if (err)
		return err;
	pr_info("/dev/count_demo ready, refcount %d\n", module_refcount(THIS_MODULE));
	return 0;
}

static void __exit count_demo_exit(void)
{
	misc_deregister(&count_demo_device);
	pr_info("unloaded\n");
}

module_init(count_demo_init);
module_exit(count_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("RefScope lab: open files pin the module, twice with an explicit try_module_get");
