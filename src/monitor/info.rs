//! The monitor's `info` commands (also reached from gdb's `monitor info ...`).

use crate::virt::{RunState, VirtMachine};

/// Help for the commands [`info_command`] runs.
pub const INFO_HELP: &str = "\
info registers [N]   registers, FPU registers and every CSR of hart N (default: the
                     selected hart; -a: all harts)
info mem [N]         the page-table mappings hart N sees (satp): vaddr, paddr, size,
                     attributes rwxugad; `info tlb` is the same
info cpus            the harts, their pc, and the selected one (*)
info mtree           the physical memory map
info status          whether the guest runs, and the instructions executed
";

/// Runs an `info` command about the machine for `hart` (the selected one when the
/// command names none). `None` if `cmd` is not one.
pub fn info_command(m: &mut VirtMachine, hart: usize, cmd: &str) -> Option<String> {
    let words: Vec<&str> = cmd.split_whitespace().collect();
    let (what, arg) = match words.as_slice() {
        ["info", what] => (*what, None),
        ["info", what, arg] => (*what, Some(*arg)),
        _ => return None,
    };
    let selected = hart.min(m.harts.len() - 1);
    let harts: Vec<usize> = match arg {
        None => vec![selected],
        Some("-a") => (0..m.harts.len()).collect(),
        Some(n) => match n.parse::<usize>() {
            Ok(n) if n < m.harts.len() => vec![n],
            _ => return Some(format!("no hart {n} (0 to {})\n", m.harts.len() - 1)),
        },
    };
    let mut out = String::new();
    match what {
        "registers" | "r" => {
            for h in harts {
                out += &crate::regs::format_all_registers(&mut m.harts[h].core);
            }
        }
        "mem" | "tlb" => {
            for h in harts {
                out += &format!("hart {h}:\n");
                out += &frontend_riscv::format_mappings(&m.harts[h].core);
            }
        }
        "status" => {
            let state = match m.run_state {
                RunState::Running => "running",
                RunState::Paused => "paused",
                RunState::Shutdown => "paused (shutdown)",
            };
            out = format!(
                "VM status: {state}\n{} instructions executed\n",
                m.executed()
            );
        }
        "cpus" => {
            // QEMU's format (with the pc its older versions showed); all harts run on
            // this one host thread.
            let tid = nix::unistd::gettid();
            for (i, h) in m.harts.iter().enumerate() {
                let star = if i == selected { '*' } else { ' ' };
                let halted = if h.core.waiting { " (halted)" } else { "" };
                out += &format!(
                    "{star} CPU #{i}: pc=0x{:016x}{halted} thread_id={tid}\n",
                    h.core.pc
                );
            }
        }
        "mtree" => {
            out += "address-space: memory\n  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n";
            for (base, size, kind, name) in m.memory_map() {
                out += &format!(
                    "    {base:016x}-{:016x} (prio 0, {kind}): {name}\n",
                    base + size - 1
                );
            }
        }
        _ => return None,
    }
    Some(out)
}
