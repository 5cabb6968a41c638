//! The generated device tree: `--dumpdtb` writes it, and `dtc` decompiles it cleanly
//! with the devices, harts, ISA and `/chosen` the machine was given.

use std::process::Command;

fn dump(args: &[&str], name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("gasang-dtb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dtb = dir.join(name);
    let o = Command::new(env!("CARGO_BIN_EXE_gasang"))
        .args(args)
        .arg("--dumpdtb")
        .arg(&dtb)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::new("dtc")
        .args(["-I", "dtb", "-O", "dts"])
        .arg(&dtb)
        .output()
        .expect("dtc runs (scripts/test.sh installs device-tree-compiler)");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && err.trim().is_empty(), "dtc: {err}");
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn dtc_decompiles_the_device_tree_cleanly() {
    // A stand-in M-mode kernel: `j .`.
    let kernel = std::env::temp_dir().join(format!("gasang-dtb-k-{}", std::process::id()));
    std::fs::write(&kernel, 0x0000_006fu32.to_le_bytes()).unwrap();
    let dts = dump(
        &[
            "-bios",
            "none",
            "-kernel",
            kernel.to_str().unwrap(),
            "-m",
            "512M",
            "-smp",
            "4",
            "-append",
            "console=ttyS0 quiet",
        ],
        "a.dtb",
    );
    for needle in [
        "reg = <0x00 0x80000000 0x00 0x20000000>;",
        "cpu@3 {",
        "riscv,isa = \"rv64ima",
        "_zicsr_zifencei",
        "bootargs = \"console=ttyS0 quiet\";",
        "stdout-path = \"/soc/serial@10000000\";",
        "compatible = \"ns16550a\";",
        "compatible = \"virtio,mmio\";",
        "riscv,ndev = <0x5f>;",
        "timebase-frequency = <0x989680>;",
        "compatible = \"google,goldfish-rtc\";",
        "compatible = \"syscon-poweroff\";",
    ] {
        assert!(dts.contains(needle), "{needle} missing from:\n{dts}");
    }
    assert!(!dts.contains("cpu@4"));
}

#[test]
fn isa_names_the_a_d_scheme_the_cpu_option_selects() {
    let kernel = std::env::temp_dir().join(format!("gasang-dtb-k2-{}", std::process::id()));
    std::fs::write(&kernel, 0x0000_006fu32.to_le_bytes()).unwrap();
    let k = kernel.to_str().unwrap();
    let isa = |cpu: Option<&str>, name: &str| {
        let mut args = vec!["-bios", "none", "-kernel", k];
        if let Some(c) = cpu {
            args.extend(["-cpu", c]);
        }
        let dts = dump(&args, name);
        dts.lines()
            .find(|l| l.trim_start().starts_with("riscv,isa = "))
            .unwrap_or_else(|| panic!("no riscv,isa in:\n{dts}"))
            .to_string()
    };
    let default = isa(None, "d.dtb");
    assert!(
        default.contains("_svadu") && !default.contains("svade"),
        "{default}"
    );
    let svade = isa(Some("rv64,svade=on"), "e.dtb");
    assert!(
        svade.contains("_svade") && !svade.contains("svadu"),
        "{svade}"
    );
}

#[test]
fn isa_lists_the_extensions_that_are_on() {
    let kernel = std::env::temp_dir().join(format!("gasang-dtb-k3-{}", std::process::id()));
    std::fs::write(&kernel, 0x0000_006fu32.to_le_bytes()).unwrap();
    let k = kernel.to_str().unwrap();
    let props = |cpu: &str, name: &str| {
        let dts = dump(&["-bios", "none", "-kernel", k, "-cpu", cpu], name);
        let line = |key: &str| {
            dts.lines()
                .find(|l| l.trim_start().starts_with(key))
                .unwrap_or_else(|| panic!("no {key} in:\n{dts}"))
                .trim()
                .to_string()
        };
        // dtc prints the string list as "i\0m\0...".
        let list = line("riscv,isa-extensions = ");
        let list: Vec<String> = list
            .trim_start_matches("riscv,isa-extensions = \"")
            .trim_end_matches("\";")
            .split("\\0")
            .map(str::to_string)
            .collect();
        (line("riscv,isa = "), list)
    };
    let (isa, list) = props("rv64", "f.dtb");
    assert_eq!(
        isa,
        "riscv,isa = \"rv64imafdc_zicntr_zicond_zicsr_zifencei_zihintpause_zba_zbb_zbs_sdtrig_sstc_svadu\";"
    );
    for e in ["i", "c", "zba", "sdtrig", "sstc"] {
        assert!(list.iter().any(|x| x == e), "{e} in {list:?}");
    }
    let (isa, list) = props("rv64,c=off,zba=off,debug=off,f=off,sstc=off", "g.dtb");
    assert_eq!(
        isa,
        "riscv,isa = \"rv64ima_zicntr_zicond_zicsr_zifencei_zihintpause_zbb_zbs_svadu\";"
    );
    for e in ["c", "f", "d", "zba", "sdtrig", "sstc"] {
        assert!(!list.iter().any(|x| x == e), "{e} in {list:?}");
    }
    assert!(list.iter().any(|x| x == "zbb"), "{list:?}");
}
