//! Compressed images that unpack to far more than RAM (decompression bombs) are refused
//! without using more host memory than the guest's RAM would. One test in its own binary:
//! the peak memory of this process's children (`getrusage(RUSAGE_CHILDREN)`) is then the
//! peak of the gasang runs below alone.

mod common;

use std::process::Command;

use nix::sys::resource::{getrusage, UsageWho};

/// The peak resident memory of any child waited for so far, in bytes (Linux reports
/// `ru_maxrss` in KiB).
fn children_peak_rss() -> u64 {
    getrusage(UsageWho::RUSAGE_CHILDREN).unwrap().max_rss() as u64 * 1024
}

#[test]
fn bombs_are_refused_within_the_ram_size() {
    let xz = common::repo().join("tests/data/zeros-300M.xz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, &vec![0u8; 300 << 20]).unwrap();
    let gz = std::env::temp_dir().join(format!("gasang-bomb-{}.gz", std::process::id()));
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    for bomb in [&xz, &gz] {
        let o = Command::new(env!("CARGO_BIN_EXE_gasang"))
            .args(["-m", "16M", "-bios", "none", "-kernel"])
            .arg(bomb)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{}: {err}", bomb.display());
        assert!(
            err.contains("unpacks to more than the 16 MiB of RAM"),
            "{}: {err}",
            bomb.display()
        );
        // 300 MiB unpacked would be that much memory; the cap keeps it near 16 MiB (plus
        // the decoder's dictionary and the program itself).
        let peak = children_peak_rss();
        assert!(
            peak < 128 << 20,
            "{}: peak memory {} MiB",
            bomb.display(),
            peak >> 20
        );
    }
    let _ = std::fs::remove_file(&gz);
}
