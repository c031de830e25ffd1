// SPDX-License-Identifier: GPL-3.0-or-later
// Crypto algorithms as holders: every user of an algorithm (a transform
// allocated by an AF_ALG socket, dm-crypt, IPsec, or another algorithm
// built on it through a template) took it with crypto_mod_get(), which
// raises the algorithm's count (/proc/crypto's refcnt, 1 for its
// registration) and its module's together. The AF_ALG sockets open in
// processes are named as the candidates, since user space cannot tell
// which algorithm a bound AF_ALG socket uses.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace refscope {

struct Census;
class ModuleOwners;
class ProcessSocketsWalk;

struct CryptoAlgorithm {
    QString name;   // "sha3-256"
    QString driver; // "sha3-256-generic"
    QString module; // "sha3_generic", "kernel"
    int refcnt = 0;
};

QList<CryptoAlgorithm> parseProcCrypto(const QByteArray &text);

void addCryptoHolders(ModuleOwners &owners, Census &census, ProcessSocketsWalk &walk);

} // namespace refscope
