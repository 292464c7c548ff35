#!/usr/bin/env bash
# Builds textkit.wasm (AssemblyScript) reproducibly: the compiler version is pinned with its
# integrity hash in package-lock.json and installed with `npm ci`.
#   extensions-wasm/textkit/build.sh          rebuild textkit.wasm and textkit.wasm.sha256
#   extensions-wasm/textkit/build.sh --check  rebuild in a temporary folder; fail unless the bytes
#                                             equal the committed textkit.wasm and its .sha256
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
command -v npm >/dev/null || { echo "npm not found (install Node.js)" >&2; exit 1; }
npm ci --no-audit --no-fund --silent
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# --exportStart: top-level code runs as _initialize, which the host calls under its time limit.
# --use abort=...: no env.abort import; a failed assertion traps instead.
# --runtime incremental: garbage-collected, so state dropped by *_final is reclaimed.
npx --no-install asc assembly/index.ts -o "$work/textkit.wasm" -O3 --noAssert \
  --runtime incremental --exportStart _initialize --use abort=assembly/sqlink/abortHandler
sha="$(sha256sum "$work/textkit.wasm" | cut -d' ' -f1)"
if [ "${1:-}" = --check ]; then
  committed="$(sha256sum textkit.wasm | cut -d' ' -f1)"
  expected="$(cut -d' ' -f1 textkit.wasm.sha256)"
  if [ "$sha" != "$committed" ] || [ "$sha" != "$expected" ]; then
    echo "textkit.wasm is not reproduced: rebuilt $sha, committed file $committed, committed .sha256 $expected" >&2
    exit 1
  fi
  echo "textkit.wasm reproduced byte for byte ($sha)"
else
  cp "$work/textkit.wasm" textkit.wasm
  echo "$sha  textkit.wasm" > textkit.wasm.sha256
  echo "built $here/textkit.wasm ($(stat -c %s textkit.wasm) bytes, sha256 $sha)"
fi
