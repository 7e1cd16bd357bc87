//===- ParserUfuncs.cpp - NumPy's operator ufuncs and out= arguments ------===//
//
// np.add(x, y) is x + y, np.greater(x, y) is x > y, np.negative(x) is -x;
// an elementwise function given the array to write as a last argument or
// out= (np.multiply(z, z, z), np.sqrt(x, out=y)) is, as a statement, a
// slice assignment out[:] = f(...); inside an expression (g =
// np.round(g, 0, g).astype(np.int32)), that assignment comes first and
// the call reads `out`. The parser applies these as it builds calls and
// statements.
//
//===----------------------------------------------------------------------===//
#include "frontend/ParserUfuncs.h"
#include "frontend/ASTBuild.h"
#include "frontend/Builtins.h"

#include <functional>

#include <map>

namespace weft::parser {
namespace {

const std::map<std::string, BinaryOp> &binaryUfuncs() {
  static const std::map<std::string, BinaryOp> m = {
      {"add", BinaryOp::Add},           {"subtract", BinaryOp::Sub},
      {"multiply", BinaryOp::Mul},      {"divide", BinaryOp::Div},
      {"true_divide", BinaryOp::Div},   {"floor_divide", BinaryOp::FloorDiv},
      {"mod", BinaryOp::Mod},           {"remainder", BinaryOp::Mod},
      {"power", BinaryOp::Pow},         {"bitwise_and", BinaryOp::BitAnd},
      {"bitwise_or", BinaryOp::BitOr},  {"bitwise_xor", BinaryOp::BitXor},
      {"left_shift", BinaryOp::LShift}, {"right_shift", BinaryOp::RShift}};
  return m;
}

const std::map<std::string, CompareOp> &compareUfuncs() {
  static const std::map<std::string, CompareOp> m = {
      {"greater", CompareOp::Gt}, {"greater_equal", CompareOp::Ge},
      {"less", CompareOp::Lt},    {"less_equal", CompareOp::Le},
      {"equal", CompareOp::Eq},   {"not_equal", CompareOp::Ne}};
  return m;
}

const std::map<std::string, UnaryOp> &unaryUfuncs() {
  static const std::map<std::string, UnaryOp> m = {
      {"negative", UnaryOp::Neg},
      {"positive", UnaryOp::Pos},
      {"invert", UnaryOp::Invert},
      {"bitwise_not", UnaryOp::Invert}};
  return m;
}

/// The number of inputs of the elementwise function `c` calls (a ufunc
/// operator above or an elementwise builtin), 0 if it is none of them.
size_t ufuncInputs(const CallExpr &c) {
  auto *n = c.callee->dyn<NameExpr>();
  if (!n || !n->qualified)
    return 0;
  if (binaryUfuncs().count(n->name) || compareUfuncs().count(n->name))
    return 2;
  if (unaryUfuncs().count(n->name))
    return 1;
  std::optional<Builtin> b = lookupBuiltin(n->name);
  if (!b)
    return 0;
  if (isUnaryMath(*b) || isFloatTest(*b) ||
      builtinIn(b, {Builtin::LogicalNot, Builtin::Abs, Builtin::Sign}))
    return 1;
  if (isBinaryFloatMath(*b) ||
      builtinIn(b, {Builtin::Minimum, Builtin::Maximum, Builtin::LogicalAnd,
                    Builtin::LogicalOr, Builtin::LogicalXor}))
    return 2;
  if (b == Builtin::Clip) // (a, a_min, a_max)
    return 3;
  return 0;
}

} // namespace

bool isUfuncOperator(const std::string &name) {
  return binaryUfuncs().count(name) || compareUfuncs().count(name) ||
         unaryUfuncs().count(name);
}

ExprPtr ufuncAsOperator(CallExpr &c) {
  auto *n = c.callee->dyn<NameExpr>();
  if (!n || !n->qualified || !c.keywords.empty())
    return nullptr;
  SourceRange r = c.range;
  if (auto it = binaryUfuncs().find(n->name);
      it != binaryUfuncs().end() && c.args.size() == 2)
    return std::make_unique<BinaryExpr>(r, it->second, std::move(c.args[0]),
                                        std::move(c.args[1]), r.begin);
  if (auto it = compareUfuncs().find(n->name);
      it != compareUfuncs().end() && c.args.size() == 2) {
    auto cmp = std::make_unique<CompareExpr>(r);
    cmp->ops.push_back(it->second);
    cmp->operands.push_back(std::move(c.args[0]));
    cmp->operands.push_back(std::move(c.args[1]));
    return cmp;
  }
  if (auto it = unaryUfuncs().find(n->name);
      it != unaryUfuncs().end() && c.args.size() == 1)
    return std::make_unique<UnaryExpr>(r, it->second, std::move(c.args[0]));
  return nullptr;
}

namespace {

/// The output array of `c` (an elementwise function's last positional
/// argument past its inputs or out=, np.round(x, decimals, out)), taken
/// out of the call when `take`; null when it has none.
ExprPtr outArgument(CallExpr &c, bool take) {
  size_t inputs = ufuncInputs(c);
  auto *n = c.callee->dyn<NameExpr>();
  if (!inputs && n && n->qualified && n->name == "around")
    inputs = 2; // (x, decimals)
  if (!inputs)
    return nullptr;
  if (c.args.size() == inputs + 1 && c.keywords.empty()) {
    if (!take)
      return cloneExpr(c.args.back().get());
    ExprPtr out = std::move(c.args.back());
    c.args.pop_back();
    return out;
  }
  if (c.args.size() <= inputs && c.keywords.size() == 1 &&
      c.keywords[0].name == "out") {
    if (!take)
      return cloneExpr(c.keywords[0].value.get());
    ExprPtr out = std::move(c.keywords[0].value);
    c.keywords.clear();
    return out;
  }
  return nullptr;
}

/// out[:] = value: the whole of `out`, of any rank.
StmtPtr storeWhole(ExprPtr out, ExprPtr value, SourceRange r) {
  if (auto *c = value->dyn<CallExpr>())
    if (ExprPtr op = ufuncAsOperator(*c))
      value = std::move(op);
  auto target = std::make_unique<IndexExpr>(out->range, std::move(out));
  target->indices.push_back(std::make_unique<SliceExpr>(target->range));
  auto s = std::make_unique<AssignStmt>(r);
  s->targets.push_back(std::move(target));
  s->value = std::move(value);
  return s;
}

} // namespace

StmtPtr hoistOutArgument(ExprPtr &root) {
  StmtPtr store;
  std::function<void(ExprPtr &)> visit = [&](ExprPtr &slot) {
    if (store || !slot)
      return;
    auto *c = slot->dyn<CallExpr>();
    ExprPtr out = c ? outArgument(*c, /*take=*/false) : nullptr;
    if (out && out->dyn<NameExpr>()) {
      // (a name: the same array before and after the store)
      SourceRange r = slot->range;
      ExprPtr call = std::move(slot);
      ExprPtr taken = outArgument(static_cast<CallExpr &>(*call), true);
      slot = std::move(out);
      store = storeWhole(std::move(taken), std::move(call), r);
      return;
    }
    forEachChildSlot(*slot, visit);
  };
  visit(root);
  return store;
}

StmtPtr ufuncWithOut(ExprPtr &e) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  ExprPtr out = c ? outArgument(*c, /*take=*/true) : nullptr;
  if (!out)
    return nullptr;
  SourceRange r = c->range;
  return storeWhole(std::move(out), std::move(e), r);
}

StmtPtr fillAsStore(ExprPtr &e) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  auto *m = c ? c->callee->dyn<AttributeExpr>() : nullptr;
  if (!m || m->attr != "fill" || c->args.size() != 1 || !c->keywords.empty())
    return nullptr;
  // a[:] = v: the whole of `a`, of any rank.
  SourceRange r = c->range;
  auto target = std::make_unique<IndexExpr>(m->base->range, std::move(m->base));
  target->indices.push_back(std::make_unique<SliceExpr>(target->range));
  auto s = std::make_unique<AssignStmt>(r);
  s->targets.push_back(std::move(target));
  s->value = std::move(c->args[0]);
  return s;
}

} // namespace weft::parser
