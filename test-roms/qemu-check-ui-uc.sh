#!/usr/bin/env bash
# Run every built rv64ui/rv64uc ROM under QEMU (the reference) and report PASS/FAIL.
# QEMU's spike machine exits with status 0 when the ROM writes 1 to tohost, and with
# the failing case number when it writes (case << 1) | 1.
# Usage: qemu-check-ui-uc.sh   (run build-isa-ui-uc.sh first; runnable from any directory)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
QEMU="${QEMU:-qemu-system-riscv64}"

shopt -s nullglob
roms=("$ROOT"/bin/rv64ui-*.elf "$ROOT"/bin/rv64uc-*.elf)
if [ "${#roms[@]}" -eq 0 ]; then
    echo "no rv64ui/rv64uc ROMs in $ROOT/bin (run build-isa-ui-uc.sh)" >&2
    exit 2
fi

pass=0
fail=0
for rom in "${roms[@]}"; do
    name="$(basename "$rom" .elf)"
    set +e
    timeout 10 "$QEMU" -M spike -bios none -kernel "$rom" -nographic \
        </dev/null >/dev/null 2>&1
    rc=$?
    set -e
    if [ "$rc" -eq 0 ]; then
        printf '%-28s PASS\n' "$name"
        pass=$((pass + 1))
    elif [ "$rc" -eq 124 ]; then
        printf '%-28s FAIL (timeout)\n' "$name"
        fail=$((fail + 1))
    else
        printf '%-28s FAIL case %d\n' "$name" "$rc"
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
