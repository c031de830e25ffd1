// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshots for the graph tests. The small one is written out here (its
// links are the 6.1 sound stack's); the desktop-sized one takes its
// links from the lab kernel's modules.dep.
#pragma once

#include "inventory/moduleinfo.h"
#include "inventory/snapshotjson.h"
#include "lab/labpaths.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>

namespace refscope::graphtest {

inline ModuleInfo module(const QString &name, const QStringList &holders,
                         const QStringList &depends, int refcount = -1)
{
    ModuleInfo m;
    m.name = name;
    m.state = ModuleState::Live;
    m.holders = holders;
    m.depends = depends;
    m.refcount = refcount < 0 ? int(holders.size()) : refcount;
    return m;
}

// snd_hda_intel -> snd_hda_codec -> snd_pcm -> snd_timer -> snd -> soundcore
// snd_hda_intel -> snd_pcm; snd_pcm -> snd; loop stands alone.
inline Snapshot soundSnapshot()
{
    Snapshot s;
    s.kernelRelease = QStringLiteral("6.1.0-56-amd64");
    s.modules = {
        module("loop", {}, {}, 0),
        module("snd", {"snd_hda_codec", "snd_pcm", "snd_timer"}, {"soundcore"}),
        module("snd_hda_codec", {"snd_hda_intel"}, {"snd", "snd_pcm"}),
        module("snd_hda_intel", {}, {"snd_hda_codec", "snd_pcm"}, 2),
        module("snd_pcm", {"snd_hda_codec", "snd_hda_intel"}, {"snd", "snd_timer"}),
        module("snd_timer", {"snd_pcm"}, {"snd"}),
        module("soundcore", {"snd"}, {}),
    };
    return s;
}

// A snapshot captured from the lab guest (tests/fixtures/NAME.json). On
// failure returns false and says why in *error.
inline bool loadFixture(const QString &path, Snapshot *snapshot, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    return snapshotFromJson(QJsonDocument::fromJson(file.readAll()).object(), snapshot, error);
}

// The lab kernel's modules; a desktop-sized module set is read from them
// because the lab guest loads only a few dozen modules.
inline QString labModulesDir()
{
    return QStringLiteral("/lib/modules/") + labKernelRelease();
}

// The modules a module uses, from the "depends=" entry of its .ko file's
// modinfo (what /sys/module/*/holders reflects once loaded).
inline QStringList directDependencies(const QString &koPath)
{
    QFile file(koPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    const qsizetype at = bytes.indexOf(QByteArray("\0depends=", 9));
    if (at < 0)
        return {};
    const qsizetype begin = at + 9;
    const QString list = QString::fromUtf8(bytes.mid(begin, bytes.indexOf('\0', begin) - begin));
    QStringList names;
    for (const QString &name : list.split(',', Qt::SkipEmptyParts))
        names.append(normalizeModuleName(name));
    return names;
}

// What a desktop machine typically has loaded: these modules plus all they
// depend on, each live and used by its users. Empty when the lab kernel's
// modules are not installed.
inline Snapshot desktopSnapshot()
{
    const QString dir = labModulesDir();
    QFile table(dir + QStringLiteral("/modules.dep"));
    if (!table.open(QIODevice::ReadOnly))
        return {};
    QHash<QString, QString> pathByName;
    for (const QByteArray &line : table.readAll().split('\n')) {
        const QString path = QString::fromUtf8(line.left(line.indexOf(':')));
        if (!path.isEmpty())
            pathByName.insert(normalizeModuleName(QFileInfo(path).fileName().section('.', 0, 0)),
                              dir + QLatin1Char('/') + path);
    }
    const QStringList roots =
        QStringLiteral(
            "snd_hda_intel snd_hda_codec_realtek i915 iwlmvm btusb kvm_intel nft_chain_nat "
            "nf_tables xfs usb_storage uas cdc_acm uvcvideo thunderbolt nvme ahci e1000e r8169 "
            "bridge stp veth overlay fuse loop tun wireguard dm_crypt joydev hid_generic usbhid "
            "evdev intel_rapl_msr coretemp x86_pkg_temp_thermal intel_powerclamp crc32_pclmul "
            "ghash_clmulni_intel aesni_intel ip_tables x_tables nft_ct nft_masq nf_nat_ftp "
            "binfmt_misc msr parport_pc ppdev lp efi_pstore configfs sg sr_mod cdrom serio_raw "
            "mei_me mei_hdcp iTCO_wdt watchdog pcspkr input_leds ext4 btrfs vfat nls_ascii "
            "nls_cp437 ecdh_generic rfkill cfg80211 mac80211 bluetooth btrtl btintel "
            "snd_usb_audio snd_seq_midi snd_rawmidi snd_seq snd_hrtimer drm_buddy ttm video wmi "
            "battery ac button acpi_pad acpi_tad sparse_keymap intel_pmc_core tpm_crb tpm_tis "
            "rng_core dm_mod md_mod raid1 raid456 xhci_pci ehci_pci i2c_i801 i2c_smbus lpc_ich "
            "intel_lpss_pci nvme_core sd_mod t10_pi crc64_rocksoft_generic scsi_common libata "
            "snd_sof_pci_intel_tgl ip6_tables nf_conntrack_netlink xt_conntrack xt_MASQUERADE "
            "xt_addrtype br_netfilter ipt_REJECT nf_reject_ipv4 vhost_net vhost macvtap")
            .split(' ');
    QSet<QString> loaded;
    QHash<QString, QStringList> depends;
    QStringList todo = roots;
    while (!todo.isEmpty()) {
        const QString name = todo.takeLast();
        if (pathByName.contains(name) && !loaded.contains(name)) {
            loaded.insert(name);
            depends.insert(name, directDependencies(pathByName.value(name)));
            todo += depends.value(name);
        }
    }
    QStringList names(loaded.begin(), loaded.end());
    names.sort();
    QHash<QString, QStringList> holders;
    for (const QString &name : names) {
        for (const QString &used : depends.value(name))
            holders[used].append(name);
    }
    Snapshot s;
    s.kernelRelease = QStringLiteral("6.1.0-56-amd64");
    for (const QString &name : names)
        s.modules.append(module(name, holders.value(name), depends.value(name)));
    return s;
}

} // namespace refscope::graphtest
