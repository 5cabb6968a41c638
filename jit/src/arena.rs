//! Executable memory for compiled code: one fixed-size mapping, filled from the start
//! and emptied all at once (as QEMU empties its code buffer when it is full), so the
//! memory a long run uses is bounded by the mapping's size.

use thiserror::Error;

/// Alignment of each piece of code (a cache line).
const ALIGN: usize = 64;

/// The code memory could not be mapped.
#[derive(Debug, Error)]
#[error("cannot map {size} bytes of executable memory for the JIT: {source}")]
pub struct ArenaError {
    size: usize,
    source: region::Error,
}

/// A bump allocator over read-write-execute memory.
pub struct CodeArena {
    mem: region::Allocation,
    /// Bytes kept across [`CodeArena::reset`] (the entry trampoline).
    pinned: usize,
    used: usize,
}

impl std::fmt::Debug for CodeArena {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeArena")
            .field("size", &self.mem.len())
            .field("used", &self.used)
            .finish()
    }
}

impl CodeArena {
    /// Maps `size` bytes (pages are only backed by host memory once written).
    pub fn new(size: usize) -> Result<Self, ArenaError> {
        let mem = region::alloc(size, region::Protection::READ_WRITE_EXECUTE)
            .map_err(|source| ArenaError { size, source })?;
        Ok(CodeArena {
            mem,
            pinned: 0,
            used: 0,
        })
    }

    /// Copies `code` (position-independent machine code: no relocations) into the
    /// arena and returns its address, or `None` if it does not fit.
    pub fn install(&mut self, code: &[u8]) -> Option<*const u8> {
        let start = self.used.next_multiple_of(ALIGN);
        let end = start.checked_add(code.len())?;
        if end > self.mem.len() {
            return None;
        }
        let base = self.mem.as_mut_ptr::<u8>();
        // SAFETY: `start..end` lies inside the mapping (checked above), which this
        // arena owns; nothing runs code there yet: that range was never handed out
        // since the last reset, and a reset only happens when no compiled code is on
        // the stack (the hart calls it between runs).
        unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), base.add(start), code.len()) };
        self.used = end;
        // SAFETY: as above, `start` is inside the mapping.
        Some(unsafe { base.add(start) } as *const u8)
    }

    /// Keeps everything installed so far across resets.
    pub fn pin(&mut self) {
        self.pinned = self.used;
    }

    /// Frees everything installed since [`CodeArena::pin`].
    pub fn reset(&mut self) {
        self.used = self.pinned;
    }

    /// Bytes in use.
    pub fn used(&self) -> usize {
        self.used
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_then_refuses_then_resets_to_the_pinned_part() {
        let mut a = CodeArena::new(4096).unwrap();
        let t = a.install(&[0xc3; 10]).unwrap();
        a.pin();
        let p = a.install(&[0x90; 100]).unwrap();
        assert_eq!(p as usize % ALIGN, 0);
        assert!(p as usize > t as usize);
        assert!(a.install(&[0; 5000]).is_none());
        a.reset();
        assert_eq!(a.install(&[0x90; 100]).unwrap(), p);
        // SAFETY: the trampoline bytes are still there after the reset.
        assert_eq!(unsafe { *t }, 0xc3);
    }
}
