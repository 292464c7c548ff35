/*
 * stats: a sqlink wasm extension in C (ABI: docs/wasm-extension-abi.md).
 *   describe(x)      -> text naming x's storage class and value (every argument type in)
 *   roundtrip(x)     -> x unchanged (every result type out)
 *   expect(ok, msg)  -> 1, or fails the statement with msg when ok is false or NULL
 *   mad(x)           -> aggregate: median absolute deviation of the non-NULL numbers
 *                       (a spread measure robust to outliers; SQLite has median() itself)
 *   stddev(x)        -> aggregate and window: sample standard deviation of the non-NULL numbers
 *   env(name)        -> an environment variable the connection granted (capability env)
 */
#include <stdlib.h>
#include <string.h>
#include "sqlink_ext.h"

static const char MANIFEST[] =
    "{\"abi\":1,\"name\":\"stats\",\"version\":\"1.0.0\","
    "\"description\":\"Statistics (median absolute deviation, stddev), value inspection and checks, written in C\","
    "\"provides\":["
    "{\"kind\":\"scalar\",\"name\":\"describe\",\"args\":1,\"flags\":[\"deterministic\",\"innocuous\"]},"
    "{\"kind\":\"scalar\",\"name\":\"roundtrip\",\"args\":1,\"flags\":[\"deterministic\",\"innocuous\"]},"
    "{\"kind\":\"scalar\",\"name\":\"expect\",\"args\":2,\"flags\":[\"deterministic\"]},"
    "{\"kind\":\"aggregate\",\"name\":\"mad\",\"args\":1,\"flags\":[\"deterministic\",\"innocuous\"]},"
    "{\"kind\":\"window\",\"name\":\"stddev\",\"args\":1,\"flags\":[\"deterministic\",\"innocuous\"]},"
    "{\"kind\":\"scalar\",\"name\":\"env\",\"args\":1}"
    "],\"capabilities\":[\"env\"]}";

SQLINK_EXPORT(sqlink_manifest) const char *sqlink_manifest(void) { return MANIFEST; }

/* The host's scratch area for arguments: reused, grown on demand, never used by us. */
static void *buffer;
static int32_t buffer_size;

SQLINK_EXPORT(sqlink_buffer) void *sqlink_buffer(int32_t size) {
    if (size > buffer_size) {
        void *grown = realloc(buffer, (size_t)size);
        if (grown == NULL) {
            return NULL;
        }
        buffer = grown;
        buffer_size = size;
    }
    return buffer;
}

static void error(const char *message) { sqlink_result_error(message, (int32_t)strlen(message)); }

static int is_number(const sqlink_value *v) { return v->type == SQLINK_INTEGER || v->type == SQLINK_FLOAT; }

static double as_double(const sqlink_value *v) { return v->type == SQLINK_INTEGER ? (double)v->v.i : v->v.f; }

/* ------------------------------------------------------------------ text building */

typedef struct { char *data; int32_t len, cap; } text;

static void put(text *t, const char *s, int32_t n) {
    if (t->len + n > t->cap) {
        int32_t cap = (t->len + n) * 2 + 16;
        t->data = realloc(t->data, (size_t)cap);
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, (size_t)n);
    t->len += n;
}

static void put_str(text *t, const char *s) { put(t, s, (int32_t)strlen(s)); }

static void put_int(text *t, int64_t x) {
    char digits[24];
    int n = 0;
    uint64_t u = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (x < 0) {
        put(t, "-", 1);
    }
    while (n > 0) {
        put(t, &digits[--n], 1);
    }
}

/* A real as its exact IEEE-754 bits in hex: no rounding questions, no printf needed. */
static void put_real(text *t, double f) {
    uint64_t bits;
    memcpy(&bits, &f, sizeof bits);
    put_str(t, "0x");
    for (int shift = 60; shift >= 0; shift -= 4) {
        put(t, &"0123456789abcdef"[(bits >> shift) & 15], 1);
    }
}

SQLINK_EXPORT(describe) void describe(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    const sqlink_value *v = &argv[0];
    text t = {0};
    switch (v->type) {
        case SQLINK_INTEGER: put_str(&t, "integer "); put_int(&t, v->v.i); break;
        case SQLINK_FLOAT: put_str(&t, "real "); put_real(&t, v->v.f); break;
        case SQLINK_TEXT:
            put_str(&t, "text("); put_int(&t, v->len); put_str(&t, ") ");
            put(&t, (const char *)v->v.p, v->len);
            break;
        case SQLINK_BLOB:
            put_str(&t, "blob("); put_int(&t, v->len); put_str(&t, ") ");
            for (int32_t i = 0; i < v->len; i++) {
                put(&t, &"0123456789abcdef"[v->v.p[i] >> 4], 1);
                put(&t, &"0123456789abcdef"[v->v.p[i] & 15], 1);
            }
            break;
        default: put_str(&t, "null"); break;
    }
    sqlink_result_text(t.data, t.len);
    free(t.data);
}

SQLINK_EXPORT(roundtrip) void roundtrip(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    const sqlink_value *v = &argv[0];
    switch (v->type) {
        case SQLINK_INTEGER: sqlink_result_int(v->v.i); break;
        case SQLINK_FLOAT: sqlink_result_double(v->v.f); break;
        case SQLINK_TEXT: sqlink_result_text((const char *)v->v.p, v->len); break;
        case SQLINK_BLOB: sqlink_result_blob(v->v.p, v->len); break;
        default: sqlink_result_null(); break;
    }
}

SQLINK_EXPORT(expect) void expect(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    const sqlink_value *ok = &argv[0];
    int passed = is_number(ok) && as_double(ok) != 0;
    if (passed) {
        sqlink_result_int(1);
    } else if (argv[1].type == SQLINK_TEXT) {
        sqlink_result_error((const char *)argv[1].v.p, argv[1].len);
    } else {
        error("expectation failed");
    }
}

SQLINK_EXPORT(env) void env(int32_t argc, const sqlink_value *argv) {
    (void)argc;
    if (argv[0].type != SQLINK_TEXT) {
        error("env(name): name must be text");
        return;
    }
    char small[256];
    int32_t n = sqlink_env_get((const char *)argv[0].v.p, argv[0].len, small, sizeof small);
    if (n < 0) {
        sqlink_result_null();
    } else if (n <= (int32_t)sizeof small) {
        sqlink_result_text(small, n);
    } else {
        char *big = malloc((size_t)n);
        sqlink_env_get((const char *)argv[0].v.p, argv[0].len, big, n);
        sqlink_result_text(big, n);
        free(big);
    }
}

/* ------------------------------------------------------------------ per-group state */

/* Groups are few at a time (SQLite aggregates sorted groups), so a list is enough. */
typedef struct group {
    int32_t id;
    struct group *next;
    int64_t count;
    double sum, sumsq; /* stddev */
    double *values;    /* mad */
    int64_t cap;
} group;

static group *groups;

static group *find(int32_t id, int create) {
    for (group *g = groups; g != NULL; g = g->next) {
        if (g->id == id) {
            return g;
        }
    }
    if (!create) {
        return NULL;
    }
    group *g = calloc(1, sizeof *g);
    g->id = id;
    g->next = groups;
    groups = g;
    return g;
}

static void release(int32_t id) {
    for (group **at = &groups; *at != NULL; at = &(*at)->next) {
        if ((*at)->id == id) {
            group *g = *at;
            *at = g->next;
            free(g->values);
            free(g);
            return;
        }
    }
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

SQLINK_EXPORT(mad_step) void mad_step(int32_t ctx, int32_t argc, const sqlink_value *argv) {
    (void)argc;
    if (!is_number(&argv[0])) {
        return;
    }
    group *g = find(ctx, 1);
    if (g->count == g->cap) {
        g->cap = g->cap * 2 + 16;
        g->values = realloc(g->values, (size_t)g->cap * sizeof(double));
    }
    g->values[g->count++] = as_double(&argv[0]);
}

static double median_of(double *values, int64_t n) {
    qsort(values, (size_t)n, sizeof(double), by_value);
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

SQLINK_EXPORT(mad_final) void mad_final(int32_t ctx) {
    group *g = find(ctx, 0);
    if (g == NULL || g->count == 0) {
        sqlink_result_null();
    } else {
        double median = median_of(g->values, g->count);
        for (int64_t i = 0; i < g->count; i++) {
            double d = g->values[i] - median;
            g->values[i] = d < 0 ? -d : d;
        }
        sqlink_result_double(median_of(g->values, g->count));
    }
    release(ctx);
}

static void stddev_add(int32_t ctx, const sqlink_value *v, double sign) {
    if (!is_number(v)) {
        return;
    }
    group *g = find(ctx, 1);
    double x = as_double(v);
    g->count += (int64_t)sign;
    g->sum += sign * x;
    g->sumsq += sign * x * x;
}

SQLINK_EXPORT(stddev_step) void stddev_step(int32_t ctx, int32_t argc, const sqlink_value *argv) {
    (void)argc;
    stddev_add(ctx, &argv[0], 1);
}

SQLINK_EXPORT(stddev_inverse) void stddev_inverse(int32_t ctx, int32_t argc, const sqlink_value *argv) {
    (void)argc;
    stddev_add(ctx, &argv[0], -1);
}

SQLINK_EXPORT(stddev_value) void stddev_value(int32_t ctx) {
    group *g = find(ctx, 0);
    if (g == NULL || g->count < 2) {
        sqlink_result_null();
        return;
    }
    double n = (double)g->count;
    double variance = (g->sumsq - g->sum * g->sum / n) / (n - 1);
    sqlink_result_double(variance > 0 ? __builtin_sqrt(variance) : 0);
}

SQLINK_EXPORT(stddev_final) void stddev_final(int32_t ctx) {
    stddev_value(ctx);
    release(ctx);
}
