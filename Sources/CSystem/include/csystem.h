#ifndef SCOPEREPORT_CSYSTEM_H
#define SCOPEREPORT_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel lacks it).
int sr_exchange_paths(const char *first, const char *second);

#endif
