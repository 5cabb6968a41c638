//! Reading boot images from files: decompression of gzip and xz images, and the
//! bundled default images in `firmware/images/`.
//!
//! Every image must fit in the guest's RAM, so nothing is read or unpacked past the RAM
//! size: `-kernel /dev/zero` or a small xz file that unpacks to gigabytes is a one-line
//! error, not an out-of-memory abort. Only regular files are images (a directory, a
//! device or a pipe is refused before anything is read). ELF files may be larger than
//! RAM by [`ELF_EXTRA`]: their symbols and debug information stay in the file.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use firmware::boot::Image;

use crate::size::format_size;

/// How much larger than RAM an ELF file may be: only its segments are loaded, and a kernel
/// `vmlinux` with debug information is often several times its loaded size.
pub const ELF_EXTRA: u64 = 1 << 30;

/// Cap for the bundled images and symbol files (ours, so a plain sanity bound).
pub const BUNDLED_LIMIT: u64 = 1 << 30;

/// The ELF magic.
const ELF_MAGIC: &[u8] = b"\x7fELF";

/// The most an image may hold with `ram_size` bytes of RAM, given its first bytes.
fn image_cap(ram_size: u64, head: &[u8]) -> u64 {
    if head.starts_with(ELF_MAGIC) {
        ram_size.saturating_add(ELF_EXTRA)
    } else {
        ram_size
    }
}

/// Directory of the bundled images (OpenSBI, the default Linux kernel and initramfs).
pub fn bundled_dir() -> PathBuf {
    std::env::var_os("GASANG_IMAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("firmware/images"))
}

/// The bundled image `name` (e.g. `fw_dynamic.bin`, `Image.xz`).
pub fn bundled(name: &str) -> Result<Image> {
    let path = bundled_dir().join(name);
    if !path.exists() {
        bail!(
            "the bundled image {} is missing (rebuild it with firmware/build-images.sh, or set GASANG_IMAGES)",
            path.display()
        );
    }
    read_image(&path, BUNDLED_LIMIT)
}

/// Opens `path` for reading as an image: it must be a regular file. Returns the file and
/// its size.
fn open_regular(path: &Path) -> Result<(File, u64)> {
    let cannot = || format!("cannot read {}", path.display());
    // Look before opening: opening a FIFO blocks until something writes to it.
    let refuse = |meta: &std::fs::Metadata| -> Result<()> {
        if meta.is_file() {
            return Ok(());
        }
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "a device, pipe or socket"
        };
        bail!(
            "cannot read {}: it is {what}, not a regular file",
            path.display()
        );
    };
    refuse(&std::fs::metadata(path).with_context(cannot)?)?;
    let file = File::open(path).with_context(cannot)?;
    // Again on what was opened, in case the path changed in between.
    let meta = file.metadata().with_context(cannot)?;
    refuse(&meta)?;
    Ok((file, meta.len()))
}

/// Reads a whole image file of at most `image_cap(ram_size)` bytes (checked against its
/// size first, and again while reading, in case it grows).
fn read_capped(path: &Path, ram_size: u64) -> Result<Vec<u8>> {
    let (mut file, len) = open_regular(path)?;
    let mut head = [0u8; 4];
    let n = read_up_to(&mut file, &mut head)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let cap = image_cap(ram_size, &head[..n]);
    let too_large = || {
        anyhow::anyhow!(
            "{} is larger than the {} of RAM: use a larger -m",
            path.display(),
            format_size(ram_size)
        )
    };
    if len > cap {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(len as usize);
    bytes.extend_from_slice(&head[..n]);
    file.take(cap + 1 - n as u64)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > cap {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Reads into `buf` until it is full or the file ends; returns the count read.
fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Reads an image file for a machine with `ram_size` bytes of RAM. Gzip and xz images
/// keep their compression here (see [`decompress`]; an initrd stays compressed, the kernel
/// unpacks it itself).
pub fn read_image(path: &Path, ram_size: u64) -> Result<Image> {
    let bytes = read_capped(path, ram_size)?;
    if bytes.is_empty() {
        bail!("{} is empty", path.display());
    }
    Ok(Image {
        name: path.display().to_string(),
        bytes,
    })
}

/// Reads the program of `gasang run`: an ELF file, or a raw binary of at least one 4-byte
/// instruction, for `ram_size` bytes of RAM.
pub fn read_program(path: &Path, ram_size: u64) -> Result<Vec<u8>> {
    let bytes = read_capped(path, ram_size)?;
    if bytes.len() < 4 {
        bail!(
            "{}: {} bytes is too short for a program (an ELF file, or a raw binary of at least one 4-byte instruction)",
            path.display(),
            bytes.len()
        );
    }
    Ok(bytes)
}

/// Most bytes unpacked per read, between checks for a termination signal.
const UNPACK_CHUNK: usize = 1 << 20;

/// Why [`unpack`] stopped.
enum UnpackError {
    /// The output would not fit in RAM.
    TooLarge,
    /// A termination signal arrived (unpacking a large image takes seconds).
    Signal,
    /// The decoder failed: corrupt data, or a dictionary past its memory limit.
    Corrupt(std::io::Error),
}

/// Reads a decompressor's output, at most [`image_cap`] bytes for the RAM size (known once
/// the first bytes tell whether it is an ELF file).
fn unpack(mut decoder: impl Read, ram_size: u64) -> Result<Vec<u8>, UnpackError> {
    let mut out = Vec::new();
    loop {
        if crate::console::signal_received() {
            return Err(UnpackError::Signal);
        }
        let cap = image_cap(ram_size, &out[..out.len().min(4)]);
        let room = (cap + 1).saturating_sub(out.len() as u64);
        let want = (UNPACK_CHUNK as u64).min(room) as usize;
        let old = out.len();
        out.resize(old + want, 0);
        match decoder.read(&mut out[old..]) {
            Ok(0) => {
                out.truncate(old);
                return Ok(out);
            }
            Ok(n) => out.truncate(old + n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => out.truncate(old),
            Err(e) => return Err(UnpackError::Corrupt(e)),
        }
        // Until the first 4 bytes are out the cap is the RAM size: fine, it is at least 4 KiB.
        if out.len() as u64 > image_cap(ram_size, &out[..out.len().min(4)]) {
            return Err(UnpackError::TooLarge);
        }
    }
}

/// Decompresses a gzip or xz image in place, for a machine with `ram_size` bytes of RAM
/// (unpacking stops, with an error, as soon as the image would not fit); other images are
/// left alone.
pub fn decompress(img: &mut Image, ram_size: u64) -> Result<()> {
    let gzip = img.bytes.starts_with(&[0x1f, 0x8b]);
    let xz = img.bytes.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]);
    let result = if gzip {
        unpack(flate2::read::GzDecoder::new(&img.bytes[..]), ram_size)
    } else if xz {
        // The xz header names the dictionary size: refuse one larger than the image can
        // be (at least 256 MiB, what `xz -9` and its variants use) before it is allocated.
        let dict_limit_kib =
            u32::try_from((ram_size.max(256 << 20) >> 10) + 1024).unwrap_or(u32::MAX - 1);
        unpack(
            lzma_rust2::XzReader::new_mem_limit(&img.bytes[..], true, dict_limit_kib),
            ram_size,
        )
    } else {
        return Ok(());
    };
    img.bytes = match result {
        Ok(bytes) => bytes,
        Err(UnpackError::TooLarge) => bail!(
            "{} unpacks to more than the {} of RAM: use a larger -m",
            img.name,
            format_size(ram_size)
        ),
        Err(UnpackError::Signal) => bail!("{}: unpacking interrupted by a signal", img.name),
        Err(UnpackError::Corrupt(e)) => bail!(
            "{}: corrupt {} data ({e})",
            img.name,
            if gzip { "gzip" } else { "xz" }
        ),
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn gzip_images_are_unpacked_and_corrupt_ones_refused() {
        let mut img = Image {
            name: "k.gz".into(),
            bytes: gzip(b"kernel bytes"),
        };
        decompress(&mut img, 1 << 20).unwrap();
        assert_eq!(img.bytes, b"kernel bytes");
        let mut bad = Image {
            name: "bad.gz".into(),
            bytes: vec![0x1f, 0x8b, 8, 0, 1, 2, 3],
        };
        let e = decompress(&mut bad, 1 << 20).unwrap_err().to_string();
        assert!(e.contains("corrupt gzip data"), "{e}");
        let mut raw = Image {
            name: "raw".into(),
            bytes: vec![1, 2, 3],
        };
        decompress(&mut raw, 1 << 20).unwrap();
        assert_eq!(raw.bytes, vec![1, 2, 3]);
    }

    #[test]
    fn unpacking_stops_at_the_ram_size() {
        // 8 MiB of zeros does not fit in 4 MiB of RAM, and is refused before it is all out.
        let mut img = Image {
            name: "bomb.gz".into(),
            bytes: gzip(&vec![0u8; 8 << 20]),
        };
        let e = decompress(&mut img, 4 << 20).unwrap_err().to_string();
        assert!(
            e.contains("bomb.gz unpacks to more than the 4 MiB of RAM"),
            "{e}"
        );
        // Exactly the RAM size fits.
        let mut img = Image {
            name: "fits.gz".into(),
            bytes: gzip(&vec![0u8; 4 << 20]),
        };
        decompress(&mut img, 4 << 20).unwrap();
        assert_eq!(img.bytes.len(), 4 << 20);
        // An ELF file may be larger than RAM (symbols and debug information).
        let mut elf = b"\x7fELF".to_vec();
        elf.resize(6 << 20, 0);
        let mut img = Image {
            name: "vmlinux.gz".into(),
            bytes: gzip(&elf),
        };
        decompress(&mut img, 4 << 20).unwrap();
        assert_eq!(img.bytes.len(), 6 << 20);
    }
}
