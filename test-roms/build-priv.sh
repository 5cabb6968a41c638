#!/usr/bin/env bash
# Builds the privileged-architecture test ROMs into test-roms/bin/ (ELF files with
# symbol tables: hosts find `tohost` through them):
#   rv64si-<name>.elf   from isa/rv64si/*.S (S-mode centric: delegation, S CSRs,
#                       TVM/TSR/TW, counter enables, S interrupts, Sstc);
#   rv64mi-<name>.elf   from isa/rv64mi/priv_*.S and isa/rv64mi/irq_*.S (machine level:
#                       mode switches, M interrupts, CLINT);
#   <suite>-<name>_strict.elf  -DSTRICT_SPEC variants of the files listed in STRICT:
#                       they require the spec's behaviour where QEMU 7.2 (the oracle)
#                       deviates; see the comments in those files;
#   qemu-virt/rv64si-<name>.elf  -DPRIV_QEMU_VIRT variants of the files listed in
#                       VIRT, for QEMU's virt board only (QEMU's spike board has no
#                       `time` CSR, hence no Sstc): they end through the SiFive test
#                       device at 0x100000 instead of tohost. Not for gasang, and kept
#                       in a subdirectory so that the bin/*.elf runners skip them.
# Needs riscv64-unknown-elf-gcc (Debian: apt-get install gcc-riscv64-unknown-elf).
# Runnable from any directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$ROOT/bin"
CC="${RISCV_CC:-riscv64-unknown-elf-gcc}"

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "error: $CC not found (apt-get install gcc-riscv64-unknown-elf)" >&2
    exit 1
fi

# <suite>/<name> of the files that have a -DSTRICT_SPEC build.
STRICT=(rv64mi/priv_modes rv64mi/priv_mdeleg rv64si/sret rv64si/ecall rv64si/trap_deleg rv64si/scsr rv64si/counteren rv64mi/irq_priority rv64si/sirq rv64si/sstc)
# <suite>/<name> of the files that have a -DPRIV_QEMU_VIRT build.
VIRT=(rv64si/counteren rv64si/sstc)

ISA_FLAGS=(-march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
           -nostdlib -nostartfiles -static -Wl,--no-warn-rwx-segments)
TEST_FLAGS=("${ISA_FLAGS[@]}" -I "$ROOT/env" -T "$ROOT/env/link.ld")

mkdir -p "$BIN"
count=0

build_test() {                      # build_test <src.S> <out.elf> [extra flags...]
    local src="$1" out="$2"
    shift 2
    "$CC" "${TEST_FLAGS[@]}" "$@" "$src" -o "$out"
    count=$((count + 1))
}

for src in "$ROOT"/isa/rv64si/*.S "$ROOT"/isa/rv64mi/priv_*.S "$ROOT"/isa/rv64mi/irq_*.S; do
    [ -e "$src" ] || continue
    suite="$(basename "$(dirname "$src")")"
    build_test "$src" "$BIN/$suite-$(basename "$src" .S).elf"
done

for t in "${STRICT[@]}"; do
    build_test "$ROOT/isa/$t.S" "$BIN/${t%%/*}-${t#*/}_strict.elf" -DSTRICT_SPEC
done
mkdir -p "$BIN/qemu-virt"
for t in "${VIRT[@]}"; do
    build_test "$ROOT/isa/$t.S" "$BIN/qemu-virt/${t%%/*}-${t#*/}.elf" -DPRIV_QEMU_VIRT
done

echo "built $count ROMs into $BIN"
