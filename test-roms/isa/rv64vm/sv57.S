# Sv57 page walks: 4 KiB, 2 MiB, 1 GiB, 512 GiB and 256 TiB leaves, misaligned
# superpages, a pointer PTE at level 0, non-canonical addresses. See walk.h.
#define LEVELS 5
#include "walk.h"
