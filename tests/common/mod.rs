//! Driving a guest through gasang's console from a test: spawn, wait for text, type.

#![allow(dead_code)]

pub mod checks;
pub mod programs;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running gasang whose console the test reads and writes.
pub struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Arc<Mutex<Vec<u8>>>,
    /// Standard output alone (the guest's console, not interleaved with messages).
    stdout: Arc<Mutex<Vec<u8>>>,
}

/// Runs `gasang args...` to completion and returns what it did.
pub fn gasang(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gasang"))
        .args(args)
        .output()
        .expect("gasang runs")
}

/// The path of committed test ROM `name` (without `.elf`).
pub fn rom(name: &str) -> String {
    repo()
        .join("test-roms/bin")
        .join(format!("{name}.elf"))
        .to_string_lossy()
        .into_owned()
}

/// Repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Session {
    /// Starts `gasang args...` with piped standard input and output.
    pub fn start(args: &[&str]) -> Session {
        Session::start_with_env(args, &[])
    }

    /// [`Session::start`] with extra environment variables.
    pub fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Session {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gasang"));
        cmd.args(args).envs(env.iter().copied());
        Session::start_command(cmd)
    }

    /// Starts `cmd` (gasang, or QEMU as the oracle) with piped standard input and output.
    pub fn start_command(mut cmd: Command) -> Session {
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{cmd:?} does not start: {e}"));
        let out = Arc::new(Mutex::new(Vec::new()));
        let stdout = Arc::new(Mutex::new(Vec::new()));
        for (stream, alone) in [
            (
                Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
                Some(stdout.clone()),
            ),
            (Box::new(child.stderr.take().unwrap()), None),
        ] {
            let out = out.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut buf = [0u8; 4096];
                while let Ok(n) = stream.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    out.lock().unwrap().extend_from_slice(&buf[..n]);
                    if let Some(a) = &alone {
                        a.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                }
            });
        }
        let stdin = child.stdin.take();
        Session {
            child,
            stdin,
            out,
            stdout,
        }
    }

    /// Standard output so far (the console alone).
    #[allow(dead_code)] // not every test binary uses it
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }

    /// Everything the guest printed so far (stdout and stderr).
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.out.lock().unwrap()).into_owned()
    }

    /// Waits until the output contains `text` (after byte offset `from`); panics with the
    /// output after `timeout`. Returns the offset just past the match.
    pub fn wait_for_from(&mut self, from: usize, text: &str, timeout: Duration) -> usize {
        let start = Instant::now();
        loop {
            let out = self.output();
            if let Some(i) = out.get(from..).and_then(|s| s.find(text)) {
                return from + i + text.len();
            }
            if let Ok(Some(st)) = self.child.try_wait() {
                panic!("gasang exited ({st}) before printing {text:?}; output:\n{out}");
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                panic!("no {text:?} after {timeout:?}; output:\n{out}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the output contains `text` anywhere.
    pub fn wait_for(&mut self, text: &str, timeout: Duration) -> usize {
        self.wait_for_from(0, text, timeout)
    }

    /// Types `s` into the console.
    pub fn send(&mut self, s: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(s.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Waits for gasang to exit; returns its exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<i32> {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                // Let the reader threads drain.
                std::thread::sleep(Duration::from_millis(100));
                return st.code();
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                panic!(
                    "gasang did not exit within {timeout:?}; output:\n{}",
                    self.output()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
