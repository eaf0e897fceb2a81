// OpenSSL's digest API, as Debian's libssl-dev installs it: SHA-256 for the manifest and the no-op check.
#include <openssl/evp.h>
