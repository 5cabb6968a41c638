//! Threads (one per hart), registers and memory.

use gdbstub::common::Tid;
use gdbstub::target::ext::base::multithread::{MultiThreadBase, MultiThreadResumeOps};
use gdbstub::target::ext::base::single_register_access::{
    SingleRegisterAccess, SingleRegisterAccessOps,
};
use gdbstub::target::{TargetError, TargetResult};

use super::{hart_of, tid_of, Stub};
use crate::arch::{Rv64RegId, Rv64Regs};
use crate::target::{DebugTarget, Register};

/// `EFAULT`, what gdb gets for memory it cannot access.
const EFAULT: u8 = 14;

impl<T: DebugTarget> Stub<'_, T> {
    /// The hart of `tid`, which becomes the one `monitor` commands look at (gdb reads
    /// the registers of its selected thread after every stop and thread switch).
    fn check_hart(&mut self, tid: Tid) -> Result<usize, TargetError<super::StubError>> {
        let hart = hart_of(tid);
        if hart < self.target.hart_count() {
            self.selected_hart = hart;
            Ok(hart)
        } else {
            Err(TargetError::Errno(3)) // ESRCH
        }
    }
}

impl<T: DebugTarget> MultiThreadBase for Stub<'_, T> {
    fn read_registers(&mut self, regs: &mut Rv64Regs, tid: Tid) -> TargetResult<(), Self> {
        let hart = self.check_hart(tid)?;
        for i in 0..32u8 {
            regs.x[i as usize] = self.target.read_register(hart, Register::X(i)).unwrap_or(0);
            regs.f[i as usize] = self.target.read_register(hart, Register::F(i));
        }
        regs.pc = self.target.read_register(hart, Register::Pc).unwrap_or(0);
        Ok(())
    }

    fn write_registers(&mut self, regs: &Rv64Regs, tid: Tid) -> TargetResult<(), Self> {
        let hart = self.check_hart(tid)?;
        let mut ok = true;
        for i in 1..32u8 {
            ok &= self
                .target
                .write_register(hart, Register::X(i), regs.x[i as usize]);
        }
        ok &= self.target.write_register(hart, Register::Pc, regs.pc);
        for (i, f) in regs.f.iter().enumerate() {
            if let Some(v) = f {
                ok &= self.target.write_register(hart, Register::F(i as u8), *v);
            }
        }
        if ok {
            Ok(())
        } else {
            Err(TargetError::NonFatal)
        }
    }

    #[inline(always)]
    fn support_single_register_access(&mut self) -> Option<SingleRegisterAccessOps<'_, Tid, Self>> {
        Some(self)
    }

    fn read_addrs(&mut self, start: u64, data: &mut [u8], tid: Tid) -> TargetResult<usize, Self> {
        let hart = self.check_hart(tid)?;
        match self.target.read_memory(hart, start, data, self.space) {
            Ok(()) => Ok(data.len()),
            Err(e) => {
                // Give gdb the readable prefix, if any, re-read so its bytes are real.
                let n = e.addr.wrapping_sub(start);
                if n == 0 || n >= data.len() as u64 {
                    return Err(TargetError::Errno(EFAULT));
                }
                let prefix = &mut data[..n as usize];
                match self.target.read_memory(hart, start, prefix, self.space) {
                    Ok(()) => Ok(prefix.len()),
                    Err(_) => Err(TargetError::Errno(EFAULT)),
                }
            }
        }
    }

    fn write_addrs(&mut self, start: u64, data: &[u8], tid: Tid) -> TargetResult<(), Self> {
        let hart = self.check_hart(tid)?;
        self.target
            .write_memory(hart, start, data, self.space)
            .map_err(|_| TargetError::Errno(EFAULT))
    }

    #[inline(always)]
    fn list_active_threads(&mut self, active: &mut dyn FnMut(Tid)) -> Result<(), Self::Error> {
        (0..self.target.hart_count()).for_each(|h| active(tid_of(h)));
        Ok(())
    }

    fn is_thread_alive(&mut self, tid: Tid) -> Result<bool, Self::Error> {
        Ok(hart_of(tid) < self.target.hart_count())
    }

    #[inline(always)]
    fn support_resume(&mut self) -> Option<MultiThreadResumeOps<'_, Self>> {
        Some(self)
    }
}

impl<T: DebugTarget> SingleRegisterAccess<Tid> for Stub<'_, T> {
    fn read_register(
        &mut self,
        tid: Tid,
        reg: Rv64RegId,
        buf: &mut [u8],
    ) -> TargetResult<usize, Self> {
        let hart = self.check_hart(tid)?;
        let size = register_size(reg.0);
        match self.target.read_register(hart, reg.0) {
            Some(v) => {
                let n = size.min(buf.len());
                buf[..n].copy_from_slice(&v.to_le_bytes()[..n]);
                Ok(n)
            }
            // Valid in the description but absent on this machine: "unavailable".
            None => Ok(0),
        }
    }

    fn write_register(&mut self, tid: Tid, reg: Rv64RegId, val: &[u8]) -> TargetResult<(), Self> {
        let hart = self.check_hart(tid)?;
        let mut bytes = [0u8; 8];
        let n = val.len().min(8);
        bytes[..n].copy_from_slice(&val[..n]);
        if self
            .target
            .write_register(hart, reg.0, u64::from_le_bytes(bytes))
        {
            Ok(())
        } else {
            Err(TargetError::NonFatal)
        }
    }
}

/// Bytes of a register on the wire (the FP CSRs are 32-bit, as in gdb's own XML).
fn register_size(reg: Register) -> usize {
    match reg {
        Register::Csr(1..=3) => 4,
        _ => 8,
    }
}
