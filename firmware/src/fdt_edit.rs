//! A device tree given by the user (`-dtb FILE`), with QEMU's changes: QEMU's virt board
//! uses the file instead of its own tree, but still sets `/chosen/bootargs` from
//! `-append` and the initrd range from `-initrd` (hw/riscv/virt.c, boot.c). The blob is
//! read into nodes and properties and written again with `vm-fdt`.

use thiserror::Error;
use vm_fdt::FdtWriter;

/// Why a device tree blob cannot be used.
#[derive(Debug, Error)]
pub enum DtbError {
    /// Not a flattened device tree, or a damaged one.
    #[error("not a valid device tree blob: {0}")]
    Invalid(&'static str),
    /// Writing the edited tree failed.
    #[error("cannot rebuild the device tree: {0}")]
    Write(String),
}

#[derive(Debug, Default)]
struct Node {
    name: String,
    props: Vec<(String, Vec<u8>)>,
    children: Vec<Node>,
}

fn be32(b: &[u8], at: usize) -> Result<u32, DtbError> {
    b.get(at..at + 4)
        .map(|x| u32::from_be_bytes(x.try_into().unwrap_or([0; 4])))
        .ok_or(DtbError::Invalid("truncated"))
}

fn cstr(b: &[u8], at: usize) -> Result<String, DtbError> {
    let rest = b.get(at..).ok_or(DtbError::Invalid("bad string offset"))?;
    let end = rest
        .iter()
        .position(|&c| c == 0)
        .ok_or(DtbError::Invalid("unterminated string"))?;
    String::from_utf8(rest[..end].to_vec()).map_err(|_| DtbError::Invalid("bad name"))
}

const BEGIN_NODE: u32 = 1;
const END_NODE: u32 = 2;
const PROP: u32 = 3;
const NOP: u32 = 4;
const END: u32 = 9;

fn parse(blob: &[u8]) -> Result<(Node, Vec<(u64, u64)>), DtbError> {
    if be32(blob, 0)? != 0xd00d_feed {
        return Err(DtbError::Invalid("no FDT magic"));
    }
    let total = be32(blob, 4)? as usize;
    let blob = blob.get(..total).ok_or(DtbError::Invalid("truncated"))?;
    let structs = be32(blob, 8)? as usize;
    let strings = be32(blob, 12)? as usize;
    let rsv = be32(blob, 16)? as usize;
    let mut reserved = Vec::new();
    let mut at = rsv;
    loop {
        let addr = (be32(blob, at)? as u64) << 32 | be32(blob, at + 4)? as u64;
        let size = (be32(blob, at + 8)? as u64) << 32 | be32(blob, at + 12)? as u64;
        at += 16;
        if addr == 0 && size == 0 {
            break;
        }
        reserved.push((addr, size));
    }
    let mut stack: Vec<Node> = Vec::new();
    let mut root = None;
    let mut at = structs;
    loop {
        let token = be32(blob, at)?;
        at += 4;
        match token {
            BEGIN_NODE => {
                let name = cstr(blob, at)?;
                at = (at + name.len() + 1 + 3) & !3;
                stack.push(Node {
                    name,
                    ..Default::default()
                });
            }
            PROP => {
                let len = be32(blob, at)? as usize;
                let name = cstr(blob, strings + be32(blob, at + 4)? as usize)?;
                let data = blob
                    .get(at + 8..at + 8 + len)
                    .ok_or(DtbError::Invalid("truncated property"))?;
                stack
                    .last_mut()
                    .ok_or(DtbError::Invalid("property outside a node"))?
                    .props
                    .push((name, data.to_vec()));
                at = (at + 8 + len + 3) & !3;
            }
            END_NODE => {
                let n = stack.pop().ok_or(DtbError::Invalid("unbalanced nodes"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(n),
                    None => root = Some(n),
                }
            }
            NOP => {}
            END => break,
            _ => return Err(DtbError::Invalid("unknown token")),
        }
    }
    Ok((root.ok_or(DtbError::Invalid("no root node"))?, reserved))
}

fn write(f: &mut FdtWriter, n: &Node) -> Result<(), vm_fdt::Error> {
    let node = f.begin_node(&n.name)?;
    for (k, v) in &n.props {
        f.property(k, v)?;
    }
    for c in &n.children {
        write(f, c)?;
    }
    f.end_node(node)
}

fn set(node: &mut Node, key: &str, value: Vec<u8>) {
    match node.props.iter_mut().find(|(k, _)| k == key) {
        Some(p) => p.1 = value,
        None => node.props.push((key.to_string(), value)),
    }
}

/// `blob` with `/chosen/bootargs` set to `bootargs` and the initrd range set, when given
/// (`/chosen` is added if missing).
pub fn apply_chosen(
    blob: &[u8],
    bootargs: Option<&str>,
    initrd: Option<(u64, u64)>,
) -> Result<Vec<u8>, DtbError> {
    let (mut root, reserved) = parse(blob)?;
    if bootargs.is_some() || initrd.is_some() {
        if !root.children.iter().any(|c| c.name == "chosen") {
            root.children.push(Node {
                name: "chosen".into(),
                ..Default::default()
            });
        }
        let chosen = root
            .children
            .iter_mut()
            .find(|c| c.name == "chosen")
            .expect("just added");
        if let Some(a) = bootargs {
            let mut v = a.as_bytes().to_vec();
            v.push(0);
            set(chosen, "bootargs", v);
        }
        if let Some((s, e)) = initrd {
            set(chosen, "linux,initrd-start", s.to_be_bytes().to_vec());
            set(chosen, "linux,initrd-end", e.to_be_bytes().to_vec());
        }
    }
    let rsv: Vec<vm_fdt::FdtReserveEntry> = reserved
        .iter()
        .filter_map(|&(a, s)| vm_fdt::FdtReserveEntry::new(a, s).ok())
        .collect();
    let mut f = FdtWriter::new_with_mem_reserv(&rsv).map_err(|e| DtbError::Write(e.to_string()))?;
    write(&mut f, &root).map_err(|e| DtbError::Write(e.to_string()))?;
    f.finish().map_err(|e| DtbError::Write(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fdt::{build_fdt, BoardDescription, VIRT_LAYOUT};

    #[test]
    fn a_generated_tree_survives_and_gets_new_bootargs() {
        let b = BoardDescription {
            ram_base: 0x8000_0000,
            ram_size: 128 << 20,
            harts: 2,
            isa_extensions: vec!["i".into(), "m".into()],
            mmu_type: "sv39".into(),
            timebase_hz: 10_000_000,
            bootargs: Some("old".into()),
            initrd: None,
            rng_seed: vec![1; 8],
            layout: VIRT_LAYOUT,
        };
        let blob = build_fdt(&b).unwrap();
        let same = apply_chosen(&blob, None, None).unwrap();
        assert_eq!(same, blob, "read and written again, byte for byte");
        let edited = apply_chosen(
            &blob,
            Some("console=ttyS0"),
            Some((0x8800_0000, 0x8810_0000)),
        )
        .unwrap();
        let (root, _) = parse(&edited).unwrap();
        let chosen = root.children.iter().find(|c| c.name == "chosen").unwrap();
        let get = |k: &str| chosen.props.iter().find(|(n, _)| n == k).unwrap().1.clone();
        assert_eq!(get("bootargs"), b"console=ttyS0\0");
        assert_eq!(get("linux,initrd-end"), 0x8810_0000u64.to_be_bytes());
        assert!(apply_chosen(b"not a dtb at all", None, None).is_err());
        assert!(apply_chosen(&blob[..blob.len() / 2], None, None).is_err());
    }
}
