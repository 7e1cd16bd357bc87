//===- MetricsJson.h - Reading the engine's metrics JSON in tests ---------===//
#ifndef WEFT_TESTS_EMBED_METRICSJSON_H
#define WEFT_TESTS_EMBED_METRICSJSON_H

#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace weft_test {

/// The engine metrics document (weft::Metrics::json), parsed.
inline llvm::json::Value parseMetrics(const std::string &text) {
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(text);
  if (!v) {
    llvm::consumeError(v.takeError());
    return nullptr;
  }
  return std::move(*v);
}

/// `key` of the run entry (per-function call metrics) named `name`.
inline std::optional<int64_t> runEntryInt(const std::string &text,
                                          llvm::StringRef name,
                                          llvm::StringRef key) {
  llvm::json::Value doc = parseMetrics(text);
  const llvm::json::Object *o = doc.getAsObject();
  const llvm::json::Object *run = o ? o->getObject("run") : nullptr;
  const llvm::json::Array *entries = run ? run->getArray("entries") : nullptr;
  for (const llvm::json::Value &e : entries ? *entries : llvm::json::Array()) {
    const llvm::json::Object *entry = e.getAsObject();
    if (entry && entry->getString("name") == name)
      return entry->getInteger(key);
  }
  return std::nullopt;
}

} // namespace weft_test

#endif
