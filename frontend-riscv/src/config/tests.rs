//! `-cpu` parsing and what each configuration decodes, reports and lists.

use super::*;
use crate::decode::decode;

#[test]
fn default_is_svadu_with_adue_set_and_every_extension_on() {
    let c = CpuConfig::default();
    assert_eq!(c.menvcfg_reset(), MENVCFG_ADUE);
    assert_eq!(
        c.extensions(),
        [
            "m",
            "a",
            "f",
            "d",
            "c",
            "zicntr",
            "zicond",
            "zicsr",
            "zifencei",
            "zihintpause",
            "zba",
            "zbb",
            "zbs",
            "sdtrig",
            "sstc",
            "svadu"
        ]
    );
    assert_eq!(CpuConfig::parse_qemu("rv64"), Ok(c));
    assert_eq!(CpuConfig::parse_qemu("max,zba=on,c=true"), Ok(c));
    // RV64 IMAFDC S U.
    assert_eq!(c.misa(), (2 << 62) | 0x14112d);
}

#[test]
fn svade_turns_svadu_off_unless_asked_for() {
    let c = CpuConfig::parse_qemu("rv64,svade=on").unwrap();
    assert!(c.svade && !c.svadu);
    assert_eq!(c.menvcfg_reset(), 0);
    assert!(c.extensions().ends_with(&["svade"]));
    let both = CpuConfig::parse_qemu("rv64,svade=on,svadu=on").unwrap();
    assert!(both.svade && both.svadu);
    assert!(both.extensions().ends_with(&["svade", "svadu"]));
    let neither = CpuConfig::parse_qemu("max,svadu=off").unwrap();
    assert!(neither.svade && !neither.svadu);
}

#[test]
fn extensions_turn_off_in_qemu_spelling() {
    for spec in ["rv64,zba=off", "rv64,Zba=false", "rv64,ZBA=no"] {
        let c = CpuConfig::parse_qemu(spec).unwrap();
        assert!(!c.has(Ext::Zba) && c.has(Ext::Zbb), "{spec}");
        assert!(!c.extensions().contains(&"zba"), "{spec}");
    }
    let c = CpuConfig::parse_qemu("rv64,Zifencei=off,debug=off,sstc=off,zicond=off").unwrap();
    for e in [Ext::Zifencei, Ext::Sdtrig, Ext::Sstc, Ext::Zicond] {
        assert!(!c.has(e), "{e:?}");
    }
    assert_eq!(c.menvcfg_optional(), MENVCFG_ADUE, "no STCE without Sstc");
    let c = CpuConfig::parse_qemu("rv64,m=off,a=off,c=off").unwrap();
    assert_eq!(c.misa() & 0x3ff_ffff, 0x140128, "I F D S U");
    assert_eq!(c.ialign_mask(), 3);
}

#[test]
fn dependants_follow_unless_asked_for() {
    // f=off takes D along; zicsr=off takes F, D, the counters, Sstc and Sdtrig.
    let c = CpuConfig::parse_qemu("rv64,f=off").unwrap();
    assert!(!c.has(Ext::F) && !c.has(Ext::D));
    let c = CpuConfig::parse_qemu("rv64,Zicsr=off").unwrap();
    for e in [
        Ext::Zicsr,
        Ext::F,
        Ext::D,
        Ext::Zicntr,
        Ext::Sstc,
        Ext::Sdtrig,
    ] {
        assert!(!c.has(e), "{e:?}");
    }
    assert!(c.has(Ext::M));
    let e = CpuConfig::parse_qemu("rv64,f=off,d=on").unwrap_err();
    assert!(e.contains("'d' requires 'f'"), "{e}");
    let e = CpuConfig::parse_qemu("rv64,zicntr=off,sstc=on").unwrap_err();
    assert!(e.contains("'sstc' requires 'zicntr'"), "{e}");
}

#[test]
fn refusals_name_every_bad_part() {
    let e = CpuConfig::parse_qemu("sifive-u54").unwrap_err();
    assert!(e.contains("'sifive-u54'"), "{e}");
    let e = CpuConfig::parse_qemu("rv64,v=on,svade=maybe,foo=off,zicbom=on,s=off").unwrap_err();
    for part in [
        "'v' is not implemented",
        "svade=maybe",
        "'foo' is not supported",
    ] {
        assert!(e.contains(part), "{part}: {e}");
    }
    assert!(
        e.contains("'zicbom' is not implemented") && e.contains("'s' cannot"),
        "{e}"
    );
    // What the hart lacks is already off; what it always has is already on.
    assert_eq!(
        CpuConfig::parse_qemu("rv64,v=off,h=false,i=on,mmu=on"),
        Ok(CpuConfig::default())
    );
}

#[test]
fn instructions_of_an_extension_that_is_off_decode_as_illegal() {
    let on = CpuConfig::default();
    let cases = [
        ("rv64,zba=off", 0x20c5_a533, true),  // sh1add a0, a1, a2
        ("rv64,zba=off", 0x4000_0533, false), // sub: base ISA
        ("rv64,zbb=off", 0x4000_0533, false),
        ("rv64,zbb=off", 0x6005_1513, true),    // clz a0, a0
        ("rv64,zbs=off", 0x4805_1513, true),    // bclri a0, a0, 0
        ("rv64,m=off", 0x02c5_8533, true),      // mul a0, a1, a2
        ("rv64,a=off", 0x1005_252f, true),      // lr.w a0, (a0)
        ("rv64,zicond=off", 0x0ec5_d533, true), // czero.eqz
        ("rv64,d=off", 0x0000_3007, true),      // fld f0, 0(x0)
        ("rv64,d=off", 0x0000_2007, false),     // flw f0, 0(x0): F stays
        ("rv64,f=off", 0x0000_2007, true),
        ("rv64,c=off", 0x0000_0001, true),        // c.nop
        ("rv64,zifencei=off", 0x0000_100f, true), // fence.i
        ("rv64,zicsr=off", 0x3400_2573, true),    // csrr a0, mscratch
    ];
    for (spec, raw, illegal) in cases {
        let c = CpuConfig::parse_qemu(spec).unwrap();
        let inst = decode(raw);
        assert!(inst.is_valid(), "{raw:#x} decodes");
        assert_eq!(on.decodes(inst), inst);
        let got = c.decodes(inst);
        assert_eq!(!got.is_valid(), illegal, "{spec}: {raw:#x}");
        assert_eq!((got.raw, got.len), (inst.raw, inst.len));
    }
}
