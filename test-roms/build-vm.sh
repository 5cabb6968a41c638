#!/usr/bin/env bash
# Builds the virtual-memory and PMP test ROMs into test-roms/bin/ (ELF files with their
# symbol tables: hosts find `tohost` through them):
#   isa/rv64vm/NAME.S   -> bin/rv64vm-NAME.elf    (M-mode environment env/riscv_test.h;
#                                                  the tests switch to S/U themselves)
#   isa/rv64vm/venv.S   -> bin/rv64vm-venv.elf    (built against env/v: checks that env)
#   isa/rv64pmp/NAME.S  -> bin/rv64pmp-NAME.elf
#   <suite>-NAME_strict.elf for the sources in STRICT: built with -DSTRICT_SPEC, they
#     require the spec's behaviour where QEMU 7.2 (the oracle) deviates (see the
#     sources and qemu-check-vm.sh);
#   isa/rv64{ui,um,ua,uc}/NAME.S -> bin/rv64{ui,um,ua,uc}-v-NAME.elf: the unmodified
#     user-level tests built against the virtual-memory environment env/v (the body
#     runs in S-mode under Sv39), except those in V_EXCLUDE.
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

# Sources with a -DSTRICT_SPEC variant (suite/name).
STRICT=(rv64vm/ad rv64vm/mprv rv64pmp/tor rv64pmp/fetch rv64pmp/rw_reserved)

# User-level tests not built for the virtual-memory environment, with the reason.
# None so far: every rv64ui/um/ua/uc test uses only unprivileged instructions and
# addresses inside its own image, which env/v maps at the same addresses.
V_EXCLUDE=()

ISA_FLAGS=(-march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
           -nostdlib -nostartfiles -static -Wl,--no-warn-rwx-segments)
M_FLAGS=("${ISA_FLAGS[@]}" -I "$ROOT/env" -T "$ROOT/env/link.ld")
V_FLAGS=("${ISA_FLAGS[@]}" -I "$ROOT/env/v" -I "$ROOT/env" -T "$ROOT/env/link.ld")

mkdir -p "$BIN"
count=0

build() {                           # build <src.S> <out.elf> <flags...>
    local src="$1" out="$2"
    shift 2
    "$CC" "$@" "$src" -o "$out"
    count=$((count + 1))
}

for suite in rv64vm rv64pmp; do
    for src in "$ROOT/isa/$suite"/*.S; do
        [ -e "$src" ] || continue
        name="$(basename "$src" .S)"
        if [ "$suite/$name" = rv64vm/venv ]; then
            build "$src" "$BIN/$suite-$name.elf" "${V_FLAGS[@]}"
        else
            build "$src" "$BIN/$suite-$name.elf" "${M_FLAGS[@]}"
        fi
    done
done

for t in "${STRICT[@]}"; do
    suite="${t%%/*}"
    name="${t#*/}"
    build "$ROOT/isa/$suite/$name.S" "$BIN/$suite-${name}_strict.elf" "${M_FLAGS[@]}" -DSTRICT_SPEC
done

for suite in rv64ui rv64um rv64ua rv64uc; do
    for src in "$ROOT/isa/$suite"/*.S; do
        [ -e "$src" ] || continue
        name="$(basename "$src" .S)"
        skip=0
        for x in "${V_EXCLUDE[@]+"${V_EXCLUDE[@]}"}"; do
            [ "$x" = "$suite/$name" ] && skip=1
        done
        [ "$skip" -eq 0 ] || continue
        build "$src" "$BIN/$suite-v-$name.elf" "${V_FLAGS[@]}"
    done
done

echo "built $count ROMs into $BIN"
