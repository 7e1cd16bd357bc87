//===- SemaWrites.cpp - Which array parameters a function may write ------===//
//
// A conservative, flow-insensitive analysis over the typed instances: a
// parameter is written if it, or any local that may view its buffer (a
// slice, `.T`, a reshape, a name bound to it, a tuple holding it, the
// result of a call given it: of a function of the program, given it for a
// parameter whose buffer its results may view), is the target of a store
// (`v[...] = e`, `v op= e` on an array) or is passed to a parameter of a callee
// that is written. Hosts use the result to refuse read-only buffers
// (FunctionInstance::writtenParams). Anything the analysis cannot see
// through counts as a possible view, so it may report a write that never
// happens, never the reverse. A tuple's (or jitclass instance's) parts
// are followed one by one: a function writing one field of a record
// parameter writes that field's buffer only.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include "frontend/VersionRebindings.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace weft {
namespace sema {

namespace {

/// Slots: the leaves of the parameters' values (a tuple parameter has
/// one per part), numbered by FunctionWrites::slot.
using ParamSet = std::set<size_t>;
/// The views of each leaf of a value: one set for an array, one per part
/// of a tuple, nested tuples flattened.
using LeafViews = std::vector<ParamSet>;

/// How many leaves a value of type `t` has.
size_t leafCount(const Type &t) {
  if (!t.isTuple())
    return 1;
  size_t n = 0;
  for (const Type &e : t.elems())
    n += leafCount(e);
  return n;
}

/// All the views of a value, whatever leaf they are of.
ParamSet unionOf(const LeafViews &v) {
  ParamSet out;
  for (const ParamSet &s : v)
    out.insert(s.begin(), s.end());
  return out;
}

/// True if a value of type `t` may hold (a view of) an array.
bool mayHoldArray(const Type &t) {
  if (t.isArray() || t.isUnknown())
    return true;
  if (t.isTuple())
    for (const Type &e : t.elems())
      if (mayHoldArray(e))
        return true;
  return false;
}

} // namespace

/// Builtins whose result is a new buffer whatever their arguments.
bool returnsNewBuffer(Builtin b) {
  return isUnaryMath(b) ||
         builtinIn(
             b, {Builtin::Zeros,      Builtin::Ones,      Builtin::Empty,
                 Builtin::Full,       Builtin::Arange,    Builtin::Linspace,
                 Builtin::ZerosLike,  Builtin::OnesLike,  Builtin::EmptyLike,
                 Builtin::FullLike,   Builtin::Eye,       Builtin::Copy,
                 Builtin::Rand,       Builtin::Randn,     Builtin::Load,
                 Builtin::Outer,      Builtin::Minimum,   Builtin::Maximum,
                 Builtin::Where,      Builtin::Clip,      Builtin::Isnan,
                 Builtin::Isinf,      Builtin::Atan2,     Builtin::Pow,
                 Builtin::Abs,        Builtin::Sum,       Builtin::Prod,
                 Builtin::Mean,       Builtin::Var,       Builtin::Std,
                 Builtin::Argmin,     Builtin::Argmax,    Builtin::Any,
                 Builtin::All,        Builtin::Dot,       Builtin::Min,
                 Builtin::Max,        Builtin::Len,       Builtin::Randint,
                 Builtin::Range,      Builtin::Prange,    Builtin::Sort,
                 Builtin::Argsort,    Builtin::Cumsum,    Builtin::Cumprod,
                 Builtin::LogicalAnd, Builtin::LogicalOr, Builtin::LogicalXor,
                 Builtin::LogicalNot}) ||
         isFloatTest(b) || isBinaryFloatMath(b) || isComplexPart(b) ||
         isRandomDraw(b) || isLinalg(b);
}

namespace {

class FunctionWrites {
  /// isinstance(x, T): decided by the type, x not evaluated.
  bool isTypeTest(const CallExpr *c) const {
    auto *n = c->callee->dyn<NameExpr>();
    return n && n->name == "isinstance" && !n->qualified && !fn_.calls.count(c);
  }

public:
  /// `trackLocals`: every local array has a slot of its own too, and
  /// every list of arrays one slot for all their elements (listSlot()),
  /// so that what a value may share with a list can be asked (copies of
  /// arrays put into lists, copiesInvisible).
  explicit FunctionWrites(const FunctionInstance &fn, bool trackLocals = false)
      : fn_(fn), track_(trackLocals) {
    for (size_t i = 0; i < fn.paramNames.size(); ++i) {
      first_.push_back(slots_);
      size_t n = i < fn.paramTypes.size() ? leafCount(fn.paramTypes[i]) : 1;
      LeafViews v(n);
      for (size_t k = 0; k < n; ++k)
        v[k].insert(slots_ + k);
      slots_ += n;
      if (i < fn.paramTypes.size() && tracked(fn.paramTypes[i]))
        views_[fn.paramNames[i]] = v;
    }
    first_.push_back(slots_);
    if (!track_)
      return;
    listSlot_ = slots_++;
    for (const auto &[name, t] : fn.locals) {
      if (views_.count(name) ||
          std::count(fn.paramNames.begin(), fn.paramNames.end(), name))
        continue;
      if (holdsListOfArrays(t)) {
        views_[name] = LeafViews(1, ParamSet{listSlot_});
        continue;
      }
      if (!mayHoldArray(t))
        continue;
      LeafViews v(leafCount(t));
      for (ParamSet &leaf : v)
        leaf.insert(slots_++);
      views_[name] = v;
    }
  }

  /// The slots of the parameters are [0, paramSlots()).
  size_t paramSlots() const { return first_.back(); }
  /// The slots of the parameters that are lists of arrays.
  ParamSet listParamSlots() const {
    ParamSet out;
    for (size_t i = 0; i + 1 < first_.size(); ++i)
      if (i < fn_.paramTypes.size() && holdsListOfArrays(fn_.paramTypes[i]))
        for (size_t s = first_[i]; s < first_[i + 1]; ++s)
          out.insert(s);
    return out;
  }
  size_t listSlot() const { return listSlot_; }
  const ParamSet &written() const { return written_; }
  const ParamSet &returned() const { return returned_; }
  /// Every slot the value of `e` may view (after run()).
  ParamSet allViewsOf(const Expr *e) { return unionOf(leafViewsOf(e)); }

  /// The parameters a returned value may view (after run()).
  std::set<size_t> returnedParams() const {
    std::set<size_t> out;
    for (size_t i = 0; i + 1 < first_.size(); ++i)
      for (size_t s = first_[i]; s < first_[i + 1]; ++s)
        if (returned_.count(s))
          out.insert(i);
    return out;
  }

  /// The leaves of each parameter written, to a fixpoint of the views of
  /// each local.
  std::vector<std::vector<bool>> run() {
    if (fn_.body) {
      do {
        changed_ = false;
        block(*fn_.body);
      } while (changed_);
    }
    std::vector<std::vector<bool>> out;
    for (size_t i = 0; i + 1 < first_.size(); ++i) {
      out.emplace_back(first_[i + 1] - first_[i], false);
      for (size_t s = first_[i]; s < first_[i + 1]; ++s)
        out.back()[s - first_[i]] = written_.count(s) > 0;
    }
    return out;
  }

private:
  /// A list whose elements hold arrays (a list of arrays, a list of
  /// tuples with a field of arrays).
  static bool holdsListOfArrays(const Type &t) {
    return (t.isRagged() && t.raggedArrayRows()) || t.tupleListHoldsArrays();
  }
  /// Whether the analysis follows values of type `t`.
  bool tracked(const Type &t) const {
    return mayHoldArray(t) || (track_ && holdsListOfArrays(t));
  }

  void add(ParamSet &to, const ParamSet &from) {
    for (size_t p : from)
      changed_ |= to.insert(p).second;
  }

  /// The views of each leaf of `e`'s value: followed through names,
  /// tuple displays, records made, fields and constant tuple indices;
  /// anything else views all that viewsOf finds, in every leaf.
  LeafViews leafViewsOf(const Expr *e) {
    const Type &t = fn_.typeOf(e);
    size_t n = leafCount(t);
    if (n > 1 || t.isTuple()) {
      LeafViews out;
      auto append = [&](const Expr *x) {
        LeafViews v = leafViewsOf(x);
        out.insert(out.end(), v.begin(), v.end());
      };
      if (auto *name = e->dyn<NameExpr>()) {
        auto it = views_.find(name->name);
        if (it != views_.end() && it->second.size() == n)
          return it->second;
      } else if (auto *tuple = e->dyn<TupleExpr>()) {
        for (const ExprPtr &x : tuple->elts)
          append(x.get());
      } else if (auto *c = e->dyn<CallExpr>(); c && fn_.recordArgs.count(c)) {
        for (const Expr *x : fn_.recordArgs.at(c))
          append(x);
      } else if (const Expr *base = partBase(e)) {
        out = partOf(leafViewsOf(base), fn_.typeOf(base), partIndex(e));
      }
      if (out.size() == n)
        return out;
      return LeafViews(n, viewsOf(e));
    }
    if (const Expr *base = partBase(e)) {
      LeafViews whole = leafViewsOf(base);
      LeafViews part = partOf(whole, fn_.typeOf(base), partIndex(e));
      if (part.size() == 1)
        return part;
    }
    return LeafViews(1, viewsOf(e));
  }

  /// The tuple a field read (p.x, obj.a) or a constant index t[k] takes
  /// a part of, or null.
  const Expr *partBase(const Expr *e) {
    if (auto *a = e->dyn<AttributeExpr>();
        a && fn_.fieldOf.count(a) && !fn_.cellReads.count(a))
      return a->base.get();
    if (auto *ix = e->dyn<IndexExpr>(); ix && ix->indices.size() == 1 &&
                                        ix->indices[0]->dyn<IntLitExpr>() &&
                                        fn_.typeOf(ix->base.get()).isTuple())
      return ix->base.get();
    return nullptr;
  }
  size_t partIndex(const Expr *e) {
    if (auto *a = e->dyn<AttributeExpr>())
      return fn_.fieldOf.at(a);
    int64_t k = e->dyn<IndexExpr>()->indices[0]->dyn<IntLitExpr>()->value;
    return static_cast<size_t>(k);
  }
  /// The leaves of part `k` of a tuple of type `t` whose leaves are
  /// `whole` (empty if they do not match).
  static LeafViews partOf(const LeafViews &whole, const Type &t, size_t k) {
    if (!t.isTuple() || k >= t.elems().size() || whole.size() != leafCount(t))
      return {};
    size_t at = 0;
    for (size_t i = 0; i < k; ++i)
      at += leafCount(t.elems()[i]);
    size_t n = leafCount(t.elems()[k]);
    return LeafViews(whole.begin() + at, whole.begin() + at + n);
  }

  /// The parameters whose buffer the value of `e` may view.
  ParamSet viewsOf(const Expr *e) {
    if (!e)
      return {};
    switch (e->kind) {
    case ExprKind::IntLit:
    case ExprKind::FloatLit:
    case ExprKind::BoolLit:
    case ExprKind::StrLit:
      return {};
    default:
      break;
    }
    if (!tracked(fn_.typeOf(e)))
      return {};
    ParamSet out;
    auto unite = [&](const Expr *x) {
      ParamSet s = viewsOf(x);
      out.insert(s.begin(), s.end());
    };
    switch (e->kind) {
    case ExprKind::Name: {
      auto it = views_.find(e->dyn<NameExpr>()->name);
      if (it != views_.end())
        out = unionOf(it->second);
      break;
    }
    case ExprKind::Index:
    case ExprKind::Attribute:
      // (a field or a constant part of a tuple: that part's views)
      if (partBase(e))
        return unionOf(leafViewsOf(e));
      unite(e->kind == ExprKind::Index ? e->dyn<IndexExpr>()->base.get()
                                       : e->dyn<AttributeExpr>()->base.get());
      break;
    case ExprKind::IfExp: {
      auto *x = e->dyn<IfExpExpr>();
      unite(x->thenValue.get());
      unite(x->elseValue.get());
      break;
    }
    case ExprKind::BoolOp: {
      auto *x = e->dyn<BoolOpExpr>();
      unite(x->lhs.get());
      unite(x->rhs.get());
      break;
    }
    case ExprKind::Tuple:
      for (const ExprPtr &x : e->dyn<TupleExpr>()->elts)
        unite(x.get());
      break;
    case ExprKind::List:
      for (const ExprPtr &x : e->dyn<ListExpr>()->elts)
        unite(x.get());
      break;
    case ExprKind::Unary:
      // +a may be a itself; -a and ~a compute new arrays.
      if (e->dyn<UnaryExpr>()->op == UnaryOp::Pos)
        unite(e->dyn<UnaryExpr>()->operand.get());
      break;
    case ExprKind::Binary:
      // Arithmetic on arrays makes a new array; tuples concatenate.
      if (!fn_.typeOf(e).isArray()) {
        unite(e->dyn<BinaryExpr>()->lhs.get());
        unite(e->dyn<BinaryExpr>()->rhs.get());
      }
      break;
    case ExprKind::Compare:
      break;
    case ExprKind::Call:
      out = callViews(e->dyn<CallExpr>());
      break;
    default:
      // Anything else: whatever it mentions.
      out = allNames(e);
      break;
    }
    return out;
  }

  ParamSet callViews(const CallExpr *c) {
    ParamSet out;
    auto unite = [&](const Expr *x) {
      ParamSet s = viewsOf(x);
      out.insert(s.begin(), s.end());
    };
    if (fn_.vectorizedCalls.count(c) || fn_.vmapAxis.count(c))
      return out; // a new array, element by element
    if (isTypeTest(c))
      return out; // a bool
    if (auto *n = c->callee->dyn<NameExpr>())
      if (!fn_.calls.count(c) && isBuiltinName(n->name) &&
          returnsNewBuffer(*lookupBuiltin(n->name)))
        return out;
    if (auto *m = c->callee->dyn<AttributeExpr>()) {
      std::optional<Builtin> mb = lookupBuiltin(m->attr);
      if (mb && (*mb == Builtin::Copy || returnsNewBuffer(*mb)))
        return out;
      unite(m->base.get());
    }
    auto bound = fn_.callArgs.find(c);
    auto callee = fn_.calls.find(c);
    if (bound != fn_.callArgs.end() && callee != fn_.calls.end() &&
        callee->second && !c->callee->dyn<AttributeExpr>()) {
      // A function of the program: the arguments bound to the parameters
      // its results may view.
      for (size_t j = 0; j < bound->second.size(); ++j)
        if (callee->second->returnedParams.count(j))
          unite(bound->second[j]);
    } else if (bound != fn_.callArgs.end()) {
      for (const Expr *a : bound->second)
        unite(a);
    } else {
      for (const ExprPtr &a : c->args)
        unite(a.get());
      for (const KeywordArg &k : c->keywords)
        unite(k.value.get());
    }
    return out;
  }

  /// The views of every name `e` mentions (the fallback).
  ParamSet allNames(const Expr *e) {
    ParamSet out;
    std::vector<const Expr *> work{e};
    while (!work.empty()) {
      const Expr *x = work.back();
      work.pop_back();
      if (!x)
        continue;
      if (auto *n = x->dyn<NameExpr>()) {
        auto it = views_.find(n->name);
        if (it != views_.end())
          for (const ParamSet &v : it->second)
            out.insert(v.begin(), v.end());
      }
      forEachChild(x, [&](const Expr *c) { work.push_back(c); });
    }
    return out;
  }

  /// Every call in `e`: a callee that writes a parameter writes what the
  /// call binds to it.
  void visit(const Expr *e) {
    std::vector<const Expr *> work{e};
    while (!work.empty()) {
      const Expr *x = work.back();
      work.pop_back();
      if (!x)
        continue;
      if (auto *c = x->dyn<CallExpr>())
        callWrites(c);
      forEachChild(x, [&](const Expr *c) { work.push_back(c); });
    }
  }

  void callWrites(const CallExpr *c) {
    auto callee = fn_.calls.find(c);
    auto bound = fn_.callArgs.find(c);
    if (callee != fn_.calls.end() && callee->second &&
        bound != fn_.callArgs.end()) {
      const auto &w = callee->second->writtenLeaves;
      // (a list of arrays passed on: its rows may be written there)
      const auto &types = callee->second->paramTypes;
      for (size_t j = 0; track_ && j < bound->second.size() && j < types.size();
           ++j)
        if (holdsListOfArrays(types[j]))
          add(written_, viewsOf(bound->second[j]));
      for (size_t j = 0; j < bound->second.size() && j < w.size(); ++j) {
        if (std::find(w[j].begin(), w[j].end(), true) == w[j].end())
          continue;
        LeafViews v = leafViewsOf(bound->second[j]);
        if (v.size() != w[j].size()) {
          add(written_, viewsOf(bound->second[j]));
          continue;
        }
        for (size_t k = 0; k < v.size(); ++k)
          if (w[j][k])
            add(written_, v[k]);
      }
      return;
    }
    // A namedtuple or jitclass instance made of its fields writes none.
    if (fn_.recordArgs.count(c))
      return;
    // Builtins and methods write none of their arguments, except
    // a.sort(), which sorts `a` in place; a call the analysis cannot
    // resolve may write all of them.
    if (auto *m = c->callee->dyn<AttributeExpr>()) {
      if (isBuiltinNamed(m->attr, Builtin::Sort))
        add(written_, viewsOf(m->base.get()));
      return;
    }
    if (auto *n = c->callee->dyn<NameExpr>())
      if (isBuiltinName(n->name) || isTypeTest(c))
        return;
    for (const ExprPtr &a : c->args)
      add(written_, viewsOf(a.get()));
    for (const KeywordArg &k : c->keywords)
      add(written_, viewsOf(k.value.get()));
  }

  /// `target = value`: names take the value's views, stores write.
  void bind(const Expr *target, const Expr *value, const ParamSet &views) {
    if (auto *n = target->dyn<NameExpr>()) {
      LeafViews from = value ? leafViewsOf(value)
                             : LeafViews(leafCount(fn_.typeOf(n)), views);
      LeafViews &to = views_[n->name];
      if (to.empty())
        to.resize(from.size());
      if (to.size() != from.size()) {
        // (leaves that do not line up: every view in every leaf)
        ParamSet all = unionOf(from), mine = unionOf(to);
        all.insert(mine.begin(), mine.end());
        for (ParamSet &leaf : to)
          add(leaf, all);
        return;
      }
      for (size_t k = 0; k < to.size(); ++k)
        add(to[k], from[k]);
      return;
    }
    if (auto *t = target->dyn<TupleExpr>()) {
      auto *tv = value ? value->dyn<TupleExpr>() : nullptr;
      for (size_t i = 0; i < t->elts.size(); ++i) {
        if (tv && tv->elts.size() == t->elts.size())
          bind(t->elts[i].get(), tv->elts[i].get(), viewsOf(tv->elts[i].get()));
        else
          bind(t->elts[i].get(), nullptr, views);
      }
      return;
    }
    store(target);
  }

  /// A store into `target` (an element or a slice) writes its base.
  void store(const Expr *target) {
    visit(target);
    if (auto *ix = target->dyn<IndexExpr>())
      add(written_, viewsOf(ix->base.get()));
    else
      add(written_, allNames(target));
  }

  void block(const Block &b) {
    for (const StmtPtr &s : b)
      stmt(*s);
  }

  void stmt(const Stmt &s) {
    switch (s.kind) {
    case StmtKind::Expr:
      visit(static_cast<const ExprStmt &>(s).value.get());
      break;
    case StmtKind::Assign: {
      auto &a = static_cast<const AssignStmt &>(s);
      visit(a.value.get());
      ParamSet v = viewsOf(a.value.get());
      for (const ExprPtr &t : a.targets)
        bind(t.get(), a.value.get(), v);
      break;
    }
    case StmtKind::AugAssign: {
      auto &a = static_cast<const AugAssignStmt &>(s);
      visit(a.value.get());
      // On an array name it works in place; on a number it rebinds.
      if (auto *n = a.target->dyn<NameExpr>()) {
        if (fn_.typeOf(n).isArray() || fn_.typeOf(n).isUnknown())
          add(written_, viewsOf(n));
      } else {
        store(a.target.get());
      }
      break;
    }
    case StmtKind::AnnAssign: {
      auto &a = static_cast<const AnnAssignStmt &>(s);
      if (a.value) {
        visit(a.value.get());
        bind(a.target.get(), a.value.get(), viewsOf(a.value.get()));
      }
      break;
    }
    case StmtKind::If: {
      auto &i = static_cast<const IfStmt &>(s);
      visit(i.cond.get());
      block(i.body);
      block(i.orelse);
      break;
    }
    case StmtKind::For: {
      auto &f = static_cast<const ForStmt &>(s);
      visit(f.iter.get());
      bind(f.target.get(), nullptr, viewsOf(f.iter.get()));
      block(f.body);
      break;
    }
    case StmtKind::While: {
      auto &w = static_cast<const WhileStmt &>(s);
      visit(w.cond.get());
      block(w.body);
      break;
    }
    case StmtKind::Return: {
      const Expr *value = static_cast<const ReturnStmt &>(s).value.get();
      visit(value);
      if (value)
        add(returned_, viewsOf(value));
      break;
    }
    case StmtKind::Assert: {
      auto &a = static_cast<const AssertStmt &>(s);
      visit(a.test.get());
      visit(a.msg.get());
      break;
    }
    default:
      break;
    }
  }

  const FunctionInstance &fn_;
  bool track_ = false;
  size_t listSlot_ = SIZE_MAX;
  std::map<std::string, LeafViews> views_;
  /// Each parameter's first slot (and, last, the slot count).
  std::vector<size_t> first_;
  size_t slots_ = 0;
  ParamSet written_;
  ParamSet returned_; ///< what the returned values may view
  bool changed_ = false;
};

} // namespace

std::vector<bool> copiesInvisible(const FunctionInstance &fn,
                                  const std::vector<CopiedValue> &copies) {
  FunctionWrites w(fn, /*trackLocals=*/true);
  w.run();
  const ParamSet &written = w.written();
  auto anyParam = [&](const ParamSet &s) {
    return std::any_of(s.begin(), s.end(),
                       [&](size_t k) { return k < w.paramSlots(); });
  };
  // A list of arrays handed back (or an element of one), or a list the
  // caller passed (c.list a parameter, or a name for one): the copies
  // outlive the function, where later writes cannot be seen.
  bool escapes = w.returned().count(w.listSlot()) > 0;
  bool paramWritten = anyParam(written);
  ParamSet listParams = w.listParamSlots();
  std::vector<bool> out;
  for (const CopiedValue &c : copies) {
    ParamSet shared = w.allViewsOf(c.value);
    shared.insert(w.listSlot());
    auto *list = c.list ? c.list->dyn<NameExpr>() : nullptr;
    bool listParam =
        !list || std::count(fn.paramNames.begin(), fn.paramNames.end(),
                            withoutVersionSuffixes(list->name));
    for (size_t k : list ? w.allViewsOf(list) : ParamSet())
      listParam = listParam || listParams.count(k);
    bool visible = escapes || listParam ||
                   // (two parameters may be one array)
                   (paramWritten && anyParam(shared));
    for (size_t k : shared)
      visible = visible || written.count(k);
    out.push_back(!visible);
  }
  return out;
}

void computeWrittenParams(Program &program) {
  for (auto &inst : program.instances) {
    inst->writtenParams.assign(inst->paramTypes.size(), false);
    inst->writtenLeaves.clear();
    inst->returnedParams.clear();
    for (const Type &t : inst->paramTypes)
      inst->writtenLeaves.emplace_back(leafCount(t), false);
  }
  // Callers depend on their callees' facts, which only grow: repeat
  // until nothing changes (recursion included).
  bool changed = true;
  while (changed) {
    changed = false;

    for (auto &inst : program.instances) {
      FunctionWrites writes(*inst);
      std::vector<std::vector<bool>> w = writes.run();
      for (size_t p : writes.returnedParams())
        changed |= inst->returnedParams.insert(p).second;
      for (size_t p = 0; p < w.size() && p < inst->writtenLeaves.size(); ++p)
        for (size_t k = 0; k < w[p].size() && k < inst->writtenLeaves[p].size();
             ++k)
          if (w[p][k] && !inst->writtenLeaves[p][k]) {
            inst->writtenLeaves[p][k] = true;
            inst->writtenParams[p] = true;
            changed = true;
          }
    }
  }
}

} // namespace sema
} // namespace weft
