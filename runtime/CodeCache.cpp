//===- CodeCache.cpp - On-disk cache of compiled object code --------------===//
//
// Implements CodeCache.h. Entry layout: "WEFTOBJ2", the key's length, the
// object's length, the XXH3-64 checksum of key and object (each 8 bytes,
// little endian), the key's text, the object. Files are opened relative to
// the checked directory (openat), so the directory that was checked is the
// one used.
//
//===----------------------------------------------------------------------===//
#include "runtime/CodeCache.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include "llvm/TargetParser/Host.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>
#include <vector>

#ifndef WEFT_VERSION
#define WEFT_VERSION "0.1.0"
#endif

namespace weft::cache {

namespace {
constexpr char kMagic[8] = {'W', 'E', 'F', 'T', 'O', 'B', 'J', '2'};
constexpr size_t kHeaderBytes = 32;

void putU64(std::string &out, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint64_t getU64(const char *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i)
    v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

/// Closes a file descriptor on scope exit.
struct FileDescriptor {
  int fd = -1;
  explicit FileDescriptor(int fd) : fd(fd) {}
  FileDescriptor(const FileDescriptor &) = delete;
  FileDescriptor &operator=(const FileDescriptor &) = delete;
  ~FileDescriptor() {
    if (fd >= 0)
      ::close(fd);
  }
};

/// Prints "weft: warning: MESSAGE" on stderr, once per process.
void warnOnce(const std::string &message) {
  static std::mutex mutex;
  static std::set<std::string> shown;
  std::lock_guard<std::mutex> lock(mutex);
  if (shown.insert(message).second)
    std::fprintf(stderr, "weft: warning: %s\n", message.c_str());
}

/// Why a file with status `st` cannot be trusted ("" if it can): only
/// the user may have written it.
std::string whyUntrusted(const struct stat &st) {
  if (st.st_uid != ::geteuid())
    return "belongs to another user";
  if (st.st_mode & (S_IWGRP | S_IWOTH))
    return "is writable by group or others";
  return "";
}

void refuseEntry(const std::string &path, const std::string &why) {
  warnOnce("the code cache entry '" + path + "' " + why + "; it is ignored");
}

/// Creates `path` and its missing parents, each 0700 whatever the umask.
/// False if it cannot be created (an existing one is checked on opening).
bool makeDirectories(const std::string &path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0)
    return S_ISDIR(st.st_mode);
  if (errno != ENOENT)
    return false;
  std::string parent = llvm::sys::path::parent_path(path).str();
  if (!parent.empty() && parent != path && !makeDirectories(parent))
    return false;
  if (::mkdir(path.c_str(), 0700) != 0)
    return errno == EEXIST; // another process made it first
  FileDescriptor d(
      ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  return d.fd >= 0 && ::fchmod(d.fd, 0700) == 0;
}

/// The cache directory `dir`, opened (and first created if `create`), or
/// -1 if it is missing or cannot be trusted (with a warning).
int openDirectory(const std::string &dir, bool create) {
  if (create && !makeDirectories(dir))
    return -1;
  FileDescriptor d(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  struct stat st;
  if (d.fd < 0 || ::fstat(d.fd, &st) != 0)
    return -1;
  if (std::string why = whyUntrusted(st); !why.empty()) {
    warnOnce("the code cache directory '" + dir + "' " + why +
             "; the program is compiled without it");
    return -1;
  }
  int fd = d.fd;
  d.fd = -1;
  return fd;
}

std::string resolveDirectory(const std::string &dir) {
  return dir.empty() ? directory() : dir;
}

std::string shownPath(const std::string &dir, const std::string &name) {
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, name);
  return std::string(path.str());
}

bool writeAll(int fd, const std::string &data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

/// Reads exactly `size` bytes; false on a short read or an error.
bool readAll(int fd, std::string &data, size_t size) {
  data.resize(size);
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, data.data() + done, size - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    done += static_cast<size_t>(n);
  }
  return true;
}
} // namespace

std::string directory() {
  if (const char *d = std::getenv("WEFT_CACHE_DIR"); d && *d)
    return d;
  llvm::SmallString<256> path;
  if (const char *x = std::getenv("XDG_CACHE_HOME"); x && *x) {
    path = x;
  } else if (const char *h = std::getenv("HOME"); h && *h) {
    path = h;
    llvm::sys::path::append(path, ".cache");
  } else {
    return "";
  }
  llvm::sys::path::append(path, "weft");
  return std::string(path.str());
}

Key &Key::add(const std::string &part) {
  // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
  text_ += std::to_string(part.size()) + ":" + part + ";";
  return *this;
}

std::string Key::digest() const {
  llvm::XXH128_hash_t h =
      llvm::xxh3_128bits(llvm::arrayRefFromStringRef(text_));
  return llvm::utohexstr(h.high64, /*LowerCase=*/true, 16) +
         llvm::utohexstr(h.low64, /*LowerCase=*/true, 16);
}

/// The size and modification time of the file holding this code (the weft
/// executable or libweft.so): a rebuilt compiler with the same version
/// number does not load what an older build cached.
static std::string buildStamp() {
  Dl_info info;
  struct stat st;
  const char *path = "/proc/self/exe";
  if (dladdr(reinterpret_cast<void *>(&buildStamp), &info) && info.dli_fname &&
      stat(info.dli_fname, &st) == 0)
    path = info.dli_fname;
  if (stat(path, &st) != 0)
    return "";
  return std::to_string(st.st_size) + "." + std::to_string(st.st_mtim.tv_sec) +
         "." + std::to_string(st.st_mtim.tv_nsec);
}

std::string hostAndCompilerIdentity() {
  std::string id = "weft " WEFT_VERSION " llvm " LLVM_VERSION_STRING " ";
  id += "build " + buildStamp() + " ";
  id += llvm::sys::getProcessTriple() + " " + llvm::sys::getHostCPUName().str();
  std::vector<std::string> features;
  for (const auto &f : llvm::sys::getHostCPUFeatures())
    if (f.second)
      features.push_back(f.first().str());
  std::sort(features.begin(), features.end());
  for (const std::string &f : features)
    id += " +" + f;
  return id;
}

std::optional<std::string> load(const Key &key, const std::string &dirArg) {
  std::string dir = resolveDirectory(dirArg);
  if (dir.empty())
    return std::nullopt;
  FileDescriptor d(openDirectory(dir, /*create=*/false));
  if (d.fd < 0)
    return std::nullopt;
  std::string name = key.digest() + ".o";
  // What is there, before opening it: a link is not followed, and a FIFO
  // or a device is never opened.
  struct stat st;
  if (::fstatat(d.fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
    return std::nullopt; // no entry
  if (S_ISLNK(st.st_mode)) {
    refuseEntry(shownPath(dir, name), "is a symbolic link");
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    refuseEntry(shownPath(dir, name), "is not a regular file");
    return std::nullopt;
  }
  // Opened without following a link and without blocking (it may have
  // been replaced since), then checked again through the descriptor.
  FileDescriptor f(
      ::openat(d.fd, name.c_str(),
               O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0)
    return std::nullopt;
  if (!S_ISREG(st.st_mode)) {
    refuseEntry(shownPath(dir, name), "is not a regular file");
    return std::nullopt;
  }
  if (std::string why = whyUntrusted(st); !why.empty()) {
    refuseEntry(shownPath(dir, name), why);
    return std::nullopt;
  }
  uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size > kMaxEntryBytes) {
    refuseEntry(shownPath(dir, name), "is larger than 1 GiB");
    return std::nullopt;
  }
  std::string data;
  if (size < kHeaderBytes || !readAll(f.fd, data, size) ||
      std::memcmp(data.data(), kMagic, 8) != 0)
    return std::nullopt; // truncated, or not an entry
  uint64_t keyLength = getU64(data.data() + 8);
  uint64_t objectLength = getU64(data.data() + 16);
  uint64_t sum = getU64(data.data() + 24);
  uint64_t body = size - kHeaderBytes;
  if (keyLength > body || objectLength != body - keyLength)
    return std::nullopt; // truncated (or padded)
  // Another key's entry (copied here, or a digest collision).
  if (keyLength != key.text().size() ||
      data.compare(kHeaderBytes, keyLength, key.text()) != 0)
    return std::nullopt;
  if (llvm::xxh3_64bits(llvm::arrayRefFromStringRef(
          llvm::StringRef(data).drop_front(kHeaderBytes))) != sum)
    return std::nullopt; // corrupt
  return data.substr(kHeaderBytes + keyLength);
}

bool store(const Key &key, const std::string &object,
           const std::string &dirArg) {
  std::string dir = resolveDirectory(dirArg);
  if (dir.empty())
    return false;
  FileDescriptor d(openDirectory(dir, /*create=*/true));
  if (d.fd < 0)
    return false;
  std::string data(kMagic, 8);
  putU64(data, key.text().size());
  putU64(data, object.size());
  std::string body = key.text() + object;
  putU64(data, llvm::xxh3_64bits(llvm::arrayRefFromStringRef(body)));
  data += body;
  // A new temporary file (never an existing one, never through a link),
  // then an atomic rename over the entry.
  static std::atomic<unsigned> counter{0};
  std::string name = key.digest() + ".o", temporary;
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    temporary = name + ".tmp." + std::to_string(::getpid()) + "." +
                std::to_string(counter++);
    fd = ::openat(d.fd, temporary.c_str(),
                  O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
      return false;
  }
  if (fd < 0)
    return false;
  // 0600 exactly: the umask may have taken bits away.
  bool written = ::fchmod(fd, 0600) == 0 && writeAll(fd, data);
  written = ::close(fd) == 0 && written;
  if (!written ||
      ::renameat(d.fd, temporary.c_str(), d.fd, name.c_str()) != 0) {
    ::unlinkat(d.fd, temporary.c_str(), 0);
    return false;
  }
  return true;
}

void remove(const Key &key, const std::string &dirArg) {
  std::string dir = resolveDirectory(dirArg);
  if (dir.empty())
    return;
  FileDescriptor d(openDirectory(dir, /*create=*/false));
  if (d.fd >= 0)
    ::unlinkat(d.fd, (key.digest() + ".o").c_str(), 0);
}

} // namespace weft::cache
