/*
 * sqlink wasm extension ABI, version 1, for C (clang --target=wasm32).
 * The contract itself is docs/wasm-extension-abi.md; this header only spells it in C.
 */
#ifndef SQLINK_EXT_H
#define SQLINK_EXT_H

#include <stdint.h>

/* Storage classes, numbered as SQLite numbers them. */
#define SQLINK_INTEGER 1
#define SQLINK_FLOAT 2
#define SQLINK_TEXT 3
#define SQLINK_BLOB 4
#define SQLINK_NULL 5

/* One argument as the host lays it out: 16 bytes, little-endian. */
typedef struct sqlink_value {
    int32_t type; /* SQLINK_INTEGER ... SQLINK_NULL */
    int32_t len;  /* bytes of text (without its NUL) or blob; 0 otherwise */
    union {
        int64_t i;              /* SQLINK_INTEGER */
        double f;               /* SQLINK_FLOAT */
        const unsigned char *p; /* SQLINK_TEXT (UTF-8, NUL-terminated) and SQLINK_BLOB */
    } v;
} sqlink_value;

_Static_assert(sizeof(sqlink_value) == 16, "sqlink_value is 16 bytes");

#define SQLINK_EXPORT(name) __attribute__((export_name(#name)))
#define SQLINK_IMPORT(name) __attribute__((import_module("sqlink"), import_name(#name)))

/* Results: call one of these at most once per call; none means SQL NULL. */
SQLINK_IMPORT(result_null) void sqlink_result_null(void);
SQLINK_IMPORT(result_int) void sqlink_result_int(int64_t value);
SQLINK_IMPORT(result_double) void sqlink_result_double(double value);
SQLINK_IMPORT(result_text) void sqlink_result_text(const char *utf8, int32_t len);
SQLINK_IMPORT(result_blob) void sqlink_result_blob(const void *data, int32_t len);
SQLINK_IMPORT(result_error) void sqlink_result_error(const char *utf8, int32_t len);

/* Host services; importing one requires its capability in the manifest. */
SQLINK_IMPORT(clock_millis) int64_t sqlink_clock_millis(void);                      /* clock */
SQLINK_IMPORT(random_fill) void sqlink_random_fill(void *dst, int32_t len);         /* random */
SQLINK_IMPORT(env_get) int32_t sqlink_env_get(const char *name, int32_t name_len,  /* env */
                                              char *dst, int32_t cap);
SQLINK_IMPORT(fs_size) int64_t sqlink_fs_size(const char *path, int32_t path_len);  /* fs.read */
SQLINK_IMPORT(fs_read) int32_t sqlink_fs_read(const char *path, int32_t path_len,   /* fs.read */
                                              int64_t offset, void *dst, int32_t cap);
SQLINK_IMPORT(fs_write) int32_t sqlink_fs_write(const char *path, int32_t path_len, /* fs.write */
                                                const void *src, int32_t len, int32_t append);

#endif
