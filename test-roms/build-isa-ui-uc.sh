#!/usr/bin/env bash
# Build the rv64ui and rv64uc ISA test ROMs into test-roms/bin/.
#   test-roms/isa/rv64ui/NAME.S -> test-roms/bin/rv64ui-NAME.elf
#   test-roms/isa/rv64uc/NAME.S -> test-roms/bin/rv64uc-NAME.elf
# The ELFs keep their symbol table (the emulator looks up `tohost`).
# Usage: build-isa-ui-uc.sh   (runnable from any directory)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CC="${RISCV_CC:-riscv64-unknown-elf-gcc}"
CFLAGS=(-march=rv64imac_zicsr_zifencei -mabi=lp64 -nostdlib -nostartfiles -static
        -mcmodel=medany -Wl,--no-warn-rwx-segments
        -I "$ROOT/env" -T "$ROOT/env/link.ld")

mkdir -p "$ROOT/bin"
count=0
for suite in rv64ui rv64uc; do
    for src in "$ROOT/isa/$suite"/*.S; do
        [ -e "$src" ] || continue
        name="$(basename "$src" .S)"
        out="$ROOT/bin/$suite-$name.elf"
        "$CC" "${CFLAGS[@]}" "$src" -o "$out"
        count=$((count + 1))
    done
done
echo "built $count ROMs into $ROOT/bin"
