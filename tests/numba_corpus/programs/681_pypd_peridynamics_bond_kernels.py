# Source: mark-hobbs/pypd pypd/kernels/particles.py (at commit a89d8bc4), pypd/kernels/bonds.py (at commit 32af2979), pypd/kernels/constitutive_law.py (at commit 3ca621b7), pypd/constitutive_law.py (at commit 02e192f4), pypd/kernels/integrator.py (at commit 05eceebb)
# Licence: MIT (pypd, LICENSE; Copyright (c) 2024 Mark Hobbs)
# Notes: the Numba kernels of pypd, a bond-based peridynamics code for quasi-brittle fracture in 2-D. kernels/particles.py: compute_nodal_forces_cpu (@njit(parallel=True, fastmath=True): a prange loop over the bond list computing stretch, calling a jitted material law passed in as an argument to update the bond damage d[k_bond], writing per-bond force components, then a serial scatter of bond forces to the two end particles, returning a (node_force, d) tuple), compute_node_damage (damage summed per node, divided by an int array) and compute_strain_energy_density (parallel micropotential then a serial reduction). kernels/bonds.py: build_bond_list (plain Python) and build_bond_length (parallel). kernels/constitutive_law.py: the linear, trilinear and nonlinear damage laws (@njit, per-bond critical-stretch arrays indexed by i, np.exp, damage only increasing). pypd/constitutive_law.py: the Linear, Trilinear and NonLinear classes whose _make_material_law static methods build @njit closures over the parameter arrays and floats (the Linear one with damage_on=False returns the int 0), with `from .kernels.constitutive_law import ...` replaced by the pasted kernels. kernels/integrator.py: euler_cromer_cpu (parallel Euler-Cromer update of u, v and a in place with displacement boundary conditions). Left out: build_particle_families (uses sklearn's KDTree; the harness finds the same neighbour lists by brute force, padded with -1 as it does), map_to_neighbour_list, the print_parameters methods, and the GPU stubs (compute_nodal_forces_gpu/euler_cromer_gpu and their empty @cuda.jit kernels), so `cuda` is left out of the two `from numba import njit, prange, cuda` lines. The harness discretises a 12 x 6 plate (dx = 5 mm, horizon 3.015 dx, a concrete-like material), pulls its right edge with a growing displacement for 30 Euler-Cromer steps under each of the four material laws, and returns forces, damage, node damage, strain energy density and displacements
import numpy as np
from numba import njit, prange


# ---- pypd/kernels/particles.py ----
"""
Small, highly optimised computational units written using Numba
"""


@njit(parallel=True, fastmath=True)
def compute_nodal_forces_cpu(
    x,
    u,
    cell_volume,
    bondlist,
    d,
    c,
    f_x,
    f_y,
    material_law,
    surface_correction_factors,
):
    """
    Compute particle forces - employs bondlist (cpu optimised)

    Parameters
    ----------
    x : ndarray (float)
        Material point coordinates in the reference configuration

    u : ndarray (float)
        Nodal displacement

    cell_volume : float

    bondlist : ndarray (int)
        Array of pairwise interactions (bond list)

    d : ndarray (float)
        Bond damage (softening parameter). The value of d will range from 0
        to 1, where 0 indicates that the bond is still in the elastic range,
        and 1 represents a bond that has failed

    c : float
        Bond stiffness

    material_law : function

    surface_correction_factors : ndarray (float)
    
    Returns
    -------
    node_force : ndarray (float)
        Nodal force array

    d : ndarray (float)
        Bond damage (softening parameter). The value of d will range from 0
        to 1, where 0 indicates that the bond is still in the elastic range,
        and 1 represents a bond that has failed
    """

    n_nodes = np.shape(x)[0]
    n_dimensions = np.shape(x)[1]
    n_bonds = np.shape(bondlist)[0]
    node_force = np.zeros((n_nodes, n_dimensions))

    for k_bond in prange(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        xi_x = x[node_j, 0] - x[node_i, 0]
        xi_y = x[node_j, 1] - x[node_i, 1]

        xi_eta_x = xi_x + (u[node_j, 0] - u[node_i, 0])
        xi_eta_y = xi_y + (u[node_j, 1] - u[node_i, 1])

        xi = np.sqrt(xi_x**2 + xi_y**2)
        y = np.sqrt(xi_eta_x**2 + xi_eta_y**2)
        stretch = (y - xi) / xi

        d[k_bond] = material_law(k_bond, stretch, d[k_bond])

        f = (
            stretch
            * c[k_bond]
            * (1 - d[k_bond])
            * cell_volume
            * surface_correction_factors[k_bond]
        )
        f_x[k_bond] = f * xi_eta_x / y
        f_y[k_bond] = f * xi_eta_y / y

    # Reduce bond forces to particle forces
    for k_bond in range(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        node_force[node_i, 0] += f_x[k_bond]
        node_force[node_j, 0] -= f_x[k_bond]
        node_force[node_i, 1] += f_y[k_bond]
        node_force[node_j, 1] -= f_y[k_bond]

    return node_force, d


@njit
def compute_node_damage(x, bondlist, d, n_family_members):
    """
    Compute the nodal damage

    Parameters
    ----------
    x : ndarray (float)
        Material point coordinates in the reference configuration

    bondlist : ndarray (int)
        Array of pairwise interactions (bond list)

    d : ndarray (float)
        Bond damage (softening parameter). The value of d will range from 0
        to 1, where 0 indicates that the bond is still in the elastic range,
        and 1 represents a bond that has failed

    n_family_members : ndarray (int)

    Returns
    -------
    node_damage : ndarray (float)
        The value of node_damage will range from 0 to 1, where 0 indicates that
        all bonds connected to the node are in the elastic range, and 1
        indicates that all bonds connected to the node have failed

    Notes
    -----
    """
    n_nodes = np.shape(x)[0]
    n_bonds = np.shape(bondlist)[0]
    node_damage = np.zeros((n_nodes,))

    for k_bond in range(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        node_damage[node_i] += d[k_bond]
        node_damage[node_j] += d[k_bond]

    node_damage = node_damage / n_family_members

    return node_damage


@njit(parallel=True, fastmath=True)
def compute_strain_energy_density(x, u, cell_volume, bondlist, d, c):
    """
    Compute strain energy density - employs bondlist

    Parameters
    ----------
    bondlist : ndarray (int)
        Array of pairwise interactions (bond list)

    x : ndarray (float)
        Material point coordinates in the reference configuration

    u : ndarray (float)
        Nodal displacement

    d : ndarray (float)
        Bond damage (softening parameter). The value of d will range from 0
        to 1, where 0 indicates that the bond is still in the elastic range,
        and 1 represents a bond that has failed

    c : float
        Bond stiffness

    material_law : function

    Returns
    -------
    W : ndarray (float)
        Strain energy density at each node
    """

    n_nodes = np.shape(x)[0]
    n_bonds = np.shape(bondlist)[0]
    w = np.zeros(n_bonds)
    W = np.zeros(n_nodes)

    for k_bond in prange(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        xi_x = x[node_j, 0] - x[node_i, 0]
        xi_y = x[node_j, 1] - x[node_i, 1]

        xi_eta_x = xi_x + (u[node_j, 0] - u[node_i, 0])
        xi_eta_y = xi_y + (u[node_j, 1] - u[node_i, 1])

        xi = np.sqrt(xi_x**2 + xi_y**2)
        y = np.sqrt(xi_eta_x**2 + xi_eta_y**2)
        stretch = (y - xi) / xi

        w[k_bond] = (0.5 * c[k_bond] * stretch**2 * xi) * (1 - d[k_bond]) * cell_volume

    # Reduce the micropotential (energy stored in a bond) to strain energy density
    for k_bond in range(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        W[node_i] += w[k_bond]
        W[node_j] += w[k_bond]

    return W


# ---- pypd/kernels/bonds.py ----
def build_bond_list(nlist):
    """
    Build bond list
    """
    bondlist = [
        [i, j] for i, neighbours in enumerate(nlist) for j in neighbours if i < j
    ]
    bondlist = np.array(bondlist, dtype=np.intc)

    return bondlist


@njit(parallel=True)
def build_bond_length(x, bondlist):
    """
    Build the bond length array
    """
    n_bonds = np.shape(bondlist)[0]
    xi = np.zeros(n_bonds)

    for k_bond in prange(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        xi_x = x[node_j, 0] - x[node_i, 0]
        xi_y = x[node_j, 1] - x[node_i, 1]

        xi[k_bond] = np.sqrt(xi_x**2 + xi_y**2)

    return xi


# ---- pypd/kernels/constitutive_law.py ----
"""
Constitutive models - linear / bilinear / trilinear / non-linear

Small, highly optimised computational units written using Numba

"""


@njit
def linear(i, s, d, sc):
    """
    Linear constitutive model
    """

    d_temp = 0.0

    if s < sc[i]:
        d_temp = 0.0

    elif s >= sc[i]:
        d_temp = 1.0

    # Bond softening factor can only increase (damage is irreversible)
    if d_temp > d:
        d = d_temp

    return d


@njit
def trilinear(i, s, d, s0, s1, sc, beta):
    """
    Trilinear constitutive model
    """

    eta = s1[i] / s0
    d_temp = 0.0

    if (s > s0) and (s <= s1[i]):
        d_temp = 1 - ((eta - beta) / (eta - 1) * (s0 / s)) + ((1 - beta) / (eta - 1))

    elif (s > s1[i]) and (s <= sc[i]):
        d_temp = 1 - (s0 * beta / s) * ((sc[i] - s) / (sc[i] - s1[i]))

    elif s > sc[i]:
        d_temp = 1.0

    # Bond softening factor can only increase (damage is irreversible)
    if d_temp > d:
        d = d_temp

    return d


@njit
def nonlinear(i, s, d, s0, sc, alpha, k):
    """
    Non-linear constitutive model
    """

    d_temp = 0.0

    if (s > s0) and (s <= sc[i]):
        numerator = 1 - np.exp(-k * (s - s0) / (sc[i] - s0))
        denominator = 1 - np.exp(-k)
        residual = alpha * (1 - (s - s0) / (sc[i] - s0))
        d_temp = 1 - (s0 / s) * ((1 - (numerator / denominator)) + residual) / (
            1 + alpha
        )
    elif s > sc[i]:
        d_temp = 1

    if d_temp > d:
        d = d_temp

    return d


# ---- pypd/constitutive_law.py ----
class ConstitutiveLaw:
    """
    Subclass this to define a new constitutive law. This class ensures that
    all constitutive models follow the correct format.

    Attributes
    ----------
    material : Material
        An instance of the Material class representing the material properties

    c : ndarray(float, shape=(n_bonds,))
        Bond stiffness (micromodulus)

    influence : InfluenceFunction
        An instance of the InfluenceFunction class. The influence function,
        also referred to as the weight function or kernel function, describes
        how the interaction between particles diminishes with increasing distance.

    Methods
    -------
    """

    def __init__(self):
        pass

    def _calculate_sc():
        """
        Calculate the critical stretch
        """
        raise NotImplementedError("This method must be implemented!")

    @staticmethod
    def _make_material_law():
        """
        Calculate bond damage (softening parameter). The value of d will range
        from 0 to 1, where 0 indicates that the bond is still in the elastic
        range, and 1 represents a bond that has failed
        """
        raise NotImplementedError("This method must be implemented!")


class Linear(ConstitutiveLaw):
    """
    Linear constitutive model

    Attributes
    ----------

    Methods
    -------

    Notes
    -----
    """

    def __init__(self, particles, c, t, sc=None, damage_on=True):
        """
        Linear constitutive model class constructor

        Parameters
        ----------
        particles: ParticleSet class

        thickness : float
            In a 2D problem, the thickness is equivalent to the discretisation
            resolution, denoted as dx.

        Returns
        -------
        c : ndarray(float, shape=(n_bonds,))
            Bond stiffness

        sc : ndarray(float, shape=(n_bonds,))
            Critical stretch

        Notes
        -----
        * TODO: passing an instance of particles is probably bad design and
        should be improved
        """
        self.c = c
        self.t = t
        self.sc = self._calculate_sc(particles)
        self.damage_on = damage_on
        self.calculate_bond_damage = self._make_material_law(self.sc, self.damage_on)

    def _calculate_sc(self, particles):
        """
        Calculate the critical stretch for a linear elastic material in
        two-dimensions

        Parameters
        ----------

        Returns
        -------

        Notes
        -----

        """
        return np.full(
            len(self.c),
            np.sqrt(
                (4 * np.pi * particles.material.Gf)
                / (9 * particles.material.E * particles.horizon)
            ),
        )

    @staticmethod
    def _make_material_law(sc, damage_on):
        """
        Make material law
        
        Factory function that encapsulates model parameters and provides a 
        consistent call interface for computing bond damage

        Parameters
        ----------
        sc : ndarray(float, shape=(n_bonds,))
            Critical stretch
    
        damage_on : bool

        Returns
        -------
        material_law : function
            Return a function with the call statement:
                - material_law(stretch, d)

        Notes
        -----
        """
        if damage_on:

            @njit
            def material_law(i, stretch, d):
                """
                Material law (calculate bond damage)

                Parameters
                ----------
                stretch : ndarray(float, shape=(n_bonds,))
                    Bond stretch

                d : ndarray(float, shape=(n_bonds,))
                    Bond damage (softening parameter) at time t. The value of d
                    will range from 0 to 1, where 0 indicates that the bond is
                    still in the elastic range, and 1 represents a bond that has
                    failed

                Returns
                -------
                d : ndarray(float, shape=(n_bonds,))
                    Bond damage (softening parameter) at time t+1. The value of d
                    will range from 0 to 1, where 0 indicates that the bond is
                    still in the elastic range, and 1 represents a bond that has
                    failed

                Notes
                -----
                * Examine closures and factory functions
                """
                return linear(i, stretch, d, sc)

        else:

            @njit
            def material_law(i, stretch, d):
                """
                Returns
                -------
                d: ndarray(float, shape=(n_bonds,))
                    An array of zeros with the same size as the input array `d`,
                    indicating no bond damage.
                """
                return 0

        return material_law


class Bilinear(ConstitutiveLaw):
    pass


class Trilinear(ConstitutiveLaw):

    def __init__(self, particles, c, t, s0=None, sc=None, beta=0.25, **kwargs):
        """
        Trilinear constitutive model class constructor

        Parameters
        ----------
        particles: ParticleSet class

        thickness : float
            For 2D problems, the thickness is equivalent to dx
        
        Returns
        -------
        c : ndarray(float, shape=(n_bonds,))
            Bond stiffness

        s0 : ndarray(float, shape=(n_bonds,))
            Linear elastic limit

        s1 : ndarray(float, shape=(n_bonds,))

        sc : ndarray(float, shape=(n_bonds,))
            Critical stretch

        beta : float
            Kink point in the trilinear model (default = 0.25)

        Notes
        -----
        """
        self.c = c
        self.t = t
        self.beta = beta
        self.gamma = self._calculate_gamma()
        self.s0 = s0 or self._calculate_s0(particles)
        self.sc = sc or self._calculate_sc(particles)
        self.s1 = self._calculate_s1()
        self.calculate_bond_damage = self._make_material_law(
            self.s0, self.s1, self.sc, self.beta
        )

        for key, value in kwargs.items():
            setattr(self, key, value)

    def _calculate_s0(self, particles):
        """
        Calculate the linear elastic limit
        """
        return particles.material.ft / particles.material.E

    def _calculate_sc(self, particles):
        """
        Trilinear model (2D case) - calculate the critical stretch
        """
        numerator = 4 * self.gamma * particles.material.Gf
        denominator = (
            self.t
            * particles.horizon**4
            * self.c
            * self.s0
            * (1 + (self.gamma * self.beta))
        )
        return (numerator / denominator) + self.s0

    def _calculate_gamma(self):
        return (3 + (2 * self.beta)) / (2 * self.beta * (1 - self.beta))

    def _calculate_s1(self):
        return self.s0 + ((self.sc - self.s0) / self.gamma)

    @staticmethod
    def _make_material_law(s0, s1, sc, beta):
        """
        Make material law
        
        Factory function that encapsulates model parameters and provides a 
        consistent call interface for computing bond damage

        Parameters
        ----------
        s0 : ndarray(float, shape=(n_bonds,))

        s1 : ndarray(float, shape=(n_bonds,))

        sc : ndarray(float, shape=(n_bonds,))

        beta : float
            Kink point in the trilinear model (default = 0.25)

        Returns
        -------
        material_law : function
            Return a function with the call statement:
                - material_law(stretch, d)

        Notes
        -----
        """

        @njit
        def material_law(i, stretch, d):
            """
            Calculate bond damage

            Parameters
            ----------
            stretch : ndarray(float, shape=(n_bonds,))
                Bond stretch

            d : ndarray(float, shape=(n_bonds,))
                Bond damage (softening parameter) at time t. The value of d
                will range from 0 to 1, where 0 indicates that the bond is
                still in the elastic range, and 1 represents a bond that has
                failed

            Returns
            -------
            d : ndarray(float, shape=(n_bonds,))
                Bond damage (softening parameter) at time t+1. The value of d
                will range from 0 to 1, where 0 indicates that the bond is
                still in the elastic range, and 1 represents a bond that has
                failed

            Notes
            -----
            * Examine closures and factory functions
            """
            return trilinear(i, stretch, d, s0, s1, sc, beta)

        return material_law


class NonLinear(ConstitutiveLaw):

    def __init__(self, particles, c, t, s0=None, sc=None, alpha=0.25, k=25, **kwargs):
        """
        Non-linear constitutive model class constructor

        Parameters
        ----------
        particles: ParticleSet class

        thickness : float

        Returns
        -------
        c : ndarray(float, shape=(n_bonds,))
            Bond stiffness

        s0 : ndarray(float, shape=(n_bonds,))
            Linear elastic limit

        sc : ndarray(float, shape=(n_bonds,))
            Critical stretch

        alpha : float
            alpha controls the position of the transition from exponential to
            linear decay (default = 0.25)

        k : float
            k controls the rate of exponential decay (default = 25)

        Notes
        -----
        """
        self.c = c
        self.t = t
        self.alpha = alpha
        self.k = k
        self.s0 = s0 or self._calculate_s0(particles)
        self.sc = sc or self._calculate_sc(particles)
        self.calculate_bond_damage = self._make_material_law(
            self.s0, self.sc, self.alpha, self.k
        )

        for key, value in kwargs.items():
            setattr(self, key, value)

    def _calculate_s0(self, particles):
        """
        Calculate the linear elastic limit
        """
        return particles.material.ft / particles.material.E

    def _calculate_sc(self, particles):
        """
        Nonlinear model (2D case) - calculate the critical stretch
        """
        numerator_a = 4 * self.k * (1 - np.exp(self.k)) * (1 + self.alpha)
        numerator_b = (
            self.t
            * self.c
            * particles.horizon**4
            * self.s0**2
            * (
                (2 * self.k)
                - (2 * np.exp(self.k))
                + (self.alpha * self.k)
                - (self.alpha * self.k * np.exp(self.k) + 2)
            )
        ) / ((4 * self.k) + (np.exp(self.k) - 1) * (1 + self.alpha))
        numerator = numerator_a * (particles.material.Gf - numerator_b)
        denominator_a = self.t * self.c * particles.horizon**4 * self.s0
        denominator_b = (
            (2 * self.k)
            - (2 * np.exp(self.k))
            + (self.alpha * self.k)
            - (self.alpha * self.k * np.exp(self.k))
            + 2
        )
        denominator = denominator_a * denominator_b
        return numerator / denominator

    @staticmethod
    def _make_material_law(s0, sc, alpha, k):
        """
        Make material law
        
        Factory function that encapsulates model parameters and provides a 
        consistent call interface for computing bond damage

        Parameters
        ----------
        s0 : ndarray(float, shape=(n_bonds,))

        sc : ndarray(float, shape=(n_bonds,))

        alpha : float
            alpha controls the position of the transition from exponential to
            linear decay (default = 0.25)

        k : float
            k controls the rate of exponential decay (default = 25)

        Returns
        -------
        material_law : function
            Return a function with the call statement:
                - material_law(stretch, d)

        Notes
        -----
        """

        @njit
        def material_law(i, stretch, d):
            """
            Calculate bond damage

            Parameters
            ----------
            stretch : ndarray(float, shape=(n_bonds,))
                Bond stretch

            d : ndarray(float, shape=(n_bonds,))
                Bond damage (softening parameter) at time t. The value of d
                will range from 0 to 1, where 0 indicates that the bond is
                still in the elastic range, and 1 represents a bond that has
                failed

            Returns
            -------
            d : ndarray(float, shape=(n_bonds,))
                Bond damage (softening parameter) at time t+1. The value of d
                will range from 0 to 1, where 0 indicates that the bond is
                still in the elastic range, and 1 represents a bond that has
                failed

            Notes
            -----
            * Examine closures and factory functions
            """
            return nonlinear(i, stretch, d, s0, sc, alpha, k)

        return material_law


# ---- pypd/kernels/integrator.py ----
"""
Small, highly optimised computational units written using Numba
"""


@njit(parallel=True)
def euler_cromer_cpu(
    f, u, v, a, density, bc_flag, bc_magnitude, bc_unit_vector, damping, dt
):
    """
    Update particle positions using an Euler-Cromer time integration scheme

    Parameters
    ----------
    f : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Particle forces

    u : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Particle displacement

    v : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Particle velocity

    a : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Particle acceleration

    density : float
        Material density

    bc_flag : np.ndarray(int, shape=(n_nodes, n_dimensions))
        0 - no boundary condition
        1 - the node is subject to a boundary condition

    bc_magnitude : float
        Magnitude of the applied force/displacement

    bc_unit_vector : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Unit vector defining the direction of the boundary condition

    damping : float
        Damping coefficient

    dt : float
        Time step size

    Returns
    -------
    u : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Updated particle displacement

    v : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Updated particle velocity

    Notes
    -----
    - u and v are modified in place and returned for clarity
    """

    n_nodes = np.shape(f)[0]
    n_dimensions = np.shape(f)[1]

    for node_i in prange(n_nodes):
        for dof in range(n_dimensions):
            a[node_i, dof] = (f[node_i, dof] - damping * v[node_i, dof]) / density
            v[node_i, dof] = v[node_i, dof] + (a[node_i, dof] * dt)
            u[node_i, dof] = u[node_i, dof] + (v[node_i, dof] * dt)

            if bc_flag[node_i, dof] != 0:
                u[node_i, dof] = bc_magnitude * bc_unit_vector[node_i, dof]

    return u, v


# ---- harness (not part of the program) ----
ENTRY = "pypd_run"


class _Material:
    def __init__(self, E, Gf, ft, density):
        self.E, self.Gf, self.ft, self.density = E, Gf, ft, density


class _Particles:
    def __init__(self, material, horizon):
        self.material, self.horizon = material, horizon


def _families(x, horizon):
    # what build_particle_families returns, found by brute force
    n = x.shape[0]
    dist = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=-1))
    neighbour_list = [np.nonzero((dist[i] <= horizon) & (np.arange(n) != i))[0] for i in range(n)]
    n_family_members = np.array([len(nb) for nb in neighbour_list], dtype=np.intc)
    nlist = np.ones((n, n_family_members.max()), dtype=np.intc) * -1
    for i in range(n):
        nlist[i, : n_family_members[i]] = neighbour_list[i]
    return nlist, n_family_members


def pypd_run(nx, ny, dx, n_steps, du):
    out = {}
    gx, gy = np.meshgrid(np.arange(nx) * dx, np.arange(ny) * dx, indexing="ij")
    x = np.column_stack((gx.ravel(), gy.ravel()))
    horizon = 3.015 * dx
    nlist, n_family_members = _families(x, horizon)
    bondlist = build_bond_list(nlist)
    xi = build_bond_length(x, bondlist)
    out["n_bonds"] = bondlist.shape[0]
    out["xi"] = xi
    material = _Material(E=37e9, Gf=143.2, ft=3.9e6, density=2346.0)
    particles = _Particles(material, horizon)
    t = dx
    c0 = 9 * material.E / (np.pi * t * horizon**3)
    c = np.full(bondlist.shape[0], c0) * (1.0 - 0.5 * xi / horizon)
    cell_volume = dx * dx * t
    scf = np.ones(bondlist.shape[0])
    laws = [
        ("linear", Linear(particles, c, t)),
        ("linear_off", Linear(particles, c, t, damage_on=False)),
        ("trilinear", Trilinear(particles, c, t)),
        ("nonlinear", NonLinear(particles, c, t)),
    ]
    out["sc_linear"] = laws[0][1].sc
    out["s1_trilinear"] = laws[2][1].s1
    out["sc_nonlinear"] = laws[3][1].sc
    bc_flag = np.zeros((x.shape[0], 2), dtype=np.int64)
    bc_unit = np.zeros((x.shape[0], 2))
    right = x[:, 0] >= (nx - 1) * dx - 1e-12
    left = x[:, 0] <= 1e-12
    bc_flag[right, 0] = 1
    bc_unit[right, 0] = 1.0
    bc_flag[left, 0] = 1
    bc_flag[left, 1] = 1
    dt = 1.0e-7
    for name, law in laws:
        u = np.zeros_like(x)
        v = np.zeros_like(x)
        a = np.zeros_like(x)
        d = np.zeros(bondlist.shape[0])
        f_x = np.zeros(bondlist.shape[0])
        f_y = np.zeros(bondlist.shape[0])
        for step in range(n_steps):
            node_force, d = compute_nodal_forces_cpu(
                x, u, cell_volume, bondlist, d, c, f_x, f_y,
                law.calculate_bond_damage, scf)
            u, v = euler_cromer_cpu(node_force, u, v, a, material.density, bc_flag,
                                    du * (step + 1), bc_unit, 1.0e4, dt)
        out[name + "_force"] = node_force
        out[name + "_d"] = d
        out[name + "_u"] = u
        out[name + "_v"] = v
        out[name + "_node_damage"] = compute_node_damage(x, bondlist, d, n_family_members)
        out[name + "_W"] = compute_strain_energy_density(x, u, cell_volume, bondlist, d, c)
    return out


def inputs():
    return (12, 6, 5.0e-3, 30, 2.0e-6)
