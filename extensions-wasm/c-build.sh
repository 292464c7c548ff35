# Shared by the C extensions' build.sh: one C file -> one reproducible .wasm (+ .sha256).
# Usage (sourced): c_extension DIR NAME [--check]
# Toolchain: Debian clang-19, lld-19, wasi-libc (the same packages the engine's build uses).

c_compile() { # source output
  # A reactor without an entry point: the host calls exports only. No debug info and no
  # build paths in the output, so the bytes depend on the source and the toolchain alone.
  # That includes a PATH with nothing but the linker: when optimising, clang also runs
  # binaryen's wasm-opt on its output whenever it finds one installed.
  local tools
  tools="$(dirname "$2")/linker-only"
  mkdir -p "$tools"
  ln -sf "$(command -v wasm-ld-19)" "$tools/wasm-ld-19"
  PATH="$tools" "$(command -v clang-19)" --target=wasm32-wasi -mexec-model=reactor -O2 \
    -I "$(dirname "$1")/../include" \
    -ffile-prefix-map="$(dirname "$1")"=. -fno-ident \
    -Wall -Wextra -Werror -o "$2" "$1" \
    -Wl,--strip-debug -Wl,-z,stack-size=65536
}

c_extension() { # dir name [--check]
  local dir="$1" name="$2" mode="${3:-}"
  for tool in clang-19 wasm-ld-19 sha256sum; do
    command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install clang-19 lld-19 wasi-libc" >&2; exit 1; }
  done
  local work
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  c_compile "$dir/$name.c" "$work/$name.wasm"
  local sha
  sha="$(sha256sum "$work/$name.wasm" | cut -d' ' -f1)"
  if [ "$mode" = --check ]; then
    local committed expected
    committed="$(sha256sum "$dir/$name.wasm" | cut -d' ' -f1)"
    expected="$(cut -d' ' -f1 "$dir/$name.wasm.sha256")"
    if [ "$sha" != "$committed" ] || [ "$sha" != "$expected" ]; then
      echo "$name.wasm is not reproduced: rebuilt $sha, committed file $committed, committed .sha256 $expected" >&2
      exit 1
    fi
    echo "$name.wasm reproduced byte for byte ($sha)"
  else
    cp "$work/$name.wasm" "$dir/$name.wasm"
    echo "$sha  $name.wasm" > "$dir/$name.wasm.sha256"
    echo "built $dir/$name.wasm ($(stat -c %s "$dir/$name.wasm") bytes, sha256 $sha)"
  fi
}
