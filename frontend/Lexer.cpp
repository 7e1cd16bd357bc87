//===- Lexer.cpp - Tokenizer for Weft source files ------------------------===//
//
// A single forward pass over the source bytes. Indentation is tracked with a
// stack of column widths as in Python's tokenizer; bracket depth turns off
// NEWLINE/INDENT/DEDENT inside () and []. Every error is reported with its
// location and the lexer skips the offending input and goes on, so the
// parser always receives a well-formed token stream ending in EOF.
//
//===----------------------------------------------------------------------===//
#include "frontend/Lexer.h"
#include "runtime/Utf8.h"

#include <cstdio>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace weft {

const char *tokenKindName(TokenKind kind) {
  switch (kind) {
  case TokenKind::Eof:
    return "end of file";
  case TokenKind::Newline:
    return "end of line";
  case TokenKind::Indent:
    return "indentation";
  case TokenKind::Dedent:
    return "end of indented block";
  case TokenKind::Identifier:
    return "identifier";
  case TokenKind::IntLiteral:
    return "integer literal";
  case TokenKind::FloatLiteral:
    return "float literal";
  case TokenKind::StringLiteral:
    return "string literal";
  case TokenKind::FStringStart:
    return "f-string";
  case TokenKind::FStringText:
    return "f-string text";
  case TokenKind::FStringFieldBegin:
    return "'{' of an f-string";
  case TokenKind::FStringFieldEnd:
    return "'}' of an f-string";
  case TokenKind::FStringEnd:
    return "end of the f-string";
  case TokenKind::KwDef:
    return "'def'";
  case TokenKind::KwReturn:
    return "'return'";
  case TokenKind::KwIf:
    return "'if'";
  case TokenKind::KwElif:
    return "'elif'";
  case TokenKind::KwElse:
    return "'else'";
  case TokenKind::KwFor:
    return "'for'";
  case TokenKind::KwIn:
    return "'in'";
  case TokenKind::KwWhile:
    return "'while'";
  case TokenKind::KwBreak:
    return "'break'";
  case TokenKind::KwContinue:
    return "'continue'";
  case TokenKind::KwPass:
    return "'pass'";
  case TokenKind::KwAnd:
    return "'and'";
  case TokenKind::KwOr:
    return "'or'";
  case TokenKind::KwNot:
    return "'not'";
  case TokenKind::KwTrue:
    return "'True'";
  case TokenKind::KwFalse:
    return "'False'";
  case TokenKind::KwAssert:
    return "'assert'";
  case TokenKind::Plus:
    return "'+'";
  case TokenKind::Minus:
    return "'-'";
  case TokenKind::Star:
    return "'*'";
  case TokenKind::Slash:
    return "'/'";
  case TokenKind::DoubleSlash:
    return "'//'";
  case TokenKind::Percent:
    return "'%'";
  case TokenKind::DoubleStar:
    return "'**'";
  case TokenKind::At:
    return "'@'";
  case TokenKind::Amp:
    return "'&'";
  case TokenKind::Pipe:
    return "'|'";
  case TokenKind::Caret:
    return "'^'";
  case TokenKind::Tilde:
    return "'~'";
  case TokenKind::LShift:
    return "'<<'";
  case TokenKind::RShift:
    return "'>>'";
  case TokenKind::Less:
    return "'<'";
  case TokenKind::LessEqual:
    return "'<='";
  case TokenKind::Greater:
    return "'>'";
  case TokenKind::GreaterEqual:
    return "'>='";
  case TokenKind::EqualEqual:
    return "'=='";
  case TokenKind::NotEqual:
    return "'!='";
  case TokenKind::Equal:
    return "'='";
  case TokenKind::PlusEqual:
    return "'+='";
  case TokenKind::MinusEqual:
    return "'-='";
  case TokenKind::StarEqual:
    return "'*='";
  case TokenKind::SlashEqual:
    return "'/='";
  case TokenKind::DoubleSlashEqual:
    return "'//='";
  case TokenKind::PercentEqual:
    return "'%='";
  case TokenKind::DoubleStarEqual:
    return "'**='";
  case TokenKind::AmpEqual:
    return "'&='";
  case TokenKind::PipeEqual:
    return "'|='";
  case TokenKind::CaretEqual:
    return "'^='";
  case TokenKind::LShiftEqual:
    return "'<<='";
  case TokenKind::RShiftEqual:
    return "'>>='";
  case TokenKind::LParen:
    return "'('";
  case TokenKind::RParen:
    return "')'";
  case TokenKind::LBracket:
    return "'['";
  case TokenKind::RBracket:
    return "']'";
  case TokenKind::LBrace:
    return "'{'";
  case TokenKind::RBrace:
    return "'}'";
  case TokenKind::Semicolon:
    return "';'";
  case TokenKind::Comma:
    return "','";
  case TokenKind::Colon:
    return "':'";
  case TokenKind::ColonEqual:
    return "':='";
  case TokenKind::Dot:
    return "'.'";
  case TokenKind::Arrow:
    return "'->'";
  }
  return "token";
}

static bool isIdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
static bool isIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
static bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// The bytes of a non-ASCII letter of a name at `p` (Python's names take
/// letters of any script: `σ`, `β_hat`, `Δt`), 0 for anything else: the
/// UTF-8 sequence of a code point in Latin-1's and the other scripts'
/// letter blocks, not in the punctuation, symbol and operator blocks
/// (U+2000-U+2BFF, so that `−` or `×` is still an error).
static size_t nameLetterBytes(const std::string &text, size_t p) {
  if (p >= text.size())
    return 0;
  unsigned char u = static_cast<unsigned char>(text[p]);
  size_t n = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 0;
  if (n == 0 || p + n > text.size())
    return 0;
  uint32_t cp = u & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t i = 1; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(text[p + i]);
    if ((c & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  bool letter = cp == 0xAA || cp == 0xB5 || cp == 0xBA ||
                (cp >= 0xC0 && cp <= 0x1FFF && cp != 0xD7 && cp != 0xF7 &&
                 cp != 0x37E && cp != 0x387) ||
                (cp >= 0x3040 && cp <= 0xD7FF) || cp >= 0x10000;
  return letter ? n : 0;
}

void Lexer::advance(size_t n) {
  for (size_t i = 0; i < n && pos_ < text_.size(); ++i) {
    if (text_[pos_] == '\n') {
      ++line_;
      col_ = 1;
    } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
      ++col_; // (columns count characters: not UTF-8's continuation bytes)
    }
    ++pos_;
  }
}

void Lexer::push(TokenKind kind, SourceLocation begin, std::string text) {
  Token tok;
  tok.kind = kind;
  tok.range = SourceRange(begin, loc());
  tok.text = std::move(text);
  tokens_.push_back(std::move(tok));
}

/// Measures the indentation of a new logical line and emits INDENT/DEDENT.
/// Blank and comment-only lines leave the indentation stack untouched.
void Lexer::handleIndentation() {
  // Python's widths: a tab goes to the next multiple of 8 columns. The
  // same line measured with tabs of width 1 must compare the same way to
  // the enclosing levels, or the meaning depends on a tab's width
  // (Python's TabError).
  int width = 0, alt = 0;
  SourceLocation start = loc();
  while (peek() == ' ' || peek() == '\t' || peek() == '\f') {
    if (peek() == '\t') {
      width = (width / 8 + 1) * 8;
      ++alt;
    } else if (peek() == ' ') {
      ++width;
      ++alt;
    }
    advance();
  }
  char c = peek();
  if (pos_ >= text_.size() || c == '\n' || c == '#' ||
      (c == '\r' && peek(1) == '\n'))
    return; // blank or comment-only line
  if (c == '\\' && (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n')))
    return; // a continuation-only line; treat like blank
  SourceLocation here = loc();
  auto inconsistent = [&] {
    diags_.error(SourceRange(start, here),
                 "inconsistent use of tabs and spaces in indentation; indent "
                 "a block with the same characters throughout");
  };
  if (width > indents_.back()) {
    if (alt <= altIndents_.back())
      inconsistent();
    indents_.push_back(width);
    altIndents_.push_back(alt);
    push(TokenKind::Indent, SourceLocation{here.line, 1});
    tokens_.back().range = SourceRange(SourceLocation{here.line, 1}, here);
    return;
  }
  while (width < indents_.back()) {
    indents_.pop_back();
    altIndents_.pop_back();
    Token tok;
    tok.kind = TokenKind::Dedent;
    tok.range = SourceRange(here);
    tokens_.push_back(tok);
  }
  if (width != indents_.back())
    diags_.error(SourceRange(here, SourceLocation{here.line, here.col + 1}),
                 "unindent does not match any outer indentation level");
  else if (alt != altIndents_.back())
    inconsistent();
}

void Lexer::lexNumber() {
  SourceLocation begin = loc();
  size_t start = pos_;
  bool isFloat = false;
  int base = 10;
  char prefix =
      static_cast<char>(std::tolower(static_cast<unsigned char>(peek(1))));
  if (peek() == '0' && (prefix == 'x' || prefix == 'o' || prefix == 'b')) {
    base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
    advance(2);
    auto inBase = [&](char c) {
      if (base == 16)
        return std::isxdigit(static_cast<unsigned char>(c)) != 0;
      return c >= '0' && c < '0' + base;
    };
    while (inBase(peek()) || peek() == '_')
      advance();
  } else {
    while (isDigit(peek()) || peek() == '_')
      advance();
    if (peek() == '.') {
      isFloat = true;
      advance();
      while (isDigit(peek()) || peek() == '_')
        advance();
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (isDigit(peek(1)) ||
         ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
      isFloat = true;
      advance(2);
      while (isDigit(peek()))
        advance();
    }
  }
  // 2j, 0.5J: an imaginary literal (Python's complex literals).
  bool imaginary = false;
  if (base == 10 && (peek() == 'j' || peek() == 'J') && !isIdentChar(peek(1))) {
    imaginary = isFloat = true;
    advance();
  }
  bool bad = false;
  if (isIdentChar(peek())) {
    bad = true;
    while (isIdentChar(peek()))
      advance();
  }
  std::string spelling = text_.substr(start, pos_ - start);
  SourceRange range(begin, loc());
  Token tok;
  tok.range = range;
  tok.text = spelling;
  tok.kind = isFloat ? TokenKind::FloatLiteral : TokenKind::IntLiteral;
  tok.imaginary = imaginary;
  std::string digits;
  for (char c : spelling)
    if (c != '_' && c != 'j' && c != 'J')
      digits += c;
  if (bad && base != 10) {
    diags_.error(range,
                 "invalid digit in literal '" + spelling + "'; " +
                     (base == 16  ? "hexadecimal literals use 0-9 and a-f"
                      : base == 8 ? "octal literals use digits 0-7"
                                  : "binary literals use digits 0 and 1"));
  } else if (bad) {
    diags_.error(range, "invalid numeric literal '" + spelling +
                            "'; separate numbers from names with a space "
                            "or an operator");
  } else if (base != 10 && digits.size() <= 2) {
    diags_.error(range, "literal '" + spelling + "' has no digits; write " +
                            (base == 16  ? "hexadecimal digits after 0x"
                             : base == 8 ? "octal digits after 0o"
                                         : "binary digits after 0b"));
  } else if (isFloat) {
    tok.floatValue = std::strtod(digits.c_str(), nullptr);
  } else {
    const uint64_t maxV = std::numeric_limits<uint64_t>::max();
    uint64_t value = 0;
    bool overflow = false;
    for (size_t i = base != 10 ? 2 : 0; i < digits.size(); ++i) {
      char c = digits[i];
      unsigned d = isDigit(c)
                       ? c - '0'
                       : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
      if (value > (maxV - d) / base) {
        overflow = true;
        break;
      }
      value = value * base + d;
    }
    if (overflow)
      diags_.error(range, "integer literal is too large for uint64");
    tok.unsigned64 =
        !overflow && value > uint64_t(std::numeric_limits<int64_t>::max());
    tok.intValue = overflow ? 0 : static_cast<int64_t>(value);
  }
  tokens_.push_back(std::move(tok));
}

namespace {
int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}
} // namespace

void Lexer::lexEscape(std::string &value) {
  // Python's escapes; an unknown one (`\p`) stays as written, as Python
  // keeps it.
  char e = peek(1);
  SourceLocation escLoc = loc();
  static const std::pair<char, char> simple[] = {
      {'n', '\n'},  {'t', '\t'}, {'r', '\r'}, {'\\', '\\'}, {'"', '"'},
      {'\'', '\''}, {'a', '\a'}, {'b', '\b'}, {'f', '\f'},  {'v', '\v'}};
  for (auto [from, to] : simple)
    if (e == from) {
      value += to;
      advance(2);
      return;
    }
  if (e == '\n' || e == '\0') {
    advance();
    return; // reported as unterminated by the caller
  }
  if (e >= '0' && e <= '7') {
    uint32_t cp = 0;
    size_t n = 1;
    while (n <= 3 && peek(n) >= '0' && peek(n) <= '7')
      cp = cp * 8 + (peek(n++) - '0');
    appendUtf8(value, cp);
    advance(n);
    return;
  }
  int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
  if (digits) {
    uint32_t cp = 0;
    for (int k = 0; k < digits; ++k) {
      int h = hexValue(peek(2 + k));
      if (h < 0) {
        diags_.error(SourceRange(escLoc, SourceLocation{escLoc.line,
                                                        escLoc.col + 2 + k}),
                     std::string("truncated \\") + e + " escape; write " +
                         std::to_string(digits) + " hex digits");
        advance(2 + k);
        return;
      }
      cp = cp * 16 + h;
    }
    if (cp > 0x10FFFF)
      diags_.error(
          SourceRange(escLoc, SourceLocation{escLoc.line, escLoc.col + 10}),
          "this \\U escape is past the last code point, U+10FFFF");
    else
      appendUtf8(value, cp);
    advance(2 + digits);
    return;
  }
  value += '\\';
  advance();
}

void Lexer::lexString(bool raw, bool bytes) {
  SourceLocation begin = loc();
  if (raw || bytes)
    advance(); // the r or b
  char quote = peek();
  // """...""" and '''...''' (docstrings) may span lines.
  bool triple = peek(1) == quote && peek(2) == quote;
  advance(triple ? 3 : 1);
  std::string value;
  bool terminated = false;
  while (pos_ < text_.size()) {
    char c = peek();
    if (!triple && (c == '\n' || (c == '\r' && peek(1) == '\n')))
      break;
    if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
      advance(triple ? 3 : 1);
      terminated = true;
      break;
    }
    if (c == '\\' && raw) {
      // r"\d": the backslash and what follows, as written.
      value += c;
      advance();
      if (pos_ < text_.size() && peek() != '\n') {
        value += peek();
        advance();
      }
      continue;
    }
    if (c == '\\') {
      lexEscape(value);
      continue;
    }
    value += c;
    advance();
  }
  if (!terminated)
    diags_.error(SourceRange(begin, loc()),
                 "unterminated string literal; close it with a matching " +
                     std::string(triple ? 3 : 1, quote));
  if (bytes) {
    // b"...": each character (a code point below 256, \xNN included)
    // is one byte.
    std::string out;
    for (size_t i = 0; i < value.size();) {
      auto c = static_cast<unsigned char>(value[i]);
      int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
      uint32_t cp = extra == 0 ? c : extra == 1 ? c & 0x1F : c & 0x0F;
      for (int k = 1; k <= extra && i + k < value.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(value[i + k]) & 0x3F);
      i += 1 + extra;
      if (cp > 0xFF) {
        diags_.error(SourceRange(begin, loc()),
                     "bytes can only contain ASCII literal characters and "
                     "\\xNN escapes");
        break;
      }
      out += static_cast<char>(cp);
    }
    value = std::move(out);
  }
  push(TokenKind::StringLiteral, begin, std::move(value));
  tokens_.back().bytes = bytes;
}

void Lexer::lexIdentifier() {
  static const std::unordered_map<std::string, TokenKind> keywords = {
      {"def", TokenKind::KwDef},       {"return", TokenKind::KwReturn},
      {"if", TokenKind::KwIf},         {"elif", TokenKind::KwElif},
      {"else", TokenKind::KwElse},     {"for", TokenKind::KwFor},
      {"in", TokenKind::KwIn},         {"while", TokenKind::KwWhile},
      {"break", TokenKind::KwBreak},   {"continue", TokenKind::KwContinue},
      {"pass", TokenKind::KwPass},     {"and", TokenKind::KwAnd},
      {"or", TokenKind::KwOr},         {"not", TokenKind::KwNot},
      {"True", TokenKind::KwTrue},     {"False", TokenKind::KwFalse},
      {"assert", TokenKind::KwAssert},
  };
  SourceLocation begin = loc();
  size_t start = pos_;
  for (;;) {
    if (isIdentChar(peek()))
      advance();
    else if (size_t n = nameLetterBytes(text_, pos_))
      advance(n);
    else
      break;
  }
  std::string name = text_.substr(start, pos_ - start);
  auto it = keywords.find(name);
  push(it == keywords.end() ? TokenKind::Identifier : it->second, begin,
       std::move(name));
}

bool Lexer::lexOperator() {
  struct Op {
    const char *text;
    TokenKind kind;
  };
  static const Op ops[] = {
      {"**=", TokenKind::DoubleStarEqual},
      {"//=", TokenKind::DoubleSlashEqual},
      {"<<=", TokenKind::LShiftEqual},
      {">>=", TokenKind::RShiftEqual},
      {"&=", TokenKind::AmpEqual},
      {"|=", TokenKind::PipeEqual},
      {"^=", TokenKind::CaretEqual},
      {"**", TokenKind::DoubleStar},
      {"//", TokenKind::DoubleSlash},
      {"<<", TokenKind::LShift},
      {">>", TokenKind::RShift},
      {"<=", TokenKind::LessEqual},
      {">=", TokenKind::GreaterEqual},
      {"==", TokenKind::EqualEqual},
      {"!=", TokenKind::NotEqual},
      {"+=", TokenKind::PlusEqual},
      {"-=", TokenKind::MinusEqual},
      {"*=", TokenKind::StarEqual},
      {"/=", TokenKind::SlashEqual},
      {"%=", TokenKind::PercentEqual},
      {"->", TokenKind::Arrow},
      {"+", TokenKind::Plus},
      {"-", TokenKind::Minus},
      {"*", TokenKind::Star},
      {"/", TokenKind::Slash},
      {"%", TokenKind::Percent},
      {"@", TokenKind::At},
      {"&", TokenKind::Amp},
      {"|", TokenKind::Pipe},
      {"^", TokenKind::Caret},
      {"~", TokenKind::Tilde},
      {"<", TokenKind::Less},
      {">", TokenKind::Greater},
      {"=", TokenKind::Equal},
      {"(", TokenKind::LParen},
      {")", TokenKind::RParen},
      {"[", TokenKind::LBracket},
      {"]", TokenKind::RBracket},
      {"{", TokenKind::LBrace},
      {"}", TokenKind::RBrace},
      {";", TokenKind::Semicolon},
      {",", TokenKind::Comma},
      {":=", TokenKind::ColonEqual},
      {":", TokenKind::Colon},
      {".", TokenKind::Dot},
  };
  for (const Op &op : ops) {
    size_t n = std::strlen(op.text);
    if (text_.compare(pos_, n, op.text) != 0)
      continue;
    SourceLocation begin = loc();
    advance(n);
    push(op.kind, begin);
    if (op.kind == TokenKind::LParen || op.kind == TokenKind::LBracket ||
        op.kind == TokenKind::LBrace)
      ++parenDepth_;
    else if ((op.kind == TokenKind::RParen || op.kind == TokenKind::RBracket ||
              op.kind == TokenKind::RBrace) &&
             parenDepth_ > 0)
      --parenDepth_;
    return true;
  }
  return false;
}

std::vector<Token> Lexer::tokenize() {
  auto lastIsContent = [&] {
    if (tokens_.empty())
      return false;
    TokenKind k = tokens_.back().kind;
    return k != TokenKind::Newline && k != TokenKind::Indent &&
           k != TokenKind::Dedent;
  };
  while (pos_ < text_.size()) {
    if (atLineStart_) {
      atLineStart_ = false;
      if (parenDepth_ == 0) {
        handleIndentation();
        continue;
      }
    }
    char c = peek();
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      advance();
    } else if (c == '#') {
      while (pos_ < text_.size() && peek() != '\n')
        advance();
    } else if (c == '\\' &&
               (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n'))) {
      advance(peek(1) == '\n' ? 2 : 3); // explicit line joining
    } else if (c == '\n') {
      if (parenDepth_ == 0 && lastIsContent()) {
        SourceLocation b = loc();
        Token tok;
        tok.kind = TokenKind::Newline;
        tok.range = SourceRange(b, SourceLocation{b.line, b.col + 1});
        tokens_.push_back(tok);
      }
      advance();
      atLineStart_ = true;
    } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      lexNumber();
    } else if ((c == 'f' || c == 'F') && (peek(1) == '"' || peek(1) == '\'')) {
      lexFString();
    } else if ((c == 'r' || c == 'R') && (peek(1) == '"' || peek(1) == '\'')) {
      lexString(/*raw=*/true);
    } else if ((c == 'b' || c == 'B') && (peek(1) == '"' || peek(1) == '\'')) {
      lexString(/*raw=*/false, /*bytes=*/true);
    } else if (isIdentStart(c) || nameLetterBytes(text_, pos_)) {
      lexIdentifier();
    } else if (c == '"' || c == '\'') {
      lexString();
    } else if (!lexOperator()) {
      // Unknown character: report it (whole UTF-8 sequence) and skip it.
      SourceLocation b = loc();
      unsigned char u = static_cast<unsigned char>(c);
      size_t n = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
      bool valid = u < 0x80 || n > 1;
      for (size_t i = 1; i < n && valid; ++i)
        valid = (static_cast<unsigned char>(peek(i)) & 0xC0) == 0x80;
      if (!valid) {
        // A run of bytes that is not UTF-8 gets one error.
        n = 1;
        while (pos_ + n < text_.size() &&
               static_cast<unsigned char>(text_[pos_ + n]) >= 0x80)
          ++n;
        advance(n);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", u);
        diags_.error(SourceRange(b, loc()),
                     std::string("invalid UTF-8 byte ") + hex +
                         "; save the file as UTF-8 text");
        continue;
      }
      std::string ch = text_.substr(pos_, n);
      advance(n);
      if (u < 0x20 || u == 0x7F) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", u);
        diags_.error(SourceRange(b, loc()),
                     std::string("unexpected control character ") + hex +
                         "; remove it from the source");
      } else {
        diags_.error(SourceRange(b, loc()),
                     "unexpected character '" + ch + "'; " +
                         (u < 0x80 ? "it has no meaning in Weft, remove it"
                                   : "it is no letter, and operators are ASCII "
                                     "(-, *, /, ...)"));
      }
    }
  }
  SourceLocation end = loc();
  if (lastIsContent()) {
    Token tok;
    tok.kind = TokenKind::Newline;
    tok.range = SourceRange(end);
    tokens_.push_back(tok);
  }
  while (indents_.size() > 1) {
    indents_.pop_back();
    altIndents_.pop_back();
    Token tok;
    tok.kind = TokenKind::Dedent;
    tok.range = SourceRange(end);
    tokens_.push_back(tok);
  }
  Token eof;
  eof.kind = TokenKind::Eof;
  eof.range = SourceRange(end);
  tokens_.push_back(eof);
  return std::move(tokens_);
}

std::vector<Token> tokenize(const SourceFile &file, DiagnosticEngine &diags) {
  return Lexer(file, diags).tokenize();
}

} // namespace weft
