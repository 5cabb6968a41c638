//! Every ROM on the JIT and on the interpreter side by side: both run the same budgets
//! (one block, then longer stretches through loops and chained regions), and the
//! architectural state after each stretch must be the same, since both engines stop
//! at the same block boundaries.

use gasang::BareMachine;

fn lockstep(name: &str) -> Result<(), String> {
    let bytes = std::fs::read(test_roms::rom(name)).unwrap();
    let mut a = BareMachine::new(&bytes, 64 << 20, Box::new(std::io::sink())).unwrap();
    let mut b = BareMachine::new(&bytes, 64 << 20, Box::new(std::io::sink())).unwrap();
    b.enable_jit(1, false).unwrap();
    for step in 0..100_000u64 {
        let pc = a.hart.core.pc;
        let budget = 1 + (step * 7919) % 300;
        let end = a.run_blocks(budget);
        b.run_blocks(budget);
        let (x, y) = (&a.hart.core, &b.hart.core);
        if x.x != y.x || x.pc != y.pc || x.instret != y.instret || x.mcause != y.mcause {
            let diff: Vec<String> = (0..32)
                .filter(|&r| x.x[r] != y.x[r])
                .map(|r| format!("x{r}: {:#x} vs {:#x}", x.x[r], y.x[r]))
                .collect();
            return Err(format!(
                "{name}: step {step} from pc {pc:#x}: interp pc {:#x} instret {} mcause {}, jit pc {:#x} instret {} mcause {}; {diff:?}",
                x.pc, x.instret, x.mcause, y.pc, y.instret, y.mcause
            ));
        }
        if end.is_some() {
            return Ok(());
        }
    }
    Ok(())
}

#[test]
fn every_rom_matches_the_interpreter_block_by_block() {
    let names = test_roms::roms_with_prefix("");
    let bad: Vec<String> = names
        .iter()
        .filter(|n| !n.starts_with("bench"))
        .filter_map(|n| lockstep(n).err())
        .collect();
    assert!(
        bad.is_empty(),
        "{} ROMs differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
