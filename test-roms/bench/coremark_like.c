/* coremark-like: the coremark-like workload (cm_kernel.c) for CM_ITERS iterations in
 * M-mode on a bare machine; prints "coremark-like: iterations N checksum 0x... ok" and
 * passes through tohost if the checksum is the expected one, else fails (harness.h). */
#include "cm_kernel.h"
#include "harness.h"

int main(void)
{
    bench_report("coremark-like", CM_ITERS, cm_run(CM_ITERS), CM_EXPECTED);
}
