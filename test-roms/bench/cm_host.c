/* Native build of the coremark-like workload: prints the checksum for N iterations
 * (how the CM_EXPECTED values in cm_kernel.h were produced):
 *     gcc -O2 -DBENCH_HOST cm_host.c cm_kernel.c -o cm-host && ./cm-host N */
#include <stdio.h>
#include <stdlib.h>

#include "cm_kernel.h"

int main(int argc, char **argv)
{
    unsigned long iters = argc > 1 ? strtoul(argv[1], 0, 0) : 1;
    printf("iterations=%lu checksum=0x%016llx\n", iters,
           (unsigned long long)cm_run((uint32_t)iters));
    return 0;
}
