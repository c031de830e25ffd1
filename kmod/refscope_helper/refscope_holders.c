// SPDX-License-Identifier: GPL-2.0
/*
 * refscope_helper's HOLDERS: every open file and superblock holding
 * references to a module, by the owner fields that took them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <crypto/if_alg.h>
#include <linux/blkdev.h>
#include <linux/cdev.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/if_tap.h>
#include <linux/if_tun.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/netlink.h>
#include <linux/sched/signal.h>
#include <linux/sort.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <net/af_unix.h>
#include <net/net_namespace.h>
#include <net/scm.h>
#include <net/sock.h>

#include "refscope_internal.h"

static DEFINE_MUTEX(refscope_scan_lock); /* bounds the memory scans use */

static struct refscope_entry *refscope_add(struct refscope_scan *scan, struct file *file, u32 kind,
					   u32 refs, u32 owners)
{
	struct refscope_entry *entry;

	if (scan->total++ >= scan->capacity)
		return NULL;
	entry = &scan->entries[scan->count++];
	entry->file = file;
	entry->out.pid = -1;
	entry->out.fd = -1;
	entry->out.kind = kind;
	entry->out.refs = refs;
	entry->out.owners = owners;
	return entry;
}

static struct socket *refscope_file_socket(const struct refscope_scan *scan, struct file *file)
{
	struct socket *sock;

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 12, 0)
	sock = sock_from_file(file);
#else
	int error;

	sock = sock_from_file(file, &error);
#endif
	if (!sock && scan->tun_socket)
		sock = scan->tun_socket(file);
	if ((!sock || IS_ERR(sock)) && scan->tap_socket)
		sock = scan->tap_socket(file);
	return IS_ERR(sock) ? NULL : sock;
}

static bool refscope_owns_netlink_unit(struct module *mod, int unit)
{
	const struct refscope_netlink_table *table = (const void *)nl_table;

	return unit >= 0 && unit < MAX_LINKS && READ_ONCE(table[unit].module) == mod;
}

/*
 * An AF_ALG socket bound with alg_bind holds its type's module (algif_hash,
 * algif_skcipher...) until its sock is destructed; the sockets accept makes
 * from it share the type but not that reference (they have a parent). The
 * type is only compared by address, never read: alg_bind may swap it and put
 * the old module meanwhile, and every type lives in its owner's data.
 */
static bool refscope_bound_alg_type_of(const struct sock *sk, struct module *mod)
{
#if IS_ENABLED(CONFIG_CRYPTO_USER_API)
	const struct alg_sock *ask;

	if (sk->sk_family != AF_ALG)
		return false;
	ask = alg_sk((struct sock *)sk);
	return !READ_ONCE(ask->parent) && within_module((unsigned long)READ_ONCE(ask->type), mod);
#else
	return false;
#endif
}

/* The references one open file holds on the module, and through what. */
u32 refscope_file_refs(const struct refscope_scan *scan, struct file *file, u32 *owners)
{
	struct module *mod = scan->mod;
	struct inode *inode = file_inode(file);
	struct socket *sock;
	struct sock *sk;

	*owners = 0;
	if (file->f_op && file->f_op->owner == mod) /* do_dentry_open's fops_get */
		*owners |= REFSCOPE_HELPER_OWNER_FOPS;
	if (file->f_mode & FMODE_PATH) /* O_PATH opened nothing more */
		return hweight32(*owners);
	if (S_ISCHR(inode->i_mode) && inode->i_cdev && inode->i_cdev->owner == mod)
		*owners |= REFSCOPE_HELPER_OWNER_CDEV; /* chrdev_open's cdev_get */
	if (S_ISBLK(inode->i_mode)) {
		struct block_device *bdev = I_BDEV(file->f_mapping->host);

		if (bdev->bd_disk && bdev->bd_disk->fops->owner == mod)
			*owners |= REFSCOPE_HELPER_OWNER_BDEV; /* blkdev_get's module_get */
	}
	sock = refscope_file_socket(scan, file);
	if (sock) {
		if (sock->ops && sock->ops->owner == mod)
			*owners |= REFSCOPE_HELPER_OWNER_SOCK_OPS; /* __sock_create */
		sk = sock->sk;
		if (sk && sk->sk_prot_creator && sk->sk_prot_creator->owner == mod)
			*owners |= REFSCOPE_HELPER_OWNER_SOCK_PROTO; /* sk_prot_alloc */
		if (sk && sk->sk_family == AF_NETLINK &&
		    refscope_owns_netlink_unit(mod, sk->sk_protocol))
			*owners |= REFSCOPE_HELPER_OWNER_NETLINK; /* netlink_create */
		if (sk && refscope_bound_alg_type_of(sk, mod))
			*owners |= REFSCOPE_HELPER_OWNER_ALG_TYPE; /* alg_bind's alg_get_type */
	}
	return hweight32(*owners);
}

/* iterate_fd's callback: runs under task_lock and the file table's lock. */
static int refscope_scan_fd(const void *arg, struct file *file, unsigned int fd)
{
	struct refscope_scan *scan = (struct refscope_scan *)arg;
	struct task_struct *task = scan->task;
	struct refscope_entry *entry;
	u32 owners, refs = refscope_file_refs(scan, file, &owners);
	u32 kind = S_ISSOCK(file_inode(file)->i_mode) ? REFSCOPE_HELPER_KIND_SOCKET :
							REFSCOPE_HELPER_KIND_FILE;

	if (!refs)
		return 0;
	if (task->flags & PF_KTHREAD)
		kind = REFSCOPE_HELPER_KIND_KTHREAD;
	entry = refscope_add(scan, file, kind, refs, owners);
	if (!entry)
		return 0;
	get_file(file);
	entry->out.pid = task_pid_vnr(task);
	entry->out.fd = fd;
	/* get_task_comm would take task_lock, which the caller holds. */
	strscpy(entry->out.comm, task->comm, sizeof(entry->out.comm));
	return 0;
}

static void refscope_scan_tasks(struct refscope_scan *scan)
{
	struct task_struct *group, *task;
	struct files_struct *files;

	rcu_read_lock();
	for_each_process_thread(group, task) {
		task_lock(task);
		files = task->files;
		/* Threads usually share their leader's table: walk it once. */
		if (files && (task == group || files != READ_ONCE(group->files))) {
			scan->task = task;
			iterate_fd(files, 0, refscope_scan_fd, scan);
		}
		task_unlock(task);
	}
	rcu_read_unlock();
}

static bool refscope_seen(const struct refscope_scan *scan, const struct file *file)
{
	u32 i;

	for (i = 0; i < scan->count; i++) {
		if (scan->entries[i].file == file)
			return true;
	}
	return false;
}

/*
 * A reference on the socket's file, or NULL when it has none or its last
 * reference is gone (it is being closed). Never waits: the file of a socket
 * a kernel thread let go may sit at count zero until delayed_fput runs.
 */
static struct file *refscope_sock_file_get(struct socket *sock)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
	/*
	 * Files are SLAB_TYPESAFE_BY_RCU since 6.7: the memory sock->file points
	 * to may be another file by now. get_file_active checks the pointer
	 * again after taking the reference, once (get_file_rcu would spin).
	 */
	return get_file_active(&sock->file);
#else
	struct file *file = READ_ONCE(sock->file);

	return file && get_file_rcu(file) ? file : NULL;
#endif
}

/*
 * Netlink sockets of the module's protocols that no file table holds: a
 * kernel thread kept the file its process closed. Bound sockets
 * are in the protocol's hash table; kernel-side sockets have no file.
 */
static void refscope_scan_netlink_unit(struct refscope_scan *scan, int unit)
{
	struct refscope_netlink_table *table = (void *)nl_table;
	struct rhashtable_iter iter;
	struct refscope_entry *entry;
	struct socket *sock;
	struct file *file;
	struct sock *sk;

	rhashtable_walk_enter(&table[unit].hash, &iter);
	rhashtable_walk_start(&iter);
	while ((sk = rhashtable_walk_next(&iter))) {
		if (IS_ERR(sk)) {
			if (PTR_ERR(sk) == -EAGAIN) /* resized meanwhile: go on */
				continue;
			break;
		}
		sock = READ_ONCE(sk->sk_socket);
		file = sock ? refscope_sock_file_get(sock) : NULL;
		if (!file)
			continue;
		if (refscope_seen(scan, file)) {
			fput(file);
			continue;
		}
		entry = refscope_add(scan, file, REFSCOPE_HELPER_KIND_SOCKET, 1,
				     REFSCOPE_HELPER_OWNER_NETLINK);
		if (entry)
			entry->out.flags = REFSCOPE_HELPER_FLAG_NO_FD_TABLE;
		else
			fput(file);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
}

/*
 * One file in flight: counted when it holds the module, listed once (pid and
 * fd -1), or marked on the entries that already list it. Runs under a unix
 * socket's receive queue lock, whose skb keeps the file.
 */
static void refscope_in_flight_file(struct refscope_scan *scan, struct file *file)
{
	struct refscope_entry *entry;
	u32 owners, refs = refscope_file_refs(scan, file, &owners);
	u32 kind = S_ISSOCK(file_inode(file)->i_mode) ? REFSCOPE_HELPER_KIND_SOCKET :
							REFSCOPE_HELPER_KIND_FILE;
	bool seen = false;
	u32 i;

	if (!refs)
		return;
	scan->in_flight++;
	for (i = 0; i < scan->count; i++) {
		if (scan->entries[i].file == file) {
			scan->entries[i].out.flags |= REFSCOPE_HELPER_FLAG_IN_FLIGHT;
			seen = true;
		}
	}
	if (seen)
		return;
	entry = refscope_add(scan, file, kind, refs, owners);
	if (!entry)
		return;
	get_file(file);
	entry->out.flags = REFSCOPE_HELPER_FLAG_NO_FD_TABLE | REFSCOPE_HELPER_FLAG_IN_FLIGHT;
}

/*
 * Files in flight: sent over a unix socket with SCM_RIGHTS and not received
 * yet, they sit in the fd list of an skb in the receiver's queue, in no file
 * table. A kernel thread of the module keeping a file looks the same from
 * everywhere else, but only its exit lets that one go; a file in flight
 * outlives any forced unload. Every unix socket, embryos of connections not
 * accepted yet included, is in its namespace's table (unix_create1), which
 * /proc/net/unix walks the same way.
 */
static void refscope_scan_in_flight(struct refscope_scan *scan)
{
#if IS_ENABLED(CONFIG_UNIX)
	struct scm_fp_list *fpl;
	struct sk_buff *skb;
	struct sock *sk;
	struct net *net;
	unsigned int bucket;
	int i;

	down_read(&net_rwsem);
	for_each_net(net)
	{
		if (!net->unx.table.locks || !net->unx.table.buckets)
			continue;
		for (bucket = 0; bucket < UNIX_HASH_SIZE; bucket++) {
			spin_lock(&net->unx.table.locks[bucket]);
			sk_for_each(sk, &net->unx.table.buckets[bucket]) {
				spin_lock(&sk->sk_receive_queue.lock);
				skb_queue_walk(&sk->sk_receive_queue, skb) {
					fpl = UNIXCB(skb).fp;
					for (i = 0; fpl && i < fpl->count; i++)
						refscope_in_flight_file(scan, fpl->fp[i]);
				}
				spin_unlock(&sk->sk_receive_queue.lock);
			}
			spin_unlock(&net->unx.table.locks[bucket]);
		}
	}
	up_read(&net_rwsem);
#endif
}

/* How many places in unix sockets' queues hold a file of mod, now. */
u32 refscope_files_in_flight(struct module *mod)
{
	struct refscope_scan scan = { .mod = mod }; /* no room: counts only */

	scan.tun_socket = symbol_get(tun_get_socket);
	scan.tap_socket = symbol_get(tap_get_socket);
	refscope_scan_in_flight(&scan);
	if (scan.tun_socket)
		symbol_put(tun_get_socket);
	if (scan.tap_socket)
		symbol_put(tap_get_socket);
	return scan.in_flight;
}

static void refscope_scan_superblock(struct super_block *sb, void *arg)
{
	struct refscope_scan *scan = arg;
	struct refscope_entry *entry;
	u32 owners = 0;

	if (sb->s_type->owner == scan->mod) /* sget's get_filesystem */
		owners |= REFSCOPE_HELPER_OWNER_FS_TYPE;
	if (sb->s_bdev && sb->s_bdev->bd_disk && sb->s_bdev->bd_disk->fops->owner == scan->mod)
		owners |= REFSCOPE_HELPER_OWNER_BDEV; /* the mounted device's open */
	if (!owners)
		return;
	entry = refscope_add(scan, NULL, REFSCOPE_HELPER_KIND_MOUNT, hweight32(owners), owners);
	if (!entry)
		return;
	entry->out.dev_major = MAJOR(sb->s_dev);
	entry->out.dev_minor = MINOR(sb->s_dev);
	snprintf(entry->out.path, sizeof(entry->out.path), "%s on %s", sb->s_type->name, sb->s_id);
}

/*
 * The filesystem list's head is private, but mnt_init registers sysfs before
 * any other filesystem, so walking on from sysfs visits them all (the vm test
 * checks the number against /proc/filesystems). unregister_filesystem waits
 * for an RCU grace period, so the walk is safe under rcu_read_lock; each type
 * is pinned (its module) while its superblocks are checked, which sleeps.
 */
#define REFSCOPE_MAX_FS_TYPES 256

static void refscope_scan_superblocks(struct refscope_scan *scan)
{
	struct file_system_type **types, *first, *fs;
	unsigned int i, count = 0;

	types = kmalloc_array(REFSCOPE_MAX_FS_TYPES, sizeof(*types), GFP_KERNEL);
	first = get_fs_type("sysfs");
	if (!types || !first)
		goto out;
	rcu_read_lock();
	for (fs = first; fs && count < REFSCOPE_MAX_FS_TYPES; fs = READ_ONCE(fs->next)) {
		scan->filesystems++;
		if ((fs->owner == scan->mod || (fs->fs_flags & FS_REQUIRES_DEV)) &&
		    try_module_get(fs->owner))
			types[count++] = fs;
	}
	rcu_read_unlock();
	for (i = 0; i < count; i++) {
		iterate_supers_type(types[i], refscope_scan_superblock, scan);
		module_put(types[i]->owner);
	}
out:
	if (first)
		module_put(first->owner);
	kfree(types);
}

/*
 * Kernel threads whose thread function is the module's own code: a
 * well-behaved exit function stops them (kthread_stop), and with them goes
 * whatever they hold, such as a user's netlink socket file the thread kept
 * open after the user closed it.
 */
static u32 refscope_own_threads(struct module *mod)
{
	u32 count = 0;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 8, 0)
	struct task_struct *group, *task;

	rcu_read_lock();
	for_each_process_thread(group, task) {
		if ((task->flags & PF_KTHREAD) &&
		    within_module((unsigned long)kthread_func(task), mod))
			count++;
	}
	rcu_read_unlock();
#endif
	return count;
}

static int refscope_by_file(const void *a, const void *b)
{
	unsigned long fa = (unsigned long)((const struct refscope_entry *)a)->file;
	unsigned long fb = (unsigned long)((const struct refscope_entry *)b)->file;

	return fa < fb ? -1 : fa > fb;
}

/* Numbers the open files and superblocks, fills in paths, drops the files. */
static void refscope_finish(struct refscope_scan *scan, char *page)
{
	struct refscope_entry *entry;
	u32 i, id = 0;
	char *path;

	sort(scan->entries, scan->count, sizeof(*scan->entries), refscope_by_file, NULL);
	for (i = 0; i < scan->count; i++) {
		entry = &scan->entries[i];
		if (!entry->file || i == 0 || entry[-1].file != entry->file)
			id++;
		entry->out.object_id = id;
		if (!entry->file)
			continue;
		path = d_path(&entry->file->f_path, page, PAGE_SIZE);
		strscpy(entry->out.path, IS_ERR(path) ? "(unnamed)" : path,
			sizeof(entry->out.path));
	}
	for (i = 0; i < scan->count; i++) {
		if (scan->entries[i].file)
			fput(scan->entries[i].file);
	}
}

long refscope_holders(struct refscope_helper_holders_request __user *argp)
{
	struct refscope_helper_holders_request req;
	struct refscope_scan scan = {};
	struct kobject *pin;
	char *page = NULL;
	long ret = 0;
	u32 i;
	int unit;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (copy_from_user(&req, argp, sizeof(req)))
		return -EFAULT;
	if (!refscope_valid_name(&req.name) || req.capacity > REFSCOPE_HELPER_MAX_HOLDERS ||
	    (req.capacity && !req.holders))
		return -EINVAL;
	if (mutex_lock_interruptible(&refscope_scan_lock))
		return -ERESTARTSYS;
	scan.capacity = req.capacity;
	scan.entries = kvcalloc(max(req.capacity, 1u), sizeof(*scan.entries), GFP_KERNEL);
	page = (char *)__get_free_page(GFP_KERNEL);
	if (!scan.entries || !page) {
		ret = -ENOMEM;
		goto out_free;
	}
	scan.mod = refscope_find_module(req.name, &pin);
	if (IS_ERR(scan.mod)) {
		ret = PTR_ERR(scan.mod);
		goto out_free;
	}
	if (!try_module_get(scan.mod)) {
		ret = -ESRCH;
		goto out_pin;
	}
	req.refcount = module_refcount(scan.mod) - 1; /* not ours */
	req.state = scan.mod->state;
	scan.tun_socket = symbol_get(tun_get_socket);
	scan.tap_socket = symbol_get(tap_get_socket);
	refscope_scan_tasks(&scan);
	for (unit = 0; unit < MAX_LINKS; unit++) {
		if (refscope_owns_netlink_unit(scan.mod, unit))
			refscope_scan_netlink_unit(&scan, unit);
	}
	/* After the file tables and netlink: marks the files they found too. */
	refscope_scan_in_flight(&scan);
	refscope_scan_superblocks(&scan);
	req.own_threads = refscope_own_threads(scan.mod);
	if (scan.tun_socket)
		symbol_put(tun_get_socket);
	if (scan.tap_socket)
		symbol_put(tap_get_socket);
	module_put(scan.mod);
	refscope_finish(&scan, page);
	req.count = scan.count;
	req.total = scan.total;
	req.filesystems = scan.filesystems;
	req.in_flight = scan.in_flight;
	for (i = 0; i < scan.count && !ret; i++) {
		if (copy_to_user(u64_to_user_ptr(req.holders + i * sizeof(scan.entries[i].out)),
				 &scan.entries[i].out, sizeof(scan.entries[i].out)))
			ret = -EFAULT;
	}
	if (!ret && copy_to_user(argp, &req, sizeof(req)))
		ret = -EFAULT;
out_pin:
	kobject_put(pin);
out_free:
	free_page((unsigned long)page);
	kvfree(scan.entries);
	mutex_unlock(&refscope_scan_lock);
	return ret;
}

/* Built-in protocols, registered at boot with at least 32 multicast groups. */
bool refscope_netlink_layout_fits(void)
{
	const struct refscope_netlink_table *table = (const void *)nl_table;
	static const int builtin[] = { NETLINK_ROUTE, NETLINK_KOBJECT_UEVENT, NETLINK_GENERIC };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(builtin); i++) {
		const struct refscope_netlink_table *entry = &table[builtin[i]];

		if (entry->module || entry->registered < 1 || entry->groups < 32)
			return false;
	}
	return true;
}
