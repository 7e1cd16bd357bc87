//===- HeapqLibrary.cpp - Python's heapq sift functions, in Weft ----------===//
//
// What desugarHeapq (DesugarHeapq.h) calls: CPython's heapq algorithms on
// a list (of numbers or of tuples, ordered by `<`), moving its elements in
// place.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *heapqLibrarySource() {
  return R"weft(
def __np_heapq_siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem

def __np_heapq_siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    __np_heapq_siftdown(heap, startpos, pos)

def __np_heapq_heapify(x):
    for i in range(len(x) // 2 - 1, -1, -1):
        __np_heapq_siftup(x, i)
)weft";
}

} // namespace weft
