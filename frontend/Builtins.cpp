//===- Builtins.cpp - Builtin names and kinds -----------------------------===//
//
// The tables behind frontend/Builtins.h, generated from Builtins.def.
//
//===----------------------------------------------------------------------===//
#include "frontend/Builtins.h"

#include <unordered_map>

namespace weft {
namespace {

struct BuiltinInfo {
  const char *name;
  BuiltinKind kind;
};

constexpr BuiltinInfo kInfo[] = {
#define WEFT_BUILTIN(Id, Name, Kind) {Name, BuiltinKind::Kind},
#include "frontend/Builtins.def"
};

} // namespace

std::optional<Builtin> lookupBuiltin(std::string_view name) {
  static const std::unordered_map<std::string_view, Builtin> byName = [] {
    std::unordered_map<std::string_view, Builtin> m;
    for (size_t i = 0; i < sizeof(kInfo) / sizeof(kInfo[0]); ++i)
      m.emplace(kInfo[i].name, static_cast<Builtin>(i));
    return m;
  }();
  auto it = byName.find(name);
  if (it == byName.end())
    return std::nullopt;
  return it->second;
}

const char *builtinName(Builtin b) {
  return kInfo[static_cast<size_t>(b)].name;
}

BuiltinKind builtinKind(Builtin b) {
  return kInfo[static_cast<size_t>(b)].kind;
}

namespace {
bool usableByName(BuiltinKind k) {
  return k == BuiltinKind::Function || k == BuiltinKind::Math ||
         k == BuiltinKind::Constant || k == BuiltinKind::Kernel;
}
} // namespace

bool isBuiltinName(const std::string &name) {
  std::optional<Builtin> b = lookupBuiltin(name);
  return b && usableByName(builtinKind(*b));
}

std::vector<std::string> builtinNames() {
  std::vector<std::string> names;
  for (const BuiltinInfo &info : kInfo)
    if (usableByName(info.kind))
      names.push_back(info.name);
  return names;
}

} // namespace weft
