# Source: FEniCS/basix python/basix/numba_helpers.py (release 0.5.1, as shipped in Debian's python3-basix 0.5.1-1+b2)
# Licence: MIT (Basix, debian/copyright "Files: * Copyright: 2020 FEniCS Project License: MIT")
# Notes: Basix's helpers for writing DOLFINx custom kernels with Numba, pasted whole: apply_dof_transformation (@_numba.jit(nopython=True), numba imported as _numba inside try/except ImportError that re-raises RuntimeError) walks the degrees of freedom of a cell's vertices, edges and faces, reading a typed Dict of str -> 3-D float64 arrays (`entity_transformations["interval"][0].copy()`, per-face-type rotation and reflection), a nested list of dof counts, and the orientation bits of cell_info (`cell_info >> (face_start + e) & 1`, `cell_info >> (3 * f + 1) & 3` rotations), applying np.dot of the small matrices to slices of data in place; per-cell wrappers for interval (returning nothing), triangle and quadrilateral (an empty typed list of strings `_numba.typed.List.empty_list(_numba.core.types.string)`), tetrahedron, hexahedron, prism and pyramid (typed Lists built from Python list arithmetic such as `["triangle"] + ["quadrilateral"] * 4 + ["triangle"]` inside jitted code); and the *_to_transpose variants (data.transpose().copy(), then `data[:] =` the transposed result). Typing-only names (`_typing.TYPE_CHECKING` branch with numpy.typing aliases, otherwise None) are kept as they are. The harness builds, for each cell type, dof counts per entity (P3-like on simplices, lower order elsewhere), deterministic non-symmetric edge and face transformation matrices in a numba.typed.Dict, and applies the transformations to a vector and (transposed) to a 3-row matrix for several cell_info orientation codes. The prism wrappers pass six face types (triangle, four quadrilaterals, triangle) for five faces, so the fifth face is read as a quadrilateral; the harness's prism dof counts follow that (1, 4, 4, 4, 4) to keep the matrix and slice sizes consistent
"""Helper functions for writing DOLFINx custom kernels using Numba."""

try:
    import numba as _numba
except ImportError:
    raise RuntimeError("You must have Numba installed to use the Numba helper functions.")

import numpy as _np
import typing as _typing
from typing import List as _ListT
from typing import Dict as _Dict
if _typing.TYPE_CHECKING:
    import numpy.typing as _npt
    _nda = _npt.NDArray
    _nda_i32 = _npt.NDArray[_np.int32]
    _nda_f64 = _npt.NDArray[_np.float64]
else:
    _nda = None
    _nda_i32 = None
    _nda_f64 = None


@_numba.jit(nopython=True)
def apply_dof_transformation(
    tdim: int, edge_count: int, face_count: int, entity_transformations: _Dict[str, _nda],
    entity_dofs: _ListT[_ListT[int]], data: _nda, cell_info: int, face_types: _ListT[str]
):
    """Apply dof transformations to some data.

    Args:
        tdim: The topological dimension of the cell.
        edge_count: The number of edges the cell has.
        face_count: The number of faces the cell has.
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
        face_types: A list of strings giving the shapes of the faces of the cell.
    """
    if tdim >= 2:
        if tdim == 3:
            face_start = 3 * face_count
        else:
            face_start = 0

        dofstart = 0
        for i in entity_dofs[0]:
            dofstart += i
        # NOTE: Copy array to make numba compilation faster (contiguous array assumption)
        edge_reflection = entity_transformations["interval"][0].copy()
        for e in range(edge_count):
            edofs = entity_dofs[1][e]
            if edofs == 0:
                continue
            if cell_info >> (face_start + e) & 1:
                data[dofstart:dofstart+edofs] = _np.dot(edge_reflection, data[dofstart:dofstart+edofs])
            dofstart += edofs

        if tdim == 3:
            for f in range(face_count):
                face_rotation = entity_transformations[face_types[f]][0].copy()
                face_reflection = entity_transformations[face_types[f]][1].copy()
                fdofs = entity_dofs[2][f]
                if fdofs == 0:
                    continue
                if cell_info >> (3 * f) & 1:
                    data[dofstart:dofstart+fdofs] = _np.dot(face_reflection, data[dofstart:dofstart+fdofs])
                for _ in range(cell_info >> (3 * f + 1) & 3):
                    data[dofstart:dofstart+fdofs] = _np.dot(face_rotation, data[dofstart:dofstart+fdofs])
                dofstart += fdofs


@_numba.jit(nopython=True)
def apply_dof_transformation_interval(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some data on an interval.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    return


@_numba.jit(nopython=True)
def apply_dof_transformation_triangle(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some data on a triangle.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation(2, 3, 1, entity_transformations, entity_dofs,
                             data, cell_info, _numba.typed.List.empty_list(_numba.core.types.string))


@_numba.jit(nopython=True)
def apply_dof_transformation_quadrilateral(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some data on an quadrilateral.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation(2, 4, 1, entity_transformations, entity_dofs,
                             data, cell_info, _numba.typed.List.empty_list(_numba.core.types.string))


@_numba.jit(nopython=True)
def apply_dof_transformation_tetrahedron(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some data on a tetrahedron.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation(3, 6, 4, entity_transformations, entity_dofs,
                             data, cell_info, _numba.typed.List(["triangle"] * 4))


@_numba.jit(nopython=True)
def apply_dof_transformation_hexahedron(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some data on a hexahedron.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation(3, 12, 6, entity_transformations, entity_dofs,
                             data, cell_info, _numba.typed.List(["quadrilateral"] * 6))


@_numba.jit(nopython=True)
def apply_dof_transformation_prism(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some data on an prism.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation(3, 9, 5, entity_transformations, entity_dofs,
                             data, cell_info, _numba.typed.List(["triangle"] + ["quadrilateral"] * 4 + ["triangle"]))


@_numba.jit(nopython=True)
def apply_dof_transformation_pyramid(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some data on an prism.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation(3, 8, 5, entity_transformations, entity_dofs,
                             data, cell_info, _numba.typed.List(["quadrilateral"] + ["triangle"] * 4))


@_numba.jit(nopython=True)
def apply_dof_transformation_to_transpose(
    tdim: int, edge_count: int, face_count: int, entity_transformations: _ListT[int], entity_dofs: _ListT[int],
    data: _nda, cell_info: int, face_types: _ListT[str]
):
    """Apply dof transformations to some transposed data.

    Args:
        tdim: The topological dimension of the cell.
        edge_count: The number of edges the cell has.
        face_count: The number of faces the cell has.
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
        face_types: A list of strings giving the shapes of the faces of the cell.
    """
    transposed_data = data.transpose().copy()
    apply_dof_transformation(tdim, edge_count, face_count, entity_transformations, entity_dofs,
                             transposed_data, cell_info, face_types)
    data[:] = transposed_data.transpose()


@_numba.jit(nopython=True)
def apply_dof_transformation_to_transpose_interval(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some transposed data on an interval.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    return


@_numba.jit(nopython=True)
def apply_dof_transformation_to_transpose_triangle(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some transposed data on a triangle.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation_to_transpose(2, 3, 1, entity_transformations, entity_dofs,
                                          data, cell_info, _numba.typed.List.empty_list(_numba.core.types.string))


@_numba.jit(nopython=True)
def apply_dof_transformation_to_transpose_quadrilateral(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some transposed data on an quadrilateral.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation_to_transpose(2, 4, 1, entity_transformations, entity_dofs,
                                          data, cell_info, _numba.typed.List.empty_list(_numba.core.types.string))


@_numba.jit(nopython=True)
def apply_dof_transformation_to_transpose_tetrahedron(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some transposed data on a tetrahedron.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation_to_transpose(3, 6, 4, entity_transformations, entity_dofs,
                                          data, cell_info, _numba.typed.List(["triangle"] * 4))


@_numba.jit(nopython=True)
def apply_dof_transformation_to_transpose_hexahedron(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some transposed data on a hexahedron.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation_to_transpose(3, 12, 6, entity_transformations, entity_dofs,
                                          data, cell_info, _numba.typed.List(["quadrilateral"] * 6))


@_numba.jit(nopython=True)
def apply_dof_transformation_to_transpose_prism(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some transposed data on an prism.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation_to_transpose(
        3, 9, 5, entity_transformations, entity_dofs,
        data, cell_info, _numba.typed.List(["triangle"] + ["quadrilateral"] * 4 + ["triangle"]))


@_numba.jit(nopython=True)
def apply_dof_transformation_to_transpose_pyramid(
    entity_transformations: _Dict[str, _nda_f64],
    entity_dofs: _Dict[str, _nda_i32],
    data: _nda, cell_info: int
):
    """Apply dof transformations to some transposed data on an prism.

    Args:
        entity_transformations: The DOF transformations for each entity.
        entity_dofs: The number of DOFs on each entity.
        data: The data. This will be changed by this function.
        cell_info: An integer representing the orientations of the subentities of the cell.
    """
    apply_dof_transformation_to_transpose(3, 8, 5, entity_transformations, entity_dofs,
                                          data, cell_info, _numba.typed.List(["quadrilateral"] + ["triangle"] * 4))


# ---- harness (not part of the program) ----
ENTRY = "basix_dof_transformations"

from numba import types as _h_types
from numba.typed import Dict as _HDict, List as _HList


def _dofs(counts):
    outer = _HList()
    for row in counts:
        inner = _HList.empty_list(_h_types.int64)
        for c in row:
            inner.append(c)
        outer.append(inner)
    return outer


def _transformations(ne, nt, nq):
    d = _HDict.empty(key_type=_h_types.unicode_type, value_type=_h_types.float64[:, :, ::1])
    base = _np.arange(1.0, 10.0 + 2 * max(ne, nt, nq, 1) ** 2)
    def mat(n, shift):
        m = _np.eye(n)[::-1].copy()
        m += 0.1 * base[shift:shift + n * n].reshape(n, n) / base[shift + n * n]
        return m
    d["interval"] = _np.ascontiguousarray(mat(ne, 0)[None, :, :])
    d["triangle"] = _np.ascontiguousarray(_np.stack((_np.roll(_np.eye(nt), 1, axis=0) + 0.05 * mat(nt, 1), mat(nt, 2))))
    d["quadrilateral"] = _np.ascontiguousarray(_np.stack((_np.roll(_np.eye(nq), 1, axis=0) + 0.05 * mat(nq, 3), mat(nq, 4))))
    return d


def basix_dof_transformations(cell_infos):
    out = {}
    cells = {
        # name: (entity dof counts per dimension, (edge, triangle-face, quad-face) dofs)
        "interval": ([[1, 1], [2]], (2, 1, 1)),
        "triangle": ([[1, 1, 1], [2, 2, 2], [1]], (2, 1, 1)),
        "quadrilateral": ([[1, 1, 1, 1], [2, 2, 2, 2], [1]], (2, 1, 1)),
        "tetrahedron": ([[1] * 4, [2] * 6, [3] * 4, [0]], (2, 3, 1)),
        "hexahedron": ([[1] * 8, [1] * 12, [1] * 6, [1]], (1, 1, 1)),
        "prism": ([[1] * 6, [2] * 9, [1, 4, 4, 4, 4], [0]], (2, 1, 4)),
        "pyramid": ([[1] * 5, [2] * 8, [4, 1, 1, 1, 1], [0]], (2, 1, 4)),
    }
    funcs = {
        "interval": (apply_dof_transformation_interval, apply_dof_transformation_to_transpose_interval),
        "triangle": (apply_dof_transformation_triangle, apply_dof_transformation_to_transpose_triangle),
        "quadrilateral": (apply_dof_transformation_quadrilateral, apply_dof_transformation_to_transpose_quadrilateral),
        "tetrahedron": (apply_dof_transformation_tetrahedron, apply_dof_transformation_to_transpose_tetrahedron),
        "hexahedron": (apply_dof_transformation_hexahedron, apply_dof_transformation_to_transpose_hexahedron),
        "prism": (apply_dof_transformation_prism, apply_dof_transformation_to_transpose_prism),
        "pyramid": (apply_dof_transformation_pyramid, apply_dof_transformation_to_transpose_pyramid),
    }
    for name, (counts, (ne, nt, nq)) in cells.items():
        dofs = _dofs(counts)
        trans = _transformations(ne, nt, nq)
        ndofs = sum(sum(row) for row in counts)
        apply, apply_t = funcs[name]
        res = []
        res_t = []
        for ci in cell_infos:
            data = _np.linspace(-1.0, 2.0, ndofs)
            apply(trans, dofs, data, ci)
            res.append(data)
            data2 = _np.vstack((_np.linspace(0.0, 1.0, ndofs), _np.cos(_np.arange(ndofs)), _np.arange(ndofs) % 3 - 1.0))
            apply_t(trans, dofs, data2, ci)
            res_t.append(data2)
        out[name] = _np.array(res)
        out[name + "_transpose"] = _np.array(res_t)
    # the generic function called directly, with face types given by the caller
    dofs = _dofs([[1] * 4, [2] * 6, [3] * 4, [0]])
    trans = _transformations(2, 3, 1)
    data = _np.linspace(0.5, 3.5, 28)
    apply_dof_transformation(3, 6, 4, trans, dofs, data, 0b101101011011011011, _HList(["triangle"] * 4))
    out["direct"] = data
    return out


def inputs():
    return ([0, 1, 5, 0b110110, 0b1011011011011, 0b111111111111111111, 12345],)
