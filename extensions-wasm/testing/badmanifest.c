/* Test extension: its manifest has no version and a misspelt field. */
#include "sqlink_ext.h"

SQLINK_EXPORT(sqlink_manifest) const char *sqlink_manifest(void) {
    return "{\"abi\":1,\"name\":\"broken\",\"provides\":[{\"kind\":\"scalar\",\"name\":\"f\",\"args\":0}]}";
}

static unsigned char args[64];
SQLINK_EXPORT(sqlink_buffer) void *sqlink_buffer(int32_t size) { return size <= (int32_t)sizeof args ? args : 0; }

SQLINK_EXPORT(f) void f(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    (void)argv;
}
