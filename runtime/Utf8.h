//===- Utf8.h - UTF-8 encoding of a code point ------------------*- C++ -*-===//
//
// Shared by the lexer (string escapes) and the runtime's printing.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_UTF8_H
#define WEFT_RUNTIME_UTF8_H

#include <cstdint>
#include <string>

namespace weft {

/// Appends code point `cp` (at most U+10FFFF) to `out` as UTF-8.
inline void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

} // namespace weft

#endif // WEFT_RUNTIME_UTF8_H
