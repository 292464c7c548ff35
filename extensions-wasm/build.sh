#!/usr/bin/env bash
# Builds every wasm extension in this folder (the examples and the test extensions).
#   extensions-wasm/build.sh           rebuild the .wasm files and their .sha256
#   extensions-wasm/build.sh --check   rebuild in temporary folders; fail unless every committed
#                                      .wasm is reproduced byte for byte
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/stats/build.sh" "$@"
"$here/testing/build.sh" "$@"
"$here/textkit/build.sh" "$@"
