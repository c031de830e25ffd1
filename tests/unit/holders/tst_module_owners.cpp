// SPDX-License-Identifier: GPL-3.0-or-later
// ModuleOwners' anonymous-inode rule. An anonymous inode is named by the
// code that made it: kvm's "kvm-vm" and "kvm-vcpu:N", vfio's
// "[vfio-device]", the core kernel's "[eventfd]". Its first word names the
// owner when a module of that name is loaded. (The device, socket and
// filesystem rules need a kernel with modules: tests/vm/tst_holders.cpp.)
#include "holders/moduleowners.h"

#include <QtTest>

namespace refscope {

class TestModuleOwners : public QObject {
    Q_OBJECT

private slots:
    void anonymousInodesAreOwnedByTheirFirstWord()
    {
        ModuleOwners owners({QStringLiteral("kvm"), QStringLiteral("vfio")});
        for (const QString &name : {QStringLiteral("kvm-vm"), QStringLiteral("kvm-vcpu:0")}) {
            const Attribution a = owners.anonInode(name);
            QCOMPARE(a.module, QStringLiteral("kvm"));
            QCOMPARE(a.rule.size(), 1);
            QCOMPARE(a.rule.first().code, HolderSentenceCode::AnonInodeNamed);
            QCOMPARE(a.rule.first().args, QStringList{name});
        }
        QCOMPARE(owners.anonInode(QStringLiteral("[vfio-device]")).module, QStringLiteral("vfio"));
    }

    void theCoreKernelsInodesHaveNoOwner()
    {
        ModuleOwners owners({QStringLiteral("kvm")});
        // Asked twice: the second answer comes from the cache and must agree.
        for (int round = 0; round < 2; ++round) {
            QVERIFY(!owners.anonInode(QStringLiteral("[eventfd]")).found());
            QVERIFY(!owners.anonInode(QStringLiteral("[io_uring]")).found());
            QVERIFY(!owners.anonInode(QStringLiteral("[]")).found());
            QVERIFY(!owners.anonInode(QString()).found());
        }
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestModuleOwners)
#include "tst_module_owners.moc"
