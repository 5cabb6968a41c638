#!/usr/bin/env python3
"""gasang's benchmarks: the benchmark ROMs and a Linux boot with a userland loop, on
gasang's interpreter, gasang's JIT and Debian's qemu-system-riscv64, in one run.

Prints one markdown table (after a few lines saying what was measured where): for each
workload and engine the median wall time of N runs, guest MIPS (instructions counted
by gasang: GASANG_STATS=1), the score (iterations/s, from the iteration count the ROM
prints), the ratio to QEMU (QEMU's time / this engine's time: > 1 is faster than QEMU)
and, for the JIT, the compile-time share (compile_ns from GASANG_JIT_STATS=1, over the
wall time; n/a if this gasang does not print it). Runs alternate engine by engine, so
a change in the machine's load hits every engine alike.

Workloads (sources and build script in test-roms/, see test-roms/bench/README.md):
  bench           test-roms/bin/bench.elf: CRC-32, quicksort, matrix multiply, FNV-1a
  coremark-like   test-roms/bin/bench/coremark-like.elf: lists, matrices, state machine, CRC-16
  dhrystone-like  test-roms/bin/bench/dhrystone-like.elf: records, strings, procedure calls
  sv39-timer      test-roms/bin/bench/sv39-timer.elf: coremark-like in U-mode under Sv39
                  with a 1 ms timer interrupt handled in S-mode
  linux           the bundled OpenSBI + Linux + busybox: boot, then at the shell prompt
                  a busybox sh loop of LOOP iterations, `echo DONE; poweroff -f`; also
                  reported on its own (linux-loop: from sending the command to DONE)
The ROMs run as `gasang run X.elf` and `qemu-system-riscv64 -M spike -bios none -kernel
X.elf`; Linux as `gasang` (no arguments: the bundled images, so gasang's time includes
decompressing the kernel; --linux-files gives it QEMU's command line instead) and QEMU's
virt board with the same firmware, kernel, initramfs, command line, RAM and harts.

Any failed run (exit status, a ROM's checksum, no DONE) stops the script with an error.

Usage: bench/run.py [--runs N] [--only NAME[,NAME...]] [--gasang PATH] [--loop N]
                    [--linux-files]
"""

import argparse
import datetime
import lzma
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "test-roms", "bin")
IMAGES = os.path.join(ROOT, "firmware", "images")

ROMS = {
    "bench": os.path.join(BIN, "bench.elf"),
    "coremark-like": os.path.join(BIN, "bench", "coremark-like.elf"),
    "dhrystone-like": os.path.join(BIN, "bench", "dhrystone-like.elf"),
    "sv39-timer": os.path.join(BIN, "bench", "sv39-timer.elf"),
}
WORKLOADS = list(ROMS) + ["linux"]
ENGINES = ["interp", "jit", "qemu"]
ENGINE_NAMES = {
    "interp": "gasang interpreter",
    "jit": "gasang JIT",
    "qemu": "QEMU 7.2 TCG",
}

# Linux: what gasang boots with no arguments (src/virt_setup.rs, src/qemu_cli/memory.rs).
LINUX_APPEND = "console=ttyS0 earlycon"
LINUX_RAM = "256M"
BANNER = "gasang: Linux guest ready"
PROMPT = "# "

RUN_TIMEOUT = 600  # seconds; a run taking longer is an error


class BenchError(Exception):
    """A run failed: the script stops with this message."""


def fail(msg):
    raise BenchError(msg)


def tail(text, lines=15):
    return "\n".join(text.splitlines()[-lines:])


# ---- gasang's options --------------------------------------------------------------


class Gasang:
    """How to ask this gasang binary for each engine and for statistics."""

    def __init__(self, path):
        self.path = path
        run_help = subprocess.run([path, "run", "--help"], capture_output=True,
                                  text=True).stdout
        virt_help = subprocess.run([path, "-help"], capture_output=True, text=True).stdout
        self.run_engine = "--engine" in run_help
        self.virt_engine = re.search(r"^-{1,2}engine\b", virt_help, re.M) is not None

    def engine_args(self, engine, virt):
        """`--engine interp|jit` where gasang has it, else no flag / `--jit`."""
        if self.virt_engine if virt else self.run_engine:
            return ["--engine", engine]
        return ["--jit"] if engine == "jit" else []

    def describe(self):
        flags = "`--engine interp` / `--engine jit`" if self.run_engine else \
            "no flag (interpreter) / `--jit`"
        return flags


def ensure_gasang(path, default):
    """The default binary is (re)built with `cargo build --release` (nothing to do when
    it is up to date); a binary given with --gasang must exist."""
    if not default:
        if not os.path.exists(path):
            sys.exit(f"error: {path} does not exist")
        return
    print("cargo build --release --bin gasang ...", file=sys.stderr, flush=True)
    subprocess.run(["cargo", "build", "--release", "--bin", "gasang"], cwd=ROOT, check=True)


# ---- one run -----------------------------------------------------------------------


def children_cpu():
    """CPU seconds (user + system) used so far by this script's finished children."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class Result:
    """One run: wall seconds, CPU seconds, instructions (gasang only), iterations (ROMs
    that print them), JIT compile nanoseconds (if printed), and for Linux the loop's
    own time."""

    def __init__(self, seconds, cpu, insns=None, iterations=None, compile_ns=None,
                 loop=None):
        self.seconds = seconds
        self.cpu = cpu
        self.insns = insns
        self.iterations = iterations
        self.compile_ns = compile_ns
        self.loop = loop


def parse_insns(stderr):
    m = re.search(r"^gasang: executed (\d+) instructions", stderr, re.M)
    return int(m.group(1)) if m else None


def parse_compile_ns(stderr):
    m = re.search(r"^gasang: JIT: .*\bcompile_ns: (\d+)", stderr, re.M)
    return int(m.group(1)) if m else None


def run_rom(name, engine, gasang):
    rom = ROMS[name]
    env = dict(os.environ)
    if engine == "qemu":
        cmd = ["qemu-system-riscv64", "-M", "spike", "-bios", "none", "-nographic",
               "-monitor", "none", "-kernel", rom]
    else:
        cmd = [gasang.path, "run"] + gasang.engine_args(engine, virt=False) + [rom]
        env["GASANG_STATS"] = "1"
        if engine == "jit":
            env["GASANG_JIT_STATS"] = "1"
    cpu = children_cpu()
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           env=env, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        fail(f"{name} on {engine}: no result after {RUN_TIMEOUT} s ({' '.join(cmd)})")
    seconds = time.monotonic() - start
    cpu = children_cpu() - cpu
    out = p.stdout
    if p.returncode != 0:
        fail(f"{name} on {engine}: exit status {p.returncode} ({' '.join(cmd)})\n"
             f"{tail(out)}\n{tail(p.stderr)}")
    iterations = None
    if name != "bench":  # bench.elf prints nothing: its exit status is its verdict
        m = re.search(rf"^{re.escape(name)}: iterations (\d+) checksum 0x[0-9a-f]+ ok\r?$",
                      out, re.M)
        if not m:
            fail(f"{name} on {engine}: no '{name}: iterations N checksum ... ok' line "
                 f"({' '.join(cmd)})\n{tail(out)}\n{tail(p.stderr)}")
        iterations = int(m.group(1))
    return Result(seconds, cpu, parse_insns(p.stderr), iterations,
                  parse_compile_ns(p.stderr))


class Stream:
    """Collects a pipe's text in a thread; lets the caller wait for a substring."""

    def __init__(self, pipe):
        self.text = ""
        self.cond = threading.Condition()
        self.closed = False
        self.thread = threading.Thread(target=self._read, args=(pipe,), daemon=True)
        self.thread.start()

    def _read(self, pipe):
        while True:
            chunk = pipe.read1(4096) if hasattr(pipe, "read1") else pipe.read(4096)
            with self.cond:
                if not chunk:
                    self.closed = True
                    self.cond.notify_all()
                    return
                self.text += chunk.decode("utf-8", "replace")
                self.cond.notify_all()

    def wait_for(self, pattern, start, deadline):
        """Index just past the first match of the regular expression `pattern` at or
        after `start`, or None at the deadline or the end of the stream."""
        regex = re.compile(pattern)
        with self.cond:
            while True:
                m = regex.search(self.text, start)
                if m:
                    return m.end()
                remaining = deadline - time.monotonic()
                if self.closed or remaining <= 0:
                    return None
                self.cond.wait(min(remaining, 1.0))


def linux_files(tmp):
    kernel = os.path.join(tmp, "Image")
    if not os.path.exists(kernel):
        with lzma.open(os.path.join(IMAGES, "Image.xz")) as f, open(kernel, "wb") as out:
            out.write(f.read())
    return (os.path.join(IMAGES, "fw_dynamic.bin"), kernel,
            os.path.join(IMAGES, "initramfs.cpio.gz"))


def run_linux(engine, gasang, loop, tmp, explicit):
    env = dict(os.environ)
    bios, kernel, initrd = linux_files(tmp)
    files = ["-m", LINUX_RAM, "-smp", "1", "-bios", bios, "-kernel", kernel, "-initrd",
             initrd, "-append", LINUX_APPEND, "-nographic"]
    if engine == "qemu":
        cmd = ["qemu-system-riscv64", "-M", "virt"] + files + ["-monitor", "none"]
    else:
        # No arguments: the bundled images (gasang decompresses the kernel itself).
        cmd = [gasang.path] + gasang.engine_args(engine, virt=True)
        if explicit:
            cmd += files
        env["GASANG_STATS"] = "1"
        if engine == "jit":
            env["GASANG_JIT_STATS"] = "1"
    command = (f"i=0; while [ $i -lt {loop} ]; do i=$((i+1)); done; "
               "echo DONE; poweroff -f\n")
    cpu = children_cpu()
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    out, err = Stream(p.stdout), Stream(p.stderr)
    deadline = start + RUN_TIMEOUT

    def give_up(why):
        p.kill()
        p.wait()
        fail(f"linux on {engine}: {why} ({' '.join(cmd)})\n{tail(out.text)}\n"
             f"{tail(err.text)}")

    at = out.wait_for(re.escape(BANNER), 0, deadline)
    if at is None:
        give_up("no shell banner")
    at = out.wait_for(re.escape(PROMPT), at, deadline)
    if at is None:
        give_up("no shell prompt")
    sent = time.monotonic()
    p.stdin.write(command.encode())
    p.stdin.flush()
    # The shell echoes the command line; DONE alone on a line is the loop's end.
    if out.wait_for(r"\nDONE\r?\n", at, deadline) is None:
        give_up("no DONE after the loop")
    done_at = time.monotonic()
    try:
        code = p.wait(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        give_up("no power-off after DONE")
    seconds = time.monotonic() - start
    cpu = children_cpu() - cpu
    out.thread.join(5)
    err.thread.join(5)
    if code != 0:
        fail(f"linux on {engine}: exit status {code} ({' '.join(cmd)})\n{tail(out.text)}\n"
             f"{tail(err.text)}")
    return Result(seconds, cpu, parse_insns(err.text), None, parse_compile_ns(err.text),
                  loop=done_at - sent)


# ---- the table ---------------------------------------------------------------------


def fmt(v, spec, suffix=""):
    return "n/a" if v is None else f"{v:{spec}}{suffix}"


def median_or_none(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def machine_lines(gasang, args):
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.+)$", f.read(), re.M)
            if m:
                cpu = m.group(1)
    except OSError:
        pass
    qemu = subprocess.run(["qemu-system-riscv64", "--version"], capture_output=True,
                          text=True).stdout.splitlines()[:1]
    try:
        commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    return [
        f"Machine: {cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the start",
        f"Date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}; "
        f"gasang {gasang.path} (source tree {commit}; engines: {gasang.describe()}); "
        f"{qemu[0] if qemu else 'qemu-system-riscv64: version unknown'}",
        f"Median of {args.runs} runs per cell, engines alternating run by run; "
        "seconds are wall time of the whole process (start-up included), CPU seconds "
        "its user + system time (all threads); MIPS and scores are from wall time.",
        f"Linux: a {args.loop}-iteration busybox sh loop at the prompt; gasang booted "
        + ("with QEMU's command line (kernel decompressed beforehand)" if args.linux_files
           else "with no arguments (the bundled images: its time includes decompressing "
                "the kernel)") + "; QEMU with the same files, -m 256M, -smp 1.",
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per engine (median)")
    ap.add_argument("--only", action="append", default=[],
                    help=f"only these workloads (comma-separated: {', '.join(WORKLOADS)})")
    ap.add_argument("--gasang",
                    help="gasang binary (default: target/release/gasang, built or brought "
                         "up to date with cargo build --release)")
    ap.add_argument("--loop", type=int, default=20000,
                    help="iterations of the Linux userland loop (default 20000)")
    ap.add_argument("--linux-files", action="store_true",
                    help="boot gasang with QEMU's explicit command line (the kernel "
                         "decompressed beforehand) instead of no arguments")
    args = ap.parse_args()
    if args.runs < 1:
        sys.exit("error: --runs must be at least 1")
    only = [n for o in args.only for n in o.split(",") if n]
    for n in only:
        if n not in WORKLOADS:
            sys.exit(f"error: --only {n}: not one of {', '.join(WORKLOADS)}")
    workloads = [w for w in WORKLOADS if not only or w in only]
    for w in workloads:
        if w in ROMS and not os.path.exists(ROMS[w]):
            sys.exit(f"error: {ROMS[w]} is missing (test-roms/build-bench-roms.sh builds it)")

    path = args.gasang or os.path.join(ROOT, "target", "release", "gasang")
    ensure_gasang(path, args.gasang is None)
    gasang = Gasang(path)
    header = machine_lines(gasang, args)

    rows = []  # (workload, engine, seconds, mips, score, ratio, compile share)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for w in workloads:
                results = {e: [] for e in ENGINES}
                for r in range(args.runs):
                    for e in ENGINES:
                        print(f"{w}: {e} run {r + 1}/{args.runs}...", file=sys.stderr,
                              flush=True)
                        res = (run_linux(e, gasang, args.loop, tmp, args.linux_files)
                               if w == "linux"
                               else run_rom(w, e, gasang))
                        print(f"  {res.seconds:.2f} s", file=sys.stderr, flush=True)
                        results[e].append(res)
                rows.extend(table_rows(w, results))
                if w == "linux":
                    rows.extend(loop_rows(results))
    except BenchError as e:
        sys.exit(f"error: {e}")

    print()
    for line in header:
        print(line + "  ")
    print()
    print(f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  ")
    print()
    print("| workload | engine | seconds | CPU seconds | guest MIPS | score (iterations/s) "
          "| vs QEMU (>1 = faster) | JIT compile share |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def table_rows(workload, results):
    """One row per engine for a workload."""
    secs = {e: statistics.median(r.seconds for r in rs) for e, rs in results.items()}
    cpu = {e: statistics.median(r.cpu for r in rs) for e, rs in results.items()}
    # Instructions: gasang's own count (the same guest program runs on QEMU; for Linux,
    # where timing changes what the guest runs, QEMU gets none).
    insns = {e: median_or_none(r.insns for r in rs) for e, rs in results.items()}
    if workload != "linux":
        insns["qemu"] = insns["interp"] or insns["jit"]
    rows = []
    for e in ENGINES:
        rs = results[e]
        mips = insns[e] / secs[e] / 1e6 if insns[e] else None
        iters = rs[0].iterations
        score = iters / secs[e] if iters else None
        ratio = secs["qemu"] / secs[e]
        share = None
        if e == "jit":
            ns = median_or_none(r.compile_ns for r in rs)
            share = ns / 1e9 / secs[e] * 100 if ns is not None else None
        rows.append([workload, ENGINE_NAMES[e], f"{secs[e]:.2f}", f"{cpu[e]:.2f}",
                     fmt(mips, ",.0f"),
                     fmt(score, ",.0f"), f"{ratio:.2f}",
                     fmt(share, ".1f", " %") if e == "jit" else ""])
    return rows


def loop_rows(results):
    """linux-loop: the userland loop alone (command sent until DONE)."""
    secs = {e: statistics.median(r.loop for r in rs) for e, rs in results.items()}
    return [["linux-loop", ENGINE_NAMES[e], f"{secs[e]:.2f}", "n/a", "n/a", "n/a",
             f"{secs['qemu'] / secs[e]:.2f}", "" if e != "jit" else "n/a"]
            for e in ENGINES]


if __name__ == "__main__":
    main()
