//===- ParserImpl.h - Internals of the Weft parser --------------*- C++ -*-===//
//
// Internal to frontend/: the Parser class that Parser.cpp (token helpers,
// error recovery, statements and function definitions) and ParserExpr.cpp
// (expressions) implement together.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_PARSERIMPL_H
#define WEFT_FRONTEND_PARSERIMPL_H

#include "frontend/Lexer.h"
#include "frontend/Parser.h"

#include <map>
#include <set>

#include <cstddef>
#include <string>
#include <vector>

namespace weft {
namespace parser {

/// The module name `from numpy import x` reads `x` through (np.x).
extern const char *const kImportedNumpy;

constexpr int kMaxDepth = 200;  ///< expression and block nesting
constexpr int kMaxChain = 5000; ///< operators in one left-assoc chain
constexpr int kMaxElifs = 2000; ///< elif branches of one if

/// "line:col" of `l`, for messages (ParserExpr.cpp).
std::string locString(SourceLocation l);

class Parser {
public:
  Parser(std::vector<Token> tokens, std::vector<Diagnostic> lexErrors,
         DiagnosticEngine &diags);

  void parseModule(ModuleAST &m);

  /// Parsing Weft's NumPy library: its np.<name> calls are the builtins
  /// themselves, never the library's wrappers of them.
  void setParsingLibrary(bool on) { parsingLibrary_ = on; }

private:
  /// np.cumsum/np.cumprod, and np.sort with an axis, as the NumPy
  /// library's functions.
  void libraryAxisCall(CallExpr &c);
  bool parsingLibrary_ = false;
  //===--------------------------------------------------------------------===//
  // Token helpers
  //===--------------------------------------------------------------------===//
  const Token &tok(size_t ahead = 0) const;
  bool at(TokenKind k) const;
  static bool before(SourceLocation a, SourceLocation b);
  /// Reports the lexer's errors located before `loc`, so that all errors
  /// come out in source order.
  void flushLexErrors(SourceLocation loc);
  const Token &next();
  bool accept(TokenKind k);
  SourceRange rangeFrom(SourceLocation begin) const;
  /// Reports `msg` at the current token (only the first error per
  /// statement, so a bad line gives one message).
  std::nullptr_t error(const std::string &msg);
  std::nullptr_t errorAt(SourceRange r, const std::string &msg);
  std::string found() const;
  bool expect(TokenKind k, const std::string &msg);
  /// Skips to just past the next NEWLINE (or to EOF).
  void synchronize();

  struct DepthGuard {
    Parser &p;
    bool ok;
    explicit DepthGuard(Parser &p);
    ~DepthGuard();
  };

  //===--------------------------------------------------------------------===//
  // Statements
  //===--------------------------------------------------------------------===//
  void parseStatementInto(Block &out);
  /// Statements the statement being parsed needs run before it (an
  /// output array's store, hoistOutArgument), put into its block first.
  Block before_;
  StmtPtr parseRaise();
  StmtPtr parseStatement();
  /// Whether a `with` of Numba's objmode(...) starts here.
  bool objmodeAhead() const;
  /// Parses one simple statement and the NEWLINE that ends it.
  StmtPtr parseSimpleStatement();
  /// Moves the statements after `;` on the line just parsed into `out`.
  void takeSameLine(Block &out);
  StmtPtr parseSmallStatement();
  static bool augOp(TokenKind k, BinaryOp &op);
  bool checkTarget(const Expr &e, bool allowTuple);
  StmtPtr parseExprOrAssign();
  /// `f64`, `i64[:]`, `f32[:, :]`.
  bool parseTypeAnnotation(TypeAnnotation &ann);
  /// Parses ':' and the suite after a compound statement header.
  bool parseSuite(Block &body, const char *what, const char *colonMsg);
  /// Parses INDENT stmt+ DEDENT.
  void parseIndentedBlock(Block &body);
  StmtPtr parseIf();
  /// `try: ... except: ...` (or `except Exception:`), with an optional
  /// `else:`: an IfStmt marked isTry (AST.h).
  StmtPtr parseTry();
  int tryElses_ = 0;
  StmtPtr parseWhile();
  StmtPtr parseFor();
  /// A for loop over `A if c else B` as an if of two loops.
  StmtPtr loopOverChoice(std::unique_ptr<ForStmt> s);
  /// `for ...: ... else: ...` / `while ...: ... else: ...` after the
  /// loop's body: the loop with its breaks setting a flag, then the else
  /// block run when the flag is unset, in an `if True:` of their own.
  StmtPtr withLoopElse(StmtPtr loop, Block &loopBody, SourceLocation begin);
  int loopElses_ = 0;
  /// `import numpy as np`, `from numba import njit, prange`: no code; the
  /// names are recorded (only numpy, math and numba can be imported).
  StmtPtr parseImport();
  /// After a module name: `.random` (a submodule) and `.name`, as the
  /// builtin `name`.
  ExprPtr parseModuleMember(const Token &module);
  /// A loop variable, or a parenthesized list of them.
  ExprPtr parseForTarget();
  /// Loop variables: `x`, `i, x`, `i, (x, y)`.
  ExprPtr parseForTargets();
  StmtPtr parseFunctionDef();
  /// `class C:` after its decorators (ParserClasses.cpp): kept in
  /// classDecls_, no statement.
  StmtPtr parseClassDef(std::vector<ExprPtr> decorators);
  /// @jitclass's spec, `[("x", float64), ("a", float64[:])]`.
  bool parseClassSpec(const Expr *spec, ClassDecl &cls);
  std::vector<ClassDecl> classDecls_;
  /// `class E(Enum):` (or IntEnum) after its header: its members, kept in
  /// enums_, no statement.
  StmtPtr parseEnumClass(const std::string &name, SourceRange nameRange,
                         bool intEnum);
  std::map<std::string, std::vector<EnumMember>> enums_;
  /// Parsing the body of a jitclass compiled from Python.
  bool classPython_ = false;

  //===--------------------------------------------------------------------===//
  // Expressions
  //===--------------------------------------------------------------------===//
  bool canStartExpr() const;
  /// expr (',' expr)* [','] — a bare tuple when there is a comma.
  ExprPtr parseExprList();
  ExprPtr sliceCallAsSlice(Expr &e);
  ExprPtr parseStarredTuple(SourceLocation begin,
                            std::unique_ptr<TupleExpr> head);
  /// `{...}`: a dict or set display or comprehension.
  ExprPtr parseBraceDisplay();
  /// The rest of a comprehension after its element (`value`: a dict
  /// comprehension's, else null), from the first `for` to the closing
  /// bracket `close`. A list comprehension of one name, one `for` and at
  /// most one `if` over anything but enumerate/zip is a ListCompExpr;
  /// every other is a call of weft.list_comprehension,
  /// weft.set_comprehension or weft.dict_comprehension that
  /// desugarComprehensions (DesugarComprehensions.h) makes loops.
  ExprPtr parseComprehension(SourceLocation begin, const char *kind,
                             ExprPtr elt, ExprPtr value, TokenKind close);
  /// `a if c else b` (lowest precedence).
  ExprPtr parseExpr();
  /// f"a {x:.2f} b": the str of the parts joined with +, each field
  /// weft.format(x, spec) (ParserComprehensions.cpp).
  /// Adjacent string literals and f-strings, concatenated.
  ExprPtr parseStrings();
  ExprPtr parseFString();
  /// `"fmt" % args` of a literal format: its text and the arguments
  /// formatted (weft.format) joined with +, as parseFString's.
  ExprPtr percentFormat(ExprPtr format, ExprPtr args, SourceRange range);
  ExprPtr parseOr();
  ExprPtr parseAnd();
  ExprPtr parseNot();
  static bool compareOp(TokenKind k, CompareOp &op);
  ExprPtr parseComparison();
  /// Binary precedence: | 1, ^ 2, & 3, << >> 4, + - 5, * / // % @ 6.
  static int binaryPrec(TokenKind k, BinaryOp &op);
  /// Precedence climbing over the left-associative binary operators.
  ExprPtr parseBinary(int minPrec);
  /// Unary - + ~ bind looser than ** on their right: -2**2 == -(2**2).
  ExprPtr parseUnary();
  /// postfix ['**' unary] (right-associative).
  ExprPtr parsePower();
  ExprPtr parsePostfix();
  /// list(x), list() and sorted(x[, reverse=]) as list displays and
  /// comprehensions; null for other calls.
  ExprPtr listCall(CallExpr &c);
  /// map(f, [a, b]) as the tuple (f(a), f(b)); map(f, x) as the list
  /// [f(v) for v in x]; null for other calls.
  ExprPtr mapCall(CallExpr &c);
  bool parseCallArgs(CallExpr &call, SourceRange open);
  /// clip(a=x, a_min=0, a_max=1), where(condition=c, x=a, y=b): keywords
  /// naming NumPy's leading parameters as positions.
  void leadingKeywordsToPositions(CallExpr &call);
  /// `x in range(...)` (`negated`: `not in`) as the NumPy library's
  /// bounds-and-step test; null (nothing moved) for any other membership.
  ExprPtr rangeMembership(ExprPtr &x, ExprPtr &r, bool negated);
  /// zeros(shape, f64) is zeros(shape, dtype=f64) (NumPy's positional
  /// dtype of the creation functions).
  void positionalDtypeToKeyword(CallExpr &call);
  /// The dtype a string names ("int64", "f8", "<i4", "bool") as the
  /// qualified name np.<dtype> reads as; null for any other expression.
  ExprPtr dtypeFromString(const Expr &e);
  /// `a.flat[i] = v`, `a.flat[i] op= v` (`first` is a.flat[i], read as
  /// __np_flat_get): the statement storing it; null for anything else.
  StmtPtr flatStore(ExprPtr &first, SourceLocation begin, BinaryOp &op);
  /// isclose(a, b, rtol=...), around(x, decimals=...): the optional
  /// arguments as positions (defaults filled in for isclose/allclose).
  void keywordsToPositions(CallExpr &call);
  /// NumPy's random draws (uniform, normal, exponential, standard_normal,
  /// random, randint): keyword arguments as positions.
  void randomDrawPositions(CallExpr &call, const std::string &name);
  /// expr | [expr] ':' [expr] [':' [expr]]
  ExprPtr parseSubscript();
  /// Names `from numpy import name [as alias]` brought in (alias ->
  /// name): read as `np.name`.
  std::map<std::string, std::string> fromNumpy_;
  /// `np.iinfo(t).attr` / `np.finfo(t).attr` after `np.iinfo` (`which`):
  /// the number.
  ExprPtr typeLimit(const std::string &which, SourceLocation begin);
  /// Drops the annotations of `def` that name no Weft type when it is
  /// compiled from Python.
  void ignoreClassAnnotations(FunctionDefStmt &def);
  /// Numba's one eager signature (`@jit("f4(f4, f4)")`,
  /// ParserSignatures.cpp): its number types annotate the parameters and
  /// the result, so that arguments and results convert as Numba's do;
  /// `locals={"m": float32}` declares the variables' types (the keyword
  /// is then dropped).
  void applyNumbaTypes(FunctionDefStmt &def);
  /// Whether `def` is compiled from Python (@jit(python_lists=True)).
  static bool pythonSource(const FunctionDefStmt &def);
  /// Parsing the body of such a function.
  bool pythonBody_ = false;
  ExprPtr parseAtom();

  std::vector<Token> toks_;
  std::vector<Diagnostic> lexErrors_;
  size_t nextLexError_ = 0;
  DiagnosticEngine &diags_;
  size_t pos_ = 0;
  SourceLocation lastEnd_;
  /// Statements after the first on a line (`a = 1; b = 2`).
  Block sameLine_;
  /// The defs the lambdas of the function being parsed (or of the
  /// script) became, put at the start of its body when it ends.
  Block lambdas_;
  /// `lambda params: e` (after the keyword): a def of a name of its own,
  /// kept in lambdas_, and that name.
  ExprPtr parseLambda(SourceLocation begin);
  /// Numba's typed list made by call `c` (`List()`, `List(x)`,
  /// `List.empty_list(t)`, `numba.typed.List(...)`) as a list display or
  /// `list(x)`; null for other calls.
  ExprPtr typedListCall(CallExpr &c);
  bool failed_ = false;
  int depth_ = 0;
  int blockDepth_ = 0;
  int elifDepth_ = 0;
  int comprehensions_ = 0; ///< numbers comprehension targets
  /// Names that stand for the modules whose functions are Weft's builtins
  /// (`np.zeros` is `zeros`): numpy, math and numba, and the names `import`
  /// gives them.
  std::set<std::string> moduleNames_{"np",    "numpy", "math",
                                     "numba", "cmath", "heapq"};
  /// The names the math module goes by (math.floor is Python's: an int).
  std::set<std::string> mathModules_{"math"};
  /// Names of Python's cmath module (imported or not: the Python package
  /// writes no imports).
  std::set<std::string> cmathModules_{"cmath"};
  /// Names `import random` gave Python's random module.
  std::set<std::string> pyRandomModules_;
  /// Names of numpy.random (`from numpy import random`, `import
  /// numpy.random as npr`): only its random functions are taken there
  /// (np.random.gamma is not the gamma function).
  std::set<std::string> numpyRandomModules_;
  /// Names of Python's heapq module (imported or not).
  std::set<std::string> heapqModules_{"heapq"};
  /// The names `import sys` binds (print's file=sys.stderr).
  std::set<std::string> sysModules_;
  /// Names of the program's own modules (`import weft.module as utils`,
  /// which the Python package writes for `utils.helper(x)` of a jitted
  /// function): `utils.helper` is the module-level name `helper`.
  std::set<std::string> programModules_;
  /// The names of the functions and classes the program defines: a call
  /// of one by its bare name is not rewritten as NumPy's function of that
  /// name (isclose, normal, allclose, ...) would be.
  std::set<std::string> programNames_;
  /// random's `name` as the library's function; null (an error reported
  /// at `at`) for what Weft does not have.
  ExprPtr pyRandomMember(const std::string &name, SourceRange at);
  /// cmath's `name` as Weft: a NumPy library function or a constant;
  /// null (an error reported at `at`) for what Weft does not have.
  ExprPtr cmathMember(const std::string &name, SourceRange at);
  /// sys's constant `name` (maxsize, byteorder, float_info.max, ...), its
  /// tokens read; null for another name.
  ExprPtr sysConstant(const std::string &name, SourceLocation begin);
  /// `from numpy import zeros as z`: z is zeros.
  std::map<std::string, std::string> importedAs_;
};

} // namespace parser
} // namespace weft

#endif // WEFT_FRONTEND_PARSERIMPL_H
