//! Interrupt lines from devices to an interrupt controller.

use std::sync::Arc;

/// Something that collects device interrupt lines (the PLIC).
pub trait InterruptSink: Send + Sync {
    /// Drives source `irq` to `level` (level-triggered: true while the device wants
    /// service).
    fn set_irq(&self, irq: u32, level: bool);
}

/// One device's interrupt line: a source number on a sink.
#[derive(Clone)]
pub struct IrqLine {
    sink: Arc<dyn InterruptSink>,
    irq: u32,
}

impl std::fmt::Debug for IrqLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IrqLine({})", self.irq)
    }
}

impl IrqLine {
    /// Line `irq` of `sink`.
    pub fn new(sink: Arc<dyn InterruptSink>, irq: u32) -> Self {
        IrqLine { sink, irq }
    }

    /// The source number.
    pub fn number(&self) -> u32 {
        self.irq
    }

    /// Drives the line.
    pub fn set(&self, level: bool) {
        self.sink.set_irq(self.irq, level);
    }
}

/// A sink that records levels, for device tests.
#[derive(Debug, Default)]
pub struct RecordingSink {
    levels: std::sync::Mutex<std::collections::BTreeMap<u32, bool>>,
}

impl RecordingSink {
    /// The last level driven on `irq` (false if never driven).
    pub fn level(&self, irq: u32) -> bool {
        self.levels
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&irq)
            .copied()
            .unwrap_or(false)
    }
}

impl InterruptSink for RecordingSink {
    fn set_irq(&self, irq: u32, level: bool) {
        self.levels
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(irq, level);
    }
}
