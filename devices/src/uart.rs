//! The NS16550A UART of the virt board (QEMU's `serial`, Linux's 8250 driver, OpenSBI's
//! and U-Boot's `ns16550` drivers), with `reg-shift` 0: eight byte-wide registers at
//! offsets 0..=7.
//!
//! | offset | read (DLAB = 0) | write (DLAB = 0) | DLAB = 1 |
//! | --- | --- | --- | --- |
//! | 0 | RBR: receive buffer | THR: transmit holding | DLL: divisor low |
//! | 1 | IER: interrupt enable | IER | DLM: divisor high |
//! | 2 | IIR: interrupt identification | FCR: FIFO control | (same as DLAB = 0) |
//! | 3 | LCR: line control (bit 7 = DLAB) | LCR | |
//! | 4 | MCR: modem control | MCR | |
//! | 5 | LSR: line status | (ignored) | |
//! | 6 | MSR: modem status | (ignored) | |
//! | 7 | SCR: scratch | SCR | |
//!
//! Transmission is instantaneous: a byte written to THR goes straight to the output (or,
//! in loopback mode, to the receiver), so THR and the transmitter are always empty
//! (LSR.THRE and LSR.TEMT always read 1). The divisor and line format are stored but
//! have no effect.
//!
//! Receiver: a 16-byte FIFO when FCR bit 0 is set, a single holding register otherwise.
//! Console input waits in [`UartInput`] until the receiver has room (the host side never
//! overruns the guest); a receive overrun (LSR.OE) can only come from loopback.
//!
//! Interrupts (IIR, highest priority first), each gated by its IER bit:
//!
//! | IIR id | source | cleared by |
//! | --- | --- | --- |
//! | 0x6 | receiver line status: LSR.OE set | reading LSR |
//! | 0x4 | RX data available: FIFO at or above the trigger level (or any data, FIFO off) | reading RBR |
//! | 0xc | RX character timeout: data below the trigger level (reported at once) | reading RBR |
//! | 0x2 | THR empty | reading IIR when it is the source, or writing THR |
//! | 0x0 | modem status: an MSR delta bit set | reading MSR |
//!
//! THR-empty state machine (as on the real chip and QEMU): the interrupt becomes pending
//! when the transmitter empties (after every THR write here, since transmission is
//! instant), when IER.ETBEI goes from 0 to 1 (THR being empty), and when FCR resets the
//! TX FIFO; it stops being pending when IIR is read with THR-empty as the reported
//! source, or when ETBEI is cleared. Linux's start-up test relies on the 0→1 rule.
//!
//! The interrupt output is one [`IrqLine`] (IRQ 10 on the virt board): high while IIR
//! reports an interrupt. As on QEMU, MCR.OUT2 does not gate it.
//!
//! Access widths: Linux, OpenSBI, U-Boot and xv6 use byte accesses. QEMU's `serial-mm`
//! also accepts 2-, 4- and 8-byte accesses (naturally aligned, inside the 8 registers),
//! acting on the register at the access offset with the low byte of the value; so does
//! this model, so that images which work on QEMU work here.

use std::collections::VecDeque;
use std::io::Write;
use std::sync::{Arc, Mutex, MutexGuard};

use emu_core::{BusError, IrqLine, MmioDevice};

/// Size of the UART's MMIO window on the virt board (only offsets 0..=7 are registers).
pub const UART_SIZE: u64 = 0x100;
/// Depth of the receive FIFO.
pub const UART_FIFO_SIZE: usize = 16;
/// Number of registers (offsets 0..=7).
const NUM_REGS: u64 = 8;

// Register offsets.
const RBR_THR_DLL: u64 = 0;
const IER_DLM: u64 = 1;
const IIR_FCR: u64 = 2;
const LCR: u64 = 3;
const MCR: u64 = 4;
const LSR: u64 = 5;
const MSR: u64 = 6;
const SCR: u64 = 7;

// IER bits.
const IER_RDI: u8 = 0x01; // received data available
const IER_THRI: u8 = 0x02; // THR empty
const IER_RLSI: u8 = 0x04; // receiver line status
const IER_MSI: u8 = 0x08; // modem status
const IER_MASK: u8 = 0x0f;

// IIR values (bits 3:0) and the FIFO-enabled flags (bits 7:6).
const IIR_NO_INT: u8 = 0x01;
const IIR_MSI: u8 = 0x00;
const IIR_THRI: u8 = 0x02;
const IIR_RDI: u8 = 0x04;
const IIR_RLSI: u8 = 0x06;
const IIR_RX_TIMEOUT: u8 = 0x0c;
const IIR_FIFOS_ENABLED: u8 = 0xc0;

// FCR bits.
const FCR_ENABLE: u8 = 0x01;
const FCR_CLEAR_RX: u8 = 0x02;
const FCR_CLEAR_TX: u8 = 0x04;
const FCR_TRIGGER: u8 = 0xc0;

// LCR bits.
const LCR_DLAB: u8 = 0x80;

// MCR bits.
const MCR_DTR: u8 = 0x01;
const MCR_RTS: u8 = 0x02;
const MCR_OUT1: u8 = 0x04;
const MCR_OUT2: u8 = 0x08;
const MCR_LOOP: u8 = 0x10;
const MCR_MASK: u8 = 0x1f;

// LSR bits.
const LSR_DR: u8 = 0x01;
const LSR_OE: u8 = 0x02;
const LSR_THRE: u8 = 0x20;
const LSR_TEMT: u8 = 0x40;
/// The error bits that reading LSR clears (OE, PE, FE, BI); only OE can occur here.
const LSR_ERRORS: u8 = 0x1e;

// MSR bits: deltas (3:0) and line states (7:4).
const MSR_DCTS: u8 = 0x01;
const MSR_DDSR: u8 = 0x02;
const MSR_TERI: u8 = 0x04;
const MSR_DDCD: u8 = 0x08;
const MSR_CTS: u8 = 0x10;
const MSR_DSR: u8 = 0x20;
const MSR_RI: u8 = 0x40;
const MSR_DCD: u8 = 0x80;
/// Line states without loopback: a terminal is attached (as QEMU reports).
const MSR_CONNECTED: u8 = MSR_CTS | MSR_DSR | MSR_DCD;

/// Console input waiting for the UART: the machine's console thread pushes bytes, the
/// UART takes them when its receiver has room (in [`MmioDevice::poll`] and after each
/// RBR read).
#[derive(Debug, Default)]
pub struct UartInput {
    queue: Mutex<VecDeque<u8>>,
}

impl UartInput {
    /// An empty input queue.
    pub fn new() -> Arc<Self> {
        Arc::new(UartInput::default())
    }

    /// Queues `bytes` for the guest.
    pub fn push(&self, bytes: &[u8]) {
        self.lock().extend(bytes);
    }

    /// Bytes waiting.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no byte is waiting.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> MutexGuard<'_, VecDeque<u8>> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The NS16550A.
pub struct Uart {
    output: Box<dyn Write + Send>,
    input: Arc<UartInput>,
    irq: IrqLine,
    /// Last level driven on `irq`.
    irq_level: bool,
    /// Receive FIFO (at most one byte while the FIFOs are disabled).
    rx: VecDeque<u8>,
    ier: u8,
    /// FIFO enable and trigger bits as last written to FCR.
    fcr: u8,
    lcr: u8,
    mcr: u8,
    /// Sticky LSR error bits (cleared by reading LSR).
    lsr_errors: u8,
    /// MSR line states (bits 7:4).
    msr_lines: u8,
    /// MSR delta bits (bits 3:0, cleared by reading MSR).
    msr_deltas: u8,
    scr: u8,
    dll: u8,
    dlm: u8,
    /// THR-empty interrupt pending (see the module docs).
    thr_pending: bool,
}

impl std::fmt::Debug for Uart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Uart")
            .field("irq", &self.irq)
            .field("rx", &self.rx)
            .field("ier", &self.ier)
            .field("fcr", &self.fcr)
            .field("lcr", &self.lcr)
            .field("mcr", &self.mcr)
            .field("lsr_errors", &self.lsr_errors)
            .field("msr", &(self.msr_lines | self.msr_deltas))
            .field("thr_pending", &self.thr_pending)
            .finish()
    }
}

impl Uart {
    /// A UART in its reset state that writes transmitted bytes to `output` (flushed after
    /// every byte, so prompts without a newline show up), takes received bytes from
    /// `input`, and drives `irq`.
    pub fn new(output: Box<dyn Write + Send>, input: Arc<UartInput>, irq: IrqLine) -> Self {
        Uart {
            output,
            input,
            irq,
            irq_level: false,
            rx: VecDeque::with_capacity(UART_FIFO_SIZE),
            ier: 0,
            fcr: 0,
            lcr: 0,
            mcr: 0,
            lsr_errors: 0,
            msr_lines: MSR_CONNECTED,
            msr_deltas: 0,
            scr: 0,
            dll: 0x0c,
            dlm: 0,
            thr_pending: false,
        }
    }

    fn fifo_enabled(&self) -> bool {
        self.fcr & FCR_ENABLE != 0
    }

    fn loopback(&self) -> bool {
        self.mcr & MCR_LOOP != 0
    }

    fn dlab(&self) -> bool {
        self.lcr & LCR_DLAB != 0
    }

    /// Bytes the receiver holds at most.
    fn rx_capacity(&self) -> usize {
        if self.fifo_enabled() {
            UART_FIFO_SIZE
        } else {
            1
        }
    }

    /// The RX FIFO level that raises "data available" (FCR bits 7:6).
    fn rx_trigger(&self) -> usize {
        match self.fcr >> 6 {
            0 => 1,
            1 => 4,
            2 => 8,
            _ => 14,
        }
    }

    /// The interrupt IIR reports (bits 3:0), by priority.
    fn interrupt_id(&self) -> u8 {
        if self.ier & IER_RLSI != 0 && self.lsr_errors != 0 {
            IIR_RLSI
        } else if self.ier & IER_RDI != 0 && !self.rx.is_empty() {
            // With the FIFO on, data below the trigger level would raise the timeout
            // interrupt after four character times; a console wants it at once.
            if self.fifo_enabled() && self.rx.len() < self.rx_trigger() {
                IIR_RX_TIMEOUT
            } else {
                IIR_RDI
            }
        } else if self.ier & IER_THRI != 0 && self.thr_pending {
            IIR_THRI
        } else if self.ier & IER_MSI != 0 && self.msr_deltas != 0 {
            IIR_MSI
        } else {
            IIR_NO_INT
        }
    }

    /// Drives the interrupt line if its level changed.
    fn update_irq(&mut self) {
        let level = self.interrupt_id() != IIR_NO_INT;
        if level != self.irq_level {
            self.irq_level = level;
            self.irq.set(level);
        }
    }

    /// A byte arrives at the receiver. A full FIFO keeps its contents and loses the new
    /// byte; a full holding register (FIFO off) is overwritten. Both set LSR.OE.
    fn receive(&mut self, byte: u8) {
        if self.rx.len() < self.rx_capacity() {
            self.rx.push_back(byte);
            return;
        }
        self.lsr_errors |= LSR_OE;
        if !self.fifo_enabled() {
            self.rx.clear();
            self.rx.push_back(byte);
        }
    }

    /// Moves console input into the receiver while it has room (not in loopback mode,
    /// where the receiver is disconnected from the outside).
    fn take_input(&mut self) {
        if self.loopback() {
            return;
        }
        let room = self.rx_capacity().saturating_sub(self.rx.len());
        if room == 0 {
            return;
        }
        let mut queue = self.input.lock();
        let n = room.min(queue.len());
        self.rx.extend(queue.drain(..n));
    }

    /// A byte written to THR: out to the console, or back to the receiver in loopback.
    fn transmit(&mut self, byte: u8) {
        if self.loopback() {
            self.receive(byte);
        } else {
            // A console that went away must not stop the guest.
            let _ = self.output.write_all(&[byte]);
            let _ = self.output.flush();
        }
        // Writing THR clears the THR-empty interrupt; the (instant) transmission then
        // empties THR again, which sets it.
        self.thr_pending = true;
    }

    /// Recomputes the MSR line states from the outside world (or from MCR in loopback)
    /// and records which changed in the delta bits.
    fn update_modem_lines(&mut self) {
        let new = if self.loopback() {
            let mut lines = 0;
            if self.mcr & MCR_RTS != 0 {
                lines |= MSR_CTS;
            }
            if self.mcr & MCR_DTR != 0 {
                lines |= MSR_DSR;
            }
            if self.mcr & MCR_OUT1 != 0 {
                lines |= MSR_RI;
            }
            if self.mcr & MCR_OUT2 != 0 {
                lines |= MSR_DCD;
            }
            lines
        } else {
            MSR_CONNECTED
        };
        let changed = new ^ self.msr_lines;
        if changed & MSR_CTS != 0 {
            self.msr_deltas |= MSR_DCTS;
        }
        if changed & MSR_DSR != 0 {
            self.msr_deltas |= MSR_DDSR;
        }
        // TERI: trailing edge of RI only.
        if changed & MSR_RI != 0 && new & MSR_RI == 0 {
            self.msr_deltas |= MSR_TERI;
        }
        if changed & MSR_DCD != 0 {
            self.msr_deltas |= MSR_DDCD;
        }
        self.msr_lines = new;
    }

    fn read_reg(&mut self, reg: u64) -> u8 {
        match reg {
            RBR_THR_DLL if self.dlab() => self.dll,
            RBR_THR_DLL => {
                let byte = self.rx.pop_front().unwrap_or(0);
                self.take_input();
                self.update_irq();
                byte
            }
            IER_DLM if self.dlab() => self.dlm,
            IER_DLM => self.ier,
            IIR_FCR => {
                let id = self.interrupt_id();
                if id == IIR_THRI {
                    self.thr_pending = false;
                    self.update_irq();
                }
                let fifos = if self.fifo_enabled() {
                    IIR_FIFOS_ENABLED
                } else {
                    0
                };
                id | fifos
            }
            LCR => self.lcr,
            MCR => self.mcr,
            LSR => {
                let mut lsr = LSR_THRE | LSR_TEMT | self.lsr_errors;
                if !self.rx.is_empty() {
                    lsr |= LSR_DR;
                }
                self.lsr_errors &= !LSR_ERRORS;
                self.update_irq();
                lsr
            }
            MSR => {
                let msr = self.msr_lines | self.msr_deltas;
                self.msr_deltas = 0;
                self.update_irq();
                msr
            }
            SCR => self.scr,
            // `check` admits offsets 0..=7 only.
            _ => 0,
        }
    }

    fn write_reg(&mut self, reg: u64, value: u8) {
        match reg {
            RBR_THR_DLL if self.dlab() => self.dll = value,
            RBR_THR_DLL => self.transmit(value),
            IER_DLM if self.dlab() => self.dlm = value,
            IER_DLM => {
                let old = self.ier;
                self.ier = value & IER_MASK;
                if self.ier & IER_THRI == 0 {
                    self.thr_pending = false;
                } else if old & IER_THRI == 0 {
                    // Enabling the THR-empty interrupt while THR is empty raises it.
                    self.thr_pending = true;
                }
            }
            IIR_FCR => {
                let mut clear_rx = value & FCR_CLEAR_RX != 0;
                let mut clear_tx = value & FCR_CLEAR_TX != 0;
                // Switching the FIFOs on or off empties them.
                if (value ^ self.fcr) & FCR_ENABLE != 0 {
                    clear_rx = true;
                    clear_tx = true;
                }
                if clear_rx {
                    self.rx.clear();
                }
                if clear_tx {
                    // The (empty) TX FIFO is reset: THR is empty, as QEMU reports.
                    self.thr_pending = true;
                }
                self.fcr = value & (FCR_ENABLE | FCR_TRIGGER);
                self.take_input();
            }
            LCR => self.lcr = value,
            MCR => {
                let was_loopback = self.loopback();
                self.mcr = value & MCR_MASK;
                self.update_modem_lines();
                if was_loopback && !self.loopback() {
                    self.take_input();
                }
            }
            // LSR and MSR are read-only (writes are for factory test on the real chip).
            LSR | MSR => {}
            SCR => self.scr = value,
            _ => {}
        }
        self.update_irq();
    }

    /// Checks an access: naturally aligned, 1 to 8 bytes, inside the eight registers.
    fn check(offset: u64, size: u8) -> Result<u64, BusError> {
        let ok = matches!(size, 1 | 2 | 4 | 8)
            && offset.is_multiple_of(size as u64)
            && offset < NUM_REGS
            && offset + size as u64 <= NUM_REGS;
        if ok {
            Ok(offset)
        } else {
            Err(BusError::BadAccess { addr: offset, size })
        }
    }
}

impl MmioDevice for Uart {
    fn name(&self) -> &str {
        "uart0"
    }

    fn read(&mut self, offset: u64, size: u8) -> Result<u64, BusError> {
        let reg = Self::check(offset, size)?;
        Ok(self.read_reg(reg) as u64)
    }

    fn write(&mut self, offset: u64, size: u8, value: u64) -> Result<(), BusError> {
        let reg = Self::check(offset, size)?;
        self.write_reg(reg, value as u8);
        Ok(())
    }

    fn poll(&mut self) {
        self.take_input();
        self.update_irq();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use emu_core::RecordingSink;

    const IRQ: u32 = 10;

    /// A `Write` that keeps what it gets, for checking the output.
    #[derive(Clone, Default)]
    struct Capture(Arc<Mutex<Vec<u8>>>);

    impl Write for Capture {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    struct Rig {
        uart: Uart,
        out: Capture,
        input: Arc<UartInput>,
        sink: Arc<RecordingSink>,
    }

    impl Rig {
        fn new() -> Self {
            let out = Capture::default();
            let input = UartInput::new();
            let sink = Arc::new(RecordingSink::default());
            let uart = Uart::new(
                Box::new(out.clone()),
                input.clone(),
                IrqLine::new(sink.clone(), IRQ),
            );
            Rig {
                uart,
                out,
                input,
                sink,
            }
        }
        fn rd(&mut self, reg: u64) -> u8 {
            self.uart.read(reg, 1).unwrap() as u8
        }
        fn wr(&mut self, reg: u64, value: u8) {
            self.uart.write(reg, 1, value as u64).unwrap();
        }
        fn line(&self) -> bool {
            self.sink.level(IRQ)
        }
        fn output(&self) -> Vec<u8> {
            self.out.0.lock().unwrap().clone()
        }
    }

    #[test]
    fn reset_state_scratch_and_dlab() {
        let mut r = Rig::new();
        assert_eq!(r.rd(IIR_FCR), IIR_NO_INT);
        assert_eq!(r.rd(LSR), LSR_THRE | LSR_TEMT);
        assert_eq!(r.rd(MSR), MSR_CONNECTED);
        assert_eq!(r.rd(IER_DLM), 0);
        r.wr(SCR, 0x5a);
        assert_eq!(r.rd(SCR), 0x5a);
        // DLAB switches offsets 0 and 1 to the divisor latch.
        r.wr(IER_DLM, 0x0f);
        r.wr(LCR, LCR_DLAB | 0x03);
        r.wr(RBR_THR_DLL, 0x01);
        r.wr(IER_DLM, 0x02);
        assert_eq!(r.rd(RBR_THR_DLL), 0x01);
        assert_eq!(r.rd(IER_DLM), 0x02);
        assert_eq!(r.rd(LCR), 0x83);
        r.wr(LCR, 0x03);
        assert_eq!(r.rd(IER_DLM), 0x0f);
        // The divisor write did not transmit anything.
        assert!(r.output().is_empty());
        // IER keeps its four defined bits.
        r.wr(IER_DLM, 0xff);
        assert_eq!(r.rd(IER_DLM), 0x0f);
    }

    #[test]
    fn transmit_goes_to_the_output_and_thr_stays_empty() {
        let mut r = Rig::new();
        for &b in b"hi\n" {
            r.wr(RBR_THR_DLL, b);
            assert_eq!(r.rd(LSR) & (LSR_THRE | LSR_TEMT), LSR_THRE | LSR_TEMT);
        }
        assert_eq!(r.output(), b"hi\n");
        assert!(!r.line());
    }

    #[test]
    fn thr_empty_interrupt_follows_the_real_chip() {
        let mut r = Rig::new();
        // Enabling ETBEI with THR empty raises the interrupt.
        r.wr(IER_DLM, IER_THRI);
        assert!(r.line());
        // Reading IIR with THRE as the source clears it.
        assert_eq!(r.rd(IIR_FCR), IIR_THRI);
        assert!(!r.line());
        assert_eq!(r.rd(IIR_FCR), IIR_NO_INT);
        // Linux's test: IER = 0, then THRI again re-raises it.
        r.wr(IER_DLM, 0);
        r.wr(IER_DLM, IER_THRI);
        assert_eq!(r.rd(IIR_FCR), IIR_THRI);
        // Writing THR: the byte leaves at once and THR-empty is pending again.
        r.wr(RBR_THR_DLL, b'x');
        assert!(r.line());
        // Clearing ETBEI drops it.
        r.wr(IER_DLM, 0);
        assert!(!r.line());
        assert_eq!(r.rd(IIR_FCR), IIR_NO_INT);
        // Writing IER with ETBEI already set does not re-raise it after IIR took it.
        r.wr(IER_DLM, IER_THRI);
        assert_eq!(r.rd(IIR_FCR), IIR_THRI);
        r.wr(IER_DLM, IER_THRI | IER_RDI);
        assert_eq!(r.rd(IIR_FCR), IIR_NO_INT);
    }

    #[test]
    fn receive_without_fifo_and_data_interrupt() {
        let mut r = Rig::new();
        r.input.push(b"ab");
        r.uart.poll();
        // Not enabled: no line, but LSR.DR.
        assert!(!r.line());
        assert_eq!(r.rd(LSR) & LSR_DR, LSR_DR);
        r.wr(IER_DLM, IER_RDI);
        assert!(r.line());
        assert_eq!(r.rd(IIR_FCR), IIR_RDI);
        // One holding register: the second byte waits in the input queue.
        assert_eq!(r.input.len(), 1);
        assert_eq!(r.rd(RBR_THR_DLL), b'a');
        // Reading RBR pulls the next byte in at once.
        assert!(r.line());
        assert_eq!(r.rd(RBR_THR_DLL), b'b');
        assert!(!r.line());
        assert_eq!(r.rd(LSR) & LSR_DR, 0);
        assert_eq!(r.rd(IIR_FCR), IIR_NO_INT);
        assert!(r.input.is_empty());
    }

    #[test]
    fn fifo_trigger_levels_timeout_and_reset() {
        let mut r = Rig::new();
        // FIFO on, trigger at 4 bytes.
        r.wr(IIR_FCR, FCR_ENABLE | 0x40);
        r.wr(IER_DLM, IER_RDI);
        r.input.push(&[1, 2, 3]);
        r.uart.poll();
        // Below the trigger: the timeout id; FIFO flags in IIR bits 7:6.
        assert!(r.line());
        assert_eq!(r.rd(IIR_FCR), IIR_FIFOS_ENABLED | IIR_RX_TIMEOUT);
        r.input.push(&[4; 20]);
        r.uart.poll();
        assert_eq!(r.rd(IIR_FCR), IIR_FIFOS_ENABLED | IIR_RDI);
        // The FIFO took 16 bytes; the rest wait in the queue (no overrun).
        assert_eq!(r.input.len(), 23 - UART_FIFO_SIZE);
        assert_eq!(r.rd(LSR) & LSR_OE, 0);
        assert_eq!(r.rd(RBR_THR_DLL), 1);
        assert_eq!(r.rd(RBR_THR_DLL), 2);
        // FCR bit 1 empties the receive FIFO (then it refills from the queue).
        r.wr(IIR_FCR, FCR_ENABLE | FCR_CLEAR_RX | 0x40);
        assert_eq!(r.input.len(), 0);
        let mut n = 0;
        while r.rd(LSR) & LSR_DR != 0 {
            assert_eq!(r.rd(RBR_THR_DLL), 4);
            n += 1;
        }
        // The 14 bytes in the FIFO were dropped; the 5 still queued came in.
        assert_eq!(n, 5);
        assert!(!r.line());
        // Switching the FIFO off empties it too.
        r.input.push(b"xyz");
        r.uart.poll();
        assert_eq!(r.rd(LSR) & LSR_DR, LSR_DR);
        r.wr(IIR_FCR, 0);
        assert_eq!(r.rd(IIR_FCR) & IIR_FIFOS_ENABLED, 0);
        assert_eq!(r.rd(LSR) & LSR_DR, 0);
    }

    #[test]
    fn loopback_overrun_and_line_status_interrupt() {
        let mut r = Rig::new();
        r.wr(IIR_FCR, FCR_ENABLE);
        r.wr(MCR, MCR_LOOP);
        r.wr(IER_DLM, IER_RLSI | IER_RDI);
        for i in 0..UART_FIFO_SIZE as u8 + 1 {
            r.wr(RBR_THR_DLL, i);
        }
        // Nothing left the UART; the 17th byte overran the full FIFO.
        assert!(r.output().is_empty());
        assert_eq!(r.rd(IIR_FCR) & 0x0f, IIR_RLSI);
        let lsr = r.rd(LSR);
        assert_eq!(lsr & (LSR_OE | LSR_DR), LSR_OE | LSR_DR);
        // Reading LSR cleared OE; data-available is next.
        assert_eq!(r.rd(LSR) & LSR_OE, 0);
        assert_eq!(r.rd(IIR_FCR) & 0x0f, IIR_RDI);
        for i in 0..UART_FIFO_SIZE as u8 {
            assert_eq!(r.rd(RBR_THR_DLL), i);
        }
        assert!(!r.line());
        // Without the FIFO the holding register is overwritten.
        r.wr(IIR_FCR, 0);
        r.wr(RBR_THR_DLL, 1);
        r.wr(RBR_THR_DLL, 2);
        assert_eq!(r.rd(LSR) & (LSR_OE | LSR_DR), LSR_OE | LSR_DR);
        assert_eq!(r.rd(RBR_THR_DLL), 2);
        // Console input stays queued while in loopback, and arrives after.
        r.input.push(b"k");
        r.uart.poll();
        assert_eq!(r.rd(LSR) & LSR_DR, 0);
        r.wr(MCR, 0);
        assert_eq!(r.rd(RBR_THR_DLL), b'k');
        r.wr(RBR_THR_DLL, b'!');
        assert_eq!(r.output(), b"!");
    }

    #[test]
    fn loopback_modem_lines_and_deltas() {
        let mut r = Rig::new();
        r.wr(IER_DLM, IER_MSI);
        // Entering loopback with all MCR outputs low: CTS, DSR, DCD fall.
        r.wr(MCR, MCR_LOOP);
        assert!(r.line());
        assert_eq!(r.rd(IIR_FCR), IIR_MSI);
        assert_eq!(r.rd(MSR), MSR_DCTS | MSR_DDSR | MSR_DDCD);
        assert!(!r.line());
        assert_eq!(r.rd(MSR), 0);
        // MCR outputs appear on the MSR inputs.
        r.wr(MCR, MCR_LOOP | MCR_DTR | MCR_RTS | MCR_OUT1 | MCR_OUT2);
        assert_eq!(
            r.rd(MSR),
            MSR_CTS | MSR_DSR | MSR_RI | MSR_DCD | MSR_DCTS | MSR_DDSR | MSR_DDCD
        );
        // RI: only its trailing edge sets TERI.
        r.wr(MCR, MCR_LOOP | MCR_DTR | MCR_RTS | MCR_OUT2);
        assert_eq!(r.rd(MSR), MSR_CTS | MSR_DSR | MSR_DCD | MSR_TERI);
        assert_eq!(r.rd(MCR), MCR_LOOP | MCR_DTR | MCR_RTS | MCR_OUT2);
        // Leaving loopback: the connected lines are back, unchanged, so no deltas.
        r.wr(MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
        assert_eq!(r.rd(MSR), MSR_CONNECTED);
        assert!(!r.line());
    }

    #[test]
    fn interrupt_priorities() {
        let mut r = Rig::new();
        r.wr(MCR, MCR_LOOP);
        r.rd(MSR); // drop the deltas of entering loopback
        r.wr(IER_DLM, IER_MASK);
        // THRE (from enabling) and a modem delta pending: THRE wins.
        r.wr(MCR, MCR_LOOP | MCR_RTS);
        assert_eq!(r.rd(IIR_FCR), IIR_THRI);
        assert_eq!(r.rd(IIR_FCR), IIR_MSI);
        // Overrun (line status) beats received data beats THRE.
        r.wr(RBR_THR_DLL, 1);
        r.wr(RBR_THR_DLL, 2); // overrun without FIFO
        assert_eq!(r.rd(IIR_FCR), IIR_RLSI);
        r.rd(LSR);
        assert_eq!(r.rd(IIR_FCR), IIR_RDI);
        r.rd(RBR_THR_DLL);
        assert_eq!(r.rd(IIR_FCR), IIR_THRI);
        assert_eq!(r.rd(IIR_FCR), IIR_MSI);
        r.rd(MSR);
        assert_eq!(r.rd(IIR_FCR), IIR_NO_INT);
        assert!(!r.line());
    }

    #[test]
    fn access_widths_follow_qemu() {
        let mut r = Rig::new();
        // Wider aligned accesses act on the register at the offset, low byte only.
        r.uart.write(SCR, 1, 0x1234).unwrap();
        assert_eq!(r.uart.read(SCR, 1).unwrap(), 0x34);
        r.uart.write(4, 4, 0xffff_ff00).unwrap(); // MCR
        assert_eq!(r.uart.read(MCR, 1).unwrap(), 0);
        r.uart.write(0, 8, b'Z' as u64).unwrap();
        assert_eq!(r.output(), b"Z");
        r.uart.write(MCR, 2, 0x0103).unwrap();
        assert_eq!(r.uart.read(MCR, 2).unwrap(), 0x03);
        for (offset, size) in [
            (1, 2),
            (2, 4),
            (4, 8),
            (8, 1),
            (0xff, 1),
            (u64::MAX, 1),
            (0, 3),
        ] {
            assert!(r.uart.read(offset, size).is_err(), "{offset:#x}/{size}");
            assert!(r.uart.write(offset, size, 0).is_err(), "{offset:#x}/{size}");
        }
    }
}
