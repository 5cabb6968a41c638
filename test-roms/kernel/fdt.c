// Counts the harts of the device tree the boot ROM passed (the cpu@N nodes under /cpus),
// with a bounded walk of the structure block (devicetree spec 0.4, chapter 5).
#include "defs.h"

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

static uint32 be32(uint64 addr)
{
    const uint8 *p = (const uint8 *)addr;
    return ((uint32)p[0] << 24) | ((uint32)p[1] << 16) | ((uint32)p[2] << 8) | p[3];
}

// The number of harts, or -1 if `fdt` is not a device tree.
int fdt_count_harts(uint64 fdt)
{
    if (fdt == 0 || be32(fdt) != FDT_MAGIC)
        return -1;
    uint64 end = fdt + be32(fdt + 4);
    uint64 p = fdt + be32(fdt + 8);
    int depth = 0, in_cpus = 0, harts = 0;
    while (p + 4 <= end) {
        uint32 token = be32(p);
        p += 4;
        switch (token) {
        case FDT_BEGIN_NODE: {
            const char *name = (const char *)p;
            int len = strlen(name) + 1;
            p += (len + 3) & ~3;
            depth++;
            if (depth == 2 && strncmp(name, "cpus", 5) == 0)
                in_cpus = 1;
            else if (depth == 3 && in_cpus && strncmp(name, "cpu@", 4) == 0)
                harts++;
            break;
        }
        case FDT_END_NODE:
            if (depth == 2)
                in_cpus = 0;
            depth--;
            break;
        case FDT_PROP:
            p += 8 + ((be32(p) + 3) & ~3);
            break;
        case FDT_NOP:
            break;
        case FDT_END:
            return harts;
        default:
            return -1;
        }
    }
    return -1;
}
