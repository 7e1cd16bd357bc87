//===- SemaJitclasses.cpp - Fields, methods and properties of jitclasses --===//
//
// A jitclass instance is a record (DesugarJitclasses.h): obj.x of a
// number field reads its cell, of an array field is the array; obj.m(...)
// is a call of the class's function "C.m" with obj first, chosen by obj's
// type; obj.p of a property is a call of "C.p"(obj).
//
//===----------------------------------------------------------------------===//
#include "frontend/ASTBuild.h"
#include "frontend/SemaImpl.h"

namespace weft {
namespace sema {

namespace {

const char kCellPrefix[] = "__cell__";
const char kMethodPrefix[] = "weft.method.";

bool startsWith(const std::string &s, const char *prefix) {
  return s.rfind(prefix, 0) == 0;
}

/// "a, b and c" of a class's names.
std::string listed(const std::vector<std::string> &names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out.empty() ? "none" : out;
}

} // namespace

const JitclassInfo *Analyzer::jitclassOf(const Type &t) const {
  if (!t.isTuple() || t.recordName().empty())
    return nullptr;
  auto it = module_.jitclasses.find(t.recordName());
  return it == module_.jitclasses.end() ? nullptr : &it->second;
}

Type Analyzer::checkJitclassAttribute(const AttributeExpr *a,
                                      const Type &base) {
  const JitclassInfo &info = *jitclassOf(base);
  const std::string &cls = base.recordName();
  bool cell = startsWith(a->attr, kCellPrefix);
  std::string name = cell ? a->attr.substr(sizeof(kCellPrefix) - 1) : a->attr;
  auto at = std::find(info.fields.begin(), info.fields.end(), name);
  if (at != info.fields.end()) {
    size_t k = at - info.fields.begin();
    fn_->fieldOf[a] = k;
    const Type &held = base.elems()[k];
    if (!info.cells.count(name) && cell) {
      diags_.error(a->range,
                   "field '" + name + "' of " + cls +
                       " holds an array or an instance, which only "
                       "__init__ replaces; write into it instead (obj." +
                       name + "[:] = v, obj." + name + ".x = v)");
      return Type::unknown();
    }
    if (!info.cells.count(name))
      return held; // an array field: the array
    if (cell)
      return held; // the cell a store writes
    fn_->cellReads.insert(a);
    return Type::scalar(held.scalarKind());
  }
  if (cell) {
    diags_.error(a->range, "'" + cls + "' has no field '" + name +
                               "'; its fields are " + listed(info.fields) +
                               " (a jitclass's fields are those its spec "
                               "declares)");
    return Type::unknown();
  }
  if (info.properties.count(name)) {
    auto made = propertyCallOf_.find(a);
    if (made == propertyCallOf_.end()) {
      ASTBuilder b{a->range};
      std::vector<ExprPtr> args;
      args.push_back(cloneExpr(a->base.get()));
      ExprPtr call = b.call(kMethodPrefix + name, std::move(args));
      made = propertyCallOf_.emplace(a, call->dyn<CallExpr>()).first;
      const_cast<ModuleAST &>(module_).synthesized.push_back(std::move(call));
    }
    fn_->propertyCalls[a] = made->second;
    return checkCall(made->second);
  }
  if (info.methods.count(name) || info.staticMethods.count(name)) {
    diags_.error(a->range, "'" + name + "' is a method of " + cls +
                               "; call it: obj." + name + "(...)");
    return Type::unknown();
  }
  diags_.error(a->range, "'" + cls + "' has no field, method or property '" +
                             name + "'; its fields are " + listed(info.fields));
  return Type::unknown();
}

Type Analyzer::checkJitclassMethodCall(const CallExpr *c,
                                       const AttributeExpr *m,
                                       const Type &base) {
  const JitclassInfo &info = *jitclassOf(base);
  const std::string &cls = base.recordName();
  auto &call = const_cast<CallExpr &>(*c);
  if (info.staticMethods.count(m->attr)) {
    call.callee = std::make_unique<NameExpr>(m->range, cls + "." + m->attr);
  } else if (info.methods.count(m->attr)) {
    // (named by the method, not the class: the function holding the call
    // may be compiled for instances of other classes too)
    ExprPtr self = std::move(const_cast<AttributeExpr *>(m)->base);
    call.args.insert(call.args.begin(), std::move(self));
    call.callee = std::make_unique<NameExpr>(m->range, kMethodPrefix + m->attr);
  } else {
    auto field = std::find(info.fields.begin(), info.fields.end(), m->attr);
    diags_.error(
        m->range,
        field != info.fields.end()
            ? "'" + m->attr + "' is a field of " + cls + ", not a method"
            : "'" + cls + "' has no method '" + m->attr +
                  "'; its methods are " +
                  listed(std::vector<std::string>(info.methods.begin(),
                                                  info.methods.end())));
    return Type::unknown();
  }
  change();
  return checkCall(c);
}

std::string Analyzer::methodFunction(const CallExpr *c,
                                     const std::string &callee,
                                     const Type &self) {
  std::string name = callee.substr(sizeof(kMethodPrefix) - 1);
  const JitclassInfo *info = jitclassOf(self);
  if (!info) {
    diags_.error(c->range, "'" + name + "' is called as a method of a " +
                               self.str() + ", which is no jitclass instance");
    return "";
  }
  if (!info->methods.count(name) && !info->properties.count(name)) {
    diags_.error(c->range,
                 "'" + self.recordName() + "' has no method '" + name + "'");
    return "";
  }
  return self.recordName() + "." + name;
}

} // namespace sema
} // namespace weft
