/* Test extension: hog() grows its memory until the host refuses, then aborts as an out-of-memory
 * runtime would; ok() reports the memory size in 64 KiB pages. */
#include "sqlink_ext.h"

SQLINK_EXPORT(sqlink_manifest) const char *sqlink_manifest(void) {
    return "{\"abi\":1,\"name\":\"hog\",\"version\":\"1.0\",\"description\":\"allocates without bound (test)\","
           "\"provides\":[{\"kind\":\"scalar\",\"name\":\"hog\",\"args\":0},"
           "{\"kind\":\"scalar\",\"name\":\"pages\",\"args\":0}]}";
}

static unsigned char args[4096];
SQLINK_EXPORT(sqlink_buffer) void *sqlink_buffer(int32_t size) { return size <= (int32_t)sizeof args ? args : 0; }

SQLINK_EXPORT(hog) void hog(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    (void)argv;
    for (;;) {
        if (__builtin_wasm_memory_grow(0, 16) == (__SIZE_TYPE__)-1) {
            __builtin_trap();
        }
    }
}

SQLINK_EXPORT(pages) void pages(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    (void)argv;
    sqlink_result_int((int64_t)__builtin_wasm_memory_size(0));
}
