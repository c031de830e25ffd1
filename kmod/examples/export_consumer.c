// SPDX-License-Identifier: GPL-2.0
/*
 * export_consumer: calls export_provider_next_ticket() from export_provider.
 *
 * What it teaches: the module loader resolves the symbol at insmod time and
 * records the dependency (ref_module()), which pins export_provider for as
 * long as this module is loaded: export_provider's "Used by" names us. This
 * module's own count stays 0, and insmod fails ("Unknown symbol") while
 * export_provider is not loaded.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>

#include "export_provider.h"

static int __init export_consumer_init(void)
{
	pr_info("got ticket %d from export_provider\n", export_provider_next_ticket());
	return 0;
}

static void __exit export_consumer_exit(void)
{
}

module_init(export_consumer_init);
module_exit(export_consumer_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("RefScope lab: holds export_provider by using its symbol");
