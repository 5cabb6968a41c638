#!/usr/bin/env bash
# Runs every test ROM on gasang and on Debian's QEMU (`-M spike -bios none -kernel`)
# and prints a table: ROM, gasang's result, QEMU's result, and whether they agree.
# A ROM that passes on gasang but fails on QEMU points at a wrong test (or, for the
# *_strict ROMs, at a documented QEMU deviation from the spec).
# Usage: scripts/compare-qemu.sh [prefix]     (e.g. rv64ua-)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
prefix="${1:-}"
cargo build --release -q --bin gasang || exit 2
GASANG=target/release/gasang
command -v qemu-system-riscv64 >/dev/null || { echo "qemu-system-riscv64 missing (apt-get install qemu-system-misc)"; exit 2; }

result() { # exit code -> text
    case "$1" in
        0) echo "pass" ;;
        124) echo "timeout" ;;
        *) echo "fail($1)" ;;
    esac
}

printf '| %-32s | %-10s | %-10s | %s |\n' ROM gasang QEMU agree
printf '| %-32s | %-10s | %-10s | %s |\n' "---" "---" "---" "---"
n=0; same=0
for elf in test-roms/bin/${prefix}*.elf; do
    name=$(basename "$elf" .elf)
    [ "$name" = bench ] && continue
    timeout 60 "$GASANG" run "$elf" >/dev/null 2>&1; g=$?
    if [ $g -eq 1 ]; then # gasang reports the case on stderr; get the number
        g=$(timeout 60 "$GASANG" run "$elf" 2>&1 >/dev/null | sed -n 's/.*test case \([0-9]*\).*/\1/p')
    fi
    timeout 60 qemu-system-riscv64 -M spike -bios none -nographic -monitor none -kernel "$elf" </dev/null >/dev/null 2>&1; q=$?
    n=$((n + 1))
    agree=no; [ "$g" = "$q" ] && { agree=yes; same=$((same + 1)); }
    printf '| %-32s | %-10s | %-10s | %s |\n' "$name" "$(result "$g")" "$(result "$q")" "$agree"
done
echo
echo "$same of $n ROMs give the same result on gasang and QEMU"
