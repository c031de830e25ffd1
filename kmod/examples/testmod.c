// SPDX-License-Identifier: GPL-2.0
/*
 * testmod: a sample module whose users are looked for with the module_get /
 * module_put tracepoints. It creates /proc/testmod-sample, which reads back
 * "This is testmod.".
 *
 * What it teaches: reading a /proc file does NOT pin the module. Since 5.6
 * procfs files use struct proc_ops, which has no .owner: procfs counts its
 * users itself and remove_proc_entry() waits for them to leave. So while
 * `cat /proc/testmod-sample` runs, lsmod still shows 0 and the module_get /
 * module_put tracepoints stay quiet: nothing uses the module while it is
 * read.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#define TESTMOD_PROC_NAME "testmod-sample"

static int testmod_show(struct seq_file *m, void *v)
{
	seq_puts(m, "This is testmod.\n");
	return 0;
}

static int testmod_open(struct inode *inode, struct file *file)
{
	return single_open(file, testmod_show, NULL);
}

static const struct proc_ops testmod_proc_ops = {
	.proc_open = testmod_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init testmod_init(void)
{
	if (!proc_create(TESTMOD_PROC_NAME, 0444, NULL, &testmod_proc_ops))
		return -ENOMEM;
	pr_info("/proc/%s created\n", TESTMOD_PROC_NAME);
	return 0;
}

static void __exit testmod_exit(void)
{
	remove_proc_entry(TESTMOD_PROC_NAME, NULL);
	pr_info("unloaded\n");
}

module_init(testmod_init);
module_exit(testmod_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("RefScope lab: a /proc file that does not pin its module");
