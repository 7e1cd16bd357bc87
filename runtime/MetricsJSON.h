//===- MetricsJSON.h - Compile and run metrics as llvm::json values -------===//
//
// The JSON forms of metrics (docs/metrics.md): `weft run
// --metrics=json:PATH` writes toJSON(Metrics); the embedding engine's
// metrics document nests metricsValue and runValue.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_METRICSJSON_H
#define WEFT_RUNTIME_METRICSJSON_H

#include "runtime/Metrics.h"

#include "llvm/Support/JSON.h"

#include <string>

namespace weft::metrics {

/// {"schema": "weft-metrics/1", "file", "compile", "run"}.
llvm::json::Value metricsValue(const Metrics &m);
/// The "compile" object of metricsValue.
llvm::json::Value compileValue(const CompileMetrics &c);
/// The "run" object of metricsValue.
llvm::json::Value runValue(const RunMetrics &r);
/// A number, or null for inf and nan (JSON has neither).
llvm::json::Value number(double v);
/// `v` as indented JSON text with a final newline.
std::string renderJSON(const llvm::json::Value &v);
/// renderJSON(metricsValue(m)).
std::string toJSON(const Metrics &m);

} // namespace weft::metrics

#endif // WEFT_RUNTIME_METRICSJSON_H
