/* SPDX-License-Identifier: GPL-2.0 */
/* What refscope_helper's source files share (refscope_main.c has the overview). */
#ifndef REFSCOPE_INTERNAL_H
#define REFSCOPE_INTERNAL_H

#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/rhashtable.h>

#include "refscope_helper.h"

/*
 * kernel/module/main.c keeps a live module's atomic count one above lsmod's
 * number (MODULE_REF_BASE, private to it, 1 since 3.19).
 */
#define REFSCOPE_MODULE_REF_BASE 1

/*
 * net/netlink/af_netlink.h's struct netlink_table, private but unchanged from
 * 4.0 through 6.x (the functions' signatures changed, not their size); the
 * helper refuses to load when the built-in protocols do not look right
 * through it. nl_table itself is exported (for netlink diag).
 */
struct refscope_netlink_table {
	struct rhashtable hash;
	struct hlist_head mc_list;
	void __rcu *listeners;
	unsigned int flags;
	unsigned int groups;
	struct mutex *cb_mutex;
	struct module *module;
	void *bind;
	void *unbind;
	void *compare;
	int registered;
};
struct netlink_table;
extern struct netlink_table *nl_table;

struct refscope_entry {
	struct file *file; /* a reference, or NULL for a superblock */
	struct refscope_helper_holder out;
};

struct refscope_scan {
	struct module *mod;
	struct refscope_entry *entries;
	u32 capacity, count, total, filesystems;
	u32 in_flight;		  /* places in unix sockets' queues holding a file of mod */
	struct task_struct *task; /* the task whose file table iterate_fd walks */
	/* vhost's way to the socket behind a tun/tap file; NULL when not loaded */
	struct socket *(*tun_socket)(struct file *file);
	struct socket *(*tap_socket)(struct file *file);
};

bool refscope_valid_name(const char (*name)[REFSCOPE_HELPER_NAME_LEN]);
struct module *refscope_find_module(const char *name, struct kobject **pin);

/* refscope_holders.c */
bool refscope_netlink_layout_fits(void);
u32 refscope_file_refs(const struct refscope_scan *scan, struct file *file, u32 *owners);
long refscope_holders(struct refscope_helper_holders_request __user *argp);
u32 refscope_files_in_flight(struct module *mod);

/* refscope_release.c */
long refscope_drop(struct refscope_helper_drop_request __user *argp);
long refscope_close_fd(struct refscope_helper_close_request __user *argp);
long refscope_force_prepare(struct file *handle, struct refscope_helper_force_request __user *argp);
void refscope_force_forget(struct file *handle);
int refscope_force_init(void);
void refscope_force_exit(void);

#endif /* REFSCOPE_INTERNAL_H */
