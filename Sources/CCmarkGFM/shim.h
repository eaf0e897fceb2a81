// The three public headers of cmark-gfm and its GFM extensions, as Debian installs them in /usr/include.
// (Not /usr/include/cmark-gfm: its config.h and buffer.h clash with other headers.)
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
