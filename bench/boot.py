#!/usr/bin/env python3
"""Boot benchmark: the bundled Linux image (OpenSBI + kernel + busybox initramfs) with
the autotest option, on gasang and on Debian's qemu-system-riscv64 with the same
firmware, kernel, initrd and command line. Prints a table: time to the shell banner
("gasang: Linux guest ready") and time to power-off, median of N runs, and the ratio.

Usage: bench/boot.py [--runs N] [--smp N]   (builds gasang in release mode first)
Also times gasang with the (experimental) JIT, `--jit`.
"""

import argparse
import lzma
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMAGES = os.path.join(ROOT, "firmware", "images")
BANNER = b"gasang: Linux guest ready"
APPEND = "console=ttyS0 earlycon gasang.autotest=1"


def timed_boot(cmd):
    """Runs cmd; returns (seconds to banner, seconds to exit)."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    seen = b""
    banner = None
    while True:
        chunk = p.stdout.read1(4096)
        if not chunk:
            break
        seen = (seen + chunk)[-4096:]
        if banner is None and BANNER in seen:
            banner = time.monotonic() - start
    p.wait()
    total = time.monotonic() - start
    if banner is None or p.returncode != 0:
        sys.exit(f"boot failed ({' '.join(cmd)}): exit {p.returncode}, no banner={banner is None}")
    return banner, total


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--smp", type=int, default=1)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q", "--bin", "gasang"], cwd=ROOT,
                   check=True)
    with tempfile.TemporaryDirectory() as tmp:
        kernel = os.path.join(tmp, "Image")
        with lzma.open(os.path.join(IMAGES, "Image.xz")) as f, open(kernel, "wb") as out:
            out.write(f.read())
        common = ["-m", "256M", "-smp", str(args.smp), "-bios",
                  os.path.join(IMAGES, "fw_dynamic.bin"), "-kernel", kernel, "-initrd",
                  os.path.join(IMAGES, "initramfs.cpio.gz"), "-append", APPEND,
                  "-nographic"]
        gasang = os.path.join(ROOT, "target", "release", "gasang")
        engines = [
            ("gasang (interpreter)", [gasang] + common),
            ("qemu-system-riscv64 (TCG)", ["qemu-system-riscv64", "-M", "virt", "-monitor", "none"] + common),
            ("gasang --jit", [gasang, "--jit"] + common),
        ]
        results = {}
        for name, cmd in engines:
            runs = [timed_boot(cmd) for _ in range(args.runs)]
            results[name] = (statistics.median(r[0] for r in runs),
                             statistics.median(r[1] for r in runs))
    print()
    print(f"Boot of the bundled Linux image, -smp {args.smp}, median of {args.runs} runs")
    print()
    print("| engine | to shell banner | to power-off |")
    print("| --- | ---: | ---: |")
    for name, (b, t) in results.items():
        print(f"| {name} | {b:.2f} s | {t:.2f} s |")
    (gb, gt), (qb, qt) = results[engines[0][0]], results[engines[1][0]]
    print()
    print(f"gasang / QEMU: {gb / qb:.2f}x to the banner, {gt / qt:.2f}x to power-off")


if __name__ == "__main__":
    main()
