#!/usr/bin/env bash
# Runs gasang's whole test suite, as CI does (.ci/run calls this script).
#
# Installs, with apt-get, the Debian packages the tests need when they are missing, then
# runs every test of the workspace in release mode (tests boot guests; a debug-mode
# interpreter is too slow). A test never skips because a tool is missing: it fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian packages the tests use, as "command-or-file:package".
NEEDED=(
    "qemu-system-riscv64:qemu-system-misc"                 # the oracle for the test ROMs
    "/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin:u-boot-qemu"  # U-Boot boot tests
    "dtc:device-tree-compiler"                             # checks our device tree
    "gdb-multiarch:gdb-multiarch"                          # drives the gdb stub
)

missing=()
for item in "${NEEDED[@]}"; do
    cmd="${item%%:*}"
    pkg="${item#*:}"
    if [[ "$cmd" == /* ]]; then
        [ -e "$cmd" ] || missing+=("$pkg")
    else
        command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    fi
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cargo test --release --workspace "$@"
