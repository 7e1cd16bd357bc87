# Source: gboeing/pynamical pynamical/pynamical.py (at commit 0179e9c5)
# Licence: MIT (pynamical, file header and LICENSE; Copyright (c) 2017 Geoff Boeing)
# Notes: the Numba part of pynamical, modelling discrete nonlinear dynamical systems (logistic map bifurcations and chaos). Three @jit(cache=True, nopython=True) one-line maps (logistic, cubic with `pop ** 3`, Singer with a quartic polynomial) and make_jit_simulator, which builds a @jit(cache=True, nopython=True) closure over the chosen jitted map and whose keyword defaults are the enclosing function's arguments (num_gens=num_gens, ...): np.empty(shape=..., dtype=np.float64), np.linspace, `for rate_num, rate in zip(range(len(rates)), rates)`, a discard loop and a row assigned from a list `pops[row_num] = [rate, pop]`. Also pasted: the plain-Python drivers that use them (simulate, simulate_no_compile, simulate_jit, which turn the rows into a pandas DataFrame with a MultiIndex and unstack it; get_cobweb_points and get_function_points, which call a jitted map from Python) and the file's licence header. Left out: the plotting functions and font/save helpers and the matplotlib/mpl_toolkits imports only they use. The harness runs each map through simulate (jit and no-jit; 5 discarded and 12 kept generations, few enough that the chaotic rates do not amplify rounding beyond the comparison tolerance) and calls the closure directly with and without arguments, computes cobweb and function points, and runs simulate() with its defaults (the logistic map)
#################################################################################################################
# pynamical
# Description: Model, simulate, and visualize discrete nonlinear dynamical systems and chaos
# Author: Geoff Boeing
# Web: http://geoffboeing.com/
# Code repo: https://github.com/gboeing/pynamical
# Demonstration: http://geoffboeing.com/2015/03/chaos-theory-logistic-map/
#
# The MIT License (MIT)
#
# Copyright (c) 2017 Geoff Boeing http://geoffboeing.com
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.
#################################################################################################################

import os, pandas as pd, numpy as np
from numba import jit




@jit(cache=True, nopython=True) # pragma: no cover
def logistic_map(pop, rate):
    """
    Define the equation for the logistic map.
    
    Arguments
    ---------
    pop: float
        current population value at time t
    rate: float
        growth rate parameter values
    
    Returns
    -------
    float
        scalar result of logistic map at time t+1
    """
    
    return pop * rate * (1 - pop)
    
    
    

@jit(cache=True, nopython=True) # pragma: no cover 
def cubic_map(pop, rate):
    """
    Define the equation for the cubic map.
    
    Arguments
    ---------
    pop: float
        current population value at time t
    rate: float
        growth rate parameter values
    
    Returns
    -------
    float
        scalar result of cubic map at time t+1
    """
    
    return rate * pop ** 3 + pop * (1 - rate)
    

    
    
@jit(cache=True, nopython=True) # pragma: no cover
def singer_map(pop, rate):
    """
    Define the equation for the singer map.
    
    Arguments
    ---------
    pop: float
        current population value at time t
    rate: float
        growth rate parameter values
    
    Returns
    -------
    float
        scalar result of singer map at time t+1
    """
    
    return rate * (7.86 * pop - 23.31 * pop ** 2 + 28.75 * pop ** 3 - 13.3 * pop ** 4)

    
    
    
def simulate(model=logistic_map, num_gens=50, rate_min=0.5, rate_max=4, num_rates=8, num_discard=0, initial_pop=0.5, jit=True):
    """
    Call simulator (either JIT compiled or not) to create a DataFrame with columns for each growth rate, row labels for each time step, and values computed by the model.
    
    Arguments
    ---------
    model: function
        the function defining an iterated map to simulate; default is the logistic map
    num_gens: int
        number of iterations to run the model
    rate_min: float
        the first growth rate for the model, between 0 and 4
    rate_max: float
        the last growth rate for the model, between 0 and 4
    num_rates: int
        how many growth rates between min and max to run the model on
    num_discard: int
        number of generations to discard before keeping population values
    initial_pop: float
        starting population when you run the model, between 0 and 1
    jit: bool
        if True, use jit compiled simulator function to speed up simulation, if False, use uncompiled simulator function
    
    Returns
    -------
    DataFrame
    """
    
    if jit:
        return simulate_jit(model=model, num_gens=num_gens, rate_min=rate_min, rate_max=rate_max, num_rates=num_rates, num_discard=num_discard, initial_pop=initial_pop)
    else:
        return simulate_no_compile(model=model, num_gens=num_gens, rate_min=rate_min, rate_max=rate_max, num_rates=num_rates, num_discard=num_discard, initial_pop=initial_pop)
    
    
    
    
def simulate_no_compile(model, num_gens, rate_min, rate_max, num_rates, num_discard, initial_pop):
    """
    Create a DataFrame with columns for each growth rate, row labels for each time step, and values computed by the model (without JIT compilation).
    
    Arguments
    ---------
    model: function
        the function defining an iterated map to simulate
    num_gens: int
        number of iterations to run the model
    rate_min: float
        the first growth rate for the model, between 0 and 4
    rate_max: float
        the last growth rate for the model, between 0 and 4
    num_rates: int
        how many growth rates between min and max to run the model on
    num_discard: int
        number of generations to discard before keeping population values
    initial_pop: float
        starting population when you run the model, between 0 and 1
    
    Returns
    -------
    DataFrame
    """
    
    pops = []
    rates = np.linspace(rate_min, rate_max, num_rates)
    
    # for each rate, run the function repeatedly, starting at the initial_pop
    for rate in rates:
        pop = initial_pop
        
        # first run it num_discard times and ignore the results
        for _ in range(num_discard):
            pop = model(pop, rate)
        
        # now that those gens are discarded, run it num_gens times and keep the results
        for _ in range(num_gens):
            pops.append([rate, pop])
            pop = model(pop, rate)
    
    # return a DataFrame with one column for each growth rate and one row for each timestep (aka generation)
    df = pd.DataFrame(data=pops, columns=['rate', 'pop'])
    df.index = pd.MultiIndex.from_arrays([num_rates * list(range(num_gens)), df['rate'].values])
    return df.drop(labels='rate', axis=1).unstack()['pop']

    
    
    
def simulate_jit(model, num_gens, rate_min, rate_max, num_rates, num_discard, initial_pop):
    """
    Create a DataFrame with columns for each growth rate, row labels for each time step, and values computed by the model (with JIT compilation).
    
    You can't pass a jitted function to a jitted function unless you turn off 'nopython' mode (which makes it slow)
    In other words, you can't pass different model functions directly to the simulate function. Instead, use a closure:
    The make_jit_simulator function returns a jitted simulator function that receives the jitted model function,
    without it being an argument passed to the simulator function, because of the closure local scope
    
    Arguments
    ---------
    model: function
        the function defining an iterated map to simulate
    num_gens: int
        number of iterations to run the model
    rate_min: float
        the first growth rate for the model, between 0 and 4
    rate_max: float
        the last growth rate for the model, between 0 and 4
    num_rates: int
        how many growth rates between min and max to run the model on
    num_discard: int
        number of generations to discard before keeping population values
    initial_pop: float
        starting population when you run the model, between 0 and 1
    
    Returns
    -------
    DataFrame
    """
    
    # make the jitted simulator
    jit_simulator = make_jit_simulator(model=model, num_gens=num_gens, rate_min=rate_min, rate_max=rate_max, 
                                       num_rates=num_rates, num_discard=num_discard, initial_pop=initial_pop)
    
    # run the jit_simulator to create the pops to pass to the DataFrame
    pops = jit_simulator()
    
    # return a DataFrame with one column for each growth rate and one row for each timestep (aka generation)
    df = pd.DataFrame(data=pops, columns=['rate', 'pop'])
    df.index = pd.MultiIndex.from_arrays([num_rates * list(range(num_gens)), df['rate'].values])
    return df.drop(labels='rate', axis=1).unstack()['pop']
    
    
    
    
def make_jit_simulator(model, num_gens, rate_min, rate_max, num_rates, num_discard, initial_pop):
    """
    Create a jitted simulator function that receives the jitted model function, without it being an argument passed to the simulator function, because of the closure local scope.
    
    Arguments
    ---------
    model: function
        the function defining an iterated map to simulate
    num_gens: int
        number of iterations to run the model
    rate_min: float
        the first growth rate for the model, between 0 and 4
    rate_max: float
        the last growth rate for the model, between 0 and 4
    num_rates: int
        how many growth rates between min and max to run the model on
    num_discard: int
        number of generations to discard before keeping population values
    initial_pop: float
        starting population when you run the model, between 0 and 1
    
    Returns
    -------
    function
    """
    
    @jit(cache=True, nopython=True) # pragma: no cover
    def jit_simulator(num_gens=num_gens, rate_min=rate_min, rate_max=rate_max, num_rates=num_rates, 
                      num_discard=num_discard, initial_pop=initial_pop):
        
        pops = np.empty(shape=(num_gens*num_rates, 2), dtype=np.float64)
        rates = np.linspace(rate_min, rate_max, num_rates)

        # for each rate, run the function repeatedly, starting at the initial_pop
        for rate_num, rate in zip(range(len(rates)), rates):
            pop = initial_pop

            # first run it num_discard times and ignore the results
            for _ in range(num_discard):
                pop = model(pop, rate)

            # now that those gens are discarded, run it num_gens times and keep the results
            for gen_num in range(num_gens):
                row_num = gen_num + num_gens * rate_num
                pops[row_num] = [rate, pop]
                pop = model(pop, rate)
        
        return pops
    
    return jit_simulator
    
    
    
    
def get_cobweb_points(model, r, x, n):
    """
    Calculate the vertices of cobweb lines for a cobweb plot. 
        
    Steps in the calculation:
    1) Let x = 0.5
    2) Start on the x-axis at the point (x, 0).
    3) Draw a vertical line to the red function curve: this point has the coordinates (x, f(x)).
    4) Draw a horizontal line from this point to the gray diagonal line: this point has the coordinates (f(x), f(x)).
    5) Draw a vertical line from this point to the red function curve: this point has the coordinates (f(x), f(f(x))).
    6) Repeat steps 4 and 5 recursively one hundred times.
    
    Arguments
    ---------
    model: function
        defining an iterated map to simulate
    r: float
        growth rate parameter value to pass to the map
    x: float
        starting population value
    n: int
        number of iterations to run
    
    Returns
    -------
    tuple
        cobweb_x_vals, cobweb_y_vals
    """
    
    cobweb_points = [(x, 0)]
    for _ in range(n):
        y1 = model(x, r)
        cobweb_points.append((x, y1))
        cobweb_points.append((y1, y1))
        y2 = model(y1, r)
        cobweb_points.append((y1, y2))
        x = y1
    return zip(*cobweb_points)
    
    
    
    
def get_function_points(model, r, n, start, end):
    """
    Calculate model results for n population values evenly spaced between start and end values.
    
    Arguments
    ---------
    model: function
        defining an iterated map to simulate
    r: float
        growth rate parameter value to pass to the map
    n: int
        number of iterations to run
    start: float
        lower limit of the function range
    end: float
        upper limit of the function range
    
    Returns
    -------
    tuple
        x_vals, y_vals
    """
    
    x_vals = np.linspace(start, end, n)
    y_vals = [model(x, r) for x in x_vals]
    return x_vals, y_vals


# ---- harness (not part of the program) ----
ENTRY = "pynamical_maps"


def pynamical_maps(num_gens, num_rates, num_discard):
    out = {}
    for name, model, rmin, rmax in (("logistic", logistic_map, 0.5, 4.0),
                                    ("cubic", cubic_map, 1.0, 4.0),
                                    ("singer", singer_map, 0.9, 1.08)):
        df = simulate(model=model, num_gens=num_gens, rate_min=rmin, rate_max=rmax,
                      num_rates=num_rates, num_discard=num_discard, initial_pop=0.5)
        out[name + "_jit"] = df.values
        out[name + "_columns"] = np.asarray(df.columns, dtype=np.float64)
        df2 = simulate(model=model, num_gens=num_gens, rate_min=rmin, rate_max=rmax,
                       num_rates=num_rates, num_discard=num_discard, initial_pop=0.5, jit=False)
        out[name + "_nojit"] = df2.values
        sim = make_jit_simulator(model, num_gens, rmin, rmax, num_rates, num_discard, 0.3)
        out[name + "_closure_defaults"] = sim()
        out[name + "_closure_args"] = sim(7, rmin, rmax, 3, 2, 0.25)
        cx, cy = get_cobweb_points(model, rmax, 0.5, 12)
        out[name + "_cobweb"] = (np.array(cx, dtype=np.float64), np.array(cy, dtype=np.float64))
        fx, fy = get_function_points(model, rmax, 9, 0.0, 1.0)
        out[name + "_function"] = (fx, np.array(fy))
    out["default_simulate"] = simulate().values
    return out


def inputs():
    return (12, 9, 5)
