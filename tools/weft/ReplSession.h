//===- ReplSession.h - The state of an interactive session -------*- C++
//-*-===//
//
// `weft repl` keeps the functions and variables of earlier entries. Each
// entry is compiled as a program: its own text first (so diagnostics point
// at its lines), then the definitions kept from earlier entries; its script
// body starts from the kept variables (weft.session_get) and keeps its own
// at the end (weft.session_set), so an entry that fails changes nothing.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_TOOLS_WEFT_REPLSESSION_H
#define WEFT_TOOLS_WEFT_REPLSESSION_H

#include "frontend/Target.h"
#include "frontend/Types.h"
#include "runtime/Metrics.h"

#include <map>
#include <string>
#include <vector>

namespace weft {

struct ReplOptions {
  int optLevel = 3;
  bool fastmath = false;
  Target target = Target::CPU; ///< CPU or GPU
  std::string gpuArch = "sm_80";
};

class ReplSession {
public:
  explicit ReplSession(ReplOptions options = {});
  ~ReplSession();

  /// Compiles and runs one entry (statements and function definitions).
  /// The program's output goes to stdout; diagnostics and runtime errors
  /// are returned in `error` (false). An entry that is one expression
  /// prints its value, as `print` would.
  bool run(const std::string &text, std::string &error);
  /// The type of `expr` in the session (`:type`).
  bool typeOf(const std::string &expr, std::string &out, std::string &error);
  /// Prints stage `stage` (as `weft emit --stage=`) of function `name`,
  /// specialised for the argument types of its last call (or its
  /// annotations); the script body if `name` is empty.
  bool emit(const std::string &stage, const std::string &name,
            std::string &error);
  /// Forgets every function and variable.
  void reset();

  ReplOptions &options() { return options_; }
  /// Variables and functions, for completion and `:help`.
  std::vector<std::string> names() const;
  const std::map<std::string, Type> &variables() const { return variables_; }
  /// The metrics of the last entry that ran (`:metrics`).
  const metrics::Metrics &lastMetrics() const { return lastMetrics_; }
  bool hasMetrics() const { return hasMetrics_; }

private:
  /// The entry's text followed by the kept definitions it does not
  /// replace.
  std::string programText(const std::string &entry,
                          const std::vector<std::string> &redefined) const;

  ReplOptions options_;
  std::map<std::string, Type> variables_;
  /// Function name -> its source text (decorators included), in the order
  /// first defined.
  std::vector<std::pair<std::string, std::string>> functions_;
  /// Function name -> the argument types of its last specialisation.
  std::map<std::string, std::vector<Type>> signatures_;
  metrics::Metrics lastMetrics_;
  bool hasMetrics_ = false;
  std::string lastBody_; ///< the last entry's script body, for `:emit`
};

} // namespace weft

#endif // WEFT_TOOLS_WEFT_REPLSESSION_H
