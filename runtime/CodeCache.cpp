//===- CodeCache.cpp - On-disk cache of compiled object code --------------===//
//
// Implements CodeCache.h. Entry layout: "WEFTOBJ1", the payload length
// (8 bytes, little endian), the payload's xxh3 checksum (8 bytes), the
// payload.
//
//===----------------------------------------------------------------------===//
#include "runtime/CodeCache.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include "llvm/TargetParser/Host.h"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#ifndef WEFT_VERSION
#define WEFT_VERSION "0.1.0"
#endif

namespace weft::cache {

namespace {
constexpr char kMagic[8] = {'W', 'E', 'F', 'T', 'O', 'B', 'J', '1'};

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

std::string entryPath(const std::string &key, std::string dir) {
  if (dir.empty())
    dir = directory();
  if (dir.empty())
    return "";
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, key + ".o");
  return std::string(path.str());
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

KeyBuilder &KeyBuilder::add(const std::string &part) {
  // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
  data_ += std::to_string(part.size()) + ":" + part + ";";
  return *this;
}

std::string KeyBuilder::key() const {
  llvm::XXH128_hash_t h =
      llvm::xxh3_128bits(llvm::arrayRefFromStringRef(data_));
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

std::optional<std::string> load(const std::string &key,
                                const std::string &dir) {
  std::string path = entryPath(key, dir);
  if (path.empty())
    return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  if (data.size() < 24 || std::memcmp(data.data(), kMagic, 8) != 0)
    return std::nullopt;
  uint64_t length = getU64(data.data() + 8);
  uint64_t sum = getU64(data.data() + 16);
  if (length != data.size() - 24)
    return std::nullopt; // truncated (or padded)
  std::string payload = data.substr(24);
  if (llvm::xxh3_64bits(llvm::arrayRefFromStringRef(payload)) != sum)
    return std::nullopt; // corrupt
  return payload;
}

bool store(const std::string &key, const std::string &object,
           const std::string &dir) {
  std::string path = entryPath(key, dir);
  if (path.empty())
    return false;
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path)))
    return false;
  std::string data(kMagic, 8);
  putU64(data, object.size());
  putU64(data, llvm::xxh3_64bits(llvm::arrayRefFromStringRef(object)));
  data += object;
  // A private temporary name, then an atomic rename over the entry.
  static std::atomic<unsigned> counter{0};
  std::string tmp = path + ".tmp." + std::to_string(getpid()) + "." +
                    std::to_string(counter++);
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) {
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

} // namespace weft::cache
