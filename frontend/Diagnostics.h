//===- Diagnostics.h - Error and warning reporting -------------*- C++ -*-===//
//
// The diagnostics engine: stages report errors, warnings and notes with a
// source range; the engine collects them and renders each as
//   file:line:col: error: message
//     <source line>
//          ^~~~
// Library code never prints or exits: the CLI decides what to do.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DIAGNOSTICS_H
#define WEFT_FRONTEND_DIAGNOSTICS_H

#include "frontend/SourceLocation.h"

#include <string>
#include <vector>

namespace weft {

/// A source file in memory with its name (for messages) and line index; a
/// leading UTF-8 byte order mark is dropped from the text.
class SourceFile {
public:
  SourceFile(std::string filename, std::string text);
  const std::string &filename() const { return filename_; }
  const std::string &text() const { return text_; }
  /// The text of 1-based line `line`, without its newline ("" if absent).
  std::string lineText(int line) const;
  /// The byte offset of `loc` (clamped to the text).
  size_t offsetOf(SourceLocation loc) const;

private:
  std::string filename_;
  std::string text_;
  std::vector<size_t> lineStarts_;
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity;
  SourceRange range;
  std::string message;
  std::vector<Diagnostic> notes; ///< related locations ("first assigned here")
};

class DiagnosticEngine {
public:
  explicit DiagnosticEngine(const SourceFile &file) : file_(file) {}

  /// Reports an error; returns the stored diagnostic so notes can be added.
  Diagnostic &error(SourceRange range, std::string message);
  Diagnostic &warning(SourceRange range, std::string message);
  /// Attaches a note to `diag`.
  static void note(Diagnostic &diag, SourceRange range, std::string message);

  bool hasErrors() const { return errorCount_ > 0; }
  int errorCount() const { return errorCount_; }
  const std::vector<Diagnostic> &diagnostics() const { return diags_; }
  /// The diagnostics, to add notes to those reported so far.
  std::vector<Diagnostic> &diagnostics() { return diags_; }
  const SourceFile &file() const { return file_; }
  /// Source lines from `firstLine` on are `library`'s (Weft's NumPy
  /// library, added after the program's lines): shown with its name and
  /// its own line numbers.
  void setLibrary(const SourceFile *library, int firstLine) {
    library_ = library;
    libraryFirstLine_ = firstLine;
  }

  /// Renders one diagnostic (and its notes) with source line and caret;
  /// with `colour`, in clang's terminal colours (ANSI escapes).
  std::string render(const Diagnostic &diag, bool colour = false) const;
  /// Renders every diagnostic in report order.
  std::string renderAll(bool colour = false) const;

  /// While suppressed, reports are dropped (used by fixpoint type inference).
  void setSuppressed(bool s) { suppressed_ = s; }
  bool suppressed() const { return suppressed_; }
  /// While set, warnings are dropped (errors are reported).
  void setWarningsSuppressed(bool s) { warningsSuppressed_ = s; }

private:
  const SourceFile &file_;
  const SourceFile *library_ = nullptr;
  int libraryFirstLine_ = 0;
  std::vector<Diagnostic> diags_;
  Diagnostic scratch_;
  int errorCount_ = 0;
  bool suppressed_ = false;
  bool warningsSuppressed_ = false;
};

} // namespace weft

#endif // WEFT_FRONTEND_DIAGNOSTICS_H
