#!/usr/bin/env bash
# Builds the deliberately misbehaving extensions the driver's tests load (and probe, which
# calls every host service), reproducibly, like the examples.
#   extensions-wasm/testing/build.sh [--check]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../c-build.sh"
for name in runaway hog badmanifest probe; do
  c_extension "$here" "$name" "$@"
done
