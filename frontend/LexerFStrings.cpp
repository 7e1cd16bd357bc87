//===- LexerFStrings.cpp - The tokens of f-strings ------------------------===//
//
// f"a {x} b {y:.3f}" as FStringStart, FStringText "a ", FStringFieldBegin,
// the tokens of `x`, FStringFieldEnd (spec ""), FStringText " b ", ...,
// FStringEnd: the parser makes the str of the parts joined
// (ParserExpr.cpp), each field formatted as format(value, spec) does.
//
//===----------------------------------------------------------------------===//
#include "frontend/Lexer.h"

namespace weft {

void Lexer::lexTokensUntil(size_t end) {
  while (pos_ < end) {
    char c = peek();
    if (c == ' ' || c == '\t')
      advance();
    else if (std::isdigit(static_cast<unsigned char>(c)) ||
             (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1)))))
      lexNumber();
    else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_')
      lexIdentifier();
    else if (c == '"' || c == '\'')
      lexString();
    else if (!lexOperator()) {
      SourceLocation b = loc();
      advance();
      diags_.error(SourceRange(b, loc()),
                   std::string("unexpected character '") + c +
                       "' in an f-string's field");
    }
  }
}

void Lexer::lexFString() {
  SourceLocation begin = loc();
  advance(); // f
  char quote = peek();
  bool triple = peek(1) == quote && peek(2) == quote;
  advance(triple ? 3 : 1);
  push(TokenKind::FStringStart, begin);
  std::string text;
  SourceLocation textBegin = loc();
  auto flush = [&]() {
    if (!text.empty())
      push(TokenKind::FStringText, textBegin, std::move(text));
    text.clear();
  };
  auto atEnd = [&]() {
    return peek() == quote &&
           (!triple || (peek(1) == quote && peek(2) == quote));
  };
  bool terminated = false;
  while (pos_ < text_.size()) {
    char c = peek();
    if (!triple && c == '\n')
      break;
    if (atEnd()) {
      flush();
      SourceLocation e = loc();
      advance(triple ? 3 : 1);
      push(TokenKind::FStringEnd, e);
      terminated = true;
      break;
    }
    if ((c == '{' && peek(1) == '{') || (c == '}' && peek(1) == '}')) {
      text += c;
      advance(2);
      continue;
    }
    if (c == '}') {
      SourceLocation b = loc();
      advance();
      diags_.error(SourceRange(b, loc()),
                   "a single '}' is not allowed in an f-string; write '}}' "
                   "for a brace");
      continue;
    }
    if (c == '\\') {
      lexEscape(text);
      continue;
    }
    if (c != '{') {
      text += c;
      advance();
      continue;
    }
    // A field: the expression up to a ':', '!' or '}' outside brackets
    // and strings, then the spec up to the '}'.
    flush();
    SourceLocation fieldBegin = loc();
    advance();
    push(TokenKind::FStringFieldBegin, fieldBegin);
    size_t end = pos_;
    int depth = 0;
    char inString = 0;
    for (; end < text_.size() && text_[end] != '\n'; ++end) {
      char d = text_[end];
      if (inString) {
        if (d == inString)
          inString = 0;
        continue;
      }
      if (d == quote)
        break; // the f-string's own quote: an unclosed field
      if (d == '"' || d == '\'') {
        inString = d;
      } else if (d == '(' || d == '[' || d == '{') {
        ++depth;
      } else if (d == ')' || d == ']' || (d == '}' && depth > 0)) {
        --depth;
      } else if (depth == 0 && (d == '}' || d == ':' ||
                                (d == '!' && end + 1 < text_.size() &&
                                 text_[end + 1] != '='))) {
        break;
      }
    }
    int savedDepth = parenDepth_;
    lexTokensUntil(end);
    parenDepth_ = savedDepth;
    std::string spec;
    SourceLocation specBegin = loc();
    if (peek() == '!') {
      advance(2);
      diags_.error(SourceRange(specBegin, loc()),
                   "f-string conversions (!r, !s, !a) are not supported; "
                   "write the field without one");
    }
    if (peek() == ':') {
      advance();
      while (pos_ < text_.size() && peek() != '}' && peek() != '\n' &&
             !atEnd()) {
        if (peek() == '{') {
          SourceLocation b = loc();
          advance();
          diags_.error(SourceRange(b, loc()),
                       "a nested field in a format spec is not supported; "
                       "write the spec out");
          while (pos_ < text_.size() && peek() != '}' && peek() != '\n' &&
                 !atEnd())
            advance();
          if (peek() == '}')
            advance(); // the nested field's end
          continue;
        }
        spec += peek();
        advance();
      }
    }
    SourceLocation fieldEnd = loc();
    if (peek() != '}') {
      diags_.error(SourceRange(fieldBegin, loc()),
                   "this f-string field is not closed; end it with '}'");
      push(TokenKind::FStringFieldEnd, fieldEnd, std::move(spec));
      continue;
    }
    advance();
    push(TokenKind::FStringFieldEnd, fieldEnd, std::move(spec));
    textBegin = loc();
  }
  if (!terminated) {
    diags_.error(SourceRange(begin, loc()),
                 "unterminated f-string; close it with a matching " +
                     std::string(triple ? 3 : 1, quote));
    flush();
    push(TokenKind::FStringEnd, loc());
  }
}

} // namespace weft
