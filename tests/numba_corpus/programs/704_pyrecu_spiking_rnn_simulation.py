# Source: Richert/PyRecu pyrecu/rnn.py, pyrecu/neural_models/izhikevich.py and pyrecu/neural_models/qif.py (commit 2babdfab)
# Licence: GPL-3.0 (PyRecu, setup.py "License :: OSI Approved :: GNU General Public License v3 (GPLv3)"; author Richard Gast)
# Notes: Spiking recurrent network simulation. RNN.run is a plain Python loop over time steps that calls the user-supplied @njit network update function (Euler step of an all-to-all coupled Izhikevich or quadratic integrate-and-fire population: views of the state vector updated with +=, a boolean spike mask divided by dt, masked reset v[spikes] = -v[spikes], slice stores) with the model parameters as keyword arguments, and an input function that is an @njit staticmethod taking *args (_get_input indexes a 1-D input, _project_input computes w @ inp[:, idx] on a column of a 2-D input); recordings are averaged over sampling buffers in Python. The three files are pasted whole (ik, qif and qif_sfa, which compute `rates @ C` and index s[0, :], are never called). The harness follows examples/ik_simulation.py (Lorentzian-distributed excitabilities, a step input, ik_ata with the example's parameters) with N and T reduced, and adds qif_ata and qif_sfa_ata runs, the latter with a two-channel input projected through W_in
# ---- pyrecu/rnn.py ----
import numpy as np
from numba import njit
import typing as tp


class RNN:

    def __init__(self, n_neurons: int, n_states: int, evolution_func: tp.Callable, *args, **kwargs):

        self.N = n_neurons
        self.u = kwargs.pop('u_init', np.zeros((n_states + n_neurons,)))
        self.du = np.zeros_like(self.u)
        self.t = kwargs.pop('t_init', 0.0)
        self.net_update = evolution_func
        self.func_kwargs = kwargs
        self.func_args = args
        self.state_records = []

    def run(self, T: float, dt: float, dts: float, outputs: tuple = None, inp: tp.Optional[np.ndarray] = None,
            W_in: np.ndarray = None, t_init: float = 0.0, cutoff: float = 0.0, verbose: bool = False):

        if not outputs:
            outputs = (np.arange(0, len(self.u)),)

        # initializations
        steps = int(np.round(T / dt))
        sampling_steps = int(np.round(dts / dt))
        store_steps = int(np.round((T - cutoff) / dts))
        start_step = steps - store_steps * sampling_steps
        self.t += t_init
        self.func_kwargs['dt'] = dt
        self.state_records = [np.zeros((store_steps, len(out))) for out in outputs]
        state_buffers = [np.zeros((len(out), sampling_steps)) for out in outputs]

        # retrieve recording variables
        sample = 0
        rhs_func, u, args, kwargs, results = self.net_update, self.u, self.func_args, self.func_kwargs, \
            self.state_records

        # define input projection function
        if inp is None:
            in_args = ()
            get_input = lambda s: 0.0
        elif W_in is None:
            in_args = (inp,)
            get_input = self._get_input
        else:
            in_args = (inp, W_in)
            get_input = self._project_input

        # integrate the system equations
        for step in range(steps):
            u = rhs_func(u, self.N, get_input(step, *in_args), *args, **kwargs)
            buffer_step = step % sampling_steps
            store_results = step > start_step and buffer_step == 0
            for i, (out, buffer) in enumerate(zip(outputs, state_buffers)):
                buffer[:, buffer_step] = u[out]
                if store_results:
                    results[i][sample, :] = np.mean(buffer, axis=1)
            if store_results:
                sample += 1

        if verbose:
            print('Finished simulation. The state recordings are available under `state_records`.')
        return results

    @staticmethod
    @njit
    def _project_input(idx: int, inp: np.ndarray, w: np.ndarray, *args):
        return w @ inp[:, idx]

    @staticmethod
    @njit
    def _get_input(idx: int, inp: np.ndarray, *args):
        return inp[idx]


# ---- pyrecu/neural_models/izhikevich.py ----
import numpy as np
from numba import njit


@njit
def ik(u: np.ndarray, N: int, inp: np.ndarray, C: np.ndarray, etas: np.ndarray, J: float, tau: float, alpha: float,
       e_r: float, tau_s: float, b: float, tau_a: float, k: float, v_th: float, dt: float = 1e-4) -> np.ndarray:
    """Calculates right-hand side update of a network of all-to-all coupled QIF neurons with heterogeneous
    background excitabilities."""

    # extract state variables from u
    v, w, x = u[:N], u[N:2*N], u[2*N:3*N]

    # calculate network input
    spikes = v > v_th
    rates = spikes / dt
    s = rates @ C

    # calculate state vector updates
    v += dt * (v**2 + alpha*v + etas + inp + J*x*tau*(e_r - v) - w)/tau
    w += dt * ((b*v - w)/tau_a + k*rates)
    x += dt * (s[0, :] - x/tau_s)

    # reset membrane potential
    v[spikes] = -v[spikes]

    # store updated state variables
    u[:N] = v
    u[N:2*N] = w
    u[2*N:3*N] = x

    # store network spiking
    u[3*N:] = rates

    return u


@njit
def ik_ata(u: np.ndarray, N: int, inp: np.ndarray, etas: np.ndarray, J: float, tau: float, alpha: float, e_r: float,
           tau_s: float, b: float, tau_a: float, k: float, v_th: float, dt: float = 1e-4) -> np.ndarray:
    """Calculates right-hand side update of a network of all-to-all coupled QIF neurons with heterogeneous
    background excitabilities."""

    # extract state variables from u
    v, w, x = u[:N], u[N:2*N], u[2*N:3*N]

    # calculate network input
    spikes = v > v_th
    rates = spikes / dt

    # calculate state vector updates
    v += dt * (v**2 + alpha*v + etas + inp + J*x*tau*(e_r - v) - w)/tau
    w += dt * ((b*v - w)/tau_a + k*rates)
    x += dt * (np.mean(rates) - x/tau_s)

    # reset membrane potential
    v[spikes] = -v[spikes]

    # store updated state variables
    u[:N] = v
    u[N:2*N] = w
    u[2*N:3*N] = x

    # store network spiking
    u[3*N:] = rates

    return u


# ---- pyrecu/neural_models/qif.py ----
import numpy as np
from numba import njit


@njit
def qif(u: np.ndarray, N: int, inp: np.ndarray, C: np.ndarray, etas: np.ndarray, J: float, tau: float, tau_s: float,
        v_th: float, dt: float = 1e-4) -> np.ndarray:
    """Calculates right-hand side update of a network of all-to-all coupled QIF neurons with heterogeneous
    background excitabilities."""

    # extract state variables from u
    v, x = u[:N], u[N:2*N]

    # calculate network input
    spikes = v > v_th
    rates = spikes / dt
    s = rates @ C

    # calculate state vector updates
    v += dt * (v**2 + etas + inp + J*x*tau)/tau
    x += dt * (s[0, :] - x/tau_s)

    # reset membrane potential
    v[spikes] = -v[spikes]

    # store updated state variables
    u[:N] = v
    u[N:2*N] = x

    # store network spiking
    u[2*N:] = rates

    return u


@njit
def qif_sfa(u: np.ndarray, N: int, inp: np.ndarray, C: np.ndarray, etas: np.ndarray, J: float, tau: float, alpha: float,
            tau_a: float, tau_s: float, v_th: float, dt: float = 1e-4) -> np.ndarray:
    """Calculates right-hand side update of a network of all-to-all coupled QIF neurons with heterogeneous
    background excitabilities and mono-exponential spike-frequency-adaptation."""

    # extract state variables from u
    v, a, x = u[:N], u[N:2*N], u[2*N:3*N]

    # calculate network input
    spikes = v > v_th
    rates = spikes / dt
    s = rates @ C

    # calculate state vector updates
    v += dt * (v**2 + etas + inp + J*x*tau - a)/tau
    a += dt * (alpha*rates - a/tau_a)
    x += dt * (s[0, :] - x/tau_s)

    # reset membrane potential
    v[spikes] = -v[spikes]

    # store updated state variables
    u[:N] = v
    u[N:2*N] = a
    u[2*N:3*N] = x

    # store network spiking
    u[3*N:] = rates

    return u


@njit
def qif_ata(u: np.ndarray, N: int, inp: np.ndarray, etas: np.ndarray, J: float, tau: float, tau_s: float,
            v_th: float, dt: float = 1e-4) -> np.ndarray:
    """Calculates right-hand side update of a network of all-to-all coupled QIF neurons with heterogeneous
    background excitabilities."""

    # extract state variables from u
    v, x = u[:N], u[N:2*N]

    # calculate network input
    spikes = v > v_th
    rates = spikes / dt

    # calculate state vector updates
    v += dt * (v**2 + etas + inp + J*x*tau)/tau
    x += dt * (np.mean(rates) - x/tau_s)

    # reset membrane potential
    v[spikes] = -v[spikes]

    # store updated state variables
    u[:N] = v
    u[N:2*N] = x

    # store network spiking
    u[2*N:] = rates

    return u


@njit
def qif_sfa_ata(u: np.ndarray, N: int, inp: np.ndarray, etas: np.ndarray, J: float, tau: float, alpha: float,
                tau_a: float, tau_s: float, v_th: float, dt: float = 1e-4) -> np.ndarray:
    """Calculates right-hand side update of a network of all-to-all coupled QIF neurons with heterogeneous
    background excitabilities and mono-exponential spike-frequency-adaptation."""

    # extract state variables from u
    v, a, x = u[:N], u[N:2*N], u[2*N:3*N]

    # calculate network input
    spikes = v > v_th
    rates = spikes / dt

    # calculate state vector updates
    v += dt * (v**2 + etas + inp + J*x*tau - a) / tau
    a += dt * (alpha*rates - a / tau_a)
    x += dt * (np.mean(rates) - x / tau_s)

    # reset membrane potential
    v[spikes] = -v[spikes]

    # store updated state variables
    u[:N] = v
    u[N:2*N] = a
    u[2*N:3*N] = x

    # store network spiking
    u[3*N:] = rates

    return u


# ---- harness (not part of the program) ----
ENTRY = "pyrecu_simulations"


def pyrecu_simulations(N, T, dt, dts):
    out = []

    # examples/ik_simulation.py, smaller
    Delta = 20.0
    tau = 20.0
    eta = 2000.0
    alpha = 100.0
    e_r = 1.0
    b = 0.2
    tau_a = 50.0
    k = 2.0
    tau_s = 10.0
    J = 0.0
    etas = eta+Delta*np.tan((np.pi/2)*(2.*np.arange(1, N+1)-N-1)/(N+1))
    inp = np.zeros((int(T/dt),))
    inp[int(0.25*T/dt):int(0.75*T/dt)] = 100.0
    model = RNN(N, 3*N, ik_ata, tau=tau, etas=etas, alpha=alpha, e_r=e_r, b=b, tau_a=tau_a, k=k, tau_s=tau_s, J=J,
                v_th=200.0)
    res = model.run(T=T, dt=dt, dts=dts, outputs=(np.arange(0, N),), inp=inp)
    out.append(np.mean(res[0], axis=1))
    out.append(model.u.copy())

    # QIF population, all-to-all coupling
    etas_q = -5.0 + 1.0*np.tan((np.pi/2)*(2.*np.arange(1, N+1)-N-1)/(N+1))
    inp_q = np.zeros((int(T/dt),))
    inp_q[int(0.3*T/dt):int(0.6*T/dt)] = 3.0
    model = RNN(N, 2*N, qif_ata, etas=etas_q, J=15.0, tau=1.0, tau_s=0.5, v_th=100.0)
    res = model.run(T=T, dt=dt, dts=dts, outputs=(np.arange(0, N), np.arange(2*N, 3*N)), inp=inp_q, cutoff=0.1*T)
    out.append(np.mean(res[0], axis=1))
    out.append(np.mean(res[1], axis=1))

    # QIF with spike-frequency adaptation, two input channels projected by W_in
    steps = int(T/dt)
    inp_2 = np.zeros((2, steps))
    inp_2[0, int(0.2*T/dt):int(0.5*T/dt)] = 4.0
    inp_2[1, int(0.4*T/dt):int(0.8*T/dt)] = -2.0
    W_in = np.zeros((N, 2))
    W_in[:N//2, 0] = 1.0
    W_in[N//2:, 1] = 1.0
    W_in[:, 1] += 0.25
    model = RNN(N, 3*N, qif_sfa_ata, etas=etas_q, J=15.0, tau=1.0, alpha=0.3, tau_a=10.0, tau_s=0.5, v_th=100.0)
    res = model.run(T=T, dt=dt, dts=dts, outputs=(np.arange(0, N), np.arange(N, 2*N)), inp=inp_2, W_in=W_in)
    out.append(np.mean(res[0], axis=1))
    out.append(res[1][:, ::7])
    return tuple(out)


def inputs():
    return 200, 4.0, 1e-3, 1e-2
