#!/usr/bin/env bash
# Builds the xv6-shaped M-mode kernel (test-roms/kernel/*.c, *.S) into
# test-roms/bin/kernels/xv6-shape.elf: it starts on every hart at 0x80000000 (-bios none
# -kernel), delegates to S-mode, turns on Sv39 with A = D = 0 page tables, drives the
# virtio disk on slot 0 through the legacy or the version 2 transport, and runs a small
# shell on the UART. It runs on QEMU and gasang with xv6-riscv's command line.
# Objects get fixed names (in a temporary directory), so the build is reproducible.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CC="${RISCV_CC:-riscv64-unknown-elf-gcc}"
CFLAGS=(-march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -ffreestanding -fno-common
    -nostdlib -O2 -Wall -Werror -fno-omit-frame-pointer -mno-relax -fno-pie)
OBJ="$(mktemp -d)"
trap 'rm -rf "$OBJ"' EXIT
objs=()
for src in "$ROOT"/kernel/entry.S "$ROOT"/kernel/*.c; do
    obj="$OBJ/$(basename "${src%.*}").o"
    "$CC" "${CFLAGS[@]}" -c "$src" -o "$obj"
    objs+=("$obj")
done
mkdir -p "$ROOT/bin/kernels"
"$CC" "${CFLAGS[@]}" -nostartfiles -static -no-pie -Wl,--no-warn-rwx-segments \
    -Wl,--build-id=none -T "$ROOT/kernel/kernel.ld" "${objs[@]}" \
    -o "$ROOT/bin/kernels/xv6-shape.elf"
