#!/usr/bin/env bash
# Builds the floating-point (rv64uf, rv64ud) and bit-manipulation / conditional-zero
# (rv64uzb: Zba, Zbb, Zbs, Zicond) test ROMs into test-roms/bin/ (ELF files with
# symbol tables: hosts find `tohost` through them):
#   rv64uf-<name>.elf, rv64ud-<name>.elf, rv64uzb-<name>.elf
#   rv64uf-fs_strict.elf: -DSTRICT_SPEC build of rv64uf/fs.S, which also checks a rule
#     where QEMU 7.2 (the oracle) deviates from the spec (see the file's comments).
# rv64uzb-czero.elf (Zicond) cannot run on QEMU 7.2; qemu-check-fp-zb.sh checks its
# logic with a -DZICOND_EMULATE build that it makes itself (not installed in bin/).
# Needs riscv64-unknown-elf-gcc (Debian: apt-get install gcc-riscv64-unknown-elf;
# gcc 12 knows Zba/Zbb/Zbs; Zicond is encoded with .insn). Runnable from any directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$ROOT/bin"
CC="${RISCV_CC:-riscv64-unknown-elf-gcc}"

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "error: $CC not found (apt-get install gcc-riscv64-unknown-elf)" >&2
    exit 1
fi

COMMON=(-mabi=lp64 -mcmodel=medany -nostdlib -nostartfiles -static
        -Wl,--no-warn-rwx-segments -I "$ROOT/env" -T "$ROOT/env/link.ld")
declare -A MARCH=(
    [rv64uf]=rv64imafdc_zicsr_zifencei
    [rv64ud]=rv64imafdc_zicsr_zifencei
    [rv64uzb]=rv64imafdc_zicsr_zifencei_zba_zbb_zbs
)

mkdir -p "$BIN"
count=0
for suite in rv64uf rv64ud rv64uzb; do
    for src in "$ROOT/isa/$suite"/*.S; do
        [ -e "$src" ] || continue
        name="$(basename "$src" .S)"
        "$CC" -march="${MARCH[$suite]}" "${COMMON[@]}" "$src" -o "$BIN/$suite-$name.elf"
        count=$((count + 1))
    done
done

"$CC" -march="${MARCH[rv64uf]}" "${COMMON[@]}" -DSTRICT_SPEC "$ROOT/isa/rv64uf/fs.S" \
    -o "$BIN/rv64uf-fs_strict.elf"
count=$((count + 1))

echo "built $count ROMs into $BIN"
