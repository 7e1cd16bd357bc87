//===- CodeCache.h - On-disk cache of compiled object code -----*- C++ -*-===//
//
// Like Numba's cache=True, without its staleness: an entry is the object
// file of one compilation, stored under a key that hashes everything the
// code depends on (the caller builds it: source of the function and of
// everything it calls, argument types, options, target CPU and features,
// compiler version). Entries live in $WEFT_CACHE_DIR, else
// $XDG_CACHE_HOME/weft, else ~/.cache/weft. Each file carries a magic
// number, its length and a checksum: a corrupt or truncated entry is
// ignored (and later overwritten), never trusted. Writers write a private
// temporary file and rename it into place, so concurrent processes never
// see a half-written entry.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_CODECACHE_H
#define WEFT_RUNTIME_CODECACHE_H

#include <optional>
#include <string>

namespace weft::cache {

/// The cache directory ("" if no home or cache directory is known).
std::string directory();

/// Accumulates the parts of a key; `key()` is a hex digest of them.
class KeyBuilder {
public:
  KeyBuilder &add(const std::string &part);
  std::string key() const;

private:
  std::string data_;
};

/// The target CPU, its features and the compiler version, for keys.
std::string hostAndCompilerIdentity();

/// The object stored under `key` (in `dir`, default directory()), if
/// present and intact.
std::optional<std::string> load(const std::string &key,
                                const std::string &dir = "");
/// Stores `object` under `key`; false (silently: the cache is an
/// optimisation) if the directory cannot be written.
bool store(const std::string &key, const std::string &object,
           const std::string &dir = "");

} // namespace weft::cache

#endif // WEFT_RUNTIME_CODECACHE_H
