//! Whole command lines, as the published recipes write them.

use super::options::{Bios, Format, Interface, SerialOut, VirtioSpec};
use super::*;

fn args(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

fn boot(s: &str) -> (VirtOptions, Report) {
    match parse(&args(s)) {
        (Some(Request::Boot(o)), r) => (*o, r),
        (other, r) => panic!("{s}: {other:?} {r:?}"),
    }
}

fn refused(s: &str) -> Vec<String> {
    let (_, r) = parse(&args(s));
    r.refusals.iter().map(|x| x.to_string()).collect()
}

#[test]
fn xv6_command_line() {
    let (o, r) = boot(
        "-machine virt -bios none -kernel kernel/kernel -m 128M -smp 3 -nographic \
         -global virtio-mmio.force-legacy=false \
         -drive file=fs.img,if=none,format=raw,id=x0 \
         -device virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0",
    );
    assert!(r.refusals.is_empty() && r.warnings.is_empty(), "{r:?}");
    assert_eq!(o.bios, Bios::None);
    assert_eq!(o.ram_size, Some(128 << 20));
    assert_eq!(o.harts, Some(3));
    assert!(!o.virtio_legacy);
    assert!(matches!(
        o.virtio[..],
        [VirtioSpec::Blk {
            drive: 0,
            slot: Some(0),
            ..
        }]
    ));
}

#[test]
fn opensbi_and_debian_disk_pattern() {
    // -device before the -drive it names, no if=, no format= (probed).
    let (o, r) = boot(
        "-M virt -m 256M -display none -serial stdio -kernel fw_jump.elf \
         -device virtio-blk-device,drive=hd0 -drive file=rootfs.img,id=hd0 \
         -object rng-random,filename=/dev/urandom,id=rng0 -device virtio-rng-device,rng=rng0 \
         -append root=/dev/vda",
    );
    assert!(r.refusals.is_empty() && r.warnings.is_empty(), "{r:?}");
    assert_eq!(o.drives[0].format, Format::Probe);
    assert_eq!(o.drives[0].interface, Interface::Default);
    assert_eq!(o.virtio.len(), 2);
    assert_eq!(o.serial, SerialOut::Stdio);
}

#[test]
fn the_last_of_repeated_options_wins_and_lists_accumulate() {
    let (o, _) = boot("-m 1G -m 512M -append a -append b -kernel k1 -machine kernel=k2 -smp cpus=4 -smp sockets=2");
    assert_eq!(o.ram_size, Some(512 << 20));
    assert_eq!(o.append.as_deref(), Some("b"));
    assert_eq!(o.kernel, Some(PathBuf::from("k2")));
    assert_eq!(o.harts, Some(4), "-smp lists merge, as on QEMU");
    let (o, _) = boot("-M virt -M dumpdtb=x.dtb -m 1G,maxmem=2G -m slots=1");
    assert_eq!(o.dumpdtb, Some(PathBuf::from("x.dtb")));
    assert_eq!(o.ram_size, Some(1 << 30));
}

#[test]
fn unclaimed_drive_without_if_is_not_a_disk_but_a_warning() {
    let (o, r) = boot("-hda b.img -drive file=a.img,format=raw");
    assert!(o.virtio.is_empty());
    assert_eq!(r.warnings.len(), 2, "{r:?}");
    assert!(r.warnings[1].contains("add if=virtio"));
    assert!(r.warnings[1].contains("drive=none1"), "{r:?}");
    // As on QEMU, a drive after it with no index cannot take index 0 again.
    assert!(refused("-drive file=a.img -hda b.img")[0].contains("index=0) exists"));
    let (o, r) = boot("-drive file=a.img,format=raw,if=virtio -device virtio-rng-device");
    assert!(r.warnings.is_empty());
    // QEMU creates the -device devices first.
    assert!(matches!(
        o.virtio[..],
        [VirtioSpec::Rng { .. }, VirtioSpec::Blk { .. }]
    ));
    let (o, _) = boot("-hda disk.img -device virtio-blk-device,drive=none0 -snapshot");
    assert!(o.drives[0].snapshot);
    assert_eq!(o.virtio.len(), 1);
}

#[test]
fn every_refused_option_is_listed() {
    let e = refused(
        "-netdev user,id=n0 -device virtio-net-device,netdev=n0 -frob -semihosting \
         -drive file=x.qcow2,format=qcow2 -m 12Q -smp 9 -machine virt,aia=aplic-imsic \
         -global foo.bar=1 -enable-kvm -device virtio-blk-device,drive=nope -kernel",
    );
    assert_eq!(e.len(), 12, "{e:#?}");
    for needle in [
        "-netdev user,id=n0: networking",
        "-device virtio-net-device,netdev=n0: virtio-net-device: networking",
        "-frob: unknown option",
        "-semihosting: RISC-V semihosting",
        "qcow2 images are not supported yet",
        "-m 12Q:",
        "-smp 9:",
        "APLIC",
        "-global foo.bar=1:",
        "-enable-kvm: KVM",
        "no -drive with id=nope",
        "-kernel: requires an argument",
    ] {
        assert!(e.iter().any(|l| l.contains(needle)), "{needle}: {e:#?}");
    }
}

#[test]
fn busy_buses_and_help() {
    let e = refused(
        "-device virtio-rng-device -drive file=d,if=none,id=a,format=raw \
         -device virtio-blk-device,drive=a,bus=virtio-mmio-bus.7",
    );
    assert!(e[0].contains("virtio-mmio-bus.7' is full"), "{e:?}");
    assert!(matches!(parse(&args("-help")).0, Some(Request::Print(_))));
    assert!(matches!(parse(&args("-M help")).0, Some(Request::Print(t)) if t.contains("virt")));
    assert!(
        matches!(parse(&args("-device help")).0, Some(Request::Print(t)) if t.contains("loader"))
    );
    let (o, r) = boot("--kernel=Image --append=-x -s");
    assert!(r.refusals.is_empty());
    assert_eq!(o.append.as_deref(), Some("-x"));
    assert_eq!(o.gdb.as_deref(), Some("tcp::1234"));
}
