# Sv39 page walks: 4 KiB, 2 MiB and 1 GiB leaves, misaligned
# superpages, a pointer PTE at level 0, non-canonical addresses. See walk.h.
#define LEVELS 3
#include "walk.h"
