# Source: Image-Py/sknw sknw/sknw.py
# Licence: BSD-3-Clause (sknw, LICENSE; Copyright (c) 2017, Yan xiaolong)
# Notes: graph of a skeleton image (parse_struc): on the flattened image, a queue-in-a-buffer flood fill labels each junction cluster as a node, then edges are traced pixel by pixel between nodes; helpers return int16 coordinate arrays from buffer slices, a tuple (int, int, array) per edge, lists of arrays and of tuples returned; the networkx import and the graph-building/drawing functions (networkx) left out; neighbors and buffer (plain NumPy) kept for the inputs
import numpy as np
from numba import jit

def neighbors(shape):
    dim = len(shape)
    block = np.ones([3]*dim)
    block[tuple([1]*dim)] = 0
    idx = np.where(block>0)
    idx = np.array(idx, dtype=np.uint8).T
    idx = np.array(idx-[1]*dim)
    acc = np.cumprod((1,)+shape[::-1][:-1])
    return np.dot(idx, acc[::-1])

@jit(nopython=True) # my mark
def mark(img, nbs): # mark the array use (0, 1, 2)
    img = img.ravel()
    for p in range(len(img)):
        if img[p]==0:continue
        s = 0
        for dp in nbs:
            if img[p+dp]!=0:s+=1
        if s==2:img[p]=1
        else:img[p]=2

@jit(nopython=True) # trans index to r, c...
def idx2rc(idx, acc):
    rst = np.zeros((len(idx), len(acc)), dtype=np.int16)
    for i in range(len(idx)):
        for j in range(len(acc)):
            rst[i,j] = idx[i]//acc[j]
            idx[i] -= rst[i,j]*acc[j]
    rst -= 1
    return rst
    
@jit(nopython=True) # fill a node (may be two or more points)
def fill(img, p, num, nbs, acc, buf):
    back = img[p]
    img[p] = num
    buf[0] = p
    cur = 0; s = 1;
    
    while True:
        p = buf[cur]
        for dp in nbs:
            cp = p+dp
            if img[cp]==back:
                img[cp] = num
                buf[s] = cp
                s+=1
        cur += 1
        if cur==s:break
    return idx2rc(buf[:s], acc)

@jit(nopython=True) # trace the edge and use a buffer, then buf.copy, if use [] numba not works
def trace(img, p, nbs, acc, buf):
    c1 = 0; c2 = 0;
    newp = 0
    cur = 1
    while True:
        buf[cur] = p
        img[p] = 0
        cur += 1
        for dp in nbs:
            cp = p + dp
            if img[cp] >= 10:
                if c1==0:
                    c1 = img[cp]
                    buf[0] = cp
                else:
                    c2 = img[cp]
                    buf[cur] = cp
            if img[cp] == 1:
                newp = cp
        p = newp
        if c2!=0:break
    return (c1-10, c2-10, idx2rc(buf[:cur+1], acc))
   
@jit(nopython=True) # parse the image then get the nodes and edges
def parse_struc(img, pts, nbs, acc):
    img = img.ravel()
    buf = np.zeros(131072, dtype=np.int64)
    num = 10
    nodes = []
    for p in pts:
        if img[p] == 2:
            nds = fill(img, p, num, nbs, acc, buf)
            num += 1
            nodes.append(nds)
    edges = []
    for p in pts:
        for dp in nbs:
            if img[p+dp]==1:
                edge = trace(img, p+dp, nbs, acc, buf)
                edges.append(edge)
    return nodes, edges

def buffer(ske):
    buf = np.zeros(tuple(np.array(ske.shape)+2), dtype=np.uint16)
    buf[tuple([slice(1,-1)]*buf.ndim)] = ske
    return buf

# ---- harness (not part of the program) ----
ENTRY = "parse_struc"


def inputs():
    # build_sknw(ske) up to parse_struc: the module's own example skeleton
    # (its __main__), placed twice (once transposed) on a 21x21 canvas; the
    # 0/1/2 marking that the jitted mark() does is computed here in NumPy
    img = np.array([
        [0,0,0,1,0,0,0,0,0],
        [0,0,0,1,0,0,0,0,0],
        [0,0,0,1,0,0,0,0,0],
        [1,1,1,1,0,0,0,0,0],
        [0,0,0,0,1,0,0,0,0],
        [0,0,0,0,0,1,0,0,0],
        [0,0,0,0,0,1,1,1,1],
        [0,0,0,0,1,0,0,0,0],
        [0,0,0,1,0,0,0,0,0]])
    ske = np.zeros((21, 21), dtype=np.uint16)
    ske[0:9, 0:9] = img
    ske[12:21, 12:21] = img.T
    buf = buffer(ske)
    nbs = neighbors(buf.shape)
    acc = np.cumprod((1,)+buf.shape[::-1][:-1])[::-1]
    flat = buf.ravel()
    on = np.flatnonzero(flat)
    count = sum((flat[on + dp] != 0).astype(np.int64) for dp in nbs)
    flat[on] = np.where(count == 2, 1, 2)
    pts = np.array(np.where(buf.ravel()==2))[0]
    return (buf, pts, nbs, acc)
