// SPDX-License-Identifier: GPL-2.0
/*
 * refscope_helper's part in a force release: DROP (the references nothing
 * explains, by compare-and-swap), CLOSE_FD (one fd of a stopped process,
 * only while it still refers to the module) and FORCE_PREPARE (the files a
 * module's own kernel threads let go during a forced unload reach its count
 * before it is freed).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/if_tap.h>
#include <linux/if_tun.h>
#include <linux/notifier.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "refscope_internal.h"

long refscope_drop(struct refscope_helper_drop_request __user *argp)
{
	struct refscope_helper_drop_request req;
	struct kobject *pin;
	struct module *mod;
	int mine, found;
	long ret;

	if (!capable(CAP_SYS_MODULE))
		return -EPERM;
	if (copy_from_user(&req, argp, sizeof(req)))
		return -EFAULT;
	if (!refscope_valid_name(&req.name) || req.explained < 0 || req.explained >= req.expected)
		return -EINVAL;
	mod = refscope_find_module(req.name, &pin);
	if (IS_ERR(mod))
		return PTR_ERR(mod);
	ret = -EINVAL; /* its own count is the open handle's: not leaked */
	if (mod == THIS_MODULE)
		goto out_pin;
	ret = -EBUSY; /* going: try_module_get fails; coming: not live yet */
	if (!try_module_get(mod))
		goto out_pin;
	if (mod->state != MODULE_STATE_LIVE)
		goto out_put;
	/* Our reference is in the count: compare and set with it included. */
	mine = REFSCOPE_MODULE_REF_BASE + 1;
	req.before = module_refcount(mod) - 1;
	req.after = req.before;
	ret = -ESTALE;
	if (req.before != req.expected)
		goto out_put;
	found = atomic_cmpxchg(&mod->refcnt, req.expected + mine, req.explained + mine);
	ret = -EAGAIN;
	if (found != req.expected + mine) {
		req.before = req.after = found - mine;
		goto out_put;
	}
	req.after = req.explained;
	add_taint(TAINT_FORCED_RMMOD, LOCKDEP_STILL_OK);
	pr_warn("dropped %d leaked reference(s) of %s: count %d -> %d, by pid %d (%s)\n",
		req.expected - req.explained, mod->name, req.expected, req.explained,
		task_pid_nr(current), current->comm);
	ret = 0;
out_put:
	module_put(mod);
	/* After a drop, success stands even if the counts cannot be reported. */
	if (copy_to_user(argp, &req, sizeof(req)) && ret)
		ret = -EFAULT;
out_pin:
	kobject_put(pin);
	return ret;
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 14, 0)
#define REFSCOPE_TASK_STATE(task) READ_ONCE((task)->__state)
#else
#define REFSCOPE_TASK_STATE(task) READ_ONCE((task)->state)
#endif
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 11, 0)
#define files_lookup_fd_locked(files, fd) fcheck_files(files, fd)
#endif

/*
 * Whether closing an fd of `files` under its user's feet is safe. fdget()
 * borrows a file without a reference of its own while the table is not
 * shared, for the length of a system call: the caller counts itself as a
 * sharer first (so fdget takes references from then on), and every task
 * using the table must be stopped, i.e. outside any system call, since the
 * borrow. Another process sharing the table (CLONE_FILES) cannot be checked.
 * Kernel threads never borrow: they all share one table.
 */
static bool refscope_table_quiet(struct task_struct *leader, struct files_struct *files)
{
	struct task_struct *task;
	bool stopped = true;
	int users = 1; /* the caller's own */

	if (leader->flags & PF_KTHREAD)
		return true;
	rcu_read_lock();
	for_each_thread(leader, task) {
		if (READ_ONCE(task->files) != files)
			continue;
		users++;
		if (!(REFSCOPE_TASK_STATE(task) & (__TASK_STOPPED | __TASK_TRACED)))
			stopped = false;
	}
	rcu_read_unlock();
	return stopped && users == atomic_read(&files->count);
}

/* Takes fd out of the table (as fs/file.c's pick_file, which is private),
 * only while it refers to a file holding the module: a number reused for
 * another file is never touched. Runs under the table's lock. */
static struct file *refscope_detach_fd(struct refscope_scan *scan, struct files_struct *files,
				       unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);
	struct file *file = files_lookup_fd_locked(files, fd);
	u32 owners;

	if (!file)
		return ERR_PTR(-EBADF);
	if (!refscope_file_refs(scan, file, &owners))
		return ERR_PTR(-ESTALE);
	rcu_assign_pointer(fdt->fd[fd], NULL);
	__clear_bit(fd, fdt->open_fds);
	__clear_bit(fd / BITS_PER_LONG, fdt->full_fds_bits);
	if (fd < files->next_fd)
		files->next_fd = fd;
	return file;
}

long refscope_close_fd(struct refscope_helper_close_request __user *argp)
{
	struct refscope_helper_close_request req;
	struct refscope_scan scan = {};
	struct task_struct *task;
	struct files_struct *files;
	struct file *file = ERR_PTR(-ESRCH);
	struct kobject *pin;
	long ret;

	if (!capable(CAP_SYS_ADMIN) || !capable(CAP_SYS_MODULE))
		return -EPERM;
	if (copy_from_user(&req, argp, sizeof(req)))
		return -EFAULT;
	if (!refscope_valid_name(&req.name) || req.pid <= 0 || req.fd < 0)
		return -EINVAL;
	scan.mod = refscope_find_module(req.name, &pin);
	if (IS_ERR(scan.mod))
		return PTR_ERR(scan.mod);
	ret = -ESRCH;
	if (!try_module_get(scan.mod))
		goto out_pin;
	rcu_read_lock();
	task = pid_task(find_vpid(req.pid), PIDTYPE_PID);
	if (task)
		get_task_struct(task);
	rcu_read_unlock();
	if (!task)
		goto out_put;
	scan.tun_socket = symbol_get(tun_get_socket);
	scan.tap_socket = symbol_get(tap_get_socket);
	/* task_lock keeps task->files, and so our extra count on it, alive. */
	task_lock(task);
	files = task->files;
	if (files) {
		atomic_inc(&files->count);
		file = ERR_PTR(-EBUSY);
		if (refscope_table_quiet(task, files)) {
			spin_lock(&files->file_lock);
			file = refscope_detach_fd(&scan, files, req.fd);
			spin_unlock(&files->file_lock);
		}
		atomic_dec(&files->count); /* never the last: the task's own is held */
	}
	task_unlock(task);
	if (scan.tun_socket)
		symbol_put(tun_get_socket);
	if (scan.tap_socket)
		symbol_put(tap_get_socket);
	ret = PTR_ERR_OR_ZERO(file);
	if (!ret) {
		/* The table's owner id, for its POSIX locks and dnotify marks. */
		filp_close(file, files);
		pr_info("closed fd %d of pid %d (%s), holding %s, for pid %d (%s)\n", req.fd,
			req.pid, task->comm, scan.mod->name, task_pid_nr(current), current->comm);
	}
	put_task_struct(task);
out_put:
	module_put(scan.mod);
out_pin:
	kobject_put(pin);
	return ret;
}

/* At most one forced unload is prepared at a time, by one open handle. */
static DEFINE_MUTEX(refscope_force_lock);
static struct file *refscope_force_owner;
static char refscope_force_name[REFSCOPE_HELPER_NAME_LEN];

/*
 * The last look before the forced unload, as close to delete_module as the
 * helper gets: a reference taken since the caller's scan, or a file of the
 * module in flight, and the force would free code something still points
 * into. A get after this and before delete_module stops the module cannot be
 * seen from here; the caller keeps that window to one system call.
 */
static long refscope_force_check(struct refscope_helper_force_request *req)
{
	struct kobject *pin;
	struct module *mod;
	long ret = -EAGAIN;

	mod = refscope_find_module(req->name, &pin);
	if (IS_ERR(mod))
		return PTR_ERR(mod);
	req->state = mod->state;
	req->refcount = -1;
	/* Ours keeps it live while we look; going: try_module_get fails. */
	if (try_module_get(mod)) {
		req->state = mod->state;
		req->refcount = module_refcount(mod) - 1;
		req->in_flight = refscope_files_in_flight(mod);
		if (req->state == MODULE_STATE_LIVE && req->refcount == req->expected &&
		    !req->in_flight)
			ret = 0;
		module_put(mod);
	}
	kobject_put(pin);
	return ret;
}

long refscope_force_prepare(struct file *handle, struct refscope_helper_force_request __user *argp)
{
	struct refscope_helper_force_request req;
	long ret = 0;

	if (!capable(CAP_SYS_MODULE))
		return -EPERM;
	if (copy_from_user(&req, argp, sizeof(req)))
		return -EFAULT;
	if (!refscope_valid_name(&req.name) || !strcmp(req.name, THIS_MODULE->name) ||
	    req.expected < 0)
		return -EINVAL;
	req.in_flight = 0;
	mutex_lock(&refscope_force_lock);
	if (refscope_force_owner && refscope_force_owner != handle) {
		ret = -EBUSY;
	} else {
		ret = refscope_force_check(&req);
		if (!ret) {
			refscope_force_owner = handle;
			strscpy(refscope_force_name, req.name, sizeof(refscope_force_name));
		}
	}
	mutex_unlock(&refscope_force_lock);
	if (copy_to_user(argp, &req, sizeof(req)) && !ret) {
		refscope_force_forget(handle);
		ret = -EFAULT;
	}
	return ret;
}

/*
 * flush_delayed_fput is exported GPL on the kernels RefScope's lab runs
 * (6.1's Module.symvers lists it); a kernel that does not export it cannot
 * load this helper, and RefScope then says so instead of forcing.
 *
 * Called once a going module's exit has run, before it is freed. A kernel
 * thread's last fput is deferred to a workqueue (delayed_fput), which could
 * run after the module is freed: its release would put a reference on freed
 * memory. Flushing here makes it land on the count the forced unload left.
 */
static int refscope_module_event(struct notifier_block *nb, unsigned long event, void *data)
{
	struct module *mod = data;
	bool prepared;

	if (event != MODULE_STATE_GOING)
		return NOTIFY_DONE;
	mutex_lock(&refscope_force_lock);
	prepared = refscope_force_owner && !strcmp(refscope_force_name, mod->name);
	if (prepared)
		refscope_force_owner = NULL;
	mutex_unlock(&refscope_force_lock);
	if (!prepared)
		return NOTIFY_DONE;
	flush_delayed_fput();
	if (module_refcount(mod) != 0)
		pr_err("%s still has %d reference(s) after its exit: whatever holds them will put them on freed memory\n",
		       mod->name, module_refcount(mod));
	else
		pr_info("forced unload of %s: its exit let every reference go\n", mod->name);
	return NOTIFY_DONE;
}

static struct notifier_block refscope_module_notifier = {
	.notifier_call = refscope_module_event,
};

void refscope_force_forget(struct file *handle)
{
	mutex_lock(&refscope_force_lock);
	if (refscope_force_owner == handle)
		refscope_force_owner = NULL;
	mutex_unlock(&refscope_force_lock);
}

int refscope_force_init(void)
{
	return register_module_notifier(&refscope_module_notifier);
}

void refscope_force_exit(void)
{
	unregister_module_notifier(&refscope_module_notifier);
}
