//! The compiler thread: regions go in, machine code comes out, while the hart goes on
//! interpreting (Cranelift takes a fraction of a millisecond per region, which would
//! otherwise stall the guest at every new hot spot).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use frontend_riscv::compiled::{RegionSpec, Ticket};

use crate::compiler::Compiler;
use crate::translate::CodeEnv;

/// A region to compile.
struct Job {
    generation: u64,
    spec: RegionSpec,
    urgent: bool,
}

/// A compiled region.
pub struct Done {
    /// The engine generation the job was submitted in.
    pub generation: u64,
    /// The block it is for.
    pub ticket: Ticket,
    /// Physical address of the region's entry.
    pub pa: u64,
    /// Guest instructions in it.
    pub insts: usize,
    /// The machine code, or why Cranelift refused.
    pub code: Result<Vec<u8>, String>,
    /// Nanoseconds it took.
    pub ns: u64,
}

/// The compiler thread and its queues.
pub struct Worker {
    jobs: Option<Sender<Job>>,
    done: Receiver<Done>,
    /// Jobs submitted and not received back.
    pub pending: usize,
    thread: Option<JoinHandle<()>>,
    stop: Arc<AtomicBool>,
    /// Jobs the thread has finished (a cheap look before the channel's).
    finished: Arc<AtomicUsize>,
    /// Jobs received back.
    taken: usize,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("pending", &self.pending)
            .finish()
    }
}

impl Worker {
    /// Starts the thread with its own `compiler`, for an engine with `env`.
    pub fn start(mut compiler: Compiler, env: CodeEnv) -> std::io::Result<Self> {
        let (jobs, rx) = channel::<Job>();
        let (tx, done) = channel::<Done>();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let finished = Arc::new(AtomicUsize::new(0));
        let finishing = finished.clone();
        let thread = std::thread::Builder::new()
            .name("gasang-jit".into())
            .spawn(move || {
                // Jobs received, urgent ones first.
                let (mut urgent, mut normal) = (VecDeque::new(), VecDeque::new());
                loop {
                    // Take what has arrived; wait only when there is nothing to do.
                    let take = |job: Job, u: &mut VecDeque<Job>, n: &mut VecDeque<Job>| {
                        if job.urgent {
                            u.push_back(job)
                        } else {
                            n.push_back(job)
                        }
                    };
                    while let Ok(job) = rx.try_recv() {
                        take(job, &mut urgent, &mut normal);
                    }
                    if urgent.is_empty() && normal.is_empty() {
                        match rx.recv() {
                            Ok(job) => take(job, &mut urgent, &mut normal),
                            Err(_) => break,
                        }
                    }
                    // The most recent normal job first: code that just became hot.
                    let Some(job) = urgent.pop_front().or_else(|| normal.pop_back()) else {
                        continue;
                    };
                    if stopping.load(Ordering::Relaxed) {
                        break;
                    }
                    let t = Instant::now();
                    let code = compiler.region(&job.spec, &env);
                    let d = Done {
                        generation: job.generation,
                        ticket: job.spec.ticket,
                        pa: job.spec.blocks[0].pa,
                        insts: job.spec.blocks.iter().map(|b| b.insts.len()).sum(),
                        code,
                        ns: t.elapsed().as_nanos() as u64,
                    };
                    if tx.send(d).is_err() {
                        break;
                    }
                    finishing.fetch_add(1, Ordering::Release);
                }
            })?;
        Ok(Worker {
            jobs: Some(jobs),
            done,
            pending: 0,
            thread: Some(thread),
            stop,
            finished,
            taken: 0,
        })
    }

    /// Queues `spec` (`urgent`: before the others).
    pub fn submit(&mut self, generation: u64, spec: RegionSpec, urgent: bool) -> bool {
        let sent = self.jobs.as_ref().is_some_and(|j| {
            j.send(Job {
                generation,
                spec,
                urgent,
            })
            .is_ok()
        });
        self.pending += sent as usize;
        sent
    }

    /// A finished job, if one is there.
    pub fn try_take(&mut self) -> Option<Done> {
        if self.finished.load(Ordering::Acquire) == self.taken {
            return None;
        }
        let d = self.done.try_recv().ok()?;
        self.pending -= 1;
        self.taken += 1;
        Some(d)
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing the job queue ends the thread's loop; jobs still queued are skipped.
        self.stop.store(true, Ordering::Relaxed);
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
