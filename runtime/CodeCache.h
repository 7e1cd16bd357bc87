//===- CodeCache.h - On-disk cache of compiled object code -----*- C++ -*-===//
//
// Like Numba's cache=True, without its staleness: an entry is the object
// file of one compilation, stored under a key that spells out everything
// the code depends on (runtime/CachedProgram.h builds it: the source of
// every function compiled, the module's statements outside functions,
// the file's name and the functions' lines, options, target CPU and
// features, compiler build). Entries live in $WEFT_CACHE_DIR, else
// $XDG_CACHE_HOME/weft, else ~/.cache/weft.
//
// Loading an entry runs its machine code, so the cache trusts only what
// the user alone can write (docs/errors.md, "Security"): the directory is
// created 0700 and entries 0600 whatever the umask; a directory or an
// entry owned by another user or writable by group or others is refused
// with a warning on stderr (once per process), and so is an entry that is
// not a regular file or is larger than kMaxEntryBytes. Each entry records
// its whole key, compared on load, so an entry copied to another key's
// file is never used for it, and a checksum against accidents: a corrupt
// or truncated entry is ignored (and later overwritten). Writers create a
// new temporary file (O_EXCL, never following a link) and rename it into
// place, so concurrent processes never see a half-written entry.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_CODECACHE_H
#define WEFT_RUNTIME_CODECACHE_H

#include <cstdint>
#include <optional>
#include <string>

namespace weft::cache {

/// The cache directory ("" if no home or cache directory is known).
std::string directory();

/// Entries larger than this are refused without being read.
constexpr uint64_t kMaxEntryBytes = uint64_t(1) << 30;

/// A key: its parts, length-prefixed, make up its text; the file name is
/// a digest of the text, and the entry stores the text itself.
class Key {
public:
  Key &add(const std::string &part);
  const std::string &text() const { return text_; }
  /// 32 hex digits (XXH3-128 of the text): the entry's file name.
  std::string digest() const;

private:
  std::string text_;
};

/// The target CPU, its features and the compiler's version and build, for
/// keys.
std::string hostAndCompilerIdentity();

/// The object stored under `key` (in `dir`, default directory()), if the
/// entry is there, safe to trust and intact, and records exactly this key.
std::optional<std::string> load(const Key &key, const std::string &dir = "");
/// Stores `object` under `key`, replacing any entry there; false (with a
/// warning only if the directory is unsafe: the cache is an optimisation)
/// if it cannot be written.
bool store(const Key &key, const std::string &object,
           const std::string &dir = "");
/// Removes the entry under `key` (one that turned out unusable).
void remove(const Key &key, const std::string &dir = "");

} // namespace weft::cache

#endif // WEFT_RUNTIME_CODECACHE_H
