//! Reading boot images from files: decompression of gzip and xz images, and the
//! bundled default images in `firmware/images/`.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use firmware::boot::Image;

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
    read_image(&path)
}

/// Reads an image file, decompressing it if it is gzip or xz compressed (an initrd keeps
/// its compression: the kernel unpacks it itself).
pub fn read_image(path: &Path) -> Result<Image> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.is_empty() {
        bail!("{} is empty", path.display());
    }
    Ok(Image {
        name: path.display().to_string(),
        bytes,
    })
}

/// Decompresses a gzip or xz image in place; other images are left alone.
pub fn decompress(img: &mut Image) -> Result<()> {
    if img.bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&img.bytes[..])
            .read_to_end(&mut out)
            .with_context(|| format!("{}: corrupt gzip data", img.name))?;
        img.bytes = out;
    } else if img.bytes.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        let mut out = Vec::new();
        lzma_rs::xz_decompress(&mut &img.bytes[..], &mut out)
            .map_err(|e| anyhow::anyhow!("{}: corrupt xz data: {e:?}", img.name))?;
        img.bytes = out;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gzip_images_are_unpacked_and_corrupt_ones_refused() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"kernel bytes").unwrap();
        let mut img = Image {
            name: "k.gz".into(),
            bytes: enc.finish().unwrap(),
        };
        decompress(&mut img).unwrap();
        assert_eq!(img.bytes, b"kernel bytes");
        let mut bad = Image {
            name: "bad.gz".into(),
            bytes: vec![0x1f, 0x8b, 8, 0, 1, 2, 3],
        };
        assert!(decompress(&mut bad).is_err());
        let mut raw = Image {
            name: "raw".into(),
            bytes: vec![1, 2, 3],
        };
        decompress(&mut raw).unwrap();
        assert_eq!(raw.bytes, vec![1, 2, 3]);
    }
}
