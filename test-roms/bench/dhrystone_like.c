/* dhrystone-like: our own integer workload shaped like Dhrystone 2.1 — records with a
 * discriminated union linked through pointers, enumerations, fixed-size strings
 * copied and compared, one- and two-dimensional arrays, and many small procedures
 * that pass values by pointer. DHRY_ITERS rounds; every round folds the global state
 * into a 64-bit checksum, compared with DHRY_EXPECTED at the end (harness.h).
 *
 * The procedures are noinline (Dhrystone keeps them in two files so that the compiler
 * cannot fold them together); the round's inputs depend on the round number so that
 * nothing can be hoisted out of the loop.
 *
 * Builds natively with -DBENCH_HOST (prints the checksum for argv[1] rounds), which is
 * where the DHRY_EXPECTED values come from.
 */
#include <stdint.h>

#define NOINLINE __attribute__((noinline))
#define TEXT_LEN 31

enum color { RED, GREEN, BLUE, AMBER, VIOLET };
enum kind { K_PLAIN, K_PAIR, K_CHARS };

struct record {
    struct record *link;
    enum kind kind;
    union {
        struct {
            enum color hue;
            int32_t number;
            char text[TEXT_LEN];
        } plain;
        struct {
            enum color first, second;
        } pair;
        struct {
            char a, b;
        } chars;
    } u;
};

static struct record rec_store[2];
static struct record *rec_main, *rec_spare;
static int32_t g_count;
static int g_flag;
static char g_ch_a, g_ch_b;
static int32_t g_row[50];
static int32_t g_grid[50][50];

/* ---- strings ---- */

static NOINLINE void str_copy(char *d, const char *s)
{
    while ((*d++ = *s++) != 0) {}
}

static NOINLINE int str_cmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

/* ---- functions ---- */

/* Same letters: AMBER (and remember the letter), else RED. */
static NOINLINE enum color same_letter(char x, char y)
{
    char xs = x, ys = xs;
    if (ys != y)
        return RED;
    g_ch_a = xs;
    return AMBER;
}

/* Compares two texts after a letter scan; true when a > b (or a particular letter
 * pattern was seen). */
static NOINLINE int text_after(const char *a, const char *b)
{
    int at = 2;
    char seen = 'A';
    while (at <= 2) {
        if (same_letter(a[at], b[at + 1]) == RED)
            seen = 'A';
        at += 1;
    }
    if (seen >= 'W' && seen < 'Z')
        at = 7;
    if (seen == 'R')
        return 1;
    if (str_cmp(a, b) > 0) {
        at += 7;
        g_count = at;
        return 1;
    }
    return 0;
}

static NOINLINE int is_blue(enum color c)
{
    enum color local = c;
    return local == BLUE;
}

/* ---- procedures ---- */

static NOINLINE void next_color(enum color in, enum color *out)
{
    *out = in;
    if (!is_blue(in))
        *out = VIOLET;
    switch (in) {
    case RED:
        *out = RED;
        break;
    case GREEN:
        *out = g_count > 100 ? RED : VIOLET;
        break;
    case BLUE:
        *out = GREEN;
        break;
    case AMBER:
        break;
    case VIOLET:
        *out = BLUE;
        break;
    }
}

static NOINLINE void add_two(int32_t a, int32_t b, int32_t *out)
{
    int32_t t = a + 2;
    *out = b + t;
}

static NOINLINE void fill_arrays(int32_t *row, int32_t grid[50][50], int32_t a, int32_t b)
{
    int32_t at = a + 5;
    row[at] = b;
    row[at + 1] = row[at];
    row[at + 30] = at;
    for (int32_t i = at; i <= at + 1; i++)
        grid[at][i] = at;
    grid[at][at - 1] += 1;
    grid[at + 20][at] = row[at];
    g_count = 5;
}

static NOINLINE void set_link(struct record **out)
{
    if (rec_main)
        *out = rec_main->link;
    add_two(10, g_count, &rec_main->u.plain.number);
}

static NOINLINE void bump(int32_t *v)
{
    int32_t t = *v + 10;
    enum color c = VIOLET;
    for (int tries = 0; tries < 2 && c != RED; tries++) {
        if (g_ch_a == 'A') {
            t -= 1;
            *v = t - g_count;
            c = RED;
        } else {
            g_ch_a = 'A';
        }
    }
}

static NOINLINE void flags_a(void)
{
    int ok = g_ch_a == 'A';
    g_flag = ok | g_flag;
    g_ch_b = 'B';
}

static NOINLINE void flags_b(void)
{
    g_ch_a = 'A';
    g_flag = 0;
}

/* Copies the main record into the spare one and rewrites both through the links. */
static NOINLINE void chain(struct record *r)
{
    struct record *next = r->link;
    *r->link = *rec_main;
    r->u.plain.number = 5;
    next->u.plain.number = r->u.plain.number;
    next->link = r->link;
    set_link(&next->link);
    if (next->kind == K_PLAIN) {
        next->u.plain.number = 6;
        next_color(r->u.plain.hue, &next->u.plain.hue);
        next->link = rec_main->link;
        add_two(next->u.plain.number, 10, &next->u.plain.number);
    } else {
        *r = *r->link;
    }
}

/* ---- driver ---- */

static uint64_t fold(uint64_t acc, uint64_t v)
{
    acc ^= v;
    acc *= 0x100000001b3ull;
    return acc ^ (acc >> 29);
}

static uint64_t text_hash(const char *s, uint64_t acc)
{
    while (*s)
        acc = fold(acc, (unsigned char)*s++);
    return acc;
}

uint64_t dhry_run(uint32_t rounds)
{
    static char text_1[TEXT_LEN], text_2[TEXT_LEN];
    rec_spare = &rec_store[0];
    rec_main = &rec_store[1];
    rec_main->link = rec_spare;
    rec_main->kind = K_PLAIN;
    rec_main->u.plain.hue = BLUE;
    rec_main->u.plain.number = 40;
    str_copy(rec_main->u.plain.text, "GASANG RECORD, SOME TEXT HERE");
    str_copy(text_1, "GASANG LOOP, THE FIRST STRING.");
    g_grid[8][7] = 10;
    uint64_t acc = 0xcbf29ce484222325ull;

    for (uint32_t round = 1; round <= rounds; round++) {
        int32_t n1, n2, n3;
        enum color c;
        char ch;
        flags_b();
        flags_a();
        n1 = 2 + (int32_t)(round & 3);
        n2 = 3 + (int32_t)(round & 1);
        str_copy(text_2, (round & 7) == 3 ? "GASANG LOOP, THE OTHER STRING."
                                         : "GASANG LOOP, THE SECOND STRING");
        c = GREEN;
        g_flag = !text_after(text_1, text_2);
        while (n1 < n2) {
            n3 = 5 * n1 - n2;
            add_two(n1, n2, &n3);
            n1 += 1;
        }
        n3 = 5 * n1 - n2 + 1;
        fill_arrays(g_row, g_grid, n1, n3);
        chain(rec_main);
        for (ch = 'A'; ch <= g_ch_b; ch++) {
            if (c == same_letter(ch, 'C')) {
                next_color(RED, &c);
                str_copy(text_2, "GASANG LOOP, THE THIRD STRING.");
                n2 = (int32_t)round;
                g_count = (int32_t)round;
            }
        }
        n2 = n2 * n1;
        n1 = n2 / (n3 ? n3 : 1);
        n2 = 7 * (n2 - n3) - n1;
        bump(&n1);

        acc = fold(acc, (uint64_t)(uint32_t)n1 << 32 | (uint32_t)n2);
        acc = fold(acc, (uint64_t)(uint32_t)n3 << 8 | (uint32_t)c);
        acc = fold(acc, (uint64_t)(uint32_t)g_count << 16 | (uint64_t)(g_flag << 8) |
                            (unsigned char)g_ch_a);
        acc = fold(acc, (uint64_t)(uint32_t)rec_main->u.plain.number << 32 |
                            (uint32_t)rec_spare->u.plain.number);
        acc = fold(acc, (uint64_t)(uint32_t)g_grid[8][7] << 3 | (uint32_t)rec_spare->u.plain.hue);
        acc = fold(acc, (unsigned char)text_2[TEXT_LEN - 4]);
    }
    acc = text_hash(rec_main->u.plain.text, acc);
    acc = text_hash(text_2, acc);
    for (int i = 0; i < 50; i++)
        acc = fold(acc, (uint32_t)g_row[i] + (uint32_t)g_grid[i][i] + (uint32_t)g_grid[i][7]);
    return acc ? acc : 1;
}

#ifdef BENCH_HOST
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    unsigned long rounds = argc > 1 ? strtoul(argv[1], 0, 0) : 1;
    printf("iterations=%lu checksum=0x%016llx\n", rounds,
           (unsigned long long)dhry_run((uint32_t)rounds));
    return 0;
}
#else
#include "harness.h"

/* Expected checksums (from the native build, cross-checked on QEMU: README.md). */
#if DHRY_ITERS == 3500000
#define DHRY_EXPECTED 0x59190d1b51d825d9ull
#elif DHRY_ITERS == 10000
#define DHRY_EXPECTED 0x50e8d0ec012d37caull
#elif !defined(DHRY_EXPECTED)
#error "no expected checksum for this DHRY_ITERS: pass -DDHRY_EXPECTED=..."
#endif

int main(void)
{
    bench_report("dhrystone-like", DHRY_ITERS, dhry_run(DHRY_ITERS), DHRY_EXPECTED);
}
#endif
