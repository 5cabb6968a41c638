#!/usr/bin/env bash
# Rebuild gasang's bundled Linux guest (firmware/images/) from Debian packages:
#   Image.xz           Linux kernel (linux-source-6.12), config firmware/linux.config
#   vmlinux.xz         ELF of that same build: full symbol table, no DWARF (for gdb)
#   System.map.xz      its symbol map
#   initramfs.cpio.gz  busybox (Debian's source package, static) + firmware/images/initramfs/
#   fw_dynamic.bin     OpenSBI, copied from Debian's opensbi package
#
# Usage: firmware/build-images.sh [--regen-config [--config-only]] [--dwarf] [BUILD_DIR]
#   BUILD_DIR       where sources are unpacked and built (default /tmp/gasang-images);
#                   never inside the repository.
#   --regen-config  derive firmware/linux.config anew from the riscv defconfig
#                   (the trimming steps are in regen_config below) before building.
#   --config-only   with --regen-config: stop after writing firmware/linux.config.
#   --dwarf         also build the kernel a second time with reduced DWARF 4 debug info,
#                   as BUILD_DIR/vmlinux-dwarf (not shipped: ~9 MB even xz-compressed).
# Environment: JOBS (default 2), NICE (default 19).
# Needs root (or sudo) only to install missing Debian packages / add the deb-src entry.
set -euo pipefail

REGEN=0
CONFIG_ONLY=0
DWARF=0
B=/tmp/gasang-images
while [ $# -gt 0 ]; do
	case "$1" in
	--regen-config) REGEN=1 ;;
	--config-only) CONFIG_ONLY=1 ;;
	--dwarf) DWARF=1 ;;
	-h | --help) sed -n '2,20p' "$0"; exit 0 ;;
	-*) echo "unknown option $1" >&2; exit 2 ;;
	*) B=$1 ;;
	esac
	shift
done

FW=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$FW/.." && pwd)
OUT=$FW/images
JOBS=${JOBS:-2}
NICE=${NICE:-19}
mkdir -p "$B"
B=$(cd "$B" && pwd)
case "$B/" in "$REPO"/*) echo "build dir $B is inside the repository; use one outside" >&2; exit 2 ;; esac

# Reproducible builds: fixed timestamps, user and host in the kernel version string.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1735689600} # 2025-01-01T00:00:00Z
export KBUILD_BUILD_TIMESTAMP="@$SOURCE_DATE_EPOCH"
export KBUILD_BUILD_USER=gasang KBUILD_BUILD_HOST=gasang KBUILD_BUILD_VERSION=1
export LC_ALL=C TZ=UTC

KMAKE=(nice -n "$NICE" make ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- -j"$JOBS")
log() { echo "==> $*" >&2; }
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

# ---------------------------------------------------------------- packages
PKGS=(linux-source-6.12 gcc-riscv64-linux-gnu opensbi qemu-system-misc bc bison flex
	libssl-dev libelf-dev cpio dpkg-dev xz-utils gzip make gcc libc6-dev)
missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	log "installing ${missing[*]}"
	$SUDO apt-get update
	$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# busybox comes from Debian's source package: needs a deb-src entry.
if [ -z "$(apt-cache showsrc busybox 2>/dev/null)" ]; then
	src=/etc/apt/sources.list.d/debian-src.sources
	if [ ! -e "$src" ] && [ -e /etc/apt/sources.list.d/debian.sources ]; then
		log "adding deb-src entry $src"
		sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | $SUDO tee "$src" >/dev/null
	fi
	$SUDO apt-get update
fi

# ---------------------------------------------------------------- sources
KVER_DEB=$(dpkg-query -W -f='${Version}' linux-source-6.12)
KSRC=$B/linux-source-6.12
if [ ! -f "$KSRC/.gasang-unpacked-$KVER_DEB" ]; then
	log "unpacking linux-source-6.12 $KVER_DEB"
	rm -rf "$KSRC"
	tar -C "$B" -xf /usr/src/linux-source-6.12.tar.xz
	touch "$KSRC/.gasang-unpacked-$KVER_DEB"
fi

if ! ls -d "$B"/busybox-[0-9]*/ >/dev/null 2>&1; then
	log "fetching busybox source"
	(cd "$B" && apt-get source busybox)
fi
BBSRC=$(ls -d "$B"/busybox-[0-9]*/ | sort -V | tail -n1)
BBSRC=${BBSRC%/}
BBDSC=$(ls "$B"/busybox_*.dsc | sort -V | tail -n1)

# ---------------------------------------------------------------- kernel config
# How firmware/linux.config was made: riscv defconfig, then these trims.
regen_config() {
	local o=$B/linux-regen
	rm -rf "$o"; mkdir -p "$o"
	(cd "$KSRC" && "${KMAKE[@]}" O="$o" defconfig)
	local c=("$KSRC/scripts/config" --file "$o/.config")
	# general: no modules, no containers/cgroups/BPF/LSMs/ACPI/EFI/KVM/compat
	"${c[@]}" -d MODULES -d IKCONFIG -d IKCONFIG_PROC -d BPF_SYSCALL -d CGROUPS -d NAMESPACES \
		-d CHECKPOINT_RESTORE -d PROFILING -d AUDIT -d SECURITY -d KVM -d VIRTUALIZATION \
		-d ACPI -d COMPAT -d CPU_FREQ -d CPU_IDLE -d HIBERNATION -d SUSPEND -d KEXEC -d CRASH_DUMP \
		-d SYSVIPC -d POSIX_MQUEUE -d BLK_DEV_THROTTLING -d BLK_CGROUP \
		-e NONPORTABLE -d EFI -d KEYS -d SECURITYFS
	# SoC platforms: only ARCH_VIRT (QEMU virt); no vendor errata
	"${c[@]}" -d ARCH_MICROCHIP_POLARFIRE -d ARCH_MICROCHIP -d ARCH_RENESAS -d ARCH_SIFIVE \
		-d ARCH_SOPHGO -d ARCH_STARFIVE -d SOC_STARFIVE -d ARCH_SUNXI -d ARCH_THEAD -d ARCH_CANAAN \
		-d SOC_CANAAN_K210 -e ARCH_VIRT -d ERRATA_SIFIVE -d ERRATA_THEAD -d ERRATA_ANDES -d SIFIVE_CCACHE
	# secondary harts are started through SBI HSM only (no legacy spin-wait entry)
	"${c[@]}" -e SMP --set-val NR_CPUS 64 -d RISCV_BOOT_SPINWAIT -e RISCV_ISA_C -e FPU
	# initramfs: gzip only
	"${c[@]}" -e BLK_DEV_INITRD -e RD_GZIP -d RD_BZIP2 -d RD_LZMA -d RD_XZ -d RD_LZO -d RD_LZ4 -d RD_ZSTD
	# no networking at all
	"${c[@]}" -d NET
	# buses and drivers that are not on (or not needed on) virt
	"${c[@]}" -d PCI -d MTD -d SCSI -d ATA -d MD -d BLK_DEV_NVME -d I2C -d SPI -d MMC -d USB_SUPPORT \
		-d USB -d DRM -d FB -d SOUND -d SND -d MEDIA_SUPPORT -d INPUT -d SERIO -d HID_SUPPORT -d HID \
		-d VT -d GPIOLIB -d REGULATOR -d WATCHDOG -d THERMAL -d IIO -d DMADEVICES -d RPMSG_VIRTIO \
		-d RPMSG_CHAR -d RPMSG_CTRL -d LIBNVDIMM -d PM_DEVFREQ -d HWMON -d MFD_AXP20X_I2C \
		-d SUN50I_IOMMU -d IOMMU_SUPPORT -d VIRTIO_PCI -d VIRTIO_BALLOON -d VIRTIO_INPUT \
		-d CRYPTO_DEV_VIRTIO -d SERIAL_8250_DW -d SERIAL_SIFIVE -d HW_RANDOM_JH7110 \
		-d POWER_RESET_GPIO_RESTART -d NVMEM_SUNXI_SID -d PHY_SUN4I_USB -d EXTCON -d MEDIA_CEC_SUPPORT \
		-d BACKLIGHT_CLASS_DEVICE -d POWER_SUPPLY -d MAILBOX -d CONFIGFS_FS -d LEGACY_PTYS \
		-d BLK_DEBUG_FS -d RTC_NVMEM -d NVMEM -d DAX -d VHOST_MENU -d FW_LOADER \
		-d IOSCHED_BFQ -d MQ_IOSCHED_KYBER
	# crypto that only the dropped features wanted (DRBG/jitterentropy are slow to start)
	"${c[@]}" -d CRYPTO_RSA -d CRYPTO_GCM -d CRYPTO_AUTHENC -d CRYPTO_SEQIV -d CRYPTO_ECHAINIV \
		-d CRYPTO_DRBG_MENU -d CRYPTO_JITTERENTROPY -d CRYPTO_SHA3 -d CRYPTO_SHA512 -d CRYPTO_HMAC \
		-d CRYPTO_BLAKE2B
	# devices of the virt board that gasang models
	"${c[@]}" -e SERIAL_8250 -e SERIAL_8250_CONSOLE -e SERIAL_OF_PLATFORM -e SERIAL_EARLYCON \
		-e SERIAL_EARLYCON_RISCV_SBI -e RISCV_SBI -e RISCV_SBI_V01 -e HVC_RISCV_SBI -e VIRTIO_MENU \
		-e VIRTIO_MMIO -e VIRTIO_BLK -e VIRTIO_CONSOLE -e HW_RANDOM -e HW_RANDOM_VIRTIO -e RTC_CLASS \
		-e RTC_DRV_GOLDFISH -e POWER_RESET -e POWER_RESET_SYSCON -e POWER_RESET_SYSCON_POWEROFF \
		-e BLK_DEV_LOOP
	# filesystems: ext4 driver (mounts ext2/ext3 too), tmpfs, devtmpfs
	"${c[@]}" -e DEVTMPFS -e DEVTMPFS_MOUNT -e TMPFS -e PROC_FS -e SYSFS -e EXT4_FS -e EXT4_USE_FOR_EXT2 \
		-d EXT4_FS_POSIX_ACL -d EXT4_FS_SECURITY -d BTRFS_FS -d AUTOFS_FS -d OVERLAY_FS -d ISO9660_FS \
		-d MSDOS_FS -d VFAT_FS -d TMPFS_POSIX_ACL -d HUGETLBFS -d NFS_FS -d 9P_FS -d EFIVAR_FS \
		-d NLS_CODEPAGE_437 -d NLS_ISO8859_1 -d QUOTA
	# debugging: keep printk times and debugfs, drop the heavy checkers and the debug info
	"${c[@]}" -e PRINTK_TIME -d DEBUG_PAGEALLOC -d DEBUG_VM -d DEBUG_VM_PGFLAGS -d DEBUG_VM_PGTABLE \
		-d DEBUG_MEMORY_INIT -d DEBUG_PER_CPU_MAPS -d SCHED_STACK_END_CHECK -d PROVE_LOCKING \
		-d DEBUG_LOCK_ALLOC -d DEBUG_SPINLOCK -d DEBUG_MUTEXES -d DEBUG_RT_MUTEXES -d DEBUG_RWSEMS \
		-d DEBUG_ATOMIC_SLEEP -d DEBUG_LIST -d DEBUG_SG -d DEBUG_PLIST -d KASAN -d KFENCE \
		-d RCU_EQS_DEBUG -d SOFTLOCKUP_DETECTOR -d WQ_WATCHDOG -d DETECT_HUNG_TASK -d MEMTEST \
		-d DEBUG_INFO -e DEBUG_INFO_NONE -d DEBUG_INFO_DWARF4 -d DEBUG_INFO_DWARF5 \
		-d DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT -d RANDOMIZE_BASE -d RELOCATABLE
	(cd "$KSRC" && "${KMAKE[@]}" O="$o" olddefconfig && "${KMAKE[@]}" O="$o" savedefconfig)
	cp "$o/defconfig" "$FW/linux.config"
	log "wrote $FW/linux.config"
}
if [ "$REGEN" = 1 ]; then
	regen_config
	[ "$CONFIG_ONLY" = 1 ] && exit 0
fi

# ---------------------------------------------------------------- kernel build
cp "$FW/linux.config" "$KSRC/arch/riscv/configs/gasang_defconfig"
build_kernel() { # $1 = output dir, rest = extra scripts/config arguments
	local o=$1; shift
	mkdir -p "$o"
	(cd "$KSRC" && "${KMAKE[@]}" O="$o" gasang_defconfig)
	if [ $# -gt 0 ]; then
		"$KSRC/scripts/config" --file "$o/.config" "$@"
		(cd "$KSRC" && "${KMAKE[@]}" O="$o" olddefconfig)
	fi
	(cd "$KSRC" && "${KMAKE[@]}" O="$o" Image)
}
log "building the kernel"
KO=$B/linux-build
build_kernel "$KO"
KREL=$(cat "$KO/include/config/kernel.release")

if [ "$DWARF" = 1 ]; then
	# Same config plus reduced DWARF 4 debug info. Debug info does not change the code: the
	# two Images differ only in the two 20-byte build-id notes (kernel and vDSO), so this
	# vmlinux-dwarf describes the shipped Image (checked here).
	log "building the kernel with debug info (BUILD_DIR/vmlinux-dwarf)"
	KD=$B/linux-build-debug
	build_kernel "$KD" -d DEBUG_INFO_NONE -e DEBUG_INFO -e DEBUG_INFO_DWARF4 -e DEBUG_INFO_REDUCED \
		-e DEBUG_INFO_COMPRESSED_NONE -d DEBUG_INFO_SPLIT -d GDB_SCRIPTS
	ndiff=$(cmp -l "$KO/arch/riscv/boot/Image" "$KD/arch/riscv/boot/Image" | wc -l || true)
	if ! cmp -s "$KO/System.map" "$KD/System.map" || [ "$ndiff" -gt 40 ]; then
		echo "WARNING: the debug build differs from the shipped Image ($ndiff bytes); its symbols may not match" >&2
	fi
	cp "$KD/vmlinux" "$B/vmlinux-dwarf"
fi

# ---------------------------------------------------------------- busybox
log "building busybox ($(basename "$BBSRC"))"
BBO=$B/busybox-build
mkdir -p "$BBO"
(cd "$BBSRC" && nice -n "$NICE" make O="$BBO" defconfig >/dev/null)
sed -i -e 's/^# CONFIG_STATIC is not set/CONFIG_STATIC=y/' \
	-e 's/^CONFIG_CROSS_COMPILER_PREFIX=.*/CONFIG_CROSS_COMPILER_PREFIX="riscv64-linux-gnu-"/' "$BBO/.config"
(cd "$BBO" && { yes '' || true; } | nice -n "$NICE" make oldconfig >/dev/null)
(cd "$BBO" && nice -n "$NICE" make -j"$JOBS")
rm -rf "$BBO/_install"
(cd "$BBO" && nice -n "$NICE" make CONFIG_PREFIX="$BBO/_install" install >/dev/null)

# ---------------------------------------------------------------- initramfs
log "building the initramfs"
GEN=$B/gen_init_cpio
gcc -O2 -o "$GEN" "$KSRC/usr/gen_init_cpio.c"
LIST=$B/initramfs.list
{
	for d in /bin /sbin /usr /usr/bin /usr/sbin /dev /proc /sys /tmp /etc /root /mnt /run; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "nod /dev/null 0666 0 0 c 1 3"
	echo "file /bin/busybox $BBO/_install/bin/busybox 0755 0 0"
	(cd "$BBO/_install" && find . -type l | sed 's|^\.||' | sort) | while read -r l; do
		echo "slink $l $(readlink "$BBO/_install$l") 0777 0 0"
	done
	echo "file /init $OUT/initramfs/init 0755 0 0"
	(cd "$OUT/initramfs/etc" && find . -type f | sed 's|^\./||' | sort) | while read -r f; do
		echo "file /etc/$f $OUT/initramfs/etc/$f 0644 0 0"
	done
} >"$LIST"
"$GEN" -t "$SOURCE_DATE_EPOCH" "$LIST" | gzip -9 -n >"$B/initramfs.cpio.gz"

# ---------------------------------------------------------------- outputs
log "copying the outputs to $OUT"
XZ=(xz -T1 --check=crc32 --lzma2=preset=9e,dict=16MiB)
"${XZ[@]}" -c "$KO/arch/riscv/boot/Image" >"$OUT/Image.xz"
cp "$B/initramfs.cpio.gz" "$OUT/initramfs.cpio.gz"
cp /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin "$OUT/fw_dynamic.bin"
"${XZ[@]}" -c "$KO/System.map" >"$OUT/System.map.xz"
# The ELF of the shipped Image (CONFIG_DEBUG_INFO is off: symbols, no DWARF).
"${XZ[@]}" -c "$KO/vmlinux" >"$OUT/vmlinux.xz"

{
	echo "kernel: $KREL (Debian linux-source-6.12 $KVER_DEB)"
	echo "busybox: $(basename "$BBSRC") (Debian source $(basename "$BBDSC" .dsc))"
	echo "opensbi: Debian opensbi $(dpkg-query -W -f='${Version}' opensbi)"
	echo "gcc: $(riscv64-linux-gnu-gcc --version | head -n1)"
	echo "SOURCE_DATE_EPOCH: $SOURCE_DATE_EPOCH"
	echo
	(cd "$OUT" && sha256sum Image.xz vmlinux.xz System.map.xz initramfs.cpio.gz fw_dynamic.bin)
} >"$OUT/VERSIONS"
cat "$OUT/VERSIONS"
ls -l "$OUT"
