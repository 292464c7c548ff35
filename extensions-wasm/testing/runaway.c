/* Test extension: spin() never returns; ok() does. The host's time limit must stop spin(). */
#include "sqlink_ext.h"

SQLINK_EXPORT(sqlink_manifest) const char *sqlink_manifest(void) {
    return "{\"abi\":1,\"name\":\"runaway\",\"version\":\"1.0\",\"description\":\"loops forever (test)\","
           "\"provides\":[{\"kind\":\"scalar\",\"name\":\"spin\",\"args\":0},"
           "{\"kind\":\"scalar\",\"name\":\"ok\",\"args\":0}]}";
}

static unsigned char args[4096];
SQLINK_EXPORT(sqlink_buffer) void *sqlink_buffer(int32_t size) { return size <= (int32_t)sizeof args ? args : 0; }

static volatile int64_t counter;

SQLINK_EXPORT(spin) void spin(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    (void)argv;
    for (;;) {
        counter++;
    }
}

SQLINK_EXPORT(ok) void ok(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    (void)argv;
    sqlink_result_int(counter == 0 ? 1 : 2); /* 1: a fresh instance replaced the stopped one */
}
