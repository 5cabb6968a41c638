//! Locking disk image files the way QEMU does, so that two emulators — two gasangs, a
//! gasang and a QEMU, or two `-drive`s of one gasang — never write one image at once.
//!
//! QEMU (block/file-posix.c) uses open-file-description (OFD) byte-range locks, which
//! belong to one `open()` of the file (so two opens in one process conflict, too) and go
//! away when it is closed. Each block permission bit `i` has two bytes: the holder of the
//! permission takes a shared lock on byte `100 + i`, and a holder that does not let
//! others have it takes a shared lock on byte `200 + i`. Opening then checks that nobody
//! holds `200 + i` for a permission it wants, nor `100 + i` for one it does not share.
//! gasang takes the same bytes as QEMU's virtio-blk: it wants "consistent read" (and
//! "write" unless read-only) and shares everything but "write". So a second writer is
//! refused, a writer is refused while a reader is open and the other way round, and any
//! number of read-only users may share an image.
//!
//! Where the file system has no OFD locks (some network file systems), the image is used
//! unlocked, as QEMU's `locking=auto` does.

use std::fs::File;

/// A permission another user of the image holds or refuses to share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LockConflict {
    /// QEMU's name of the permission ("write", "consistent read").
    pub(crate) perm: &'static str,
    /// Whether it was the right to share the permission (gasang does not share "write",
    /// and someone else holds it) rather than the permission itself.
    pub(crate) shared: bool,
}

/// QEMU's block permission bits (include/block/block-common.h), by index.
const PERM_NAMES: [&str; 4] = ["consistent read", "write", "write unchanged", "resize"];
/// Index of BLK_PERM_CONSISTENT_READ.
const CONSISTENT_READ: usize = 0;
/// Index of BLK_PERM_WRITE.
const WRITE: usize = 1;
/// First byte of the "holds permission i" locks.
const PERM_BASE: i64 = 100;
/// First byte of the "does not share permission i" locks.
const SHARED_BASE: i64 = 200;

/// Takes QEMU's locks for a virtio-blk disk on `file`: `Err` names the permission another
/// user of the image conflicts with. The locks last as long as `file` stays open.
pub(crate) fn lock_image(file: &File, read_only: bool) -> Result<(), LockConflict> {
    let mut perms = vec![CONSISTENT_READ];
    if !read_only {
        perms.push(WRITE);
    }
    let unshared = [WRITE];
    // Announce what we hold and what we do not share (shared locks: they coexist), then
    // look for the users we conflict with (raw_apply_lock_bytes, raw_check_lock_bytes).
    for (bytes, shared) in [(&perms[..], false), (&unshared[..], true)] {
        for &i in bytes {
            let base = if shared { SHARED_BASE } else { PERM_BASE };
            match ofd::lock_shared(file, base + i as i64) {
                Ok(true) => {}
                Ok(false) => {
                    return Err(LockConflict {
                        perm: PERM_NAMES[i],
                        shared,
                    })
                }
                // No OFD locks here: use the image unlocked.
                Err(_) => return Ok(()),
            }
        }
    }
    for &i in &perms {
        if ofd::held_by_others(file, SHARED_BASE + i as i64).unwrap_or(false) {
            return Err(LockConflict {
                perm: PERM_NAMES[i],
                shared: false,
            });
        }
    }
    for &i in &unshared {
        if ofd::held_by_others(file, PERM_BASE + i as i64).unwrap_or(false) {
            return Err(LockConflict {
                perm: PERM_NAMES[i],
                shared: true,
            });
        }
    }
    Ok(())
}

#[cfg(target_os = "linux")]
mod ofd {
    //! One-byte OFD locks through `nix`'s fcntl binding.

    use std::fs::File;

    use nix::errno::Errno;
    use nix::fcntl::{fcntl, FcntlArg};
    use nix::libc;

    fn byte(kind: libc::c_short, offset: i64) -> libc::flock {
        libc::flock {
            l_type: kind,
            l_whence: libc::SEEK_SET as libc::c_short,
            l_start: offset,
            l_len: 1,
            // Must be 0 for OFD locks.
            l_pid: 0,
        }
    }

    /// Takes a shared lock on byte `offset` without waiting: `Ok(false)` if another
    /// holds it exclusively.
    pub(super) fn lock_shared(file: &File, offset: i64) -> Result<bool, Errno> {
        match fcntl(
            file,
            FcntlArg::F_OFD_SETLK(&byte(libc::F_RDLCK as libc::c_short, offset)),
        ) {
            Ok(_) => Ok(true),
            Err(Errno::EAGAIN | Errno::EACCES) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Whether another open file description holds any lock on byte `offset` (whether an
    /// exclusive lock could not be taken there).
    pub(super) fn held_by_others(file: &File, offset: i64) -> Result<bool, Errno> {
        let mut probe = byte(libc::F_WRLCK as libc::c_short, offset);
        fcntl(file, FcntlArg::F_OFD_GETLK(&mut probe))?;
        Ok(probe.l_type != libc::F_UNLCK as libc::c_short)
    }
}

#[cfg(not(target_os = "linux"))]
mod ofd {
    //! No OFD locks on this host: images are used unlocked.

    use std::fs::File;

    pub(super) fn lock_shared(_: &File, _: i64) -> Result<bool, ()> {
        Err(())
    }

    pub(super) fn held_by_others(_: &File, _: i64) -> Result<bool, ()> {
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(name: &str) -> std::path::PathBuf {
        let p = std::env::temp_dir().join(format!("gasang-lock-{}-{name}", std::process::id()));
        std::fs::write(&p, [0u8; 512]).unwrap();
        p
    }

    fn open(p: &std::path::Path) -> File {
        File::options().read(true).write(true).open(p).unwrap()
    }

    #[test]
    fn writers_exclude_each_other_and_readers_share() {
        let p = image("rw");
        let a = open(&p);
        lock_image(&a, false).unwrap();
        // A second open of the same file, even in this process, is another user.
        let b = open(&p);
        assert_eq!(
            lock_image(&b, false),
            Err(LockConflict {
                perm: "write",
                shared: false
            })
        );
        let c = open(&p);
        assert_eq!(
            lock_image(&c, true),
            Err(LockConflict {
                perm: "write",
                shared: true
            })
        );
        // Closing the writer releases its locks.
        drop((a, b, c));
        let r1 = open(&p);
        let r2 = open(&p);
        lock_image(&r1, true).unwrap();
        lock_image(&r2, true).unwrap();
        let w = open(&p);
        assert!(lock_image(&w, false).is_err());
        let _ = std::fs::remove_file(p);
    }
}
