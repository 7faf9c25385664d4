#!/bin/sh
# Stand-in for Prisma's native engines, which cannot be downloaded here. It must FAIL: an empty stub that exits 0
# makes `prisma migrate` silently apply nothing. With engine "js" (prisma.config.ts) the CLI never needs it.
echo "prisma native engine stub: native engines are not available offline (use engine 'js')" >&2
exit 1
