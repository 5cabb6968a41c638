#!/usr/bin/env bash
# Rebuilds every test ROM and benchmark ROM into test-roms/bin/ with Debian's
# gcc-riscv64-unknown-elf (installed here if missing). The binaries are committed, so
# `cargo test` needs no cross toolchain; run this after changing a source.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v riscv64-unknown-elf-gcc >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq gcc-riscv64-unknown-elf >/dev/null
fi
"$ROOT/build-isa-ui-uc.sh"
"$ROOT/build-isa-um-ua-mi-bench.sh"
"$ROOT/build-priv.sh"
"$ROOT/build-vm.sh"
"$ROOT/build-fp-zb.sh"
"$ROOT/build-virt.sh"
"$ROOT/build-kernel.sh"
"$ROOT/build-bench-roms.sh"
