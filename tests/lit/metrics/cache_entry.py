"""cache_entry.py - rewrites a code cache entry for the cache's tests.

    cache_entry.py garbage ENTRY   # the object replaced by garbage bytes,
                                   # with a valid length and checksum

The checksum is XXH3-64, as the cache computes it (LLVM's xxh3_64bits),
taken from libxxhash. Entry layout (runtime/CodeCache.cpp): "WEFTOBJ2", the
key's length, the object's length, the checksum of key and object (each 8
bytes, little endian), the key, the object. "WEFTOBJ1" entries (no key)
are rewritten as well.
"""
import ctypes
import struct
import sys


def xxh3_64(data):
    lib = ctypes.CDLL("libxxhash.so.0")
    lib.XXH3_64bits.restype = ctypes.c_uint64
    lib.XXH3_64bits.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
    return lib.XXH3_64bits(data, len(data))


def garbage(path):
    with open(path, "rb") as f:
        data = f.read()
    junk = bytes((i * 37 + 11) % 256 for i in range(4096))
    if data[:8] == b"WEFTOBJ2":
        key_len = struct.unpack_from("<Q", data, 8)[0]
        key = data[32:32 + key_len]
        out = b"WEFTOBJ2" + struct.pack("<QQQ", len(key), len(junk),
                                        xxh3_64(key + junk)) + key + junk
    elif data[:8] == b"WEFTOBJ1":
        out = b"WEFTOBJ1" + struct.pack("<QQ", len(junk), xxh3_64(junk)) + junk
    else:
        sys.exit("not a code cache entry: " + path)
    with open(path, "r+b") as f:
        f.write(out)
        f.truncate()


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "garbage":
        sys.exit(__doc__)
    garbage(sys.argv[2])
