/*
 * The baseline for `make bench-db`: primary-key SELECTs on `stepwork.world` straight through
 * libpq, one connection per thread, one prepared statement, text format.
 *
 *   raw_libpq CONNINFO THREADS SECONDS
 *
 * Prints queries per second and the 50th and 99th percentile latency of one query.
 */
#include <libpq-fe.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *conninfo;
static double seconds;
static pthread_barrier_t ready;

typedef struct {
    uint64_t *latencies;
    size_t count, capacity;
    uint32_t random;
} worker;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static uint32_t next_id(worker *w) { /* xorshift32, as in the Swift benchmark */
    w->random ^= w->random << 13;
    w->random ^= w->random >> 17;
    w->random ^= w->random << 5;
    return 1 + w->random % 10000;
}

static int select_world(PGconn *conn, worker *w) {
    char id[16];
    snprintf(id, sizeof id, "%u", next_id(w));
    const char *values[1] = {id};
    PGresult *res = PQexecPrepared(conn, "world", 1, values, NULL, NULL, 0);
    int ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1
          && atoi(PQgetvalue(res, 0, 0)) > 0 && atoi(PQgetvalue(res, 0, 1)) > 0;
    if (!ok) fprintf(stderr, "query failed: %s", PQerrorMessage(conn));
    PQclear(res);
    return ok;
}

static void *run(void *argument) {
    worker *w = argument;
    PGconn *conn = PQconnectdb(conninfo);
    if (PQstatus(conn) != CONNECTION_OK) { fprintf(stderr, "%s", PQerrorMessage(conn)); exit(1); }
    PGresult *res = PQexec(conn, "SET search_path = stepwork");
    PQclear(res);
    const Oid types[1] = {23}; /* integer, as Swift's Int32 declares it */
    res = PQprepare(conn, "world", "SELECT id, randomnumber FROM world WHERE id = $1", 1, types);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) { fprintf(stderr, "%s", PQerrorMessage(conn)); exit(1); }
    PQclear(res);
    for (int i = 0; i < 100; i++) if (!select_world(conn, w)) exit(1); /* warm up */
    pthread_barrier_wait(&ready);
    uint64_t end = now_ns() + (uint64_t)(seconds * 1e9);
    for (;;) {
        uint64_t start = now_ns();
        if (start >= end) break;
        if (!select_world(conn, w)) exit(1);
        if (w->count == w->capacity) {
            w->capacity = w->capacity ? 2 * w->capacity : 1 << 16;
            w->latencies = realloc(w->latencies, w->capacity * sizeof *w->latencies);
        }
        w->latencies[w->count++] = now_ns() - start;
    }
    PQfinish(conn);
    return NULL;
}

static int compare(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: raw_libpq CONNINFO THREADS SECONDS\n"); return 2; }
    conninfo = argv[1];
    int threads = atoi(argv[2]);
    seconds = atof(argv[3]);
    pthread_t ids[threads];
    worker workers[threads];
    memset(workers, 0, sizeof workers);
    pthread_barrier_init(&ready, NULL, threads);
    for (int i = 0; i < threads; i++) {
        workers[i].random = 2463534242u + 7919u * (uint32_t)i;
        pthread_create(&ids[i], NULL, run, &workers[i]);
    }
    size_t total = 0;
    for (int i = 0; i < threads; i++) { pthread_join(ids[i], NULL); total += workers[i].count; }
    uint64_t *all = malloc(total * sizeof *all);
    size_t at = 0;
    for (int i = 0; i < threads; i++) {
        memcpy(all + at, workers[i].latencies, workers[i].count * sizeof *all);
        at += workers[i].count;
    }
    qsort(all, total, sizeof *all, compare);
    printf("raw libpq        threads=%d seconds=%.0f queries=%zu qps=%.0f p50=%.0fus p99=%.0fus\n",
           threads, seconds, total, total / seconds,
           all[(size_t)(0.50 * (total - 1))] / 1e3, all[(size_t)(0.99 * (total - 1))] / 1e3);
    return 0;
}
