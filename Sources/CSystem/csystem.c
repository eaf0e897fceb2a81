// renameat2 is a GNU extension that Swift's Glibc module does not expose, and the syscall wrapper is
// variadic (unavailable in Swift).
#define _GNU_SOURCE
#include "csystem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int sr_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

// Swift reaches printf only through `withVaList`, whose every argument goes through a dynamic cast:
// slower than the formatting itself, for the thousands of numbers a report prints.
int sr_format_double(char *buffer, size_t size, double value, int precision, char conversion) {
    switch (conversion) {
    case 'f': return snprintf(buffer, size, "%.*f", precision, value);
    case 'g': return snprintf(buffer, size, "%.*g", precision, value);
    case 'e': return snprintf(buffer, size, "%.*e", precision, value);
    default: return -1;
    }
}
