//! What a virt-board command line asks for, read and checked but not yet acted on (no
//! file has been opened): [`super::parse`] produces it, `crate::virt_setup` turns it into
//! a board.

use std::path::PathBuf;

use frontend_riscv::CpuConfig;

/// `-bios`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Bios {
    /// The bundled OpenSBI `fw_dynamic.bin` (`default`, or no `-bios`).
    #[default]
    Default,
    /// No firmware: the kernel runs in M-mode (`none`).
    None,
    /// This file.
    File(PathBuf),
}

/// How a `-drive` is attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interface {
    /// `if=virtio`: a virtio-blk disk of its own.
    Virtio,
    /// `if=none`: only through `-device virtio-blk-device,drive=ID`.
    None,
    /// No `if=`: on QEMU's virt board the same as `if=none`.
    Default,
}

/// A disk image format named by `format=`, or found by probing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// `format=raw`.
    Raw,
    /// No `format=`: probe the file as QEMU does.
    Probe,
}

/// One `-drive` (or `-hda`).
#[derive(Debug, Clone)]
pub struct DriveSpec {
    /// The option as given, for messages.
    pub option: String,
    /// The image.
    pub file: PathBuf,
    /// Its format.
    pub format: Format,
    /// How it is attached.
    pub interface: Interface,
    /// Its id (given, or QEMU's default: `none0`, `virtio0`, ...).
    pub id: String,
    /// `readonly=on`.
    pub read_only: bool,
    /// `snapshot=on` or `-snapshot`: writes go to a temporary overlay.
    pub snapshot: bool,
    /// `serial=` (GET_ID).
    pub serial: Option<String>,
}

/// A random source (`-object rng-random` / `rng-builtin`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RngBackend {
    /// The object's id.
    pub id: String,
    /// The file read (`/dev/urandom` for `rng-builtin` and by default).
    pub filename: PathBuf,
}

/// One virtio-mmio device, in QEMU's creation order.
#[derive(Debug, Clone)]
pub enum VirtioSpec {
    /// A virtio-blk disk on this drive.
    Blk {
        /// The drive (an index into [`VirtOptions::drives`]).
        drive: usize,
        /// `bus=virtio-mmio-bus.N`.
        slot: Option<u32>,
        /// `serial=` of the device.
        serial: Option<String>,
    },
    /// A virtio-rng reading this file.
    Rng {
        /// The host file read.
        filename: PathBuf,
        /// `bus=virtio-mmio-bus.N`.
        slot: Option<u32>,
    },
}

/// `-device loader,...` (QEMU's generic loader, hw/core/generic-loader.c).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoaderSpec {
    /// Load `file` (an ELF at its addresses, otherwise raw at `addr`); with `cpu`, that
    /// hart starts at the entry (or `addr`).
    File {
        /// The option as given.
        option: String,
        /// The file.
        file: PathBuf,
        /// Where a raw file goes.
        addr: u64,
        /// `force-raw=on`: load an ELF file as raw bytes.
        force_raw: bool,
        /// `cpu-num=N`.
        cpu: Option<usize>,
    },
    /// Store `len` bytes of `value` at `addr` at reset.
    Data {
        /// The address.
        addr: u64,
        /// The value.
        value: u64,
        /// 1 to 8 bytes.
        len: u8,
        /// `data-be=on`.
        big_endian: bool,
    },
    /// Hart `cpu` starts at `addr`.
    Pc {
        /// The hart.
        cpu: usize,
        /// Its first instruction.
        addr: u64,
    },
}

/// Where the UART's output goes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SerialOut {
    /// Standard output (input from standard input).
    #[default]
    Stdio,
    /// Nowhere (`-serial null`, `none`, or `-nodefaults` without `-serial`).
    Null,
    /// This file (`file:PATH`), created or truncated.
    File(PathBuf),
}

/// `-rtc base=...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RtcBase {
    /// The host's time in UTC (QEMU's default).
    #[default]
    Utc,
    /// The host's local time, as if it were UTC (what a Windows guest wants).
    LocalTime,
    /// This time (seconds since the Unix epoch) at start.
    Date(i64),
}

/// Everything the virt-board command line says.
#[derive(Debug, Clone, Default)]
pub struct VirtOptions {
    /// `-m` (`None`: the default).
    pub ram_size: Option<u64>,
    /// `-smp` (`None`: one hart).
    pub harts: Option<usize>,
    /// `-cpu`.
    pub cpu: Option<CpuConfig>,
    /// `-bios`.
    pub bios: Bios,
    /// `-bios` was given at all (even `default`).
    pub bios_given: bool,
    /// `-kernel`.
    pub kernel: Option<PathBuf>,
    /// `-initrd`.
    pub initrd: Option<PathBuf>,
    /// `-append`.
    pub append: Option<String>,
    /// `-dtb`.
    pub dtb: Option<PathBuf>,
    /// `-L`: where firmware and kernels are looked for.
    pub data_dir: Option<PathBuf>,
    /// `-machine dumpdtb=` / `--dumpdtb`.
    pub dumpdtb: Option<PathBuf>,
    /// Every `-drive`/`-hda`, in order.
    pub drives: Vec<DriveSpec>,
    /// The virtio devices, in creation order.
    pub virtio: Vec<VirtioSpec>,
    /// `-device loader` entries, in order.
    pub loaders: Vec<LoaderSpec>,
    /// `-global virtio-mmio.force-legacy` (QEMU's default: legacy).
    pub virtio_legacy: bool,
    /// Where the UART goes.
    pub serial: SerialOut,
    /// The monitor can be opened (Ctrl-A C).
    pub monitor: bool,
    /// `-no-reboot` / `-action reboot=shutdown`.
    pub no_reboot: bool,
    /// `-no-shutdown` / `-action shutdown=pause`.
    pub no_shutdown: bool,
    /// `-pidfile`.
    pub pidfile: Option<PathBuf>,
    /// `-name`.
    pub name: Option<String>,
    /// `-name ...,process=`.
    pub process_name: Option<String>,
    /// `-rtc base=`.
    pub rtc_base: RtcBase,
    /// `-rtc clock=vm`: the RTC follows the machine's clock.
    pub rtc_vm_clock: bool,
    /// `-gdb` (or `-s`: `tcp::1234`).
    pub gdb: Option<String>,
    /// `-S`.
    pub gdb_wait: bool,
    /// `-d`.
    pub trace_items: Option<String>,
    /// `-D`.
    pub trace_file: Option<PathBuf>,
    /// `--engine` (`--jit` is `--engine jit`).
    pub engine: crate::engine::EngineKind,
    /// `--deterministic`.
    pub deterministic: bool,
    /// `--max-insns`.
    pub max_insns: Option<u64>,
}

impl VirtOptions {
    /// No boot image given at all: the bundled Linux guest boots.
    pub fn boots_bundled_linux(&self) -> bool {
        self.kernel.is_none() && !self.bios_given && self.initrd.is_none()
    }
}
