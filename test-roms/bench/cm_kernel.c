/* The coremark-like workload: see cm_kernel.h. Everything is fixed-width integer
 * arithmetic without undefined behaviour, so the native build and the guest agree.
 *
 * One iteration (seed = a function of the iteration number):
 *  1. list: 8 look-ups (by value or by index) each followed by a reversal of the list,
 *     a merge sort by value (through a comparison function pointer), a CRC-16 over the
 *     sorted values, a merge sort back by index with an order check, and a change of
 *     every value for the next iteration;
 *  2. matrix: two 16x16 matrices of small signed values filled from the seed, then
 *     A*B, A + constant, A * constant, A times a vector, and a bit-field extraction of
 *     the product, each stage's sum into the CRC;
 *  3. state machine: a string of comma-separated numbers ("1024", "-3.25", "+6.02e23",
 *     junk) is scanned by a number-recogniser state machine, the final state and
 *     transition counts go into the CRC, and a few characters of the string change;
 *  4. the iteration's CRC-16 is folded into the 64-bit checksum.
 */
#include <stddef.h>
#include <stdint.h>

#include "cm_kernel.h"

#define LIST_N 96
#define MAT_N 16
#define SM_LEN 480

/* ---- CRC-16 (CCITT polynomial 0x1021, MSB first, bit by bit) ---- */

static uint16_t crc16_u8(uint8_t b, uint16_t crc)
{
    crc ^= (uint16_t)((uint16_t)b << 8);
    for (int k = 0; k < 8; k++)
        crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
    return crc;
}

static uint16_t crc16_u16(uint16_t v, uint16_t crc)
{
    crc = crc16_u8((uint8_t)v, crc);
    return crc16_u8((uint8_t)(v >> 8), crc);
}

static uint16_t crc16_u32(uint32_t v, uint16_t crc)
{
    crc = crc16_u16((uint16_t)v, crc);
    return crc16_u16((uint16_t)(v >> 16), crc);
}

/* ---- pseudo-random numbers (32-bit xorshift) ---- */

static uint32_t rng;

static uint32_t next_rand(void)
{
    uint32_t x = rng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng = x;
    return x;
}

/* ---- 1. linked list ---- */

struct cm_item {
    int16_t value;
    int16_t index;
};

struct cm_node {
    struct cm_node *next;
    struct cm_item *item;
};

typedef int (*item_cmp)(const struct cm_item *, const struct cm_item *);

static struct cm_node nodes[LIST_N];
static struct cm_item items[LIST_N];
static struct cm_node *list_head;
static int self_check_failed;

static int cmp_by_value(const struct cm_item *a, const struct cm_item *b)
{
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return a->index - b->index;
}

static int cmp_by_index(const struct cm_item *a, const struct cm_item *b)
{
    return a->index - b->index;
}

static void list_build(void)
{
    for (int i = 0; i < LIST_N; i++) {
        items[i].index = (int16_t)i;
        items[i].value = (int16_t)(next_rand() & 0xff);
        nodes[i].item = &items[i];
        nodes[i].next = i + 1 < LIST_N ? &nodes[i + 1] : NULL;
    }
    list_head = &nodes[0];
}

static struct cm_node *list_find(struct cm_node *n, int16_t key, int by_index)
{
    if (by_index) {
        while (n && n->item->index != key)
            n = n->next;
    } else {
        while (n && n->item->value != key)
            n = n->next;
    }
    return n;
}

static struct cm_node *list_reverse(struct cm_node *n)
{
    struct cm_node *done = NULL;
    while (n) {
        struct cm_node *next = n->next;
        n->next = done;
        done = n;
        n = next;
    }
    return done;
}

/* Merges two sorted lists. */
static struct cm_node *list_merge(struct cm_node *a, struct cm_node *b, item_cmp cmp)
{
    struct cm_node head, *tail = &head;
    while (a && b) {
        if (cmp(a->item, b->item) <= 0) {
            tail->next = a;
            a = a->next;
        } else {
            tail->next = b;
            b = b->next;
        }
        tail = tail->next;
    }
    tail->next = a ? a : b;
    return head.next;
}

/* Merge sort: split at the middle (slow/fast walk), sort the halves, merge. */
static struct cm_node *list_sort(struct cm_node *n, item_cmp cmp)
{
    if (!n || !n->next)
        return n;
    struct cm_node *slow = n, *fast = n->next;
    while (fast && fast->next) {
        slow = slow->next;
        fast = fast->next->next;
    }
    struct cm_node *second = slow->next;
    slow->next = NULL;
    return list_merge(list_sort(n, cmp), list_sort(second, cmp), cmp);
}

static uint16_t list_work(uint32_t seed, uint16_t crc)
{
    struct cm_node *l = list_head;
    uint32_t found = 0, missed = 0;
    for (int k = 0; k < 8; k++) {
        int by_index = k & 1;
        int16_t key = by_index ? (int16_t)((seed >> (2 * k)) & 0x7f)
                               : (int16_t)((seed >> k) & 0xff);
        struct cm_node *hit = list_find(l, key, by_index);
        if (hit) {
            found++;
            crc = crc16_u16((uint16_t)hit->item->value, crc);
        } else {
            missed++;
        }
        l = list_reverse(l);
    }
    crc = crc16_u16((uint16_t)(found * 16 + missed), crc);

    l = list_sort(l, cmp_by_value);
    int count = 0;
    for (struct cm_node *n = l; n; n = n->next, count++) {
        if (n->next && cmp_by_value(n->item, n->next->item) > 0)
            self_check_failed = 1;
        crc = crc16_u16((uint16_t)n->item->value, crc);
    }
    if (count != LIST_N)
        self_check_failed = 1;

    l = list_sort(l, cmp_by_index);
    int16_t expect = 0;
    for (struct cm_node *n = l; n; n = n->next, expect++) {
        if (n->item->index != expect)
            self_check_failed = 1;
        /* new values for the next iteration */
        n->item->value = (int16_t)(((uint16_t)n->item->value * 5u + (seed >> 3) + (uint16_t)expect) & 0xff);
    }
    list_head = l;
    return crc;
}

/* ---- 2. matrix ---- */

static int16_t mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N];
static int32_t mat_c[MAT_N][MAT_N];
static int16_t vec[MAT_N];

static void mat_fill(uint32_t seed)
{
    rng = seed | 1;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            uint32_t r = next_rand();
            mat_a[i][j] = (int16_t)((int32_t)(r & 0xf) - 8);
            mat_b[i][j] = (int16_t)((int32_t)((r >> 4) & 0xf) - 8);
        }
    for (int j = 0; j < MAT_N; j++)
        vec[j] = (int16_t)((int32_t)(next_rand() & 0x1f) - 16);
}

static uint32_t mat_sum(void)
{
    uint32_t s = 0;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++)
            s = s * 3 + (uint32_t)mat_c[i][j];
    return s;
}

static void mat_mul(void)
{
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            int32_t s = 0;
            for (int k = 0; k < MAT_N; k++)
                s += (int32_t)mat_a[i][k] * (int32_t)mat_b[k][j];
            mat_c[i][j] = s;
        }
}

static void mat_add_const(int16_t c)
{
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++)
            mat_a[i][j] = (int16_t)(mat_a[i][j] + c);
}

static void mat_mul_const(int16_t c)
{
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++)
            mat_c[i][j] = (int32_t)mat_a[i][j] * c;
}

static void mat_mul_vec(void)
{
    for (int i = 0; i < MAT_N; i++) {
        int32_t s = 0;
        for (int j = 0; j < MAT_N; j++)
            s += (int32_t)mat_a[i][j] * vec[j];
        mat_c[i][0] = s;
    }
}

/* The product again, keeping only bits 2..5 of each term before summing. */
static void mat_mul_bits(void)
{
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            int32_t s = 0;
            for (int k = 0; k < MAT_N; k++) {
                int32_t t = (int32_t)mat_a[i][k] * (int32_t)mat_b[k][j];
                s += (t >> 2) & 0xf;
            }
            mat_c[i][j] = s;
        }
}

static uint16_t matrix_work(uint32_t seed, uint16_t crc)
{
    mat_fill(seed);
    mat_mul();
    crc = crc16_u32(mat_sum(), crc);
    mat_add_const((int16_t)(seed & 7));
    mat_mul_const((int16_t)((seed >> 3) & 0xf) - 7);
    crc = crc16_u32(mat_sum(), crc);
    mat_mul_vec();
    crc = crc16_u32(mat_sum(), crc);
    mat_mul_bits();
    crc = crc16_u32(mat_sum(), crc);
    return crc;
}

/* ---- 3. state machine ---- */

enum sm_state {
    SM_START,
    SM_SIGN,
    SM_INT,
    SM_DOT,
    SM_FRAC,
    SM_EXP,
    SM_EXP_SIGN,
    SM_SCI,
    SM_INVALID,
    SM_STATES
};

static char sm_text[SM_LEN + 1];

static const char *const sm_pieces[] = {
    "1024", "-3.25", "+6.02e23", "77", "0.5", "-12", "9e-4", "3.", "x7", "--1",
    "1.2.3", "+", "640", "-0.001", "8E+8", "e5", "123456", "-.5", "42", "7.0e",
};

static void sm_build(void)
{
    int n = 0;
    while (n < SM_LEN - 12) {
        const char *p = sm_pieces[next_rand() % (sizeof sm_pieces / sizeof sm_pieces[0])];
        while (*p)
            sm_text[n++] = *p++;
        sm_text[n++] = ',';
    }
    sm_text[n] = 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Scans one field (up to ',' or the end) from *text; counts transitions into each
 * state; returns the final state and moves *text past the field. */
static enum sm_state sm_scan(const char **text, uint32_t *transitions)
{
    const char *p = *text;
    enum sm_state s = SM_START;
    for (; *p && *p != ','; p++) {
        char c = *p;
        enum sm_state next = SM_INVALID;
        switch (s) {
        case SM_START:
            if (is_digit(c))
                next = SM_INT;
            else if (c == '+' || c == '-')
                next = SM_SIGN;
            else if (c == '.')
                next = SM_DOT;
            break;
        case SM_SIGN:
            if (is_digit(c))
                next = SM_INT;
            else if (c == '.')
                next = SM_DOT;
            break;
        case SM_INT:
            if (is_digit(c))
                next = SM_INT;
            else if (c == '.')
                next = SM_FRAC;
            else if (c == 'e' || c == 'E')
                next = SM_EXP;
            break;
        case SM_DOT:
        case SM_FRAC:
            if (is_digit(c))
                next = SM_FRAC;
            else if (s == SM_FRAC && (c == 'e' || c == 'E'))
                next = SM_EXP;
            break;
        case SM_EXP:
            if (c == '+' || c == '-')
                next = SM_EXP_SIGN;
            else if (is_digit(c))
                next = SM_SCI;
            break;
        case SM_EXP_SIGN:
        case SM_SCI:
            if (is_digit(c))
                next = SM_SCI;
            break;
        case SM_INVALID:
        case SM_STATES:
            break;
        }
        if (next != s)
            transitions[next]++;
        s = next;
    }
    *text = *p ? p + 1 : p;
    return s;
}

static uint16_t sm_work(uint32_t seed, uint16_t crc)
{
    uint32_t finals[SM_STATES] = {0}, transitions[SM_STATES] = {0};
    const char *p = sm_text;
    while (*p)
        finals[sm_scan(&p, transitions)]++;
    for (int i = 0; i < SM_STATES; i++) {
        crc = crc16_u32(finals[i], crc);
        crc = crc16_u32(transitions[i], crc);
    }
    /* change a few characters for the next iteration (never the terminator) */
    static const char alphabet[] = "0123456789.+-eE,x";
    for (uint32_t at = seed % 11; at < SM_LEN - 16; at += 37 + (seed & 15))
        sm_text[at] = alphabet[(seed >> (at & 15)) % (sizeof alphabet - 1)];
    return crc;
}

/* ---- driver ---- */

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ull;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dull;
    x ^= x >> 33;
    return x;
}

uint64_t cm_run(uint32_t iters)
{
    rng = 0x2545f491u;
    self_check_failed = 0;
    list_build();
    sm_build();
    uint64_t acc = 0xcbf29ce484222325ull;
    uint32_t seed = 0x9e3779b9u;
    for (uint32_t it = 0; it < iters; it++) {
        seed = seed * 1664525u + 1013904223u;
        uint16_t crc = 0xffff;
        crc = list_work(seed, crc);
        crc = matrix_work(seed, crc);
        crc = sm_work(seed, crc);
        acc = mix64(acc ^ ((uint64_t)crc << 32 | it));
    }
    if (self_check_failed)
        return 0;
    return acc ? acc : 1;
}
