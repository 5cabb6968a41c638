#!/usr/bin/env bash
# Builds the virt-board test ROMs (test-roms/isa/virt/*.S) into
# test-roms/bin/qemu-virt/virt-<name>.elf. They end through the sifive_test device
# (-DPRIV_QEMU_VIRT), so they run with `-M virt -bios none -kernel X` on QEMU and gasang.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CC="${RISCV_CC:-riscv64-unknown-elf-gcc}"
mkdir -p "$ROOT/bin/qemu-virt"
for src in "$ROOT"/isa/virt/*.S; do
    name="$(basename "$src" .S)"
    "$CC" -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -nostdlib -nostartfiles \
        -static -Wl,--no-warn-rwx-segments -I "$ROOT/env" -T "$ROOT/env/link.ld" \
        -DPRIV_QEMU_VIRT "$src" -o "$ROOT/bin/qemu-virt/virt-$name.elf"
done
