// SPDX-License-Identifier: GPL-2.0
/*
 * stuck_netlink: a kernel thread keeps a netlink socket open after its user
 * closed it, so the count stays at 1 and "Used by" is empty.
 *
 * The module registers netlink protocol `unit` (default 30). When a user
 * process creates a socket of that protocol, netlink_create() takes a
 * reference on this module (try_module_get(nl_table[unit].module)); closing
 * the socket's last file reference drops it in netlink_release().
 *
 * On the first message it receives, the module starts a kernel thread and
 * hands it a reference to the SENDER'S socket file, just as a thread made
 * with kernel_thread() in the sender's context would get it by inheriting
 * the sender's file table. The user then
 * closes its socket and exits, but the file lives on in the thread, so the
 * module's count stays at 1 with no holder module: only the thread
 * ("stuck_netlink/<pid of the sender>") knows why.
 *
 * hold_seconds=0 (the default) is the stuck case: the thread never lets
 * go and the module cannot be unloaded until reboot. hold_seconds=N makes
 * the thread drop the file after N seconds, after which rmmod works.
 *
 * Trigger it with the stuck-netlink-send helper (stuck_netlink_send.c).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/file.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/netlink.h>
#include <net/net_namespace.h>
#include <net/sock.h>

static int unit = 30;
module_param(unit, int, 0444);
MODULE_PARM_DESC(unit, "netlink protocol number to register (default 30, unused by Linux 6.1)");

static int hold_seconds;
module_param(hold_seconds, int, 0444);
MODULE_PARM_DESC(hold_seconds,
		 "seconds the worker keeps the sender's socket; 0 = forever (default)");

static struct sock *stuck_netlink_sock;
static struct task_struct *stuck_netlink_worker;
static DEFINE_MUTEX(stuck_netlink_worker_lock);

/* Sleeps until `deadline` (or forever when 0) unless asked to stop. */
static void stuck_netlink_sleep_until(unsigned long deadline)
{
	set_current_state(TASK_INTERRUPTIBLE);
	if (kthread_should_stop()) {
		__set_current_state(TASK_RUNNING);
		return;
	}
	if (!deadline)
		schedule();
	else if (time_before(jiffies, deadline))
		schedule_timeout(deadline - jiffies);
	__set_current_state(TASK_RUNNING);
}

static int stuck_netlink_hold(void *data)
{
	struct file *sender_file = data;
	unsigned long deadline = hold_seconds > 0 ? jiffies + hold_seconds * HZ : 0;

	pr_info("worker holds the sender's socket; refcount %d\n", module_refcount(THIS_MODULE));
	while (!kthread_should_stop()) {
		if (sender_file && deadline && time_after_eq(jiffies, deadline)) {
			fput(sender_file);
			sender_file = NULL;
			pr_info("worker released the socket after %d s\n", hold_seconds);
		}
		/* Once released, idle until the module's exit stops us. */
		stuck_netlink_sleep_until(sender_file ? deadline : 0);
	}
	if (sender_file)
		fput(sender_file);
	return 0;
}

/* Runs in the sender's context, inside its sendmsg(). */
static void stuck_netlink_receive(struct sk_buff *skb)
{
	struct sock *sender = NETLINK_CB(skb).sk;
	struct task_struct *worker;
	struct file *sender_file;

	if (!sender || !sender->sk_socket || !sender->sk_socket->file)
		return;
	mutex_lock(&stuck_netlink_worker_lock);
	if (stuck_netlink_worker) {
		pr_info("worker already running, message ignored\n");
		goto out;
	}
	sender_file = get_file(sender->sk_socket->file);
	worker = kthread_run(stuck_netlink_hold, sender_file, "stuck_netlink/%d",
			     task_pid_nr(current));
	if (IS_ERR(worker)) {
		fput(sender_file);
		goto out;
	}
	stuck_netlink_worker = worker;
out:
	mutex_unlock(&stuck_netlink_worker_lock);
}

static int __init stuck_netlink_init(void)
{
	struct netlink_kernel_cfg cfg = { .input = stuck_netlink_receive };

	if (unit < 0 || unit >= MAX_LINKS)
		return -EINVAL;
	stuck_netlink_sock = netlink_kernel_create(&init_net, unit, &cfg);
	if (!stuck_netlink_sock)
		return -EBUSY; /* the protocol number is taken */
	pr_info("netlink protocol %d registered\n", unit);
	return 0;
}

static void __exit stuck_netlink_exit(void)
{
	/* Reached only once the socket was released, so the worker is idle. */
	if (stuck_netlink_worker)
		kthread_stop(stuck_netlink_worker);
	netlink_kernel_release(stuck_netlink_sock);
	pr_info("unloaded\n");
}

module_init(stuck_netlink_init);
module_exit(stuck_netlink_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("RefScope lab: a kernel thread keeps a closed netlink socket alive");
