//! `monitor` commands (qRcmd): the stub's own (`help`, `phys`, `virt`) and the machine's.

use gdbstub::target::ext::monitor_cmd::{outputln, ConsoleOutput, MonitorCmd};

use super::Stub;
use crate::target::{AddressSpace, DebugTarget};

/// What `monitor help` prints before the machine's own help.
const HELP: &str = "\
gasang gdb stub monitor commands:
  help    this text
  phys    memory accesses (x, print *addr, breakpoints' reads) use physical addresses
  virt    memory accesses use virtual addresses, translated as the hart sees them (default)";

impl<T: DebugTarget> MonitorCmd for Stub<'_, T> {
    fn handle_monitor_cmd(
        &mut self,
        cmd: &[u8],
        mut out: ConsoleOutput<'_>,
    ) -> Result<(), Self::Error> {
        let cmd = String::from_utf8_lossy(cmd);
        let cmd = cmd.trim();
        match cmd {
            "help" | "" => {
                outputln!(out, "{HELP}");
                let mut more = String::new();
                if self.target.monitor(self.selected_hart, "help", &mut more) && !more.is_empty() {
                    outputln!(out, "machine commands:");
                    out.write_raw(more.as_bytes());
                }
            }
            "phys" => {
                self.space = AddressSpace::Physical;
                outputln!(out, "memory accesses now use physical addresses");
            }
            "virt" => {
                self.space = AddressSpace::Virtual;
                outputln!(out, "memory accesses now use virtual addresses");
            }
            _ => {
                let mut text = String::new();
                if self.target.monitor(self.selected_hart, cmd, &mut text) {
                    out.write_raw(text.as_bytes());
                } else {
                    outputln!(out, "unknown monitor command `{cmd}` (try `monitor help`)");
                }
            }
        }
        Ok(())
    }
}
