#!/usr/bin/env bash
# Builds sqlite3.wasm reproducibly from pinned, hash-checked inputs.
#
#   engine-wasm/wasm/build.sh            build into engine-wasm/src/main/wasm/ (then commit it)
#   engine-wasm/wasm/build.sh --check    build into a temporary folder and fail if the
#                                        bytes differ from the committed module
#   engine-wasm/wasm/build.sh --install-toolchain [--check]
#                                        first install the Debian toolchain (needs root)
#
# Inputs:
#   - SQLite 3.54.1 amalgamation, taken from the npm package better-sqlite3@13.2.0
#     (deps/sqlite3/sqlite3.c); both the package tarball and the file are SHA-256 checked.
#   - Debian clang-19, lld-19, wasi-libc, libclang-rt-19-dev-wasm32.
#   - a JDK 17 (runs SplitHugeFunctions.java on the linked module).
# The compile options are documented one by one in engine-wasm/README.md.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
OUT_DIR="$HERE/../src/main/wasm"
PACKAGE="better-sqlite3@13.2.0"
PACKAGE_SHA256="40487589df3496f2ee0079d22b73c63fccebe7db0e8ee9a2c42421861e321e0b"
AMALGAMATION_SHA256="75a4760a7b9727a4c4c877aec92eacf39e52a8f2921ce00bd33be6d3a8e8e254"
TOOLCHAIN_PACKAGES="clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32"

check=0
for arg in "$@"; do
  case "$arg" in
    --check) check=1 ;;
    --install-toolchain)
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq $TOOLCHAIN_PACKAGES >/dev/null ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

for tool in clang-19 wasm-ld-19 npm sha256sum java; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run with --install-toolchain (Debian: $TOOLCHAIN_PACKAGES)" >&2; exit 1; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

verify() { # file expected-sha256
  local actual
  actual="$(sha256sum "$1" | cut -d' ' -f1)"
  if [ "$actual" != "$2" ]; then
    echo "SHA-256 mismatch for $1: expected $2, got $actual" >&2
    exit 1
  fi
}

( cd "$WORK" && npm pack --silent "$PACKAGE" >/dev/null )
verify "$WORK"/better-sqlite3-13.2.0.tgz "$PACKAGE_SHA256"
tar -xzf "$WORK"/better-sqlite3-13.2.0.tgz -C "$WORK" package/deps/sqlite3/sqlite3.c
mkdir -p "$WORK/src"
mv "$WORK/package/deps/sqlite3/sqlite3.c" "$WORK/src/sqlite3.c"
verify "$WORK/src/sqlite3.c" "$AMALGAMATION_SHA256"
cp "$HERE/sqlink_glue.c" "$WORK/src/"

# Each option is explained in engine-wasm/README.md; keep the two lists in step.
SQLITE_OPTIONS=(
  -DSQLITE_OS_OTHER=1
  -DSQLITE_THREADSAFE=0
  -DSQLITE_OMIT_LOAD_EXTENSION
  -DSQLITE_OMIT_SHARED_CACHE
  -DSQLITE_DEFAULT_MEMSTATUS=0
  -DSQLITE_ENABLE_API_ARMOR
  -DSQLITE_USE_URI=1
  -DSQLITE_ENABLE_FTS3
  -DSQLITE_ENABLE_FTS3_PARENTHESIS
  -DSQLITE_ENABLE_FTS4
  -DSQLITE_ENABLE_FTS5
  -DSQLITE_ENABLE_RTREE
  -DSQLITE_ENABLE_GEOPOLY
  -DSQLITE_ENABLE_MATH_FUNCTIONS
  -DSQLITE_ENABLE_PERCENTILE
  -DSQLITE_ENABLE_STAT4
  -DSQLITE_ENABLE_DBSTAT_VTAB
  -DSQLITE_ENABLE_DBPAGE_VTAB
  -DSQLITE_ENABLE_BYTECODE_VTAB
  -DSQLITE_ENABLE_STMTVTAB
  -DSQLITE_ENABLE_COLUMN_METADATA
  -DSQLITE_SOUNDEX
  -DSQLITE_ENABLE_SESSION
  -DSQLITE_ENABLE_PREUPDATE_HOOK
  -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT
  -DSQLITE_MAX_VARIABLE_NUMBER=250000
  -DSQLITE_MAX_LENGTH=2147483647
  -DSQLITE_MAX_COLUMN=32767
  -DSQLITE_MAX_SQL_LENGTH=1073741824
  -DSQLITE_MAX_ATTACHED=125
  -DSQLITE_MAX_PAGE_COUNT=4294967294
  -DSQLITE_MAX_MMAP_SIZE=0
  -DHAVE_LOCALTIME_R=1
  -DHAVE_ISNAN=1
  -DNDEBUG
)

# A reactor module (no main; _initialize runs constructors), MVP wasm plus the few
# post-MVP features Chicory 1.7.5 compiles well; the name section is kept so the
# build can report functions by name.
#
# When optimising, clang also runs binaryen's wasm-opt on the linked module if it finds one
# on the PATH, so the output would depend on what else the machine has installed (and
# clang 19's --no-wasm-opt skips the link altogether). So clang runs with a PATH that holds
# nothing but its linker.
mkdir "$WORK/bin"
ln -s "$(command -v wasm-ld-19)" "$WORK/bin/wasm-ld-19"
PATH="$WORK/bin" "$(command -v clang-19)" --target=wasm32-wasi -mexec-model=reactor -O2 \
  -mcpu=mvp -mmutable-globals -msign-ext -mbulk-memory -mnontrapping-fptoint \
  -fvisibility=hidden '-DSQLITE_API=__attribute__((visibility("default")))' \
  "${SQLITE_OPTIONS[@]}" \
  -Wl,--export-dynamic -Wl,-z,stack-size=262144 -Wl,--stack-first \
  -Wl,--export=malloc -Wl,--export=free \
  -o "$WORK/sqlite3.linked.wasm" "$WORK/src/sqlink_glue.c"

# HotSpot never JIT-compiles a method over 8000 bytes of bytecode (HugeMethodLimit), and the
# AOT compiler makes one JVM method per wasm function: outline regions of every function over
# 3000 bytes into new functions (see SplitHugeFunctions.java and engine-wasm/README.md).
# Then move the functions a cold start runs, and those an application's first minute runs, to
# the front: the build compiles the first list into the only class a cold JVM has to load.
java "$HERE/SplitHugeFunctions.java" "$WORK/sqlite3.linked.wasm" "$WORK/sqlite3.wasm" 3000 \
  --first "$HERE/startup-functions.txt" --first "$HERE/first-use-functions.txt" \
  --direct-calls "$HERE/direct-calls.txt" > "$WORK/split-report.txt" \
  || { cat "$WORK/split-report.txt" >&2; echo "splitting oversized functions failed" >&2; exit 1; }
head -1 "$WORK/split-report.txt"
grep -A1 "^start-up order" "$WORK/split-report.txt"
sed -n '/^direct calls/,/^start-up order/p' "$WORK/split-report.txt" | grep -v "^start-up order"

sha="$(sha256sum "$WORK/sqlite3.wasm" | cut -d' ' -f1)"
if [ "$check" = 1 ]; then
  expected="$(cut -d' ' -f1 "$OUT_DIR/sqlite3.wasm.sha256")"
  committed="$(sha256sum "$OUT_DIR/sqlite3.wasm" | cut -d' ' -f1)"
  if [ "$sha" != "$expected" ] || [ "$committed" != "$expected" ]; then
    echo "sqlite3.wasm is not reproducible: rebuilt $sha, recorded $expected, committed file $committed" >&2
    exit 1
  fi
  echo "sqlite3.wasm reproduced: $sha"
else
  mkdir -p "$OUT_DIR"
  cp "$WORK/sqlite3.wasm" "$OUT_DIR/sqlite3.wasm"
  echo "$sha  sqlite3.wasm" > "$OUT_DIR/sqlite3.wasm.sha256"
  echo "built $OUT_DIR/sqlite3.wasm ($(stat -c %s "$OUT_DIR/sqlite3.wasm") bytes, sha256 $sha)"
fi
