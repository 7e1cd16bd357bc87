//===- SourceLocation.h - Positions and ranges in source files -*- C++ -*-===//
//
// 1-based line and column positions (columns count bytes) and half-open
// ranges used by tokens, AST nodes and diagnostics.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_SOURCELOCATION_H
#define WEFT_FRONTEND_SOURCELOCATION_H

namespace weft {

struct SourceLocation {
  int line = 0; ///< 1-based; 0 means unknown
  int col = 0;  ///< 1-based byte column
  bool valid() const { return line > 0; }
};

/// [begin, end): `end` is the position just past the last character.
struct SourceRange {
  SourceLocation begin, end;
  SourceRange() = default;
  SourceRange(SourceLocation b, SourceLocation e) : begin(b), end(e) {}
  explicit SourceRange(SourceLocation b) : begin(b), end(b) {}
};

} // namespace weft

#endif // WEFT_FRONTEND_SOURCELOCATION_H
