//===- ASTBuild.h - Building and copying AST nodes in C++ ------*- C++ -*-===//
//
// For transforms that write new code as AST (grad): a deep copy of an
// expression with its names optionally renamed, and a builder whose every
// node carries one source range, that of the user code the new code
// stands for (so diagnostics and locations point there).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_ASTBUILD_H
#define WEFT_FRONTEND_ASTBUILD_H

#include "frontend/AST.h"

#include <functional>

namespace weft {

/// The name a copied NameExpr gets (the callee names of calls included).
using RenameFn = std::function<std::string(const NameExpr &)>;

/// A deep copy of `e` (null for null); names through `rename` when given.
ExprPtr cloneExpr(const Expr *e, const RenameFn &rename = nullptr);

/// A deep copy of parameter `p` (its default too).
Param cloneParam(const Param &p);
/// A deep copy of statement `s`, nested blocks included.
StmtPtr cloneStmt(const Stmt &s);
/// A deep copy of every statement of `block`.
Block cloneBlock(const Block &block);

/// Puts `flag = True` before each `break` of the loop whose body is
/// `block` (not of the loops inside it): what a loop's `else` and an
/// inlined generator test after the loop.
void flagBreaks(Block &block, const std::string &flag);

/// `sorted(list, key=key, reverse=reverse)` of a variable `list`:
/// `[list[j] for j in __np_sort_order([key(list[k]) for k in
/// range(len(list))], reverse)]` (a stable order of the keys, as
/// Python's sort).
ExprPtr sortedByKey(const std::string &list, ExprPtr key, bool reverse,
                    SourceRange at);

/// Makes AST nodes located at `at`.
struct ASTBuilder {
  SourceRange at;

  ExprPtr name(const std::string &n) const;
  ExprPtr f64(double v) const;
  ExprPtr i64(int64_t v) const;
  ExprPtr unary(UnaryOp op, ExprPtr x) const;
  ExprPtr neg(ExprPtr x) const { return unary(UnaryOp::Neg, std::move(x)); }
  ExprPtr binary(BinaryOp op, ExprPtr l, ExprPtr r) const;
  ExprPtr add(ExprPtr l, ExprPtr r) const;
  ExprPtr sub(ExprPtr l, ExprPtr r) const;
  ExprPtr mul(ExprPtr l, ExprPtr r) const;
  ExprPtr div(ExprPtr l, ExprPtr r) const;
  ExprPtr compare(CompareOp op, ExprPtr l, ExprPtr r) const;
  ExprPtr ifExp(ExprPtr cond, ExprPtr thenValue, ExprPtr elseValue) const;
  /// callee(args..., keywords...) where callee is a name or an expression.
  ExprPtr call(const std::string &callee, std::vector<ExprPtr> args,
               std::vector<KeywordArg> keywords = {}) const;
  ExprPtr call(ExprPtr callee, std::vector<ExprPtr> args,
               std::vector<KeywordArg> keywords = {}) const;
  KeywordArg keyword(const std::string &n, ExprPtr value) const;
  ExprPtr index(ExprPtr base, std::vector<ExprPtr> indices) const;
  ExprPtr attribute(ExprPtr base, const std::string &attr) const;
  ExprPtr tuple(std::vector<ExprPtr> elts) const;
  /// `len(list)`, `list[i]`, `range(len(list))` of a variable.
  ExprPtr len(const std::string &list) const;
  ExprPtr item(const std::string &list, ExprPtr i) const;
  ExprPtr positions(const std::string &list) const;
  /// `[elt for var in iter if cond]` (`cond` may be null).
  ExprPtr comprehension(const std::string &var, ExprPtr elt, ExprPtr iter,
                        ExprPtr cond = nullptr) const;

  StmtPtr assign(ExprPtr target, ExprPtr value) const;
  StmtPtr update(ExprPtr target, BinaryOp op, ExprPtr value) const;
  std::unique_ptr<ForStmt> loop(const std::string &var, ExprPtr iter) const;
  std::unique_ptr<IfStmt> ifStmt(ExprPtr cond) const;
  StmtPtr pass() const;
  StmtPtr ret(ExprPtr value) const;
};

} // namespace weft

#endif // WEFT_FRONTEND_ASTBUILD_H
