// Starting the helper thread on another core. Linux places a new thread by the recent load of each
// core; a process a few milliseconds old has hardly any, so its new thread often queues behind the
// main thread on the same core while the other core idles, until the next load balance (up to a
// scheduler tick, 4 ms, later). Swift cannot reach cpu_set_t's macros, hence C.
#define _GNU_SOURCE
#include "csystem.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

struct sr_thread_start {
    void *(*body)(void *);
    void *argument;
#ifdef __linux__
    cpu_set_t allowed;
    int narrowed;
#endif
};

static void *sr_thread_trampoline(void *raw) {
    struct sr_thread_start start = *(struct sr_thread_start *)raw;
    free(raw);
#ifdef __linux__
    // Once running elsewhere, the thread may go wherever the scheduler sees fit again.
    if (start.narrowed) sched_setaffinity(0, sizeof start.allowed, &start.allowed);
#endif
    return start.body(start.argument);
}

int sr_thread_create_elsewhere(pthread_t *thread, void *(*body)(void *), void *argument) {
    struct sr_thread_start *start = calloc(1, sizeof *start);
    if (!start) return -1;
    start->body = body;
    start->argument = argument;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
#ifdef __linux__
    int here = sched_getcpu();
    if (here >= 0 && sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0
        && CPU_ISSET(here, &start->allowed) && CPU_COUNT(&start->allowed) > 1) {
        cpu_set_t elsewhere = start->allowed;
        CPU_CLR(here, &elsewhere);
        start->narrowed = pthread_attr_setaffinity_np(&attributes, sizeof elsewhere, &elsewhere) == 0;
    }
#endif
    int result = pthread_create(thread, &attributes, sr_thread_trampoline, start);
    pthread_attr_destroy(&attributes);
    if (result != 0) free(start);
    return result;
}
