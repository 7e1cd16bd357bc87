//===- Diagnostics.cpp - Error and warning reporting ----------------------===//
//
// Source line indexing and the rendering of diagnostics with a caret line.
//
//===----------------------------------------------------------------------===//
#include "frontend/Diagnostics.h"
#include "frontend/VersionRebindings.h"

#include <algorithm>
#include <cstring>

namespace weft {

SourceFile::SourceFile(std::string filename, std::string text)
    : filename_(std::move(filename)), text_(std::move(text)) {
  // A UTF-8 byte order mark at the start is skipped, as Python does; one
  // anywhere else stays an error of the lexer.
  if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0)
    text_.erase(0, 3);
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n')
      lineStarts_.push_back(i + 1);
}

size_t SourceFile::offsetOf(SourceLocation loc) const {
  if (loc.line < 1 || lineStarts_.empty())
    return 0;
  size_t line = std::min(static_cast<size_t>(loc.line), lineStarts_.size());
  return std::min(text_.size(),
                  lineStarts_[line - 1] + static_cast<size_t>(loc.col - 1));
}

std::string SourceFile::lineText(int line) const {
  if (line < 1 || static_cast<size_t>(line) > lineStarts_.size())
    return "";
  size_t begin = lineStarts_[line - 1];
  size_t end = text_.find('\n', begin);
  if (end == std::string::npos)
    end = text_.size();
  std::string s = text_.substr(begin, end - begin);
  if (!s.empty() && s.back() == '\r')
    s.pop_back();
  return s;
}

/// A message with the NumPy library's function names as the program
/// spells them: `__np_roll` is np.roll, `__np_linalg_matrix_power`
/// np.linalg.matrix_power, `__np_x_norm` (another form of a builtin)
/// np.norm.
static std::string withLibraryNames(std::string message) {
  static const std::pair<const char *, const char *> names[] = {
      {"__np_linalg_", "np.linalg."},
      {"__np_x_math_", "math."},
      {"__np_x_", "np."},
      {"__np_", "np."}};
  for (const auto &[from, to] : names)
    for (size_t at = message.find(from); at != std::string::npos;
         at = message.find(from, at))
      message.replace(at, std::strlen(from), to);
  return message;
}

Diagnostic &DiagnosticEngine::error(SourceRange range, std::string message) {
  message = withLibraryNames(withoutVersionSuffixes(message));
  // A second error at exactly the place of an earlier one follows from it
  // (`for x in 5`: len() and indexing of the same 5): the first says why.
  bool follows = range.begin.valid() &&
                 std::any_of(diags_.begin(), diags_.end(), [&](const auto &d) {
                   return d.severity == Severity::Error &&
                          d.range.begin.line == range.begin.line &&
                          d.range.begin.col == range.begin.col &&
                          d.range.end.line == range.end.line &&
                          d.range.end.col == range.end.col;
                 });
  if (suppressed_ || follows) {
    scratch_ = Diagnostic{Severity::Error, range, std::move(message), {}};
    return scratch_;
  }
  ++errorCount_;
  diags_.push_back(Diagnostic{Severity::Error, range, std::move(message), {}});
  return diags_.back();
}

Diagnostic &DiagnosticEngine::warning(SourceRange range, std::string message) {
  message = withLibraryNames(withoutVersionSuffixes(message));
  if (suppressed_ || warningsSuppressed_) {
    scratch_ = Diagnostic{Severity::Warning, range, std::move(message), {}};
    return scratch_;
  }
  diags_.push_back(
      Diagnostic{Severity::Warning, range, std::move(message), {}});
  return diags_.back();
}

void DiagnosticEngine::note(Diagnostic &diag, SourceRange range,
                            std::string message) {
  message = withLibraryNames(withoutVersionSuffixes(message));
  diag.notes.push_back(
      Diagnostic{Severity::Note, range, std::move(message), {}});
}

static const char *severityName(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "error";
}

namespace {
// Clang's colours: the location and message bold, the severity bold red,
// magenta or black, the caret line bold green.
constexpr const char *kBold = "\033[1m";
constexpr const char *kReset = "\033[0m";
constexpr const char *kCaretColour = "\033[1;32m";

const char *severityColour(Severity s) {
  switch (s) {
  case Severity::Error:
    return "\033[1;31m";
  case Severity::Warning:
    return "\033[1;35m";
  case Severity::Note:
    return "\033[1;30m";
  }
  return "\033[1;31m";
}
} // namespace

/// `lineBase`: the number of the file's lines before the first shown as
/// line 1 (the program's lines, for the NumPy library).
static void renderOne(const SourceFile &file, const Diagnostic &d,
                      std::string &out, bool colour, int lineBase = 0) {
  const SourceLocation &b = d.range.begin;
  if (colour)
    out += kBold;
  out += file.filename();
  if (b.valid())
    out +=
        ":" + std::to_string(b.line - lineBase) + ":" + std::to_string(b.col);
  out += ": ";
  if (colour)
    out += severityColour(d.severity);
  out += severityName(d.severity);
  out += ": ";
  if (colour) {
    out += kReset;
    out += kBold;
  }
  out += d.message;
  if (colour)
    out += kReset;
  out += "\n";
  if (!b.valid())
    return;
  // Show at most kWidth columns of a long line, around the caret, and
  // control characters as spaces so the terminal stays sane.
  constexpr int kWidth = 120;
  std::string line = file.lineText(b.line);
  int first = 0; // 0-based column of line[0] shown
  std::string prefix, suffix;
  if (static_cast<int>(line.size()) > kWidth) {
    first = std::max(0, b.col - 1 - kWidth / 2);
    first = std::min(first, static_cast<int>(line.size()) - kWidth);
    if (first > 0)
      prefix = "...";
    if (first + kWidth < static_cast<int>(line.size()))
      suffix = "...";
    line = line.substr(first, kWidth);
  }
  for (char &ch : line)
    if ((static_cast<unsigned char>(ch) < 0x20 && ch != '\t') || ch == 0x7F)
      ch = ' ';
  out += "    " + prefix + line + suffix + "\n";
  std::string caret = "    " + std::string(prefix.size(), ' ');
  for (int i = first + 1; i < b.col; ++i) {
    int k = i - 1 - first;
    caret +=
        (k < static_cast<int>(line.size()) && line[k] == '\t') ? '\t' : ' ';
  }
  caret += '^';
  const SourceLocation &e = d.range.end;
  int endCol = std::min(e.col, first + kWidth + 1);
  if (e.valid() && e.line == b.line && endCol > b.col + 1)
    caret += std::string(endCol - b.col - 1, '~');
  if (colour) {
    size_t mark = caret.find('^');
    caret = caret.substr(0, mark) + kCaretColour + caret.substr(mark) + kReset;
  }
  out += caret + "\n";
}

std::string DiagnosticEngine::render(const Diagnostic &diag,
                                     bool colour) const {
  std::string out;
  auto one = [&](const Diagnostic &d) {
    if (library_ && d.range.begin.line >= libraryFirstLine_)
      renderOne(*library_, d, out, colour, libraryFirstLine_ - 1);
    else
      renderOne(file_, d, out, colour);
  };
  one(diag);
  for (const Diagnostic &n : diag.notes)
    one(n);
  return out;
}

std::string DiagnosticEngine::renderAll(bool colour) const {
  std::string out;
  for (const Diagnostic &d : diags_)
    out += render(d, colour);
  return out;
}

} // namespace weft
