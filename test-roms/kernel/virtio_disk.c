// The virtio-blk disk on virtio-mmio slot 0 (0x10001000, PLIC source 1), driven through
// whichever transport the Version register names: 1, the legacy interface (virtio 1.2
// section 4.2.4: GuestPageSize, QueueAlign, QueuePFN, one contiguous ring), or 2
// (section 4.2.2: the three ring addresses, QueueReady, FEATURES_OK). After xv6-riscv's
// virtio_disk.c, with one request at a time.
#include "defs.h"

#define R(r) ((volatile uint32 *)(VIRTIO0 + (r)))
#define MAGIC 0x000
#define VERSION 0x004
#define DEVICE_ID 0x008
#define VENDOR_ID 0x00c
#define DEVICE_FEATURES 0x010
#define DEVICE_FEATURES_SEL 0x014
#define DRIVER_FEATURES 0x020
#define DRIVER_FEATURES_SEL 0x024
#define GUEST_PAGE_SIZE 0x028
#define QUEUE_SEL 0x030
#define QUEUE_NUM_MAX 0x034
#define QUEUE_NUM 0x038
#define QUEUE_ALIGN 0x03c
#define QUEUE_PFN 0x040
#define QUEUE_READY 0x044
#define QUEUE_NOTIFY 0x050
#define INTERRUPT_STATUS 0x060
#define INTERRUPT_ACK 0x064
#define STATUS 0x070
#define QUEUE_DESC_LOW 0x080
#define QUEUE_DESC_HIGH 0x084
#define DRIVER_DESC_LOW 0x090
#define DRIVER_DESC_HIGH 0x094
#define DEVICE_DESC_LOW 0x0a0
#define DEVICE_DESC_HIGH 0x0a4
#define CONFIG 0x100

#define S_ACKNOWLEDGE 1
#define S_DRIVER 2
#define S_DRIVER_OK 4
#define S_FEATURES_OK 8

#define BLK_F_RO 5
#define BLK_F_SCSI 7
#define BLK_F_CONFIG_WCE 11
#define BLK_F_MQ 12
#define F_ANY_LAYOUT 27
#define RING_F_INDIRECT_DESC 28
#define RING_F_EVENT_IDX 29

#define NUM 8 // descriptors

struct virtq_desc {
    uint64 addr;
    uint32 len;
    uint16 flags;
    uint16 next;
};
#define VRING_DESC_F_NEXT 1
#define VRING_DESC_F_WRITE 2

struct virtq_avail {
    uint16 flags;
    uint16 idx;
    uint16 ring[NUM];
    uint16 used_event;
};

struct virtq_used_elem {
    uint32 id;
    uint32 len;
};

struct virtq_used {
    uint16 flags;
    uint16 idx;
    struct virtq_used_elem ring[NUM];
};

struct virtio_blk_req {
    uint32 type; // 0 read, 1 write
    uint32 reserved;
    uint64 sector;
};

static struct virtq_desc *desc;
static struct virtq_avail *avail;
static volatile struct virtq_used *used;
static uint16 used_idx;
static struct virtio_blk_req req;
static volatile uint8 req_status;
static volatile int req_done;

volatile int disk_irqs;
const char *disk_transport = "none";

// Sets the disk up; returns its size in sectors. Ends the machine (code 3) if slot 0 holds
// no disk.
int virtio_disk_init(void)
{
    uint32 magic = *R(MAGIC), version = *R(VERSION), id = *R(DEVICE_ID);
    printf("xv6-shape: virtio-mmio slot 0: magic %x, version %u, device %u, vendor %x\n", magic,
           version, id, *R(VENDOR_ID));
    if (magic != 0x74726976 || (version != 1 && version != 2) || id != 2) {
        printf("xv6-shape: no virtio disk at virtio-mmio slot 0\n");
        poweroff(3);
    }
    disk_transport = version == 1 ? "legacy" : "modern";

    uint32 status = 0;
    *R(STATUS) = status; // reset
    status |= S_ACKNOWLEDGE;
    *R(STATUS) = status;
    status |= S_DRIVER;
    *R(STATUS) = status;

    *R(DEVICE_FEATURES_SEL) = 0;
    uint32 features = *R(DEVICE_FEATURES);
    features &= ~(1u << BLK_F_RO);
    features &= ~(1u << BLK_F_SCSI);
    features &= ~(1u << BLK_F_CONFIG_WCE);
    features &= ~(1u << BLK_F_MQ);
    features &= ~(1u << F_ANY_LAYOUT);
    features &= ~(1u << RING_F_EVENT_IDX);
    features &= ~(1u << RING_F_INDIRECT_DESC);
    *R(DRIVER_FEATURES_SEL) = 0;
    *R(DRIVER_FEATURES) = features;
    if (version == 2) {
        // VIRTIO_F_VERSION_1 (bit 32) must be offered and accepted, then FEATURES_OK.
        *R(DEVICE_FEATURES_SEL) = 1;
        if ((*R(DEVICE_FEATURES) & 1) == 0)
            panic("virtio disk: version 2 without VIRTIO_F_VERSION_1");
        *R(DRIVER_FEATURES_SEL) = 1;
        *R(DRIVER_FEATURES) = 1;
        status |= S_FEATURES_OK;
        *R(STATUS) = status;
        if ((*R(STATUS) & S_FEATURES_OK) == 0)
            panic("virtio disk: FEATURES_OK unset");
    } else {
        *R(GUEST_PAGE_SIZE) = PGSIZE;
    }

    *R(QUEUE_SEL) = 0;
    if (*R(version == 1 ? QUEUE_PFN : QUEUE_READY))
        panic("virtio disk: queue 0 already in use");
    uint32 max = *R(QUEUE_NUM_MAX);
    if (max < NUM)
        panic("virtio disk: queue 0 too short");
    *R(QUEUE_NUM) = NUM;

    if (version == 1) {
        // One contiguous area: descriptors and the available ring on the first page, the
        // used ring at the next QueueAlign (4096) boundary.
        uint8 *ring = kalloc();
        uint8 *second = kalloc();
        if (second != ring + PGSIZE)
            panic("virtio disk: legacy ring pages not contiguous");
        desc = (struct virtq_desc *)ring;
        avail = (struct virtq_avail *)(ring + NUM * sizeof(struct virtq_desc));
        used = (struct virtq_used *)(ring + PGSIZE);
        *R(QUEUE_ALIGN) = PGSIZE;
        *R(QUEUE_PFN) = (uint64)ring >> 12;
    } else {
        desc = kalloc();
        avail = kalloc();
        used = kalloc();
        *R(QUEUE_DESC_LOW) = (uint64)desc;
        *R(QUEUE_DESC_HIGH) = (uint64)desc >> 32;
        *R(DRIVER_DESC_LOW) = (uint64)avail;
        *R(DRIVER_DESC_HIGH) = (uint64)avail >> 32;
        *R(DEVICE_DESC_LOW) = (uint64)used;
        *R(DEVICE_DESC_HIGH) = (uint64)used >> 32;
        *R(QUEUE_READY) = 1;
    }

    status |= S_DRIVER_OK;
    *R(STATUS) = status;

    uint64 capacity = *R(CONFIG) | ((uint64)*R(CONFIG + 4) << 32);
    return (int)capacity;
}

// Reads or writes one 512-byte sector and sleeps until the disk interrupt says it is done.
// Returns the request's status (0: OK).
int virtio_disk_rw(void *buf, uint64 sector, int write)
{
    req.type = write ? 1 : 0;
    req.reserved = 0;
    req.sector = sector;
    req_status = 0xff;
    req_done = 0;

    desc[0].addr = (uint64)&req;
    desc[0].len = sizeof(req);
    desc[0].flags = VRING_DESC_F_NEXT;
    desc[0].next = 1;
    desc[1].addr = (uint64)buf;
    desc[1].len = 512;
    desc[1].flags = (write ? 0 : VRING_DESC_F_WRITE) | VRING_DESC_F_NEXT;
    desc[1].next = 2;
    desc[2].addr = (uint64)&req_status;
    desc[2].len = 1;
    desc[2].flags = VRING_DESC_F_WRITE;
    desc[2].next = 0;

    avail->ring[avail->idx % NUM] = 0;
    fence();
    avail->idx += 1;
    fence();
    *R(QUEUE_NOTIFY) = 0;

    intr_off();
    while (!req_done)
        wait_for_interrupt();
    intr_on();
    fence();
    return req_status;
}

// The disk interrupt (PLIC source 1), on whichever hart claimed it.
void virtio_disk_intr(void)
{
    *R(INTERRUPT_ACK) = *R(INTERRUPT_STATUS) & 3;
    fence();
    while (used_idx != used->idx) {
        fence();
        if (used->ring[used_idx % NUM].id == 0)
            req_done = 1;
        used_idx++;
    }
    disk_irqs++;
}
