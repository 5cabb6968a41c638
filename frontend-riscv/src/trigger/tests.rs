//! The trigger module's CSR rules and match logic, without a hart.

use super::*;

const T2: u64 = 2 << 60;
const T3: u64 = 3 << 60;
const T6: u64 = 6 << 60;
const M: u64 = 1 << 6;
const S: u64 = 1 << 4;
const U: u64 = 1 << 3;

fn load(va: u64, size: u64) -> DataAccess {
    DataAccess {
        va,
        size,
        load: true,
        store: false,
    }
}

fn store(va: u64, size: u64) -> DataAccess {
    DataAccess {
        va,
        size,
        load: false,
        store: true,
    }
}

/// Trigger `i` set to `tdata1`, `tdata2`.
fn set(t: &mut Triggers, i: u64, tdata1: u64, tdata2: u64) {
    t.set_tselect(i);
    t.set_tdata1(tdata1);
    t.set_tdata2(tdata2);
}

#[test]
fn reset_state_matches_nothing() {
    let t = Triggers::default();
    assert_eq!(t.tdata1(), T2);
    assert_eq!((t.tdata2(), t.tcontrol(), t.armed), (0, 0, 0));
}

#[test]
fn tselect_beyond_the_count_keeps_the_old_index() {
    let mut t = Triggers::default();
    t.set_tselect(1);
    for v in [2, 3, u64::MAX] {
        t.set_tselect(v);
        assert_eq!(t.tselect(), 1);
    }
}

#[test]
fn tdata1_keeps_supported_fields_only() {
    let mut t = Triggers::default();
    // mcontrol: everything set: type, modes, kinds, chain (trigger 0 may chain), hit
    // and a 64-bit size (sizehi:sizelo = 1:01) stay; dmode, maskmax, select, timing,
    // action and the NAPOT match (mcontrol has maskmax 0) do not.
    let all = 0x0fff_ffff_ffff_ffff & !(MATCH | MC_SIZEHI | MC_SIZELO);
    t.set_tdata1(T2 | all | (1 << 7) | (1 << 21) | (1 << 16));
    let v = t.tdata1();
    assert_eq!(v >> 60, 2);
    assert_eq!(v & 0x7f, 0x5f); // load, store, execute, u, s, m (bit 5 reads 0)
    assert_eq!(v & CHAIN, CHAIN);
    assert_eq!(v & MATCH, 0);
    assert_eq!(v & (MC_SIZEHI | MC_SIZELO), (1 << 21) | (1 << 16));
    assert_eq!(v & (0xf << 12 | 3 << 18 | 1 << 59), 0);
    assert_eq!(v & MC_HIT, MC_HIT);
    // A 48-bit size is not supported: size reads 0.
    t.set_tdata1(T2 | M | EXECUTE | (1 << 21));
    assert_eq!(t.tdata1(), T2 | M | EXECUTE);
    // mcontrol6 keeps NAPOT; vu, vs (no H), uncertain, hit1 read 0.
    t.set_tdata1(T6 | M | LOAD | (1 << 7) | (0xf << 23) | (1 << 5));
    assert_eq!(t.tdata1(), T6 | M | LOAD | (1 << 7));
    // The last trigger cannot chain.
    t.set_tselect(1);
    t.set_tdata1(T6 | M | LOAD | CHAIN);
    assert_eq!(t.tdata1(), T6 | M | LOAD);
}

#[test]
fn writing_zero_or_an_unsupported_type_disables() {
    let mut t = Triggers::default();
    set(&mut t, 0, T2 | M | EXECUTE, 0x1000);
    assert_eq!(t.armed, ARMED_EXEC);
    t.set_tdata1(0);
    assert_eq!(t.tdata1(), 15 << 60);
    assert_eq!(t.armed, 0);
    t.set_tdata1(4 << 60 | 0xfff);
    assert_eq!(t.tdata1(), 15 << 60);
}

#[test]
fn exec_trigger_needs_the_mode_bit_and_mte_in_m() {
    let mut t = Triggers::default();
    set(&mut t, 0, T2 | M | U | EXECUTE, 0x8000_0000);
    assert_eq!(t.exec_fires(0x8000_0000, 4, Priv::User), Some(0x8000_0000));
    assert_eq!(t.exec_fires(0x8000_0000, 4, Priv::Supervisor), None);
    assert_eq!(t.exec_fires(0x8000_0004, 4, Priv::User), None);
    assert_eq!(t.exec_fires(0x8000_0000, 4, Priv::Machine), None, "mte = 0");
    t.set_tcontrol(TCONTROL_MTE);
    assert!(t.exec_would_fire(0x8000_0000, 2, Priv::Machine));
    assert_eq!(
        t.exec_fires(0x8000_0000, 2, Priv::Machine),
        Some(0x8000_0000)
    );
    assert_eq!(t.tdata1() & MC_HIT, MC_HIT);
    // A load trigger is not an execute trigger.
    assert_eq!(t.data_fires(load(0x8000_0000, 4), Priv::User), None);
}

#[test]
fn traps_to_m_clear_mte_and_mret_restores_it() {
    let mut t = Triggers::default();
    t.set_tcontrol(u64::MAX);
    assert_eq!(t.tcontrol(), TCONTROL_MTE | TCONTROL_MPTE);
    t.set_tcontrol(TCONTROL_MTE);
    t.trap_to_machine();
    assert_eq!(t.tcontrol(), TCONTROL_MPTE);
    t.trap_to_machine();
    assert_eq!(t.tcontrol(), 0, "the nested trap saw mte = 0");
    t.set_tcontrol(TCONTROL_MPTE);
    t.mret();
    assert_eq!(t.tcontrol(), TCONTROL_MTE | TCONTROL_MPTE);
}

#[test]
fn data_triggers_compare_every_accessed_byte() {
    let mut t = Triggers::default();
    set(&mut t, 0, T6 | S | LOAD, 0x1003);
    let p = Priv::Supervisor;
    assert_eq!(t.data_fires(load(0x1000, 4), p), Some(0x1003));
    assert_eq!(t.data_fires(load(0x1000, 8), p), Some(0x1003));
    assert_eq!(t.data_fires(load(0x1004, 4), p), None);
    assert_eq!(t.data_fires(load(0x1000, 2), p), None);
    assert_eq!(t.data_fires(store(0x1003, 1), p), None, "a load trigger");
    // Size 3 (32-bit): only 32-bit accesses.
    set(&mut t, 0, T6 | S | LOAD | STORE | (3 << 16), 0x1000);
    assert_eq!(t.data_fires(store(0x1000, 4), p), Some(0x1000));
    assert_eq!(t.data_fires(store(0x1000, 8), p), None);
    assert_eq!(t.data_fires(load(0x1000, 1), p), None);
}

#[test]
fn match_types() {
    let mut t = Triggers::default();
    let p = Priv::User;
    let fires = |t: &mut Triggers, a: u64| t.exec_fires(a, 4, p).is_some();
    // NAPOT: 0x1000..0x1100 (tdata2 = base | (size/2 - 1)).
    set(&mut t, 0, T6 | U | EXECUTE | (1 << 7), 0x107f);
    assert!(fires(&mut t, 0x1000) && fires(&mut t, 0x10fc));
    assert!(!fires(&mut t, 0x0ffc) && !fires(&mut t, 0x1100));
    // Not NAPOT.
    set(&mut t, 0, T6 | U | EXECUTE | (9 << 7), 0x107f);
    assert!(!fires(&mut t, 0x1000) && fires(&mut t, 0x1100));
    // >= and <.
    set(&mut t, 0, T2 | U | EXECUTE | (2 << 7), 0x2000);
    assert!(fires(&mut t, 0x2000) && !fires(&mut t, 0x1ffe));
    set(&mut t, 0, T2 | U | EXECUTE | (3 << 7), 0x2000);
    assert!(!fires(&mut t, 0x2000) && fires(&mut t, 0x1ffe));
    // Not equal.
    set(&mut t, 0, T2 | U | EXECUTE | (8 << 7), 0x2000);
    assert!(!fires(&mut t, 0x2000) && fires(&mut t, 0x2002));
    // Mask low: low 32 bits ANDed with tdata2[63:32] equal tdata2[31:0].
    set(
        &mut t,
        0,
        T6 | U | EXECUTE | (4 << 7),
        0x0000_ff00_0000_1200,
    );
    assert!(fires(&mut t, 0x7_0000_12ab) && !fires(&mut t, 0x1300));
    // Mask high.
    set(
        &mut t,
        0,
        T6 | U | EXECUTE | (5 << 7),
        0xffff_ffff_0000_0007,
    );
    assert!(fires(&mut t, 0x7_0000_0000) && !fires(&mut t, 0x6_0000_0000));
    // NAPOT tdata2 WARL: bits 62:0 all ones read back with bit 62 clear (maskmax6 63).
    set(&mut t, 0, T6 | U | EXECUTE | (1 << 7), u64::MAX);
    assert_eq!(t.tdata2(), !(1 << 62));
}

#[test]
fn a_chain_fires_only_when_every_trigger_matches() {
    let mut t = Triggers::default();
    let p = Priv::User;
    // [0x3000, 0x3010): >= 0x3000 chained with < 0x3010.
    set(&mut t, 0, T6 | U | LOAD | CHAIN | (2 << 7), 0x3000);
    set(&mut t, 1, T6 | U | LOAD | (3 << 7), 0x3010);
    assert_eq!(t.data_fires(load(0x3008, 8), p), Some(0x3008));
    assert_eq!(t.data_fires(load(0x2ff8, 8), p), None);
    assert_eq!(t.data_fires(load(0x3010, 1), p), None);
    // Both hit bits are set.
    t.set_tselect(0);
    assert_ne!(t.tdata1() & MC6_HIT0, 0);
    t.set_tselect(1);
    assert_ne!(t.tdata1() & MC6_HIT0, 0);
    // Without the chain, trigger 1 alone fires below 0x3010.
    t.set_tselect(0);
    t.set_tdata1(T6 | U | LOAD | (2 << 7));
    assert_eq!(t.data_fires(load(0x2ff8, 8), p), Some(0x2ff8));
}

#[test]
fn icount_counts_retired_instructions_in_enabled_modes() {
    let mut t = Triggers::default();
    t.set_tdata1(T3 | U | (1 << 6) | (2 << IC_COUNT_SHIFT));
    assert_eq!(t.tdata1(), T3 | (1 << 6) | (2 << IC_COUNT_SHIFT));
    assert_eq!(t.armed, ARMED_ICOUNT);
    // The write itself does not count.
    t.icount_retired(Priv::User);
    assert_eq!((t.tdata1() & IC_COUNT) >> IC_COUNT_SHIFT, 2);
    t.start_instruction();
    t.icount_retired(Priv::Machine); // not enabled in M
    t.icount_trap(Priv::User); // a trap from U counts
    assert_eq!((t.tdata1() & IC_COUNT) >> IC_COUNT_SHIFT, 1);
    assert!(!t.icount_fires(Priv::User));
    t.start_instruction();
    t.icount_retired(Priv::User);
    assert_eq!(t.tdata1() & (IC_COUNT | IC_PENDING), IC_PENDING);
    // Pending fires only in an enabled mode.
    assert!(!t.icount_fires(Priv::Machine));
    assert!(t.icount_fires(Priv::User));
    assert_eq!(t.tdata1(), T3 | (1 << 6) | IC_HIT);
    assert_eq!(t.armed, 0, "count 0, not pending: disarmed");
}

#[test]
fn icount_in_m_counts_by_mte_at_fetch() {
    let mut t = Triggers::default();
    t.set_tdata1(T3 | (1 << 9) | (1 << IC_COUNT_SHIFT));
    t.set_tcontrol(TCONTROL_MPTE);
    // An mret fetched with mte = 0 restores mte = 1 as it runs: it does not count.
    t.start_instruction();
    t.mret();
    t.icount_retired(Priv::Machine);
    assert_eq!(t.tdata1() & IC_PENDING, 0);
    t.start_instruction();
    t.icount_retired(Priv::Machine);
    assert_eq!(t.tdata1() & IC_PENDING, IC_PENDING);
    assert!(t.icount_fires(Priv::Machine));
}
