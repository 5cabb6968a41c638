// S-mode main of every hart. Hart 0 sets the machine up as xv6-riscv's main() does
// (console, page table, traps, PLIC, disk), lets the other harts in, checks the disk and
// the A/D bits the hart set, and runs a small shell on the console; the other harts turn
// paging on, check in and wait for interrupts.
#include "defs.h"

extern volatile uint64 fdt_addr;

static volatile int started;
static volatile int checked_in[NCPU];
static volatile int ad_probe; // written once paging is on: its page must get D = 1

static int count_checked_in(void)
{
    int n = 0;
    for (int i = 0; i < NCPU; i++)
        n += checked_in[i];
    return n;
}

static void check_in(void)
{
    checked_in[cpuid()] = 1;
    fence();
}

static void report_ad_bits(void)
{
    ad_probe = 1;
    uint64 *text = walk((uint64)&report_ad_bits);
    uint64 *data = walk((uint64)&ad_probe);
    if (!text || !data)
        panic("walk");
    printf("xv6-shape: A/D set by the hart: code page A=%d D=%d, data page A=%d D=%d\n",
           (*text & PTE_A) != 0, (*text & PTE_D) != 0, (*data & PTE_A) != 0,
           (*data & PTE_D) != 0);
}

static char sector[512], readback[512];

static void disk_test(int harts)
{
    int sectors = virtio_disk_init();
    printf("xv6-shape: virtio-blk through the %s transport, %d sectors\n", disk_transport, sectors);
    if (virtio_disk_rw(sector, 0, 0) != 0)
        panic("reading sector 0 failed");
    char label[17];
    for (int i = 0; i < 16; i++)
        label[i] = sector[i] >= 0x20 && sector[i] < 0x7f ? sector[i] : '.';
    label[16] = 0;
    printf("xv6-shape: sector 0 reads \"%s\"\n", label);

    memset(sector, 0, sizeof(sector));
    const char *parts[] = {"xv6-shape wrote sector 1 through the ", disk_transport,
                           " transport with ", harts == 1 ? "1 hart" : "several harts", "\n"};
    int n = 0;
    for (int i = 0; i < 5; i++)
        for (const char *s = parts[i]; *s; s++)
            sector[n++] = *s;
    if (virtio_disk_rw(sector, 1, 1) != 0)
        panic("writing sector 1 failed");
    if (virtio_disk_rw(readback, 1, 0) != 0 || memcmp(sector, readback, 512) != 0)
        panic("sector 1 did not read back as written");
    printf("xv6-shape: sector 1 written and read back\n");
    printf("xv6-shape: disk interrupts through the PLIC (source 1): %d\n", disk_irqs);
}

static int getline(char *buf, int size)
{
    int n = 0;
    static int last_cr;
    for (;;) {
        int c = consgetc();
        if (c == '\n' && last_cr) {
            last_cr = 0;
            continue;
        }
        last_cr = c == '\r';
        if (c == '\r' || c == '\n') {
            printf("\n");
            buf[n] = 0;
            return n;
        }
        if ((c == 0x7f || c == 0x08) && n > 0) {
            n--;
            printf("\b \b");
        } else if (c >= 0x20 && c < 0x7f && n < size - 1) {
            buf[n++] = c;
            printf("%c", c);
        }
    }
}

static void shell(int harts)
{
    char line[100];
    for (;;) {
        printf("$ ");
        getline(line, sizeof(line));
        if (strncmp(line, "echo", 4) == 0 && (line[4] == ' ' || line[4] == 0)) {
            printf("%s\n", line[4] ? line + 5 : "");
        } else if (strncmp(line, "harts", 6) == 0) {
            printf("%d of %d harts checked in:", count_checked_in(), harts);
            for (int i = 0; i < NCPU; i++)
                if (checked_in[i])
                    printf(" %d", i);
            printf("\n");
        } else if (strncmp(line, "poweroff", 9) == 0) {
            printf("xv6-shape: power off\n");
            poweroff(0);
        } else if (strncmp(line, "help", 5) == 0) {
            printf("commands: echo TEXT, harts, poweroff\n");
        } else if (line[0]) {
            printf("unknown command: %s\n", line);
        }
    }
}

void main(void)
{
    if (cpuid() == 0) {
        uartinit();
        int harts = fdt_count_harts(fdt_addr);
        printf("\nxv6-shape: hart 0 in S-mode, %d harts in the device tree\n", harts);
        if (harts < 1)
            harts = 1;
        kinit();
        kvminit();
        kvminithart();
        printf("xv6-shape: sv39 on, kernel page table with A = D = 0\n");
        trapinithart();
        plicinit();
        plicinithart();
        report_ad_bits();
        check_in();
        fence();
        started = 1;
        intr_on();
        // Wait for the other harts (for 3 s at most).
        intr_off();
        while (count_checked_in() < harts && ticks < 30)
            wait_for_interrupt();
        intr_on();
        printf("xv6-shape: %d of %d harts checked in\n", count_checked_in(), harts);
        disk_test(harts);
        shell(harts);
    } else {
        while (!started)
            ;
        fence();
        kvminithart();
        trapinithart();
        plicinithart();
        printf("xv6-shape: hart %d checked in (S-mode, sv39)\n", cpuid());
        check_in();
        intr_on();
        for (;;)
            asm volatile("wfi");
    }
}
