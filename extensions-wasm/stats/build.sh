#!/usr/bin/env bash
# Builds stats.wasm (C) reproducibly with Debian's clang-19, lld-19 and wasi-libc.
#   extensions-wasm/stats/build.sh          rebuild stats.wasm and stats.wasm.sha256
#   extensions-wasm/stats/build.sh --check  rebuild in a temporary folder; fail unless the bytes
#                                           equal the committed stats.wasm and its .sha256
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../c-build.sh"
c_extension "$here" stats "$@"
