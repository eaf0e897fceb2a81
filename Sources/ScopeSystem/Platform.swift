// The one place that tells Linux from macOS: every module that needs the C library (files, printf,
// memmem) imports ScopeSystem and gets it from here.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Darwin)
    @_exported import Darwin
#endif
