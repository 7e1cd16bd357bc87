//===- SemaStructured.cpp - Typing of structured arrays and records -------===//
//
// A NumPy structured array (a dtype of named fields) is held as the uint8
// array of its bytes with one more axis, the records' bytes, and its
// dtype (Type::structured): a[i] is a record, a view of its bytes, so
// writes through it reach the array, as Numba's records do; a['x'] and
// rec['x'] (or rec.x) are the field's values, views of the bytes read as
// the field's type (MLIRGenStructured.cpp). Operators and NumPy's
// functions do not take records.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

namespace weft {
namespace sema {

namespace {
/// The bytes of one element of kind `k`.
int64_t elementBytes(ScalarKind k) {
  return k == ScalarKind::Bool ? 1 : bitWidth(k) / 8;
}
} // namespace

bool Analyzer::refuseStructured(const Type &t, SourceRange range,
                                const std::string &what) {
  if (!t.isStructured())
    return true;
  diags_.error(range, what + " does not take a " + t.str() +
                          "; use its fields (a['x'], rec['x'] or rec.x)");
  return false;
}

Type Analyzer::structuredField(const Type &base, const std::string &name,
                               SourceRange range) {
  std::optional<StructuredLayout> layout =
      StructuredLayout::parse(base.structuredSpec());
  const StructuredField *f = layout ? layout->find(name) : nullptr;
  if (!f) {
    std::string names;
    for (const StructuredField &g :
         layout ? layout->fields : std::vector<StructuredField>{})
      names += (names.empty() ? "" : ", ") + g.name;
    diags_.error(range, "the record has no field '" + name +
                            "'; its fields: " + names);
    return Type::unknown();
  }
  int rank = base.structuredRank() + static_cast<int>(f->shape.size());
  if (base.structuredRank() > 0 &&
      layout->itemsize % elementBytes(f->kind) != 0) {
    diags_.error(range,
                 "a['" + name + "'] views " + scalarName(f->kind) + " values " +
                     std::to_string(layout->itemsize) +
                     " bytes apart, which is not a whole number of them; "
                     "read the field record by record (a[i]['" +
                     name + "'])");
    return Type::unknown();
  }
  if (rank == 0)
    return Type::scalar(computeKind(f->kind));
  return Type::array(f->kind, rank);
}

Type Analyzer::structuredFieldCell(const Type &base, const std::string &name,
                                   SourceRange range) {
  Type field = structuredField(base, name, range);
  if (!field.isKnown())
    return field;
  if (!field.isScalar()) {
    diags_.error(range, "rec." + name +
                            " is a sub-array field: assign its elements "
                            "(rec." +
                            name + "[:] = v)");
    return Type::unknown();
  }
  // (the field's one element, as stored: rec.x = v is rec.x's cell[0] = v)
  return Type::array(
      StructuredLayout::parse(base.structuredSpec())->find(name)->kind, 1);
}

Type Analyzer::checkStructuredIndex(const IndexExpr *ix, const Type &base) {
  // a['x'], rec['x']: a field.
  if (ix->indices.size() == 1)
    if (auto *name = ix->indices[0]->dyn<StrLitExpr>())
      return structuredField(base, name->value, ix->indices[0]->range);
  // Indices of the records' axes: as many as the array has, or fewer.
  size_t entries = 0;
  for (size_t k = 0; k < ix->indices.size(); ++k) {
    if (ix->isEllipsis(k)) {
      diags_.error(ix->range, "'...' does not index a " + base.str() +
                                  " yet; write its axes' indices");
      return Type::unknown();
    }
    if (ix->isNewAxis(k))
      continue;
    if (ix->indices[k]->dyn<StrLitExpr>()) {
      diags_.error(ix->indices[k]->range,
                   "a field name indexes a record or a structured array "
                   "alone (a['x'], then [i]), not beside other indices");
      return Type::unknown();
    }
    // (an index that is a tuple variable counts its elements)
    Type it = ix->indices.size() == 1 && !ix->indices[k]->dyn<SliceExpr>()
                  ? checkExpr(ix->indices[k].get())
                  : Type::i64();
    entries += it.isTuple() ? it.elems().size() : 1;
  }
  if (static_cast<int>(entries) > base.structuredRank()) {
    diags_.error(ix->range,
                 base.isRecordValue()
                     ? "a record is indexed by the name of a field "
                       "(rec['x']), not by a number"
                     : "too many indices for a " + base.str() + " (" +
                           std::to_string(base.structuredRank()) + " axes)");
    return Type::unknown();
  }
  Type r = checkIndexOn(ix, base);
  if (!r.isArray())
    return r;
  return r.withStructured(base.structuredSpec());
}

std::optional<Type>
Analyzer::checkStructuredBuiltin(const CallExpr *c, Builtin b,
                                 const std::vector<Type> &args,
                                 const std::vector<const Expr *> &argExprs) {
  if (b == Builtin::AsStructured && argExprs.size() == 1) {
    // __structured("spec"): the dtype (a module's np.dtype([...])).
    auto *spec = argExprs[0]->dyn<StrLitExpr>();
    if (!spec || !StructuredLayout::parse(spec->value)) {
      diags_.error(c->range, "__structured() takes a structured dtype's "
                             "description");
      return Type::unknown();
    }
    return Type::structuredDType(spec->value);
  }
  if (b == Builtin::AsStructured) {
    auto *spec =
        argExprs.size() == 2 ? argExprs[1]->dyn<StrLitExpr>() : nullptr;
    if (!spec || !StructuredLayout::parse(spec->value) || !args[0].isArray() ||
        args[0].isStructured() || args[0].scalarKind() != ScalarKind::U8) {
      diags_.error(c->range, "__structured() takes a uint8 array of a "
                             "structured array's bytes and its dtype's "
                             "description");
      return Type::unknown();
    }
    return Type::structured(spec->value, args[0].rank() - 1);
  }
  // np.zeros(shape, dtype=rec_dtype), np.empty: records of zero bytes
  // (np.empty's too).
  if (b == Builtin::Zeros || b == Builtin::Empty) {
    const Expr *dtypeExpr = argExprs.size() == 2 ? argExprs[1] : nullptr;
    for (const KeywordArg &k : c->keywords)
      if (k.name == "dtype")
        dtypeExpr = k.value.get();
    // (quietly: any other dtype is the creation's own check)
    Type dt;
    if (dtypeExpr && argExprs.size() <= 2) {
      bool saved = diags_.suppressed();
      diags_.setSuppressed(true);
      dt = checkExpr(dtypeExpr);
      diags_.setSuppressed(saved);
    }
    if (dt.isStructuredDType()) {
      const Type &shape = args[0];
      if (!shape.isInt() &&
          !(shape.isTuple() &&
            std::all_of(shape.elems().begin(), shape.elems().end(),
                        [](const Type &e) { return e.isInt(); }))) {
        diags_.error(argExprs[0]->range,
                     std::string(builtinName(b)) +
                         "()'s shape is an int or a tuple of ints");
        return Type::unknown();
      }
      int rank = shape.isInt() ? 1 : static_cast<int>(shape.elems().size());
      return Type::structured(dt.structuredSpec(), rank);
    }
  }
  for (size_t i = 0; i < args.size(); ++i)
    if (args[i].isStructuredDType()) {
      diags_.error(argExprs[i]->range,
                   std::string(builtinName(b)) + "() does not take a " +
                       args[i].str() + "; np.zeros and np.empty do");
      return Type::unknown();
    }
  auto structured = std::find_if(
      args.begin(), args.end(), [](const Type &t) { return t.isStructured(); });
  if (structured == args.end())
    return std::nullopt;
  // What moves records as they are: len, copies.
  if ((b == Builtin::Len && !structured->isRecordValue()) ||
      (builtinIn(b, {Builtin::Copy, Builtin::ZerosLike, Builtin::EmptyLike}) &&
       args.size() == 1 && c->keywords.empty()))
    return b == Builtin::Len ? Type::i64() : *structured;
  const Expr *at = argExprs[structured - args.begin()];
  diags_.error(at->range, std::string(builtinName(b)) + "() does not take a " +
                              structured->str() +
                              " yet; use its fields (a['x'], rec['x'] or "
                              "rec.x)");
  return Type::unknown();
}

} // namespace sema
} // namespace weft
