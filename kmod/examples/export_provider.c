// SPDX-License-Identifier: GPL-2.0
/*
 * export_provider: exports export_provider_next_ticket() for export_consumer.
 *
 * What it teaches: a module that uses another's exported symbol becomes its
 * holder. Loading export_consumer adds one to this module's count and lists
 * "export_consumer" in lsmod's "Used by" (and in
 * /sys/module/export_provider/holders); rmmod export_provider fails until
 * export_consumer is gone. modprobe -r export_consumer removes both.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/module.h>

#include "export_provider.h"

static atomic_t export_provider_tickets = ATOMIC_INIT(0);

int export_provider_next_ticket(void)
{
	return atomic_inc_return(&export_provider_tickets);
}
EXPORT_SYMBOL_GPL(export_provider_next_ticket);

static int __init export_provider_init(void)
{
	return 0;
}

static void __exit export_provider_exit(void)
{
}

module_init(export_provider_init);
module_exit(export_provider_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("RefScope lab: exports a symbol, so its users become its holders");
