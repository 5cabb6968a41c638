#!/usr/bin/env bash
# Builds the benchmark ROMs of bench/run.py (sources in test-roms/bench/, see its
# README.md) with riscv64-unknown-elf-gcc -O2 for rv64gc:
#   bin/bench/coremark-like.elf    12,000 iterations   (~1.8 G instructions)
#   bin/bench/dhrystone-like.elf   3,500,000 rounds    (~2.1 G instructions)
#   bin/bench/sv39-timer.elf       12,000 iterations in U-mode under Sv39, 1 ms timer
# and their small builds, which the tests run (bin/, so that the ROM suite, the JIT
# suite and the QEMU oracle pick them up too):
#   bin/coremark-like-small.elf (50), bin/dhrystone-like-small.elf (10,000),
#   bin/sv39-timer-small.elf (50).
# Each ROM prints "<name>: iterations N checksum 0x... ok" through the HTIF console
# and passes through tohost only if the checksum is the expected one. They run with
# `gasang run X.elf` and `qemu-system-riscv64 -M spike -bios none -kernel X.elf`.
# Needs riscv64-unknown-elf-gcc (Debian: apt-get install gcc-riscv64-unknown-elf).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="$ROOT/bench"
BIN="$ROOT/bin"
CC="${RISCV_CC:-riscv64-unknown-elf-gcc}"

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "error: $CC not found (apt-get install gcc-riscv64-unknown-elf)" >&2
    exit 1
fi

FLAGS=(-O2 -march=rv64gc -mabi=lp64d -mcmodel=medany -nostdlib -nostartfiles -static
       -Wl,--no-warn-rwx-segments -ffreestanding -fno-builtin
       -fno-tree-loop-distribute-patterns -Wall -Wextra -Werror -I "$SRC")

coremark_like() {                   # coremark_like <iterations> <out.elf>
    "$CC" "${FLAGS[@]}" -T "$SRC/link.ld" -DCM_ITERS="$1" "$SRC/start.S" \
        "$SRC/harness.c" "$SRC/cm_kernel.c" "$SRC/coremark_like.c" -o "$2"
}
dhrystone_like() {
    "$CC" "${FLAGS[@]}" -T "$SRC/link.ld" -DDHRY_ITERS="$1" "$SRC/start.S" \
        "$SRC/harness.c" "$SRC/dhrystone_like.c" -o "$2"
}
sv39_timer() {
    "$CC" "${FLAGS[@]}" -T "$SRC/sv39.ld" -DCM_ITERS="$1" "$SRC/sv39_start.S" \
        "$SRC/harness.c" "$SRC/cm_kernel.c" "$SRC/sv39_timer.c" -o "$2"
}

mkdir -p "$BIN/bench"
coremark_like 12000 "$BIN/bench/coremark-like.elf"
dhrystone_like 3500000 "$BIN/bench/dhrystone-like.elf"
sv39_timer 12000 "$BIN/bench/sv39-timer.elf"
coremark_like 50 "$BIN/coremark-like-small.elf"
dhrystone_like 10000 "$BIN/dhrystone-like-small.elf"
sv39_timer 50 "$BIN/sv39-timer-small.elf"
echo "built 6 benchmark ROMs into $BIN/bench and $BIN"
