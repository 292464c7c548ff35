// The sqlink wasm extension ABI, version 1, for AssemblyScript (docs/wasm-extension-abi.md).

export const INTEGER: i32 = 1;
export const FLOAT: i32 = 2;
export const TEXT: i32 = 3;
export const BLOB: i32 = 4;
export const NULL: i32 = 5;

// Argument i of argv: a 16-byte record { i32 type; i32 len; 8 bytes value or pointer }.
export function argType(argv: usize, i: i32): i32 {
  return load<i32>(argv + <usize>i * 16);
}

export function argInt(argv: usize, i: i32): i64 {
  const t = argType(argv, i);
  return t == FLOAT ? <i64>load<f64>(argv + <usize>i * 16 + 8) : load<i64>(argv + <usize>i * 16 + 8);
}

/** Text arguments as strings; numbers are not converted (NULL and others give null). */
export function argText(argv: usize, i: i32): string | null {
  if (argType(argv, i) != TEXT) return null;
  const len = load<i32>(argv + <usize>i * 16 + 4);
  const ptr = <usize>load<u32>(argv + <usize>i * 16 + 8);
  return String.UTF8.decodeUnsafe(ptr, <usize>len);
}

@external("sqlink", "result_null") export declare function resultNull(): void;
@external("sqlink", "result_int") export declare function resultInt(value: i64): void;
@external("sqlink", "result_text") declare function resultTextRaw(ptr: usize, len: i32): void;
@external("sqlink", "result_error") declare function resultErrorRaw(ptr: usize, len: i32): void;

export function resultText(s: string): void {
  const utf8 = String.UTF8.encode(s);
  resultTextRaw(changetype<usize>(utf8), utf8.byteLength);
}

export function resultError(s: string): void {
  const utf8 = String.UTF8.encode(s);
  resultErrorRaw(changetype<usize>(utf8), utf8.byteLength);
}

// The host's argument area: raw heap memory, outside the garbage collector's reach.
let buffer: usize = 0;
let bufferSize: i32 = 0;

export function sqlink_buffer(size: i32): usize {
  if (size > bufferSize) {
    buffer = buffer == 0 ? heap.alloc(<usize>size) : heap.realloc(buffer, <usize>size);
    bufferSize = size;
  }
  return buffer;
}

// Assertion failures and out-of-range accesses end in a trap; the host reports it and resets us.
export function abortHandler(message: string | null, file: string | null, line: u32, column: u32): void {
  unreachable();
}
