//===- LexerTest.cpp - Unit tests of the Weft lexer -----------------------===//
//
// Token kinds and layout (INDENT/DEDENT/NEWLINE, implicit line joining),
// literal values, source ranges and the lexer's error messages.
//
//===----------------------------------------------------------------------===//
#include "frontend/Lexer.h"

#include <catch2/catch.hpp>

using namespace weft;

namespace {

struct Lexed {
  SourceFile file;
  DiagnosticEngine diags;
  std::vector<Token> tokens;
  explicit Lexed(const std::string &src)
      : file("test.weft", src), diags(file), tokens(tokenize(file, diags)) {}
  std::vector<TokenKind> kinds() const {
    std::vector<TokenKind> k;
    for (const Token &t : tokens)
      k.push_back(t.kind);
    return k;
  }
  int count(TokenKind kind) const {
    int n = 0;
    for (const Token &t : tokens)
      n += t.kind == kind;
    return n;
  }
};

using K = TokenKind;

} // namespace

TEST_CASE("lexer: simple statement ends with NEWLINE and EOF", "[lexer]") {
  Lexed l("x = 1 + 2");
  CHECK(l.kinds() == std::vector<K>{K::Identifier, K::Equal, K::IntLiteral,
                                    K::Plus, K::IntLiteral, K::Newline,
                                    K::Eof});
  CHECK_FALSE(l.diags.hasErrors());
}

TEST_CASE("lexer: INDENT and DEDENT counts", "[lexer]") {
  Lexed l("def f(n):\n"
          "    if n:\n"
          "        return 1\n"
          "\n"
          "    # only a comment\n"
          "    return 2\n"
          "x = f(3)\n");
  CHECK(l.count(K::Indent) == 2);
  CHECK(l.count(K::Dedent) == 2);
  CHECK(l.count(K::Newline) == 5);
  CHECK_FALSE(l.diags.hasErrors());
  // Blocks still open at end of file are closed before EOF.
  Lexed open("if x:\n  if y:\n    pass");
  auto k = open.kinds();
  REQUIRE(k.size() >= 4);
  CHECK(k[k.size() - 4] == K::Newline);
  CHECK(k[k.size() - 3] == K::Dedent);
  CHECK(k[k.size() - 2] == K::Dedent);
  CHECK(k.back() == K::Eof);
}

TEST_CASE("lexer: implicit line joining inside brackets", "[lexer]") {
  Lexed l("y = f(1,\n"
          "      2,\n"
          "  [3,\n"
          "4])\n"
          "z = 0\n");
  CHECK(l.count(K::Newline) == 2);
  CHECK(l.count(K::Indent) == 0);
  CHECK(l.count(K::Dedent) == 0);
  CHECK_FALSE(l.diags.hasErrors());
}

TEST_CASE("lexer: integer literals", "[lexer]") {
  Lexed l("42 1_000 1_000_000 0x1F 0");
  REQUIRE(l.tokens.size() >= 5);
  CHECK(l.tokens[0].kind == K::IntLiteral);
  CHECK(l.tokens[0].intValue == 42);
  CHECK(l.tokens[1].intValue == 1000);
  CHECK(l.tokens[2].intValue == 1000000);
  CHECK(l.tokens[3].intValue == 31);
  CHECK(l.tokens[3].text == "0x1F");
  CHECK(l.tokens[4].intValue == 0);
  CHECK_FALSE(l.diags.hasErrors());
  Lexed max("9223372036854775807");
  CHECK(max.tokens[0].intValue == INT64_MAX);
  CHECK_FALSE(max.diags.hasErrors());
}

TEST_CASE("lexer: integer overflow is an error", "[lexer]") {
  Lexed l("x = 18446744073709551616");
  REQUIRE(l.diags.errorCount() == 1);
  CHECK(l.diags.diagnostics()[0].message ==
        "integer literal is too large for uint64");
  CHECK(l.diags.diagnostics()[0].range.begin.col == 5);
}

TEST_CASE("lexer: literals from 2**63 are uint64 bits", "[lexer]") {
  Lexed l("x = 18446744073709551615 + 9223372036854775807");
  REQUIRE(l.diags.errorCount() == 0);
  CHECK(l.tokens[2].unsigned64);
  CHECK(l.tokens[2].intValue == -1);
  CHECK_FALSE(l.tokens[4].unsigned64);
}

TEST_CASE("lexer: float literals", "[lexer]") {
  Lexed l("3.0 1e-3 2. .5 1.5E2");
  REQUIRE(l.tokens.size() >= 5);
  for (int i = 0; i < 5; ++i)
    CHECK(l.tokens[i].kind == K::FloatLiteral);
  CHECK(l.tokens[0].floatValue == 3.0);
  CHECK(l.tokens[1].floatValue == 1e-3);
  CHECK(l.tokens[2].floatValue == 2.0);
  CHECK(l.tokens[2].text == "2.");
  CHECK(l.tokens[3].floatValue == 0.5);
  CHECK(l.tokens[4].floatValue == 150.0);
  // `a.shape` is a name, a dot and a name, not a float.
  Lexed attr("a.shape[0]");
  CHECK(attr.kinds() == std::vector<K>{K::Identifier, K::Dot, K::Identifier,
                                       K::LBracket, K::IntLiteral, K::RBracket,
                                       K::Newline, K::Eof});
}

TEST_CASE("lexer: strings and escapes", "[lexer]") {
  Lexed l(R"(print("a\tb\n", 'it\'s', "q\"\\"))");
  REQUIRE(l.tokens.size() >= 8);
  CHECK(l.tokens[2].kind == K::StringLiteral);
  CHECK(l.tokens[2].text == "a\tb\n");
  CHECK(l.tokens[4].text == "it's");
  CHECK(l.tokens[6].text == "q\"\\");
  CHECK_FALSE(l.diags.hasErrors());
  Lexed bad("s = \"open\nx = 1\n");
  REQUIRE(bad.diags.errorCount() == 1);
  CHECK(bad.diags.diagnostics()[0].message.find("unterminated string") == 0);
}

TEST_CASE("lexer: keywords and operators", "[lexer]") {
  Lexed l("def return if elif else for in while break continue pass and or "
          "not True False assert");
  for (size_t i = 0; i + 2 < l.tokens.size(); ++i)
    CHECK(l.tokens[i].isKeyword());
  CHECK(l.tokens.size() == 19);
  Lexed ops("a **= b //= c ** d // e -> f @ g << h >> i <= j != k == l");
  CHECK(
      ops.kinds() ==
      std::vector<K>{
          K::Identifier, K::DoubleStarEqual, K::Identifier, K::DoubleSlashEqual,
          K::Identifier, K::DoubleStar,      K::Identifier, K::DoubleSlash,
          K::Identifier, K::Arrow,           K::Identifier, K::At,
          K::Identifier, K::LShift,          K::Identifier, K::RShift,
          K::Identifier, K::LessEqual,       K::Identifier, K::NotEqual,
          K::Identifier, K::EqualEqual,      K::Identifier, K::Newline,
          K::Eof});
}

TEST_CASE("lexer: source ranges are 1-based with exclusive end", "[lexer]") {
  Lexed l("if x:\n    total += 10\n");
  // if x : NEWLINE INDENT total += 10 NEWLINE DEDENT EOF
  REQUIRE(l.tokens.size() == 11);
  CHECK(l.tokens[0].range.begin.line == 1);
  CHECK(l.tokens[0].range.begin.col == 1);
  CHECK(l.tokens[0].range.end.col == 3);
  CHECK(l.tokens[3].kind == K::Newline);
  CHECK(l.tokens[3].range.begin.col == 6);
  CHECK(l.tokens[4].kind == K::Indent);
  const Token &total = l.tokens[5];
  CHECK(total.text == "total");
  CHECK(total.range.begin.line == 2);
  CHECK(total.range.begin.col == 5);
  CHECK(total.range.end.col == 10);
  CHECK(l.tokens[6].kind == K::PlusEqual);
  CHECK(l.tokens[6].range.begin.col == 11);
  CHECK(l.tokens[6].range.end.col == 13);
  CHECK(l.tokens[7].range.begin.col == 14);
}

TEST_CASE("lexer: tabs indent as Python's (to a multiple of 8)", "[lexer]") {
  Lexed l("if x:\n\ty = 1\n\tz = 2\n");
  CHECK(l.diags.errorCount() == 0);
  Lexed mixed("if x:\n        y = 1\n\tz = 2\n");
  REQUIRE(mixed.diags.errorCount() == 1);
  const Diagnostic &d = mixed.diags.diagnostics()[0];
  CHECK(d.message == "inconsistent use of tabs and spaces in indentation; "
                     "indent a block with the same characters throughout");
  CHECK(d.range.begin.line == 3);
  CHECK(d.range.begin.col == 1);
}

TEST_CASE("lexer: inconsistent dedent is an error", "[lexer]") {
  Lexed l("if x:\n    y = 1\n  z = 2\n");
  REQUIRE(l.diags.errorCount() == 1);
  CHECK(l.diags.diagnostics()[0].message ==
        "unindent does not match any outer indentation level");
  CHECK(l.diags.diagnostics()[0].range.begin.line == 3);
  CHECK(l.diags.diagnostics()[0].range.begin.col == 3);
}

TEST_CASE("lexer: unknown characters are reported and skipped", "[lexer]") {
  Lexed l("a = 1 $ 2 ? 3");
  REQUIRE(l.diags.errorCount() == 2);
  CHECK(l.diags.diagnostics()[0].message ==
        "unexpected character '$'; it has no meaning in Weft, remove it");
  CHECK(l.diags.diagnostics()[0].range.begin.col == 7);
  CHECK(l.diags.diagnostics()[1].message ==
        "unexpected character '?'; it has no meaning in Weft, remove it");
  CHECK(l.diags.diagnostics()[1].range.begin.col == 11);
  CHECK(l.count(K::IntLiteral) == 3);
}

TEST_CASE("lexer: empty and comment-only input", "[lexer]") {
  CHECK(Lexed("").kinds() == std::vector<K>{K::Eof});
  CHECK(Lexed("# nothing\n\n   \n").kinds() == std::vector<K>{K::Eof});
  CHECK(Lexed("x # trailing").kinds() ==
        std::vector<K>{K::Identifier, K::Newline, K::Eof});
}

TEST_CASE("lexer: octal and binary literals, bitwise augmented assignment",
          "[lexer]") {
  Lexed l("x = 0o17 + 0b101 + 0x1f + 0b10\nx <<= 2\nx &= 0b2\n");
  std::vector<int64_t> ints;
  for (const Token &t : l.tokens)
    if (t.kind == K::IntLiteral)
      ints.push_back(t.intValue);
  REQUIRE(ints.size() >= 5);
  CHECK(ints[0] == 15);
  CHECK(ints[1] == 5);
  CHECK(ints[2] == 31);
  CHECK(ints[3] == 2);
  CHECK(ints[4] == 2);
  CHECK(l.count(K::LShiftEqual) == 1);
  CHECK(l.count(K::AmpEqual) == 1);
  REQUIRE(l.diags.errorCount() == 1);
  CHECK(l.diags.diagnostics()[0].message ==
        "invalid digit in literal '0b2'; binary literals use digits 0 and 1");
}
