//! The device tree of the `virt` board, generated from the machine's configuration
//! (RAM, harts, ISA, devices, `/chosen`), in the layout QEMU's `virt` board uses so that
//! OpenSBI, U-Boot and Linux find everything where they expect it.

use vm_fdt::{FdtWriter, FdtWriterResult};

/// Everything the device tree describes.
#[derive(Debug, Clone)]
pub struct BoardDescription {
    /// RAM base address.
    pub ram_base: u64,
    /// RAM size in bytes.
    pub ram_size: u64,
    /// Number of harts (1..=8).
    pub harts: usize,
    /// ISA extensions the harts implement, lower case, single letters first
    /// (e.g. `["i", "m", "a", "c", "zicsr", ...]`).
    pub isa_extensions: Vec<String>,
    /// Strongest translation mode, for `mmu-type` (e.g. "sv57").
    pub mmu_type: String,
    /// `timebase-frequency` in Hz.
    pub timebase_hz: u32,
    /// Kernel command line (`/chosen/bootargs`).
    pub bootargs: Option<String>,
    /// Initrd range `[start, end)` (`/chosen/linux,initrd-*`).
    pub initrd: Option<(u64, u64)>,
    /// Bytes for `/chosen/rng-seed` (Linux seeds its RNG early with them).
    pub rng_seed: Vec<u8>,
    /// The devices, at their addresses.
    pub layout: Layout,
}

/// Addresses and interrupt numbers of the board's devices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// sifive_test / syscon.
    pub test: u64,
    /// Goldfish RTC and its interrupt.
    pub rtc: (u64, u32),
    /// CLINT.
    pub clint: u64,
    /// PLIC and its number of sources.
    pub plic: (u64, u32),
    /// NS16550A UART and its interrupt.
    pub uart: (u64, u32),
    /// First virtio-mmio slot, slot stride, slot count, interrupt of slot 0.
    pub virtio: (u64, u64, u32, u32),
}

/// The QEMU `virt` board layout (DESIGN.md's memory map).
pub const VIRT_LAYOUT: Layout = Layout {
    test: 0x10_0000,
    rtc: (0x10_1000, 11),
    clint: 0x200_0000,
    plic: (0xc00_0000, 95),
    uart: (0x1000_0000, 10),
    virtio: (0x1000_1000, 0x1000, 8, 1),
};

const PLIC_SIZE: u64 = 0x60_0000;
const CLINT_SIZE: u64 = 0x1_0000;
const UART_FREQ: u32 = 3_686_400;
const PHANDLE_PLIC: u32 = 1;
const PHANDLE_TEST: u32 = 2;
/// Phandles of hart i's cpu node and its interrupt controller.
fn phandle_cpu(i: usize) -> u32 {
    16 + 2 * i as u32
}
fn phandle_intc(i: usize) -> u32 {
    17 + 2 * i as u32
}

const IRQ_M_SOFT: u32 = 3;
const IRQ_M_TIMER: u32 = 7;
const IRQ_S_EXT: u32 = 9;
const IRQ_M_EXT: u32 = 11;

impl BoardDescription {
    /// The `riscv,isa` string: `rv64` + single letters + `_`-joined multi-letter
    /// extensions.
    pub fn isa_string(&self) -> String {
        let (single, multi): (Vec<&String>, Vec<&String>) =
            self.isa_extensions.iter().partition(|e| e.len() == 1);
        let mut s = String::from("rv64");
        for e in single {
            s.push_str(e);
        }
        for e in multi {
            s.push('_');
            s.push_str(e);
        }
        s
    }
}

fn reg(base: u64, size: u64) -> [u64; 2] {
    [base, size]
}

/// Builds the flattened device tree blob.
pub fn build_fdt(b: &BoardDescription) -> FdtWriterResult<Vec<u8>> {
    let mut f = FdtWriter::new()?;
    let root = f.begin_node("")?;
    f.property_u32("#address-cells", 2)?;
    f.property_u32("#size-cells", 2)?;
    f.property_string("compatible", "riscv-virtio")?;
    f.property_string("model", "riscv-virtio,qemu")?;

    let chosen = f.begin_node("chosen")?;
    let l = &b.layout;
    f.property_string("stdout-path", &format!("/soc/serial@{:x}", l.uart.0))?;
    if let Some(args) = &b.bootargs {
        f.property_string("bootargs", args)?;
    }
    if let Some((start, end)) = b.initrd {
        f.property_u64("linux,initrd-start", start)?;
        f.property_u64("linux,initrd-end", end)?;
    }
    if !b.rng_seed.is_empty() {
        f.property("rng-seed", &b.rng_seed)?;
    }
    f.end_node(chosen)?;

    let mem = f.begin_node(&format!("memory@{:x}", b.ram_base))?;
    f.property_string("device_type", "memory")?;
    f.property_array_u64("reg", &reg(b.ram_base, b.ram_size))?;
    f.end_node(mem)?;

    let cpus = f.begin_node("cpus")?;
    f.property_u32("#address-cells", 1)?;
    f.property_u32("#size-cells", 0)?;
    f.property_u32("timebase-frequency", b.timebase_hz)?;
    let isa = b.isa_string();
    for h in 0..b.harts {
        let cpu = f.begin_node(&format!("cpu@{h}"))?;
        f.property_phandle(phandle_cpu(h))?;
        f.property_string("device_type", "cpu")?;
        f.property_u32("reg", h as u32)?;
        f.property_string("status", "okay")?;
        f.property_string("compatible", "riscv")?;
        f.property_string("riscv,isa", &isa)?;
        f.property_string("riscv,isa-base", "rv64i")?;
        f.property_string_list("riscv,isa-extensions", b.isa_extensions.clone())?;
        f.property_string("mmu-type", &format!("riscv,{}", b.mmu_type))?;
        let intc = f.begin_node("interrupt-controller")?;
        f.property_u32("#address-cells", 0)?;
        f.property_u32("#interrupt-cells", 1)?;
        f.property_null("interrupt-controller")?;
        f.property_string("compatible", "riscv,cpu-intc")?;
        f.property_phandle(phandle_intc(h))?;
        f.end_node(intc)?;
        f.end_node(cpu)?;
    }
    let map = f.begin_node("cpu-map")?;
    let cluster = f.begin_node("cluster0")?;
    for h in 0..b.harts {
        let core = f.begin_node(&format!("core{h}"))?;
        f.property_u32("cpu", phandle_cpu(h))?;
        f.end_node(core)?;
    }
    f.end_node(cluster)?;
    f.end_node(map)?;
    f.end_node(cpus)?;

    let poweroff = f.begin_node("poweroff")?;
    f.property_string("compatible", "syscon-poweroff")?;
    f.property_u32("regmap", PHANDLE_TEST)?;
    f.property_u32("offset", 0)?;
    f.property_u32("value", 0x5555)?;
    f.end_node(poweroff)?;
    let reboot = f.begin_node("reboot")?;
    f.property_string("compatible", "syscon-reboot")?;
    f.property_u32("regmap", PHANDLE_TEST)?;
    f.property_u32("offset", 0)?;
    f.property_u32("value", 0x7777)?;
    f.end_node(reboot)?;

    let soc = f.begin_node("soc")?;
    f.property_u32("#address-cells", 2)?;
    f.property_u32("#size-cells", 2)?;
    f.property_string("compatible", "simple-bus")?;
    f.property_null("ranges")?;

    let n = f.begin_node(&format!("test@{:x}", l.test))?;
    f.property_phandle(PHANDLE_TEST)?;
    f.property_string_list(
        "compatible",
        vec![
            "sifive,test1".into(),
            "sifive,test0".into(),
            "syscon".into(),
        ],
    )?;
    f.property_array_u64("reg", &reg(l.test, 0x1000))?;
    f.end_node(n)?;

    let n = f.begin_node(&format!("rtc@{:x}", l.rtc.0))?;
    f.property_string("compatible", "google,goldfish-rtc")?;
    f.property_array_u64("reg", &reg(l.rtc.0, 0x1000))?;
    f.property_u32("interrupt-parent", PHANDLE_PLIC)?;
    f.property_u32("interrupts", l.rtc.1)?;
    f.end_node(n)?;

    let n = f.begin_node(&format!("serial@{:x}", l.uart.0))?;
    f.property_string("compatible", "ns16550a")?;
    f.property_array_u64("reg", &reg(l.uart.0, 0x100))?;
    f.property_u32("clock-frequency", UART_FREQ)?;
    f.property_u32("interrupt-parent", PHANDLE_PLIC)?;
    f.property_u32("interrupts", l.uart.1)?;
    f.end_node(n)?;

    let (vbase, vstride, vcount, virq) = l.virtio;
    for i in (0..vcount).rev() {
        let addr = vbase + vstride * i as u64;
        let n = f.begin_node(&format!("virtio_mmio@{addr:x}"))?;
        f.property_string("compatible", "virtio,mmio")?;
        f.property_array_u64("reg", &reg(addr, vstride))?;
        f.property_u32("interrupt-parent", PHANDLE_PLIC)?;
        f.property_u32("interrupts", virq + i)?;
        f.end_node(n)?;
    }

    let n = f.begin_node(&format!("plic@{:x}", l.plic.0))?;
    f.property_phandle(PHANDLE_PLIC)?;
    f.property_string_list(
        "compatible",
        vec!["sifive,plic-1.0.0".into(), "riscv,plic0".into()],
    )?;
    f.property_array_u64("reg", &reg(l.plic.0, PLIC_SIZE))?;
    f.property_u32("#address-cells", 0)?;
    f.property_u32("#interrupt-cells", 1)?;
    f.property_null("interrupt-controller")?;
    f.property_u32("riscv,ndev", l.plic.1)?;
    let ext: Vec<u32> = (0..b.harts)
        .flat_map(|h| [phandle_intc(h), IRQ_M_EXT, phandle_intc(h), IRQ_S_EXT])
        .collect();
    f.property_array_u32("interrupts-extended", &ext)?;
    f.end_node(n)?;

    let n = f.begin_node(&format!("clint@{:x}", l.clint))?;
    f.property_string_list(
        "compatible",
        vec!["sifive,clint0".into(), "riscv,clint0".into()],
    )?;
    f.property_array_u64("reg", &reg(l.clint, CLINT_SIZE))?;
    let ext: Vec<u32> = (0..b.harts)
        .flat_map(|h| [phandle_intc(h), IRQ_M_SOFT, phandle_intc(h), IRQ_M_TIMER])
        .collect();
    f.property_array_u32("interrupts-extended", &ext)?;
    f.end_node(n)?;

    f.end_node(soc)?;
    f.end_node(root)?;
    f.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board() -> BoardDescription {
        BoardDescription {
            ram_base: 0x8000_0000,
            ram_size: 256 << 20,
            harts: 2,
            isa_extensions: ["i", "m", "a", "c", "zicsr", "zifencei", "zba"]
                .map(String::from)
                .to_vec(),
            mmu_type: "sv57".into(),
            timebase_hz: 10_000_000,
            bootargs: Some("console=ttyS0".into()),
            initrd: Some((0x8800_0000, 0x8810_0000)),
            rng_seed: vec![1, 2, 3, 4],
            layout: VIRT_LAYOUT,
        }
    }

    #[test]
    fn isa_string_orders_letters_then_extensions() {
        assert_eq!(board().isa_string(), "rv64imac_zicsr_zifencei_zba");
    }

    #[test]
    fn blob_has_header_and_strings() {
        let dtb = build_fdt(&board()).unwrap();
        assert_eq!(&dtb[0..4], &[0xd0, 0x0d, 0xfe, 0xed]); // FDT magic
        let total = u32::from_be_bytes(dtb[4..8].try_into().unwrap()) as usize;
        assert_eq!(total, dtb.len());
        let text = String::from_utf8_lossy(&dtb);
        for needle in [
            "rv64imac_zicsr_zifencei_zba",
            "console=ttyS0",
            "ns16550a",
            "virtio,mmio",
            "riscv,plic0",
            "riscv,clint0",
            "google,goldfish-rtc",
            "syscon-poweroff",
            "riscv,sv57",
        ] {
            assert!(text.contains(needle), "{needle} missing");
        }
    }
}
