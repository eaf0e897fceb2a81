#ifndef SCOPEREPORT_CSYSTEM_H
#define SCOPEREPORT_CSYSTEM_H

#include <stddef.h>
#include <stdint.h>

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

/// printf's `%.*f` (conversion 'f') or `%.*g` ('g') of `value` into `buffer`: snprintf's result (the
/// length the whole text needs), or -1 for another conversion.
int sr_format_double(char *buffer, size_t size, double value, int precision, char conversion);

#endif
