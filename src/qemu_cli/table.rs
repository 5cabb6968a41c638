//! The options of the virt board's command line, QEMU's and gasang's own: how each is
//! spelled, whether it takes a value, what a repetition means, and the help line. Options
//! gasang refuses outright carry the reason here; options refused only for some values
//! are checked where their values are read.

/// What a second occurrence of an option means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// The last one wins (`-kernel`, `-append`, `-bios`, ...).
    Last,
    /// `key=value` lists merge, the last value of each key winning (QEMU's
    /// `merge_lists`: `-machine`, `-m`, `-smp`, `-rtc`).
    Merge,
    /// Every occurrence counts, in order (`-drive`, `-device`, `-object`, ...).
    Accumulate,
}

/// One option.
#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    /// Its name without dashes (`machine`).
    pub name: &'static str,
    /// The value's placeholder in the help (`None`: a flag).
    pub value: Option<&'static str>,
    /// What repeating it means.
    pub repeat: Repeat,
    /// Why gasang refuses it whatever its value (`None`: accepted).
    pub refused: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
}

const fn flag(name: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        value: None,
        repeat: Repeat::Last,
        refused: None,
        help,
    }
}

const fn value(
    name: &'static str,
    v: &'static str,
    repeat: Repeat,
    help: &'static str,
) -> OptionSpec {
    OptionSpec {
        name,
        value: Some(v),
        repeat,
        refused: None,
        help,
    }
}

const fn refused(name: &'static str, v: Option<&'static str>, why: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        value: v,
        repeat: Repeat::Accumulate,
        refused: Some(why),
        help: why,
    }
}

const NET: &str = "networking (virtio-net, -netdev user) is not implemented yet";
const DISPLAY: &str = "gasang has no display: the console is the terminal (-nographic)";

use Repeat::{Accumulate, Last, Merge};

/// Every option the virt board's command line knows.
pub const OPTIONS: &[OptionSpec] = &[
    flag("h", "print this help and exit"),
    flag("help", "print this help and exit"),
    flag("version", "print the version and exit"),
    value("machine", "[type=]virt[,prop=value...]", Merge, "the board: only virt; -machine help lists its properties"),
    value("M", "[type=]virt[,prop=value...]", Merge, "the same as -machine"),
    value("cpu", "rv64[,ext=on|off...]", Last, "CPU model and extensions; -cpu help lists them"),
    value("smp", "[cpus=]N[,sockets=S][,cores=C][,threads=T][,maxcpus=M]", Merge, "harts, 1 to 8 (QEMU's topology rules)"),
    value("m", "[size=]SIZE[,slots=N,maxmem=SIZE]", Merge, "RAM (256 = 256 MiB, 512M, 1.9G); default 256M"),
    value("bios", "FILE|default|none", Last, "M-mode firmware (ELF or raw); default: the bundled OpenSBI fw_dynamic"),
    value("kernel", "FILE", Last, "kernel: Linux Image, U-Boot, any ELF; gzip/xz is fine"),
    value("initrd", "FILE", Last, "initial RAM disk"),
    value("append", "CMDLINE", Last, "kernel command line"),
    value("dtb", "FILE", Last, "use this device tree instead of the generated one"),
    value("L", "DIR", Last, "where -bios and -kernel files are looked for when not found as given"),
    value("drive", "file=F[,format=raw][,if=virtio|none][,id=ID][,readonly=on][,snapshot=on]", Accumulate, "a disk image"),
    value("hda", "FILE", Accumulate, "a disk image with no interface, as -drive file=FILE,index=0 (attach it with -device)"),
    value("hdb", "FILE", Accumulate, "as -hda, index 1"),
    value("hdc", "FILE", Accumulate, "as -hda, index 2"),
    value("hdd", "FILE", Accumulate, "as -hda, index 3"),
    flag("snapshot", "guest writes to disks go to a temporary overlay, dropped at exit"),
    value("device", "virtio-blk-device,drive=ID[,bus=virtio-mmio-bus.N] | virtio-rng-device[,rng=ID] | loader,...", Accumulate, "a device; -device help lists them"),
    value("global", "virtio-mmio.force-legacy=on|off", Accumulate, "a default property of a device type"),
    value("object", "rng-random,id=ID[,filename=F] | rng-builtin,id=ID", Accumulate, "a backend object"),
    value("serial", "mon:stdio|stdio|chardev:ID|file:F|null|none", Accumulate, "where the UART goes"),
    value("monitor", "stdio|none", Accumulate, "the monitor (Ctrl-A C on the console)"),
    value("mon", "chardev=ID[,mode=readline]", Accumulate, "the monitor on a -chardev"),
    value("chardev", "stdio|null|file,id=ID[,...]", Accumulate, "a character backend"),
    flag("nographic", "console on standard input/output (what gasang always does)"),
    value("display", "none", Last, "accepted with none: gasang has no display"),
    value("vga", "none", Last, "accepted with none: gasang has no display"),
    value("k", "LANGUAGE", Last, "keyboard layout: accepted, no effect (the console is the terminal)"),
    value("name", "NAME[,process=P][,debug-threads=on]", Last, "the guest's name"),
    value("pidfile", "FILE", Last, "write the process id to FILE, removed at exit"),
    value("rtc", "base=utc|localtime|DATE[,clock=host|rt|vm][,driftfix=none|slew]", Merge, "the goldfish RTC's start time"),
    flag("nodefaults", "no default devices: without -serial the UART goes nowhere"),
    flag("no-reboot", "exit when the guest resets"),
    flag("no-shutdown", "when the guest powers off, stop instead of exiting (Ctrl-A X or the monitor's quit ends gasang)"),
    value("action", "reboot=reset|shutdown,shutdown=poweroff|pause", Merge, "what guest reset and power-off do"),
    value("accel", "tcg[,thread=single|multi][,tb-size=N]", Accumulate, "accelerator: tcg only (gasang's own interpreter and JIT)"),
    value("boot", "OPTIONS", Last, "boot order: accepted, no effect (the virt board boots -bios/-kernel)"),
    flag("s", "gdb stub on tcp::1234"),
    flag("S", "with -s or -gdb: wait for gdb before the first instruction"),
    value("gdb", "tcp::PORT|tcp:HOST:PORT", Last, "gdb stub address"),
    value("d", "ITEMS", Last, "traces: in_asm, exec, cpu, int, mmu, all; -d help lists them"),
    value("D", "FILE", Last, "write the -d traces to FILE"),
    // gasang's own.
    value("dumpdtb", "FILE", Last, "write the device tree to FILE and exit (QEMU: -machine dumpdtb=FILE)"),
    flag("deterministic", "time follows executed instructions, so runs repeat exactly"),
    value("max-insns", "N", Last, "stop after N instructions (exit status 3)"),
    value("engine", "interp|jit|check", Last, "how guest code runs: jit (the default: hot code compiled by Cranelift), interp (the interpreter alone), check (both in lockstep; the first difference ends the run, exit status 4)"),
    flag("jit", "same as --engine jit"),
    // Refused, with the reason.
    refused("netdev", Some("SPEC"), NET),
    refused("nic", Some("SPEC"), NET),
    refused("net", Some("SPEC"), NET),
    refused("enable-kvm", None, "KVM is not available: gasang emulates RISC-V on any host (-accel tcg)"),
    refused("semihosting", None, "RISC-V semihosting is not implemented"),
    refused("semihosting-config", Some("SPEC"), "RISC-V semihosting is not implemented"),
    refused("blockdev", Some("SPEC"), "-blockdev is not supported: use -drive file=F,format=raw,if=none,id=ID"),
    refused("cdrom", Some("FILE"), "the virt board has no CD-ROM drive"),
    refused("fda", Some("FILE"), "the virt board has no floppy drive"),
    refused("fdb", Some("FILE"), "the virt board has no floppy drive"),
    refused("sd", Some("FILE"), "the virt board has no SD card"),
    refused("pflash", Some("FILE"), "the virt board's flash is not modelled"),
    refused("mtdblock", Some("FILE"), "the virt board has no MTD flash"),
    refused("qmp", Some("DEV"), "QMP is not implemented (the monitor speaks the human protocol only)"),
    refused("vnc", Some("DISPLAY"), DISPLAY),
    refused("icount", Some("SPEC"), "-icount is not implemented: --deterministic makes time follow instructions"),
    refused("daemonize", None, "gasang runs in the foreground"),
    refused("usb", None, "the virt board has no USB"),
    refused("usbdevice", Some("DEV"), "the virt board has no USB"),
    refused("numa", Some("SPEC"), "NUMA nodes are not modelled"),
    refused("mem-path", Some("PATH"), "guest RAM is anonymous memory: -mem-path is not supported"),
    refused("trace", Some("SPEC"), "QEMU trace events are not available: use -d"),
    refused("audiodev", Some("SPEC"), "the virt board has no sound"),
    refused("incoming", Some("URI"), "migration is not implemented"),
    refused("loadvm", Some("TAG"), "snapshots of the machine are not implemented"),
];

/// The option named `name` (without dashes).
pub fn lookup(name: &str) -> Option<&'static OptionSpec> {
    OPTIONS.iter().find(|o| o.name == name)
}

/// The help text: one line per accepted option, each starting with its name (as QEMU's
/// `-help` does, so that scripts grepping for `^-gdb` find it).
pub fn help_text() -> String {
    let mut s = format!(
        "gasang {}: QEMU's RISC-V 'virt' board, with QEMU's command line\n\
         usage: gasang [options]              boot the virt board (no options: the bundled Linux)\n\
         \x20      gasang run [options] PROGRAM  run a bare-metal program (see 'gasang run --help')\n\n",
        env!("CARGO_PKG_VERSION")
    );
    for o in OPTIONS.iter().filter(|o| o.refused.is_none()) {
        let head = match o.value {
            Some(v) => format!("-{} {v}", o.name),
            None => format!("-{}", o.name),
        };
        s += &format!("{head}\n        {}\n", o.help);
    }
    s += "\nRefused (with the reason):";
    for o in OPTIONS.iter().filter(|o| o.refused.is_some()) {
        s += &format!(" -{}", o.name);
    }
    s += "\nDuring emulation: Ctrl-A X quits, Ctrl-A C toggles the monitor, Ctrl-A H helps.\n";
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_help_lines_start_with_the_option() {
        for (i, o) in OPTIONS.iter().enumerate() {
            assert!(
                OPTIONS[..i].iter().all(|p| p.name != o.name),
                "-{} twice",
                o.name
            );
        }
        let help = help_text();
        assert!(help.lines().any(|l| l.starts_with("-gdb ")), "{help}");
        assert!(help.lines().any(|l| l.starts_with("-global ")));
    }

    #[test]
    fn readme_names_every_option() {
        let readme = include_str!("../../README.md");
        let section = &readme[readme.find("## Command line").expect("the section")..];
        for o in OPTIONS {
            if matches!(o.name, "h" | "help" | "version" | "hdb" | "hdc") {
                continue;
            }
            let names = [
                format!("`-{}", o.name),
                format!("`--{}", o.name),
                format!(", -{}", o.name),
            ];
            assert!(
                names.iter().any(|n| section.contains(n.as_str()))
                    || section.contains(&format!("`-{}`", o.name)),
                "README.md does not say what -{} does",
                o.name
            );
        }
    }
}
