/* SPDX-License-Identifier: GPL-2.0 */
/* What export_provider exports to other modules. */
#ifndef EXPORT_PROVIDER_H
#define EXPORT_PROVIDER_H

/* Returns 1, 2, 3, ...: one new number per call. */
int export_provider_next_ticket(void);

#endif
