# Sv48 page walks: 4 KiB, 2 MiB, 1 GiB and 512 GiB leaves, misaligned
# superpages, a pointer PTE at level 0, non-canonical addresses. See walk.h.
#define LEVELS 4
#include "walk.h"
