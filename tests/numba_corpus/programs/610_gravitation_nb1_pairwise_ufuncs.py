# Source: pleiszenburg/gravitation src/gravitation/kernel/_base_.py (at commit 7fcf89a0), src/gravitation/kernel/nb1.py (at commit 7fcf89a0)
# Licence: GPL-2.0 (gravitation; "The contents of this file are subject to the GNU General Public License Version 2", the LICENSE_BLOCK in each file; Copyright (C) 2019 Sebastian M. Ernst)
# Notes: the first numba kernel of gravitation, an n-body-simulation performance test suite that implements one gravity kernel in many languages and libraries. src/gravitation/kernel/nb1.py is pasted whole with its tab indentation (the kernel-meta dunders, the universe class with start_kernel, which allocates float32 state and scratch arrays and links each point mass to row views of them, and step_stage1_jit, a @staticmethod stacked on @numba.jit(nopython = True) that computes all pairwise accelerations row by row with NumPy ufuncs writing into out= slices of the scratch arrays: np.subtract of a row and a block, np.sum over axis 1 and axis 0 given positionally, np.sqrt / np.divide(1.0, ...) / np.divide(_G, ...) into views, reshape(k, 1) broadcasting, and += through np.add(..., out) on overlapping slices; step_stage1 calls it as universe.step_stage1_jit, step_stage2 integrates with NumPy out= calls in plain Python); its `from ._base_ import universe_base` is replaced by src/gravitation/kernel/_base_.py pasted whole above it (the plain-Python _point_mass and universe_base classes that nb1's universe derives from: object list, scaling of G, masses and positions, start / step / stop state machine). The harness builds a universe (G = 1, T = 0.01, no scaling) with 9 point masses in 3-D from fixed random positions, velocities and masses, starts it, runs 25 steps in float32 and 10 in float64 (dtype='float64' passed to the constructor), and returns positions, velocities, the last accelerations, the simulation time and a direct call of step_stage1_jit on fresh scratch arrays
# ---- src/gravitation/kernel/_base_.py ----
# -*- coding: utf-8 -*-

"""

GRAVITATION
n-body-simulation performance test suite
https://github.com/pleiszenburg/gravitation

	src/gravitation/kernel/_base_.py: Base class, all kernels derive from it

	Copyright (C) 2019 Sebastian M. Ernst <ernst@pleiszenburg.de>

<LICENSE_BLOCK>
The contents of this file are subject to the GNU General Public License
Version 2 ("GPL" or "License"). You may not use this file except in
compliance with the License. You may obtain a copy of the License at
https://www.gnu.org/licenses/old-licenses/gpl-2.0.txt
https://github.com/pleiszenburg/gravitation/blob/master/LICENSE

Software distributed under the License is distributed on an "AS IS" basis,
WITHOUT WARRANTY OF ANY KIND, either express or implied. See the License for the
specific language governing rights and limitations under the License.
</LICENSE_BLOCK>

"""

# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
# CONST
# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++

STATE_PREINIT = 0
STATE_STARTED = 1
STATE_STOPPED = 2

# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
# CLASSES
# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++

class _point_mass:
	"""holds point mass description"""

	def __init__(self, name, r, v, m):
		self._name, self._r, self._v, self._a, self._m = (
			name, r, v, [0.0 for _ in range(len(r))], m
			)

	def __str__(self):
		return (
			'{name} | '
			'{x:.4e}, {y:.4e}, {z:.4e} | '
			'{vx:.4e}, {vy:.4e}, {vz:.4e}'
			).format(
			name = self._name,
			**{key: val for key, val in zip(['x', 'y', 'z'], self._r)},
			**{key: val for key, val in zip(['vx', 'vy', 'vz'], self._v)},
			)

	def move(self, T):
		"""moves with precomputed acceleration (base stage 2 implementation)"""
		self._v[:] = [a * T + v for v, a in zip(self._v, self._a)]
		self._r[:] = [v * T + r for r, v in zip(self._r, self._v)]
		self._a[:] = [0.0 for _ in range(len(self._a))]

class universe_base:
	"""kernel base class, provides infrastructure, does nothing on its own
	DERIVE FROM HERE!
	IMPLEMENT / OVERLOAD AT LEAST `step_stage1`!"""

	def __init__(
		self,
		t = 0.0, # simulation start time (s)
		T = 1.0e3, # simulation interval (s)
		G = 6.6740831e-11, # gravitational constant
		scale_m = 1.0, # scaling factor for mass (for kg)
		scale_r = 1.0, # scaling factor for distances (for m)
		dtype = 'float32', # datatype for numerical computations
		threads = 1, # maximum number of threads
		**kwargs # catch anything else
		):
		"""MUST NOT BE OVERLOADED!"""
		self._scale_m = scale_m
		self._scale_r = scale_r
		self._t = t
		self._T = T
		if not kwargs.pop('scale_off', False):
			self._G = G * (self._scale_r ** 3) / self._scale_m
		else:
			self._G = G
		self._mass_list = []
		self._state = STATE_PREINIT
		self._dtype = dtype
		self._threads = threads
		self._meta = kwargs

	def __iter__(self):
		"""MUST NOT BE OVERLOADED!"""
		return (p for p in self._mass_list)

	def __len__(self):
		"""MUST NOT BE OVERLOADED!"""
		return len(self._mass_list)

	def __str__(self):
		"""CAN BE OVERLOADED!"""
		return '\n'.join([str(pm) for pm in self._mass_list])

	def add_object(self, **kwargs):
		"""adds point mass object to kernel object
		MUST NOT BE OVERLOADED!"""
		if self._state == STATE_STARTED:
			raise SyntaxError('simulation was started')
		if self._state == STATE_STOPPED:
			raise SyntaxError('simulation was stopped')
		if not kwargs.pop('scale_off', False):
			kwargs['r'][:] = [dim * self._scale_r for dim in kwargs['r']]
			kwargs['v'][:] = [dim * self._scale_r for dim in kwargs['v']]
			kwargs['m'] *= self._scale_m
		self._mass_list.append(_point_mass(**kwargs))

	def start(self):
		"""starts simulation
		MUST BE CALLED ONCE: AFTER ADDING OBJECTS AND BEFORE STEPPING!
		MUST NOT BE OVERLOADED!"""
		if self._state == STATE_STARTED:
			raise SyntaxError('simulation is running')
		if self._state == STATE_STOPPED:
			raise SyntaxError('simulation was stopped')
		self._state = STATE_STARTED
		self.start_kernel()

	def start_kernel(self):
		"""starts kernel, called by "start"
		OVERLOAD IF KERNEL-SPECIFIC INITIALIZATION IS REQUIRED!"""
		pass

	def step(self):
		"""runs all three stages of one simulation (time-) step
		MUST NOT BE OVERLOADED!"""
		if self._state == STATE_PREINIT:
			raise SyntaxError('simulation was not started')
		if self._state == STATE_STOPPED:
			raise SyntaxError('simulation was stopped')
		self.step_stage1()
		self.step_stage2()
		self.step_stage3()

	def step_stage1(self):
		"""runs stage 1 (computes accelerations) of one simulation (time-) step
		MUST BE OVERLOADED!"""
		raise NotImplementedError()

	def step_stage2(self):
		"""runs stage 2 (computes velocities and locations) of one simulation (time-) step
		CAN BE OVERLOADED!"""
		for pm in self._mass_list:
			pm.move(self._T)

	def step_stage3(self):
		"""runs stage 3 (increments simulation time) of one simulation (time-) step
		MUST NOT BE OVERLOADED!"""
		self._t += self._T

	def stop(self):
		"""stops simulation
		CAN BE CALLED ONCE: AFTER STEPPING!
		MUST NOT BE OVERLOADED!"""
		if self._state == STATE_PREINIT:
			raise SyntaxError('simulation was not started')
		if self._state == STATE_STOPPED:
			raise SyntaxError('simulation was stopped before')
		self._state = STATE_STOPPED
		self.stop_kernel()

	def stop_kernel(self):
		"""stops kernel, called by "stop"
		OVERLOAD IF KERNEL-SPECIFIC DESTRUCTION IS REQUIRED!"""
		pass
# ---- src/gravitation/kernel/nb1.py ----
# -*- coding: utf-8 -*-

"""

GRAVITATION
n-body-simulation performance test suite
https://github.com/pleiszenburg/gravitation

	src/gravitation/kernel/nb1.py: Kernel

	Copyright (C) 2019 Sebastian M. Ernst <ernst@pleiszenburg.de>

<LICENSE_BLOCK>
The contents of this file are subject to the GNU General Public License
Version 2 ("GPL" or "License"). You may not use this file except in
compliance with the License. You may obtain a copy of the License at
https://www.gnu.org/licenses/old-licenses/gpl-2.0.txt
https://github.com/pleiszenburg/gravitation/blob/master/LICENSE

Software distributed under the License is distributed on an "AS IS" basis,
WITHOUT WARRANTY OF ANY KIND, either express or implied. See the License for the
specific language governing rights and limitations under the License.
</LICENSE_BLOCK>

"""

# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
# KERNEL META
# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++

__longname__ = 'numba-numpy-backend (1)'
__version__ = '0.0.1'
__description__ = 'numba-accelerated numpy-implementation, stage 2 numpy'
__requirements__ = ['numba', 'numpy']
__externalrequirements__ = []
__interpreters__ = ['python3']
__parallel__ = False
__license__ = 'GPLv2'
__authors__ = [
	'Sebastian M. Ernst <ernst@pleiszenburg.de>',
	]

# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
# IMPORT
# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++

import numba

import numpy as np

# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
# CLASSES
# +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++

class universe(universe_base):

	def start_kernel(self):
		self.DTYPE = self._dtype
		# Get const values
		self.MASS_LEN = len(self)
		self.SIM_DIM = len(self._mass_list[0]._r)
		# Allocate memory: Object parameters
		self.mass_r_array = np.zeros((self.MASS_LEN, self.SIM_DIM), dtype = self.DTYPE)
		self.mass_v_array = np.zeros((self.MASS_LEN, self.SIM_DIM), dtype = self.DTYPE)
		self.mass_a_array = np.zeros((self.MASS_LEN, self.SIM_DIM), dtype = self.DTYPE)
		self.mass_m_array = np.zeros((self.MASS_LEN,), dtype = self.DTYPE)
		# Copy const data into Numpy infrastructure and link mass objects to Numpy views
		for pm_index, pm in enumerate(self._mass_list):
			self.mass_m_array[pm_index] = pm._m
		for pm_index, pm in enumerate(self._mass_list):
			self.mass_r_array[pm_index,:] = pm._r[:]
			pm._r = self.mass_r_array[pm_index,:]
			self.mass_v_array[pm_index,:] = pm._v[:]
			pm._v = self.mass_v_array[pm_index,:]
			pm._a = self.mass_a_array[pm_index,:]
		# Allocate memory: Temporary variables
		self.mass_vt_array = np.zeros((self.MASS_LEN, self.SIM_DIM), dtype = self.DTYPE)
		self.relative_r = np.zeros((self.MASS_LEN - 1, self.SIM_DIM), dtype = self.DTYPE)
		self.distance_sq = np.zeros((self.MASS_LEN - 1,), dtype = self.DTYPE)
		self.distance_sqv = np.zeros((self.MASS_LEN - 1, self.SIM_DIM), dtype = self.DTYPE)
		self.distance_inv = np.zeros((self.MASS_LEN - 1,), dtype = self.DTYPE)
		self.a_factor = np.zeros((self.MASS_LEN - 1,), dtype = self.DTYPE)
		self.a1 = np.zeros((self.MASS_LEN - 1,), dtype = self.DTYPE)
		self.a1r = np.zeros((self.MASS_LEN - 1, self.SIM_DIM), dtype = self.DTYPE)
		self.a1v = np.zeros((self.SIM_DIM,), dtype = self.DTYPE)
		self.a2 = np.zeros((self.MASS_LEN - 1,), dtype = self.DTYPE)
		self.a2r = np.zeros((self.MASS_LEN - 1, self.SIM_DIM), dtype = self.DTYPE)

	@staticmethod
	@numba.jit(nopython = True)
	def step_stage1_jit(
		mass_r_array, mass_a_array, mass_m_array,
		relative_r, distance_sqv, distance_sq,
		distance_inv, a_factor, a1, a2, a1r, a1v, a2r,
		MASS_LEN, _G,
		):
		mass_a_array[:,:] = 0.0
		for row in range(0, MASS_LEN - 1):
			i, k = row, MASS_LEN - 1 - row
			np.subtract(mass_r_array[i,:], mass_r_array[i+1:,:], relative_r[:k])
			np.multiply(relative_r[:k], relative_r[:k], distance_sqv[:k])

			# np.add.reduce(distance_sqv[:k], axis = 1, out = distance_sq[:k])
			# np.sum(distance_sqv[:k], 1, distance_sqv.dtype, distance_sq[:k])
			distance_sq[:k] = np.sum(distance_sqv[:k], 1)

			np.sqrt(distance_sq[:k], distance_inv[:k])
			np.divide(1.0, distance_inv[:k], distance_inv[:k])
			np.multiply(relative_r[:k], distance_inv[:k].reshape(k, 1), relative_r[:k])
			np.divide(_G, distance_sq[:k], a_factor[:k])
			np.multiply(a_factor[:k], mass_m_array[i+1:], a1[:k])
			np.multiply(a_factor[:k], mass_m_array[i], a2[:k])
			np.multiply(relative_r[:k], a1[:k].reshape(k, 1), a1r[:k])

			# np.add.reduce(a1r[:k], axis = 0, out = a1v)
			# np.sum(a1r[:k], 0, a1r.dtype, a1v)
			a1v[:] = np.sum(a1r[:k], 0)

			np.subtract(mass_a_array[i,:], a1v, mass_a_array[i,:])
			np.multiply(relative_r[:k], a2[:k].reshape(k, 1), a2r[:k])
			np.add(mass_a_array[i+1:,:], a2r[:k], mass_a_array[i+1:,:])

	def step_stage1(self):
		universe.step_stage1_jit(
			self.mass_r_array, self.mass_a_array, self.mass_m_array,
			self.relative_r, self.distance_sqv, self.distance_sq,
			self.distance_inv, self.a_factor, self.a1, self.a2, self.a1r, self.a1v, self.a2r,
			self.MASS_LEN, self._G,
			)

	def step_stage2(self):
		np.multiply(self.mass_a_array, self._T, out = self.mass_a_array)
		np.add(self.mass_v_array, self.mass_a_array, out = self.mass_v_array)
		np.multiply(self.mass_v_array, self._T, out = self.mass_vt_array)
		np.add(self.mass_r_array, self.mass_vt_array, out = self.mass_r_array)
		self.mass_a_array[:, :] = 0.0

# ---- harness (not part of the program) ----
ENTRY = "gravitation_nb1"


def _run(pos, vel, mass, steps, dtype):
    u = universe(T=0.01, G=1.0, scale_off=True, dtype=dtype)
    for i in range(len(mass)):
        u.add_object(name='p%d' % i, r=[float(v) for v in pos[i]],
                     v=[float(v) for v in vel[i]], m=float(mass[i]),
                     scale_off=True)
    u.start()
    for _ in range(steps):
        u.step_stage1()
        a_last = u.mass_a_array.copy()
        u.step()
    u.stop()
    return (u.mass_r_array.copy(), u.mass_v_array.copy(), a_last, u._t)


def gravitation_nb1(pos, vel, mass):
    r32 = _run(pos, vel, mass, 25, 'float32')
    r64 = _run(pos, vel, mass, 10, 'float64')
    n, d = pos.shape
    a = np.zeros((n, d))
    scratch = [np.zeros((n - 1, d)), np.zeros((n - 1, d)), np.zeros(n - 1),
               np.zeros(n - 1), np.zeros(n - 1), np.zeros(n - 1),
               np.zeros(n - 1), np.zeros((n - 1, d)), np.zeros(d),
               np.zeros((n - 1, d))]
    relative_r, distance_sqv, distance_sq, distance_inv, a_factor, a1, a2, \
        a1r, a1v, a2r = scratch
    universe.step_stage1_jit(pos.copy(), a, mass.copy(), relative_r,
                             distance_sqv, distance_sq, distance_inv,
                             a_factor, a1, a2, a1r, a1v, a2r, n, 0.5)
    return r32, r64, a, relative_r, distance_sq


def inputs():
    rng = np.random.default_rng(0)
    pos = rng.uniform(-1.0, 1.0, size=(9, 3))
    vel = rng.normal(0.0, 0.05, size=(9, 3))
    mass = rng.uniform(0.5, 2.0, size=9)
    return (pos, vel, mass)
