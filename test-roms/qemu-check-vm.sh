#!/usr/bin/env bash
# Runs every ROM built by build-vm.sh on QEMU's spike board (the oracle) and prints one
# line per ROM. QEMU exits with 0 on pass and with the failing case number otherwise.
# Expected outcomes that are not a plain pass: the *_strict ROMs check rules where
# QEMU 7.2 deviates from the spec and fail the listed case there (a QEMU that passes
# them is fine too):
#   rv64vm-ad_strict           2  A/D with menvcfg.ADUE = 0 must fault (Svade); QEMU 7.2
#                                 has no ADUE bit and always sets A/D in hardware
#   rv64vm-mprv_strict        16  mret to S-mode must clear mstatus.MPRV; QEMU keeps it
#   rv64pmp-tor_strict         6  TOR entry 0 with pmpaddr0 = 0 matches nothing; QEMU
#                                 matches everything (top computed as 0 - 1); QEMU also
#                                 keeps a stale TOR range after pmpaddr[i-1] changes
#   rv64pmp-fetch_strict       5  code running past the end of an X region must fault at
#                                 the first instruction outside; QEMU checks PMP once per
#                                 translated block and runs on
#   rv64pmp-rw_reserved_strict 3  pmpcfg R=0 W=1 is reserved (WARL); QEMU stores it
# Exits non-zero if any ROM has an unexpected outcome. Runnable from any directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$ROOT/bin"
QEMU="${QEMU:-qemu-system-riscv64}"

if ! command -v "$QEMU" >/dev/null 2>&1; then
    echo "error: $QEMU not found (apt-get install qemu-system-misc)" >&2
    exit 1
fi

declare -A QEMU_DEVIATION=(
    [rv64vm-ad_strict]=2
    [rv64vm-mprv_strict]=16
    [rv64pmp-tor_strict]=6
    [rv64pmp-fetch_strict]=5
    [rv64pmp-rw_reserved_strict]=3
)
# Keep in step with V_EXCLUDE in build-vm.sh.
V_EXCLUDE=()

roms=()
for suite in rv64vm rv64pmp; do
    for src in "$ROOT/isa/$suite"/*.S; do
        [ -e "$src" ] || continue
        roms+=("$suite-$(basename "$src" .S)")
    done
done
for name in $(printf '%s\n' "${!QEMU_DEVIATION[@]}" | sort); do roms+=("$name"); done
for suite in rv64ui rv64um rv64ua rv64uc; do
    for src in "$ROOT/isa/$suite"/*.S; do
        [ -e "$src" ] || continue
        name="$(basename "$src" .S)"
        skip=0
        for x in "${V_EXCLUDE[@]+"${V_EXCLUDE[@]}"}"; do
            [ "$x" = "$suite/$name" ] && skip=1
        done
        [ "$skip" -eq 0 ] || continue
        roms+=("$suite-v-$name")
    done
done

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
bad=0
total=0
for rom in "${roms[@]}"; do
    total=$((total + 1))
    elf="$BIN/$rom.elf"
    if [ ! -f "$elf" ]; then
        echo "MISSING  $rom"
        bad=$((bad + 1))
        continue
    fi
    rc=0
    timeout 10 "$QEMU" -M spike -bios none -kernel "$elf" -nographic -monitor none \
        </dev/null >"$out" 2>&1 || rc=$?
    if [ "$rc" -eq 124 ]; then
        echo "FAIL     $rom (timeout after 10s)"
        bad=$((bad + 1))
    elif [ -n "${QEMU_DEVIATION[$rom]:-}" ] && [ "$rc" -eq "${QEMU_DEVIATION[$rom]}" ]; then
        echo "PASS     $rom (case $rc fails on QEMU: known QEMU deviation from the spec)"
    elif [ "$rc" -eq 0 ]; then
        echo "PASS     $rom"
    else
        echo "FAIL     $rom case $rc"
        bad=$((bad + 1))
    fi
done

echo "$((total - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
