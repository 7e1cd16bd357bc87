# Source: SterlingYM/astroPIPS PIPS/periodogram/custom/models/Fourier.py and PIPS/periodogram/custom/models/Gaussian.py (commit ab9e10c9), PIPS/periodogram/custom/custom.py (commit 0fb77440)
# Licence: MIT (Copyright (c) 2021 Yukei Murakami / PIPS AUTHORS)
# Notes: Fitting-based periodogram for variable-star light curves. The light-curve models are @numba.njit functions of (x, period, params, Nterms[, p]): a Fourier series (params sliced into amplitudes and phases, y rebuilt with y = y + C*np.cos(...) in a loop) and a sum of generalised Gaussians on the phase-folded times np.remainder(x, period) with an integer power p; periodogram_custom fits the model at every trial period with scipy.optimize.curve_fit through a lambda that calls the jitted model with np.array(params) and the model keywords (**kwargs: Nterms, p), so the jitted function is called from Python many times per period, and turns the chi^2 into a power 1 - chi2/chi2ref. The three files are pasted whole with custom.py's `from .models... import` lines dropped; get_bestfit_Fourier and get_bestfit_gaussian (which pass their arguments in the wrong order and a debug keyword) are never called. The harness uses a synthetic RR Lyrae-like light curve (seeded default_rng), multiprocessing=False, and calls periodogram_custom for both models and get_bestfit for the best period with return_params
# ---- PIPS/periodogram/custom/models/Fourier.py ----
import numpy as np
from scipy.optimize import curve_fit
import numba
from multiprocessing import Pool


@numba.njit
def fourier(x,period,params,Nterms):
    '''
    A Fourier function (model) that calculates y-value 
    at each x-value for given period and parametrs.
    ** IMPORTANT NOTE: ```params``` has to be a numpy array (not python list)
    '''
    # if debug:
    #     print('*Fourier: starting Fourier')
    #     print('*Fourier: params = ',params)
    y = np.ones_like(x) * params[0]
    C_list = params[1:Nterms+1]
    phi_list = params[Nterms+1:]
    # if debug:
    #     print('*Fourier: y_initial = ',y)
    #     print('*Fourier: C_list = ',C_list)
    #     print('*Fourier: phi_list = ',phi_list)
    for i in range(Nterms):
        y = y + C_list[i] * np.cos((i+1)*2*np.pi*x/period + phi_list[i])
    # if debug:
    #     print('*Fourier: y after calculation = ',y)
    return y

def fourier_p0(x,y,yerr,period,Nterms,**kwargs):
        return [np.mean(y),*np.zeros(2*Nterms)]

def get_bestfit_Fourier(x,y,yerr,period,Nterms,return_yfit=True,return_params=False,
                        debug=False):
    '''
    ### Fourier Model ###
    returns best-fit y-values at given x
    if return_yfit==True, it returns best-fit y-values at given x
    if return_params==True, it returns best-fit parameters (model-dependent)
    NOTE: Fourier parameters are not bound to keep the code fast.
    For stellar parameter calculation purpose, use tools in StellarModels class.
    '''
    if debug:
        print('*get_bestfit_Fourier: starting process get_bestfit_Fourier(): ')
        print('*get_bestfit_Fourier: x = ',x)
        print('*get_bestfit_Fourier: y = ',y)
        print('*get_bestfit_Fourier: yerr = ',yerr)
    par0 = [np.mean(y),*np.zeros(2*Nterms)]
    if debug:
        print('*get_bestfit_Fourier: par0 = ',par0)

    popt,pcov = curve_fit(
        lambda x,*params:fourier(x,period,Nterms,np.array(params),debug=debug),x,y,sigma=yerr,p0=par0,maxfev=100000)
    if debug:
        print('*get_bestfit_Fourier: optimization finished')
        print('*get_bestfit_Fourier: popt = ',popt)
        print('*get_bestfit_Fourier: pcov = ',pcov)
    if return_yfit:
        y_fit = fourier(x,period,Nterms,popt)
        if debug:
            print('*get_bestfit_Fourier: y_fit = ',y_fit)
        if not return_params:
            return y_fit
        if return_params:
            return y_fit,popt
    elif return_params:
        return popt

# def get_chi2_Fourier(x,y,yerr,period,Nterms=4):
#     '''
#     returns chi square value for the best-fit function at given folding period.
#     '''
#     y_fit = get_bestfit_Fourier(x,y,yerr,period,Nterms,return_yfit=True,return_params=False)
#     return np.sum((y-y_fit)**2/yerr**2)/(len(y)-1)


# ---- PIPS/periodogram/custom/models/Gaussian.py ----
import numpy as np
from scipy.optimize import curve_fit
import numba
from multiprocessing import Pool

@numba.njit
def gaussian(x,period,params,Nterms=1,p=1):
    '''
    A Gaussian function (model) that calculates y-value 
    at each x-value for given period and parametrs.
    ** IMPORTANT NOTE: ```params``` has to be a numpy array (not python list)
    '''
    # if debug:
    #     print('*Gaussian: starting Gaussian')
    #     print('*Gaussian: params = ',params)
    y = np.ones_like(x) * params[0]
    p_list = params[1:Nterms+1]
    mu_list = params[Nterms+1:2*Nterms+1]
    sigma_list = params[2*Nterms+1:]
    # if debug:
    #     print('*Gaussian: y_initial = ',y)
    #     print('*Gaussian: A_list = ',p_list)
    #     print('*Gaussian: phi_list = ',mu_list)
    #     print('*Gaussian: sigma_list = ',sigma_list)

    # prepare phase-folded x-values
    mod = np.remainder(x,period)
    for i in range(Nterms):
        y = y + p_list[i] * np.exp(-(0.5*(mod-mu_list[i])**2/sigma_list[i]**2)**p)
    # if debug:
    #     print('*Gaussian: y after calculation = ',y)
    return y

def gaussian_p0(x,y,yerr,period,Nterms=1,**kwargs):
    return [np.mean(y),*np.full(Nterms,1),*np.full(Nterms,period/2),*np.full(Nterms,period/4)]

def get_bestfit_gaussian(x,y,yerr,period,Nterms,return_yfit=True,return_params=False,debug=False):
    '''
    ### Gaussian Model ###
    returns best-fit y-values at given x
    if return_yfit==True, it returns best-fit y-values at given x
    if return_params==True, it returns best-fit parameters (model-dependent)
    NOTE: Gaussian parameters are not bound to keep the code fast.
    For stellar parameter calculation purpose, use tools in StellarModels class.
    '''
    if debug:
        print('*get_bestfit_gaussian: starting process get_bestfit_gaussian(): ')
        print('*get_bestfit_gaussian: x = ',x)
        print('*get_bestfit_gaussian: y = ',y)
        print('*get_bestfit_gaussian: yerr = ',yerr)
    par0 = [np.mean(y),*np.full(Nterms,1),*np.full(Nterms,period/2),*np.full(Nterms,period/4)]
    if debug:
        print('*get_bestfit_gaussian: par0 = ',par0)

    # TODO: is this the best solution?
    try:
        popt,pcov = curve_fit(
            lambda x,*params:gaussian(x,period,Nterms,np.array(params),debug=debug),x,y,sigma=yerr,p0=par0,maxfev=100000)
    except:
        popt = np.array([y.mean(),*np.full(Nterms*2,0.0),*np.full(Nterms,1.0)])
    if debug:
        print('*get_bestfit_gaussian: optimization finished')
        print('*get_bestfit_gaussian: popt = ',popt)
        print('*get_bestfit_gaussian: pcov = ',pcov)
    if return_yfit:
        y_fit = gaussian(x,period,Nterms,popt)
        if debug:
            print('*get_bestfit_gaussian: y_fit = ',y_fit)
        if not return_params:
            return y_fit
        if return_params:
            return y_fit,popt
    elif return_params:
        return popt

# def get_chi2_gaussian(x,y,yerr,period,Nterms=4):
#     '''
#     returns chi square value for the best-fit function at given folding period.
#     '''
#     y_fit = get_bestfit_gaussian(x,y,yerr,period,Nterms,return_yfit=True,return_params=False)
#     return np.sum((y-y_fit)**2/yerr**2)/(len(y)-1)


# ---- PIPS/periodogram/custom/custom.py ----
import numpy as np
from scipy.optimize import curve_fit, OptimizeWarning
import numba
from multiprocessing import Pool
import warnings
warnings.simplefilter("ignore", OptimizeWarning)


######### custom models: add your functions here ##########
MODELS = {
    'Fourier': fourier,
    'Gaussian': gaussian,
}
P0_FUNCS = {
    'Fourier': fourier_p0,
    'Gaussian': gaussian_p0,
}
###########################################################

def check_MODEL_KWARGS(model,kwarg_for_helper=True,**kwargs):
    KWARGS = {}
    if kwarg_for_helper:
        helper_kwargs = ['return_yfit','return_params','return_pcov','fit_period','maxfev']
    else:
        helper_kwargs = []
    # pre-inplemented model-dependent kwargs
    if model=='Fourier':
        requirements = ['Nterms']
    elif model=='Gaussian':
        requirements = ['Nterms','p']
    else:
        requirements = kwargs.keys()

    # prepare KWARGS
    for key in [*requirements,*helper_kwargs]:
        if key in kwargs:
            KWARGS[key]=kwargs[key]
        # else:
        #     raise ValueError(model+f' function requires the following argumnets: {requirements}')
    return KWARGS

def get_bestfit(MODEL,p0_func,x,y,yerr,period,return_yfit=True,return_params=False,return_pcov=False,fit_period=False,maxfev=1000,**kwargs):
    if fit_period:
        p0 = [period,*p0_func(x,y,yerr,period,**kwargs)]
        try:
            popt,pcov = curve_fit(
                lambda x,period,*params:MODEL(x,period,np.array(params),**kwargs),x,y,sigma=yerr,p0=p0,maxfev=maxfev)
            y_fit = MODEL(x,period,np.array(popt),**kwargs)
        except RuntimeError:
            y_fit = np.ones_like(y) * np.mean(y) # equiv. to zero in periodogram
        except TypeError:
            print('received incorrect kwargs: ',kwargs)
    else:
        p0 = p0_func(x,y,yerr,period,**kwargs)
        try:
            popt,pcov = curve_fit(
                lambda x,*params:MODEL(x,period,np.array(params),**kwargs),x,y,sigma=yerr,p0=p0,maxfev=maxfev)
            y_fit = MODEL(x,period,np.array(popt),**kwargs)
        except RuntimeError:
            y_fit = np.ones_like(y) * np.mean(y) # equiv. to zero in periodogram
        except TypeError:
            print('received incorrect kwargs: ',kwargs)
    if return_yfit:
        if not return_params:
            return y_fit
        if return_params:
            return y_fit,popt
    elif return_params and return_pcov:
        return popt,pcov
    elif return_params:
        return popt
    elif return_pcov:
        return pcov

def get_chi2(MODEL,p0_func,x,y,yerr,period,**kwargs):
    '''
    returns chi square value for the best-fit function at given folding period.
    '''
    y_fit = get_bestfit(MODEL,p0_func,x,y,yerr,period,return_yfit=True,return_params=False,**kwargs)
    return np.sum((y-y_fit)**2/yerr**2)

def get_chi2ref(x,y,yerr):
    '''
    returns non-varying reference of chi2 (model independent)
    '''
    return np.sum((y-np.mean(y))**2/(yerr)**2)

def periodogram_custom(x,y,yerr,p_min=None,p_max=None,N=None,p0_func=None,multiprocessing=True,model='Fourier',custom_periods=None,**kwargs):
    '''
    model-dependent, individual fitting-based periodogram. Can be customized for any model.
    '''
    # select models
    if isinstance(model, str):
        MODEL = MODELS[model]
        KWARGS = {**check_MODEL_KWARGS(model,**kwargs)}
        P0_FUNC = P0_FUNCS[model]
    elif hasattr(model, '__call__'):
        MODEL = model
        KWARGS= kwargs
        if hasattr(p0_func, '__call__'):
            P0_FUNC = p0_func
        else:
            raise ValueError('custom model requires initial-guess prep function (p0_func).')
    else:
        raise ValueError('model has to be either a function or a pre-defined function name')

    # prepare periods
    if custom_periods is not None:
        periods = custom_periods
    elif (p_min is not None) and (p_max is not None):
        periods = np.linspace(p_min,p_max,N)
    else:
        raise ValueError('period range or period list are not given')

    # main
    global mp_worker
    def mp_worker(period):
        return get_chi2(MODEL=MODEL,p0_func=P0_FUNC,x=x,y=y,yerr=yerr,period=period,**KWARGS)

    if multiprocessing==True:
        pool = Pool()
        chi2 = pool.map(mp_worker,periods)
        pool.close()
        pool.join()
    else:
        chi2 = np.array(list(map(mp_worker,periods)))
    chi2ref = get_chi2ref(x,y,yerr)
    power = 1 - chi2/chi2ref
    return periods, power


# ---- harness (not part of the program) ----
ENTRY = "pips_periodograms"


def pips_periodograms(x, y, yerr):
    out = []
    periods, power = periodogram_custom(x, y, yerr, p_min=0.45, p_max=0.65, N=40,
                                        multiprocessing=False, model='Fourier', Nterms=3)
    out.append(power)
    best = periods[np.argmax(power)]
    yfit, popt = get_bestfit(fourier, fourier_p0, x, y, yerr, best, return_params=True, Nterms=3)
    out.append(yfit)
    out.append(popt)
    periods, power = periodogram_custom(x, y, yerr, custom_periods=np.linspace(0.5, 0.6, 12),
                                        multiprocessing=False, model='Gaussian', Nterms=1, p=1)
    out.append(power)
    return tuple(out)


def inputs():
    rng = np.random.default_rng(0)
    x = np.sort(rng.uniform(0.0, 20.0, 150))
    P = 0.5537
    phase = 2 * np.pi * x / P
    y = 15.0 + 0.35 * np.cos(phase + 0.4) + 0.12 * np.cos(2 * phase + 1.1) + 0.05 * np.cos(3 * phase + 2.0)
    yerr = np.full(x.shape, 0.02)
    y = y + rng.normal(0.0, 0.02, x.shape)
    return x, y, yerr
