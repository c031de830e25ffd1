// SPDX-License-Identifier: GPL-2.0
/*
 * refscope_helper: RefScope's helper for "why can't I unload module X?".
 *
 * /dev/refscope_helper (root only) answers these ioctls (refscope_helper.h):
 *  - HOLDERS (refscope_holders.c): every open file and superblock holding
 *    references to X, found by comparing owner fields (f_op, cdev, block
 *    device, socket ops and proto, netlink protocol, filesystem type) with
 *    X, so it is exact; and how many kernel threads run X's own code.
 *  The rest is in refscope_release.c:
 *  - DROP: the last resort for references a recording proved leaked (a leaked
 *    try_module_get): sets X's count from exactly the count the user saw to
 *    the count its holders explain, with one compare-and-swap, and taints the
 *    kernel like a forced unload. Never to zero, never blindly.
 *  - CLOSE_FD: closes one fd of a stopped process, only while it still
 *    refers to an open file holding X.
 *  - FORCE_PREPARE: makes the files X's own kernel threads let go during a
 *    forced unload reach X's count before X is freed.
 *
 * X is found through the module kset (find_module is unexported since 5.12).
 * The kobject reference kset_find_obj returns keeps struct module's memory:
 * free_module waits for the last kobject reference before freeing it. While
 * working the helper also holds one reference on X (try_module_get), so X
 * stays live and its file_system_types stay registered; that reference is
 * subtracted from every count it reports or compares.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "refscope_internal.h"

#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 6, 0)
#error "refscope_helper needs Linux 4.6 or later"
#endif

/* A NUL-terminated, non-empty name that fits the kernel's module names. */
bool refscope_valid_name(const char (*name)[REFSCOPE_HELPER_NAME_LEN])
{
	return memchr(*name, '\0', sizeof(*name)) && (*name)[0] && strlen(*name) < MODULE_NAME_LEN;
}

/* Finds a loadable module by name and pins its memory (see above). */
struct module *refscope_find_module(const char *name, struct kobject **pin)
{
	struct kobject *kobj = kset_find_obj(THIS_MODULE->mkobj.kobj.kset, name);
	struct module *mod;

	if (!kobj)
		return ERR_PTR(-ENOENT);
	/* Built-in modules have a module_kobject with parameters only. */
	mod = kobj->ktype == THIS_MODULE->mkobj.kobj.ktype ?
		      container_of(kobj, struct module_kobject, kobj)->mod :
		      NULL;
	if (!mod) {
		kobject_put(kobj);
		return ERR_PTR(-ENXIO);
	}
	*pin = kobj;
	return mod;
}

static int refscope_release(struct inode *inode, struct file *handle)
{
	refscope_force_forget(handle);
	return 0;
}

static long refscope_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	u32 version = REFSCOPE_HELPER_ABI_VERSION;

	switch (cmd) {
	case REFSCOPE_HELPER_IOC_VERSION:
		return copy_to_user(argp, &version, sizeof(version)) ? -EFAULT : 0;
	case REFSCOPE_HELPER_IOC_HOLDERS:
		return refscope_holders(argp);
	case REFSCOPE_HELPER_IOC_DROP:
		return refscope_drop(argp);
	case REFSCOPE_HELPER_IOC_CLOSE_FD:
		return refscope_close_fd(argp);
	case REFSCOPE_HELPER_IOC_FORCE_PREPARE:
		return refscope_force_prepare(file, argp);
	default:
		return -ENOTTY;
	}
}

/* .owner pins the helper while a handle is open. */
static const struct file_operations refscope_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = refscope_ioctl,
	.release = refscope_release,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 5, 0)
	.compat_ioctl = compat_ptr_ioctl, /* the structs' layouts do not depend on the ABI */
#endif
	.llseek = noop_llseek,
};

static struct miscdevice refscope_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = REFSCOPE_HELPER_DEVICE,
	.fops = &refscope_fops,
	.mode = 0600,
};

static int __init refscope_helper_init(void)
{
	int ret;

	if (!nl_table || !refscope_netlink_layout_fits()) {
		pr_err("this kernel's netlink table does not have the expected layout\n");
		return -ENOEXEC;
	}
	ret = refscope_force_init();
	if (ret)
		return ret;
	ret = misc_register(&refscope_device);
	if (ret)
		refscope_force_exit();
	return ret;
}

static void __exit refscope_helper_exit(void)
{
	misc_deregister(&refscope_device);
	refscope_force_exit();
}

module_init(refscope_helper_init);
module_exit(refscope_helper_exit);
MODULE_LICENSE("GPL");
MODULE_VERSION(REFSCOPE_HELPER_VERSION);
MODULE_DESCRIPTION(
	"RefScope: exact holders of a module, a guarded drop of leaked references, and a safe release");
