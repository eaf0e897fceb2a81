#ifndef SCOPEREPORT_CSYSTEM_H
#define SCOPEREPORT_CSYSTEM_H

#include <stddef.h>
#include <stdint.h>
#include <pthread.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel lacks it).
int sr_exchange_paths(const char *first, const char *second);

/// The 64 round constants of SHA-256 (FIPS 180-4, 4.2.2), shared by the software block function.
const uint32_t *sr_sha256_round_constants(void);

/// 1 when this CPU has the SHA extensions (and SSSE3, SSE4.1) that `sr_sha256_compress` needs.
int sr_sha256_hardware(void);

/// Runs the SHA-256 block function over `blocks` consecutive 64-byte blocks at `data`, updating
/// `state` (the eight working words, A first). Call only when `sr_sha256_hardware()` is 1.
void sr_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

/// printf's `%.*f` (conversion 'f'), `%.*e` ('e') or `%.*g` ('g') of `value` into `buffer`: snprintf's result (the
/// length the whole text needs), or -1 for another conversion.
int sr_format_double(char *buffer, size_t size, double value, int precision, char conversion);

/// pthread_create, with the new thread placed on another core than the calling thread's (when the
/// process may use more than one); once started it may run anywhere again. Returns pthread_create's
/// result.
int sr_thread_create_elsewhere(pthread_t *thread, void *(*body)(void *), void *argument);

/// Tells the CPU this thread is spinning (x86 `pause`, ARM `yield`): it saves power and leaves the
/// core's other hyperthread its share while a thread waits without sleeping.
static inline void sr_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
