//===- Lexer.h - Tokenizer for Weft source files ---------------*- C++ -*-===//
//
// Splits a SourceFile into tokens the way Python does: indentation becomes
// INDENT/DEDENT tokens, the end of each logical line a NEWLINE token, and
// line breaks inside () and [] are ignored (implicit line joining). Blank
// and comment-only lines produce nothing. Lexical errors (tabs in
// indentation, bad dedent, unknown characters, oversized integers) are
// reported to the DiagnosticEngine and lexing goes on.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_LEXER_H
#define WEFT_FRONTEND_LEXER_H

#include "frontend/Diagnostics.h"
#include "frontend/SourceLocation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace weft {

enum class TokenKind {
  // Layout and end of input.
  Eof,
  Newline,
  Indent,
  Dedent,
  // Names and literals.
  Identifier,
  IntLiteral,
  FloatLiteral,
  StringLiteral,
  // An f-string: FStringStart, then its literal parts (FStringText) and
  // its fields (FStringFieldBegin, the expression's tokens,
  // FStringFieldEnd with the format spec as its text), then FStringEnd.
  FStringStart,
  FStringText,
  FStringFieldBegin,
  FStringFieldEnd,
  FStringEnd,
  // Keywords.
  KwDef,
  KwReturn,
  KwIf,
  KwElif,
  KwElse,
  KwFor,
  KwIn,
  KwWhile,
  KwBreak,
  KwContinue,
  KwPass,
  KwAnd,
  KwOr,
  KwNot,
  KwTrue,
  KwFalse,
  KwAssert,
  // Operators.
  Plus,
  Minus,
  Star,
  Slash,
  DoubleSlash,
  Percent,
  DoubleStar,
  At,
  Amp,
  Pipe,
  Caret,
  Tilde,
  LShift,
  RShift,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  EqualEqual,
  NotEqual,
  Equal,
  PlusEqual,
  MinusEqual,
  StarEqual,
  SlashEqual,
  DoubleSlashEqual,
  PercentEqual,
  DoubleStarEqual,
  AmpEqual,
  PipeEqual,
  CaretEqual,
  LShiftEqual,
  RShiftEqual,
  // Punctuation.
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Semicolon,
  Comma,
  Colon,
  ColonEqual, ///< `:=`, an assignment expression
  Dot,
  Arrow,
};

/// A short human-readable name of a token kind for messages: "'+'",
/// "'def'", "identifier", "end of line", "end of file".
const char *tokenKindName(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::Eof;
  SourceRange range;
  /// Identifier name, literal spelling as written, or the decoded value of
  /// a string literal. Empty for operators and layout tokens.
  std::string text;
  int64_t intValue = 0; ///< value of an IntLiteral
  /// An IntLiteral from 2**63 to 2**64 - 1: a uint64, as Numba types it
  /// (intValue holds its bits).
  bool unsigned64 = false;
  double floatValue = 0; ///< value of a FloatLiteral
  /// A FloatLiteral written with a `j` suffix: the imaginary number
  /// floatValue * 1j.
  bool imaginary = false;
  /// A StringLiteral written b"..." (Python's bytes): `text` holds its
  /// bytes.
  bool bytes = false;

  bool is(TokenKind k) const { return kind == k; }
  bool isKeyword() const {
    return kind >= TokenKind::KwDef && kind <= TokenKind::KwAssert;
  }
};

class Lexer {
public:
  Lexer(const SourceFile &file, DiagnosticEngine &diags)
      : diags_(diags), text_(file.text()) {}

  /// Tokenizes the whole file. The result always ends with NEWLINE (when the
  /// last line has tokens), the DEDENTs that close open blocks, and EOF.
  std::vector<Token> tokenize();

private:
  SourceLocation loc() const { return SourceLocation{line_, col_}; }
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  void advance(size_t n = 1);
  void push(TokenKind kind, SourceLocation begin, std::string text = "");
  void handleIndentation();
  void lexNumber();
  /// A string literal; `raw` after an r prefix (no escapes).
  void lexString(bool raw = false, bool bytes = false);
  /// f"...{expr:spec}...": its tokens (LexerFStrings.cpp).
  void lexFString();
  /// The escape sequence at the cursor (a backslash) of a string: adds
  /// its character to `value` and moves past it (reports unknown ones).
  void lexEscape(std::string &value);
  /// The tokens of the text up to `end` (an f-string's field).
  void lexTokensUntil(size_t end);
  void lexIdentifier();
  bool lexOperator();

  DiagnosticEngine &diags_;
  const std::string &text_;
  size_t pos_ = 0;
  int line_ = 1, col_ = 1;
  int parenDepth_ = 0;
  bool atLineStart_ = true;
  std::vector<int> indents_{0};
  /// The same levels measured with tabs of width 1 (Python's TabError).
  std::vector<int> altIndents_{0};
  std::vector<Token> tokens_;
};

/// Convenience wrapper: `Lexer(file, diags).tokenize()`.
std::vector<Token> tokenize(const SourceFile &file, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_LEXER_H
