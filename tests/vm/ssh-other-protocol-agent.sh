#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Stands in for a refscope-agent of another protocol version (tst_ssh): it
# answers the client's hello the way such an agent does, then exits.
read -r hello
printf '%s\n' '{"id":1,"error":{"code":"protocol_mismatch","message":"this agent speaks protocol 2"}}'
exit 1
