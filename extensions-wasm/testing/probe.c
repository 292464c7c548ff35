/* Test extension: one function per capability-gated host import. */
#include <stdlib.h>
#include "sqlink_ext.h"

SQLINK_EXPORT(sqlink_manifest) const char *sqlink_manifest(void) {
    return "{\"abi\":1,\"name\":\"probe\",\"version\":\"1.0\",\"description\":\"uses every host service (test)\","
           "\"provides\":[{\"kind\":\"scalar\",\"name\":\"now_ms\",\"args\":0},"
           "{\"kind\":\"scalar\",\"name\":\"random_bytes\",\"args\":1},"
           "{\"kind\":\"scalar\",\"name\":\"read_file\",\"args\":1},"
           "{\"kind\":\"scalar\",\"name\":\"write_file\",\"args\":2}],"
           "\"capabilities\":[\"clock\",\"random\",\"fs.read\",\"fs.write\"]}";
}

static void *buffer;
SQLINK_EXPORT(sqlink_buffer) void *sqlink_buffer(int32_t size) { return buffer = realloc(buffer, (size_t)size); }

SQLINK_EXPORT(now_ms) void now_ms(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    (void)argv;
    sqlink_result_int(sqlink_clock_millis());
}

SQLINK_EXPORT(random_bytes) void random_bytes(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    int32_t n = (int32_t)argv[0].v.i;
    unsigned char *b = malloc((size_t)n + 1);
    sqlink_random_fill(b, n);
    sqlink_result_blob(b, n);
    free(b);
}

SQLINK_EXPORT(read_file) void read_file(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    const char *path = (const char *)argv[0].v.p;
    int64_t size = sqlink_fs_size(path, argv[0].len);
    if (size < 0) {
        sqlink_result_null();
        return;
    }
    unsigned char *b = malloc((size_t)size + 1);
    int32_t n = sqlink_fs_read(path, argv[0].len, 0, b, (int32_t)size);
    sqlink_result_blob(b, n);
    free(b);
}

SQLINK_EXPORT(write_file) void write_file(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    int32_t rc = sqlink_fs_write((const char *)argv[0].v.p, argv[0].len, argv[1].v.p, argv[1].len, 0);
    sqlink_result_int(rc == 0 ? argv[1].len : -1);
}
