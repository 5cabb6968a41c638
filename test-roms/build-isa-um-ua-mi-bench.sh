#!/usr/bin/env bash
# Builds the rv64um / rv64ua / rv64mi / misc test ROMs and the benchmark ROMs into
# test-roms/bin/ (ELF files with symbol tables: hosts find `tohost` through them):
#   rv64um-<name>.elf, rv64ua-<name>.elf, rv64mi-<name>.elf, misc-<name>.elf,
#   exit-<name>.elf (the ways a program reports through tohost),
#   jit-<name>.elf (hot loops under paging, timers, self-modifying code and satp
#     switches: the cases the JIT's regions must get right; issue 10), and
#     jit-<name>_exact.elf (see JIT_EXACT below),
#   rv64mi-<name>_strict.elf, jit-<name>_strict.elf (spec-strict variants, see STRICT
#     and JIT_STRICT below),
#   bench.elf (1500 iterations, ~501M instructions), bench-small.elf (150, ~50M).
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

# Tests in these rv64mi files have a -DSTRICT_SPEC build that requires the
# spec's behaviour where QEMU 7.2 (our oracle) deviates; see the files' comments.
STRICT=(ma_amo access_fault illegal mret ext_off breakpoint trigger_modes trigger_csr trigger_match trigger_icount)
# The same for these isa/jit files (jit-<name>_strict.elf).
JIT_STRICT=(pf_loop)
# isa/jit files with a -DGASANG_TIME build (jit-<name>_exact.elf) that relies on the
# bare machine's deterministic time (mtime = retired instructions / 10): for gasang
# only, not for QEMU.
JIT_EXACT=(timer_spin)

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

for suite in rv64um rv64ua rv64mi misc exit jit; do
    for src in "$ROOT/isa/$suite"/*.S; do
        [ -e "$src" ] || continue
        name="$(basename "$src" .S)"
        build_test "$src" "$BIN/$suite-$name.elf"
    done
done

for name in "${STRICT[@]}"; do
    build_test "$ROOT/isa/rv64mi/$name.S" "$BIN/rv64mi-${name}_strict.elf" -DSTRICT_SPEC
done
for name in "${JIT_STRICT[@]}"; do
    build_test "$ROOT/isa/jit/$name.S" "$BIN/jit-${name}_strict.elf" -DSTRICT_SPEC
done
for name in "${JIT_EXACT[@]}"; do
    build_test "$ROOT/isa/jit/$name.S" "$BIN/jit-${name}_exact.elf" -DGASANG_TIME
done

BENCH_FLAGS=(-O2 "${ISA_FLAGS[@]}" -ffreestanding -fno-builtin
             -fno-tree-loop-distribute-patterns -Wall -Wextra
             -T "$ROOT/bench/link.ld")
"$CC" "${BENCH_FLAGS[@]}" -DBENCH_ITERS=1500 "$ROOT/bench/crt0.S" "$ROOT/bench/bench.c" -o "$BIN/bench.elf"
"$CC" "${BENCH_FLAGS[@]}" -DBENCH_ITERS=150 "$ROOT/bench/crt0.S" "$ROOT/bench/bench.c" -o "$BIN/bench-small.elf"
count=$((count + 2))

# Code memory: a short and a long build of the same self-rewriting loop, outside the
# suites (tests/code_memory.rs compares their peak memory under the JIT).
mkdir -p "$BIN/mem"
build_test "$ROOT/isa/mem/smc_grow.S" "$BIN/mem/smc_grow_short.elf" -DROUNDS=200
build_test "$ROOT/isa/mem/smc_grow.S" "$BIN/mem/smc_grow_long.elf" -DROUNDS=4000

echo "built $count ROMs into $BIN"
