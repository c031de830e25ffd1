/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * refscope_helper's interface, shared by the kernel module and RefScope's
 * agent: ioctls on /dev/refscope_helper (root only). Every struct has the
 * same layout on 32- and 64-bit user space.
 */
#ifndef REFSCOPE_HELPER_H
#define REFSCOPE_HELPER_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define REFSCOPE_HELPER_DEVICE	    "refscope_helper"
/*
 * The helper's release: MODULE_VERSION, DKMS's PACKAGE_VERSION and the
 * directory its sources install to (/usr/src/refscope_helper-VERSION). Not
 * the interface: that is REFSCOPE_HELPER_ABI_VERSION, which only changes
 * when the ioctls do.
 */
#define REFSCOPE_HELPER_VERSION	    "1.0"
/*
 * 2: HOLDERS reports own_threads; CLOSE_FD and FORCE_PREPARE.
 * 3: HOLDERS finds files in flight (REFSCOPE_HELPER_FLAG_IN_FLIGHT, in_flight);
 *    FORCE_PREPARE checks the count, the state and the files in flight.
 * 4: HOLDERS names the type an AF_ALG socket is bound to
 *    (REFSCOPE_HELPER_OWNER_ALG_TYPE).
 */
#define REFSCOPE_HELPER_ABI_VERSION 4

/* Longer than the kernel's MODULE_NAME_LEN (56); must be NUL-terminated. */
#define REFSCOPE_HELPER_NAME_LEN    64
#define REFSCOPE_HELPER_PATH_LEN    256
#define REFSCOPE_HELPER_COMM_LEN    16
/* Upper bound for one answer: keeps the kernel's working copy small. */
#define REFSCOPE_HELPER_MAX_HOLDERS 65536

enum refscope_helper_kind {
	REFSCOPE_HELPER_KIND_FILE = 0,
	REFSCOPE_HELPER_KIND_SOCKET = 1,
	REFSCOPE_HELPER_KIND_MOUNT = 2,
	REFSCOPE_HELPER_KIND_KTHREAD = 3, /* a kernel thread's file table */
};

/* Which owner field of the open file or superblock is the module. */
#define REFSCOPE_HELPER_OWNER_FOPS	 (1u << 0) /* file->f_op->owner */
#define REFSCOPE_HELPER_OWNER_CDEV	 (1u << 1) /* inode->i_cdev->owner */
#define REFSCOPE_HELPER_OWNER_BDEV	 (1u << 2) /* bdev->bd_disk->fops->owner */
#define REFSCOPE_HELPER_OWNER_SOCK_OPS	 (1u << 3) /* sock->ops->owner */
#define REFSCOPE_HELPER_OWNER_SOCK_PROTO (1u << 4) /* sk->sk_prot_creator->owner */
#define REFSCOPE_HELPER_OWNER_NETLINK	 (1u << 5) /* the netlink protocol's module */
#define REFSCOPE_HELPER_OWNER_FS_TYPE	 (1u << 6) /* sb->s_type->owner */
#define REFSCOPE_HELPER_OWNER_ALG_TYPE	 (1u << 7) /* alg_sk(sk)->type->owner (alg_bind) */

/* The holder was found outside every file table (e.g. a kernel thread keeps
 * a socket file that its process closed): pid and fd are -1. */
#define REFSCOPE_HELPER_FLAG_NO_FD_TABLE (1u << 0)
/* The open file sits in a unix socket's receive queue (sent with SCM_RIGHTS,
 * not received yet): nobody but the receiver, or the socket's last close,
 * lets it go. */
#define REFSCOPE_HELPER_FLAG_IN_FLIGHT	 (1u << 1)

/* One fd (or superblock) holding references to the module. */
struct refscope_helper_holder {
	__u32 object_id; /* same id: the same open file (fork, dup) or superblock */
	__s32 pid;	 /* thread group id; -1 for superblocks and NO_FD_TABLE */
	__s32 fd;	 /* -1 for superblocks and NO_FD_TABLE */
	__u32 kind;	 /* enum refscope_helper_kind */
	__u32 refs;	 /* references the open file or superblock holds, once per object_id */
	__u32 owners;	 /* REFSCOPE_HELPER_OWNER_* */
	__u32 flags;	 /* REFSCOPE_HELPER_FLAG_* */
	__u32 dev_major; /* superblocks: the device (st_dev) mountinfo lists */
	__u32 dev_minor;
	char comm[REFSCOPE_HELPER_COMM_LEN];
	char path[REFSCOPE_HELPER_PATH_LEN]; /* d_path, or "FSTYPE on DEVICE"; cut to fit */
};

struct refscope_helper_holders_request {
	char name[REFSCOPE_HELPER_NAME_LEN]; /* in */
	__u64 holders;			     /* in: user address of capacity entries */
	__u32 capacity;			     /* in */
	__u32 count;			     /* out: entries written */
	__u32 total;	   /* out: entries found; more than count: ask again with more room */
	__s32 refcount;	   /* out: lsmod's count, without the helper's own while it looked */
	__u32 state;	   /* out: the module's MODULE_STATE_* */
	__u32 filesystems; /* out: filesystem types whose superblocks were checked */
	__u32 own_threads; /* out: kernel threads running the module's own code (kthread_func) */
	__u32 in_flight;   /* out: places in unix sockets' queues where a file of the module sits */
};

/* Sets a LIVE module's count from exactly `expected` to `explained` (lower). */
struct refscope_helper_drop_request {
	char name[REFSCOPE_HELPER_NAME_LEN]; /* in */
	__s32 expected;			     /* in: lsmod's count the user confirmed */
	__s32 explained;		     /* in: references its holders account for */
	__s32 before;			     /* out: the count found */
	__s32 after;			     /* out: the count left */
};

/* Closes fd in pid's file table only while that fd still refers to an open
 * file holding the module (a reused fd number is never closed). Every task
 * using that file table must be stopped (SIGSTOP), except kernel threads. */
struct refscope_helper_close_request {
	char name[REFSCOPE_HELPER_NAME_LEN]; /* in */
	__s32 pid;			     /* in: thread group id */
	__s32 fd;			     /* in */
};

/* Before delete_module(O_TRUNC) of `name` through this handle: once the
 * module's exit has run, the files its stopped kernel threads let go are
 * released at once (flush_delayed_fput), while the module still exists.
 * Refused (EAGAIN, nothing prepared) unless the module is live, its count is
 * still `expected` and no file of it is in flight. */
struct refscope_helper_force_request {
	char name[REFSCOPE_HELPER_NAME_LEN]; /* in */
	__s32 expected;			     /* in: lsmod's count the caller's scan found */
	__s32 refcount;			     /* out: lsmod's count now */
	__u32 state;			     /* out: the module's MODULE_STATE_* now */
	__u32 in_flight;		     /* out: as HOLDERS's in_flight, now */
};

#define REFSCOPE_HELPER_IOC_MAGIC   0xB8
#define REFSCOPE_HELPER_IOC_VERSION _IOR(REFSCOPE_HELPER_IOC_MAGIC, 0, __u32)
#define REFSCOPE_HELPER_IOC_HOLDERS \
	_IOWR(REFSCOPE_HELPER_IOC_MAGIC, 1, struct refscope_helper_holders_request)
#define REFSCOPE_HELPER_IOC_DROP \
	_IOWR(REFSCOPE_HELPER_IOC_MAGIC, 2, struct refscope_helper_drop_request)
#define REFSCOPE_HELPER_IOC_CLOSE_FD \
	_IOW(REFSCOPE_HELPER_IOC_MAGIC, 3, struct refscope_helper_close_request)
#define REFSCOPE_HELPER_IOC_FORCE_PREPARE \
	_IOWR(REFSCOPE_HELPER_IOC_MAGIC, 4, struct refscope_helper_force_request)

/*
 * Errors: EINVAL malformed request; ENOENT no module by that name; ENXIO
 * built into the kernel; ESRCH the module is being removed; EBUSY (drop) the
 * module is not live; ESTALE (drop) the count is not `expected`; EAGAIN
 * (drop) the count changed while dropping; nothing was changed in any case.
 * CLOSE_FD: ESRCH no such process; EBADF the fd is not open; ESTALE the fd
 * does not refer to the module; EBUSY a task using the table is not stopped,
 * or another process shares the table. FORCE_PREPARE: EBUSY another handle
 * prepared a forced unload that has not happened yet; EAGAIN the module is
 * not live, its count is not `expected`, or a file of it is in flight.
 */

#endif /* REFSCOPE_HELPER_H */
