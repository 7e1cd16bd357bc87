# Source: Jingxuan97/nemesispy nemesispy/radtran/calc_radiance.py, calc_planck.py, calc_tau_gas.py, calc_tau_cia.py, calc_tau_rayleigh.py (at commit 04c3e643)
# Licence: BSD-3-Clause (nemesispy, LICENSE; Copyright (c) 2021 Jingxuan Yang, Juan Alday Parejo and Patrick Irwin)
# Notes: thermal emission spectrum of an exoplanet atmosphere with the correlated-k method (a Python port of the NEMESIS radiative-transfer code): k-tables bilinearly interpolated in (log p, T) per layer (log-space where all four corners are positive, linear where all are non-positive, selected with np.where on 3-D boolean masks and gathered index by index), k-distributions of 4 gases combined by random overlap (rankg: np.argsort / fancy reordering / np.cumsum and a g-ordinate rebinning loop with float32 casts; noverlapg: pairwise k sums over NG*NG weights), H2-H2/H2-He/... collision-induced absorption interpolated in T and in wavenumber with np.interp over a np.where-selected index set, Rayleigh scattering for an H2-He mixture, then layer-by-layer transmission exp(-cumulative tau) weighted by the Planck function (1-element array constants) and integrated over g; Numba features: @jit(nopython=True) on every function, keyword defaults (ispace=1, NPAIR=9, wavecalc=None), reversed slices [::-1] and [::-1,:], 5-D array slicing k[:,:,:,ip,it], np.abs(...).argmin(), variables defined only in some branches (isort, WAVEN, ipl/iphi), `surface = None` / `if not surface`, raise Exception in an unreached branch, np.float32() scalar casts, 2-D/3-D slice assignment and broadcasting. Pasted: calc_radiance.py (its imports of the four helper modules replaced by the pasted helpers), calc_planck.py, calc_tau_gas.py (interp_k, rankg, noverlapg, calc_tau_gas), calc_tau_cia.py and calc_tau_rayleigh.py, all as published; the harness builds a 7-layer atmosphere (1e6..1e2 Pa, 1600..900 K, VMRs of H2O/CO2/CO/CH4/He/H2 with gas IDs 1/2/5/6/40/39), random positive 4-gas k-tables on a 5 x 4 (p, T) grid with 4 g-ordinates at 6 wavelengths, 9-pair CIA tables on a 12-point wavenumber grid, and returns the spectrum together with the separate gas, CIA and Rayleigh optical paths
import numpy as np
from numba import jit


# ---- nemesispy/radtran/calc_planck.py ----
@jit(nopython=True)
def calc_planck(wave_grid,temp,ispace=1):
    """
    Calculates the blackbody radiation.

    Parameters
    ----------
    wave_grid(nwave) : ndarray
        Wavelength or wavenumber array
    temp : real
        Temperature of the blackbody (K)
    ispace : int
        Flag indicating the spectral units
        (0) Wavenumber (cm-1)
        (1) Wavelength (um)

    Returns
    -------
	bb(nwave) : ndarray
        Planck function
        Unit: (0) W cm-2 sr-1 (cm-1)-1
              (1) W cm-2 sr-1 um-1
    """
    c1 = np.array([1.1911e-12])
    c2 = np.array([1.439])
    if ispace==0:
        y = wave_grid
        a = c1 * (y**3.)
    elif ispace==1:
        y = 1.0e4/wave_grid
        a = c1 * (y**5.) / 1.0e4
    else:
        raise Exception('error in calc_planck: ISPACE must be either 0 or 1')

    tmp = c2 * y / temp
    b = np.exp(tmp) - 1
    bb = (a/b)

    return bb


# ---- nemesispy/radtran/calc_tau_gas.py ----
"""
Calculate the opacity of a mixture of gases using the correlated-k method and
pre-tabulated ktables, assuming random overlap.
"""

@jit(nopython=True)
def interp_k(P_grid, T_grid, P_layer, T_layer, k_gas_w_g_p_t, wavecalc=None):
    """
    Interpolate the k coeffcients to given presures and temperatures
    using pre-tabulated k-tables.

    Parameters
    ----------
    P_grid(NPRESSKTA) : ndarray
        Pressure grid on which the k-coefficients are pre-computed.
        Unit: Pa
    T_grid(NTEMPKTA) : ndarray
        Temperature grid on which the k-coefficients are pre-computed.
        Unit: Kelvin
    P_layer(NLAYER) : ndarray
        Atmospheric pressure grid.
        Unit: Pa
    T_layer(NLAYER) : ndarray
        Atmospheric temperature grid.
        Unit: Kelvin
    k_gas_w_g_p_t(NGAS,NWAVEKTA,NG,NPRESSKTA,NTEMPKTA) : ndarray
        Array storing the k-coefficients.

    Returns
    -------
    k_gas_w_g_l(NGAS,NWAVE,NG,NLAYER) : ndarray
        The interpolated-to-atmosphere k-coefficients.
        Has dimension: NGAS x NWAVE x NG x NLAYER.
    Notes
    -----
    Units: bar for pressure and K for temperature.
    Code breaks if P_layer/T_layer is out of the range of P_grid/T_grid.
    Mainly need to worry about max(T_layer)>max(T_grid).
    No extrapolation outside of the TP grid of ktable.
    """
    NGAS, NWAVE, NG, NPRESS, NTEMP = k_gas_w_g_p_t.shape
    NLAYER = len(P_layer)
    k_gas_w_g_l = np.zeros((NGAS,NWAVE,NG,NLAYER))
    kgood = np.zeros((NGAS,NWAVE,NG,NLAYER))
    for ilayer in range(NLAYER):
        press1 = P_layer[ilayer]
        temp1 = T_layer[ilayer]
        # find the Pressure levels just above and below that of current layer
        lpress = np.log(press1)
        # press0, ip = find_nearest(P_grid,press1)
        ip = np.abs(P_grid-press1).argmin()
        press0 = P_grid[ip]

        if P_grid[ip] >= press1:
            iphi = ip
            if ip == 0:
                lpress = np.log(P_grid[0])
                ipl = 0
                iphi = 1
            else:
                ipl = ip - 1
        elif P_grid[ip]<press1:
            ipl = ip
            if ip == NPRESS -1:
                lpress = np.log(P_grid[NPRESS-1])
                iphi = NPRESS - 1
                ipl = NPRESS - 2
            else:
                iphi = ip + 1

        # find the Temperature levels just above and below that of current layer
        # temp0, it = find_nearest(T_grid, temp1)
        it = np.abs(T_grid-temp1).argmin()
        temp0 = T_grid[it]

        if T_grid[it]>=temp1:
            ithi = it
            if it == 0:
                temp1 = T_grid[0]
                itl = 0
                ithi = 1
            else:
                itl = it -1
        elif T_grid[it]<temp1:
            itl = it
            if it == NTEMP-1:
                temp1 = T_grid[-1]
                ithi = NTEMP - 1
                itl = NTEMP -2
            else:
                ithi = it + 1

        # interpolation
        plo = np.log(P_grid[ipl])
        phi = np.log(P_grid[iphi])
        tlo = T_grid[itl]
        thi = T_grid[ithi]

        klo1 = np.zeros((NGAS,NWAVE,NG))
        klo2 = np.zeros((NGAS,NWAVE,NG))
        khi1 = np.zeros((NGAS,NWAVE,NG))
        khi2 = np.zeros((NGAS,NWAVE,NG))

        # klo1 = np.zeros([self.NWAVE,self.NG,self.NGAS])

        klo1[:] = k_gas_w_g_p_t[:,:,:,ipl,itl]
        klo2[:] = k_gas_w_g_p_t[:,:,:,ipl,ithi]
        khi2[:] = k_gas_w_g_p_t[:,:,:,iphi,ithi]
        khi1[:] = k_gas_w_g_p_t[:,:,:,iphi,itl]

        # bilinear interpolation
        v = (lpress-plo)/(phi-plo)
        u = (temp1-tlo)/(thi-tlo)
        dudt = 1./(thi-tlo)

        igood = np.where( (klo1>0.0) & (klo2>0.0) & (khi1>0.0) & (khi2>0.0) )
        ibad = np.where( (klo1<=0.0) & (klo2<=0.0) & (khi1<=0.0) & (khi2<=0.0) )

        for index in range(len(igood[0])):
            kgood[igood[0][index],igood[1][index],igood[2][index],ilayer] \
                = (1.0-v)*(1.0-u)*np.log(klo1[igood[0][index],igood[1][index],igood[2][index]]) \
                + v*(1.0-u)*np.log(khi1[igood[0][index],igood[1][index],igood[2][index]]) \
                + v*u*np.log(khi2[igood[0][index],igood[1][index],igood[2][index]]) \
                + (1.0-v)*u*np.log(klo2[igood[0][index],igood[1][index],igood[2][index]])
            kgood[igood[0][index],igood[1][index],igood[2][index],ilayer] \
                = np.exp(kgood[igood[0][index],igood[1][index],igood[2][index],ilayer])

        for index in range(len(ibad[0])):
            kgood[ibad[0][index],ibad[1][index],ibad[2][index],ilayer] \
                = (1.0-v)*(1.0-u)*klo1[ibad[0][index],ibad[1][index],ibad[2][index]] \
                + v*(1.0-u)*khi1[ibad[0][index],ibad[1][index],ibad[2][index]] \
                + v*u*khi2[ibad[0][index],ibad[1][index],ibad[2][index]] \
                + (1.0-v)*u*klo2[ibad[0][index],ibad[1][index],ibad[2][index]]

    k_gas_w_g_l = kgood
    return k_gas_w_g_l

@jit(nopython=True)
def rankg(weight, cont, del_g):
    """
    Combine the randomly overlapped k distributions of two gases into a single
    k distribution.

    Parameters
    ----------
    weight(NG) : ndarray
        Weights of points in the random k-dist
    cont(NG) : ndarray
        Random k-coeffs in the k-dist.
    del_g(NG) : ndarray
        Required weights of final k-dist.

    Returns
    -------
    k_g(NG) : ndarray
        Combined k-dist.
    """
    ng = len(del_g)
    nloop = ng*ng

    # sum delta gs to get cumulative g ordinate
    g_ord = np.zeros(ng+1)
    g_ord[1:] = np.cumsum(del_g)
    g_ord[ng] = 1

    # Sort random k-coeffs into ascending order. Integer array ico records
    # which swaps have been made so that we can also re-order the weights.
    ico = np.argsort(cont)
    cont = cont[ico]
    weight = weight[ico] # sort weights accordingly
    gdist = np.cumsum(weight)
    k_g = np.zeros(ng)

    ig = 0
    sum1 = 0.0
    cont_weight = cont * weight
    for iloop in range(nloop):
        if gdist[iloop] < g_ord[ig+1]:
            k_g[ig] = k_g[ig] + cont_weight[iloop]
            sum1 = sum1 + weight[iloop]
        else:
            frac = (g_ord[ig+1] - gdist[iloop-1])/(gdist[iloop]-gdist[iloop-1])
            k_g[ig] = k_g[ig] + np.float32(frac)*cont_weight[iloop]

            sum1 = sum1 + frac * weight[iloop]
            k_g[ig] = k_g[ig]/np.float32(sum1)

            ig = ig +1
            sum1 = (1.0-frac)*weight[iloop]
            k_g[ig] = np.float32(1.0-frac)*cont_weight[iloop]

    if ig == ng-1:
        k_g[ig] = k_g[ig]/np.float32(sum1)

    return k_g

@jit(nopython=True)
def noverlapg(k_gas_g, amount, del_g):
    """
    Combine k distributions of multiple gases given their number densities.

    Parameters
    ----------
    k_gas_g(NGAS,NG) : ndarray
        K-distributions of the different gases.
        Each row contains a k-distribution defined at NG g-ordinates.
    amount(NGAS) : ndarray
        Absorber amount of each gas.
    del_g(NG) : ndarray
        Gauss quadrature weights for the g-ordinates.
        These are the widths of the bins in g-space.

    Returns
    -------
    k_g(NG) : ndarray
        Combined k-distribution.
    """
    # amount = VMR_layer x U_layer
    NGAS = len(amount)
    NG = len(del_g)
    k_g = np.zeros(NG)
    weight = np.zeros(NG*NG)
    contri = np.zeros(NG*NG)
    for igas in range(NGAS-1):
        # first pair of gases
        if igas == 0:
            a1 = amount[igas]
            a2 = amount[igas+1]

            k_g1 = k_gas_g[igas,:]
            k_g2 = k_gas_g[igas+1,:]

            # skip if first k-distribution = 0.0
            if k_g1[NG-1]*a1 == 0.0:
                k_g = k_g2*a2
            # skip if second k-distribution = 0.0
            elif k_g2[NG-1]*a2 == 0.0:
                k_g = k_g1*a1
            else:
                nloop = 0
                for ig in range(NG):
                    for jg in range(NG):
                        weight[nloop] = del_g[ig]*del_g[jg]
                        contri[nloop] = k_g1[ig]*a1 + k_g2[jg]*a2
                        nloop = nloop + 1
                k_g = rankg(weight,contri,del_g)
        # subsequuent gases .. add amount*k to previous summed k
        else:
            a2 = amount[igas+1]
            # print('a2',a2)
            k_g1 = k_g
            k_g2 = k_gas_g[igas+1,:]

            # skip if first k-distribution = 0.0
            if k_g1[NG-1] == 0:
                k_g = k_g2*a2
            # skip if second k-distribution = 0.0
            elif k_g2[NG-1]*a2== 0:
                # print('elif',k_g)
                k_g = k_g1
            else:
                nloop = 0
                for ig in range(NG):
                    for jg in range(NG):
                        weight[nloop] = del_g[ig]*del_g[jg]
                        contri[nloop] = k_g1[ig]+k_g2[jg]*a2
                        nloop = nloop + 1
                k_g = rankg(weight,contri,del_g)

    return k_g

@jit(nopython=True)
def calc_tau_gas(k_gas_w_g_p_t, P_layer, T_layer, VMR_layer, U_layer,
    P_grid, T_grid, del_g):
    """
    Parameters
    ----------
    k_gas_w_g_p_t(NGAS,NWAVE,NG,NPRESSK,NTEMPK) : ndarray
        Raw k-coefficients.
        Has dimension: NWAVE x NG x NPRESSK x NTEMPK.
    P_layer(NLAYER) : ndarray
        Atmospheric pressure grid.
    T_layer(NLAYER) : ndarray
        Atmospheric temperature grid.
    VMR_layer(NLAYER,NGAS) : ndarray
        Array of volume mixing ratios for NGAS.
        Has dimensioin: NLAYER x NGAS
    U_layer : ndarray
        DESCRIPTION.
    P_grid(NPRESSK) : ndarray
        Pressure grid on which the k-coeff's are pre-computed.
    T_grid(NTEMPK) : ndarray
        Temperature grid on which the k-coeffs are pre-computed.
    del_g : ndarray
        DESCRIPTION.

    Returns
    -------
    tau_w_g_l(NWAVE,NG,NLAYER) : ndarray
        DESCRIPTION.


    Notes
    -----
    Absorber amounts (U_layer) is scaled down by a factor 1e-20 because Nemesis
    k-tables are scaled up by a factor of 1e20.
    """

    Scaled_U_layer = U_layer * 1.0e-20
    Scaled_U_layer *= 1.0e-4 # convert from absorbers per m^2 to per cm^2

    k_gas_w_g_l = interp_k(P_grid, T_grid, P_layer, T_layer, k_gas_w_g_p_t)
    Ngas, Nwave, Ng, Nlayer = k_gas_w_g_l.shape

    amount_layer = np.zeros((Nlayer,Ngas))
    for ilayer in range(Nlayer):
        amount_layer[ilayer,:] = Scaled_U_layer[ilayer] * VMR_layer[ilayer,:4]

    tau_w_g_l = np.zeros((Nwave,Ng,Nlayer))
    for iwave in range (Nwave):
        k_gas_g_l = k_gas_w_g_l[:,iwave,:,:]
        k_g_l = np.zeros((Ng,Nlayer))
        for ilayer in range(Nlayer):
            k_g_l[:,ilayer]\
                = noverlapg(k_gas_g_l[:,:,ilayer],amount_layer[ilayer,:],del_g)
            tau_w_g_l[iwave,:,ilayer] = k_g_l[:,ilayer]

    return tau_w_g_l


# ---- nemesispy/radtran/calc_tau_cia.py ----
@jit(nopython=True)
def calc_tau_cia(wave_grid, K_CIA, ISPACE,
    ID, TOTAM, T_layer, P_layer, VMR_layer, DELH,
    cia_nu_grid, TEMPS, INORMAL, NPAIR=9):
    """
    Parameters
    ----------
    wave_grid : ndarray
        Wavenumber (cm-1) or wavelength array (um) at which to compute CIA opacities.
    ID : ndarray
        Gas ID
    # ISO : ndarray
    #     Isotop ID.
    VMR_layer : TYPE
        DESCRIPTION.
    ISPACE : int
        Flag indicating whether the calculation must be performed in
        wavenumbers (0) or wavelength (1)
    K_CIA(NPAIR,NTEMP,NWAVE) : ndarray
         CIA cross sections for each pair at each temperature level and wavenumber.
    cia_nu_grid : TYPE
        DESCRIPTION.
    INORMAL : int


    Returns
    -------
    tau_cia_layer(NWAVE,NLAY) : ndarray
        CIA optical depth in each atmospheric layer.
    """

    # Need to pass NLAY from a atm profile
    NPAIR = 9

    NLAY,NVMR = VMR_layer.shape
    ISO = np.zeros((NVMR))

    # mixing ratios of the relevant gases
    qh2 = np.zeros((NLAY))
    qhe = np.zeros((NLAY))
    qn2 = np.zeros((NLAY))
    qch4 = np.zeros((NLAY))
    qco2 = np.zeros((NLAY))
    # IABSORB = np.ones(5,dtype='int32') * -1

    NWAVEC = 17

    # get mixing ratios from VMR grid
    for iVMR in range(NVMR):
        if ID[iVMR] == 39: # hydrogen
            qh2[:] = VMR_layer[:,iVMR]
            # IABSORB[0] = iVMR
        if ID[iVMR] == 40: # helium
            qhe[:] = VMR_layer[:,iVMR]
            # IABSORB[1] = iVMR
        if ID[iVMR] == 22: # nitrogen
            qn2[:] = VMR_layer[:,iVMR]
            # IABSORB[2] = iVMR
        if ID[iVMR] == 6: # methane
            qch4[:] = VMR_layer[:,iVMR]
            # IABSORB[3] = iVMR
        if ID[iVMR] == 2: # co2
            qco2[:] = VMR_layer[:,iVMR]
            # IABSORB[4] = iVMR

    # calculating the opacity
    XLEN = DELH * 1.0e2 # cm
    TOTAM = TOTAM * 1.0e-4 # cm-2

    ### back to FORTRAN ORIGINAL
    P0=101325
    T0=273.15
    AMAGAT = 2.68675E19 #mol cm-3
    KBOLTZMANN = 1.381E-23
    MODBOLTZA = 10.*KBOLTZMANN/1.013

    tau = (P_layer/P0)**2 * (T0/T_layer)**2 * DELH
    height1 = P_layer * MODBOLTZA * T_layer

    height = XLEN * 1e2
    amag1 = TOTAM /height/AMAGAT
    tau = height*amag1**2

    AMAGAT = 2.68675E19 #mol cm-3
    amag1 = TOTAM / XLEN / AMAGAT # number density
    tau = XLEN*amag1**2# optical path, why fiddle around with XLEN

    # define the calculatiion wavenumbers
    if ISPACE == 0: # input wavegrid is already in wavenumber (cm^-1)
        WAVEN = wave_grid
    elif ISPACE == 1:
        WAVEN = 1.e4/wave_grid
        isort = np.argsort(WAVEN)
        WAVEN = WAVEN[isort] # ascending wavenumbers

    # if WAVEN.min() < cia_nu_grid.min() or WAVEN.max()>cia_nu_grid.max():
    #     print('warning in CIA :: Calculation wavelengths expand a larger range than in .cia file')

    # calculate the CIA opacity at the correct temperature and wavenumber
    NWAVEC = len(wave_grid)  # Number of calculation wavelengths
    tau_cia_layer = np.zeros((NWAVEC,NLAY))

    for ilay in range(NLAY):
        # interpolating to the correct temperature
        temp1 = T_layer[ilay]
        it = (np.abs(TEMPS-temp1)).argmin()

        # want to sandwich the T point
        if TEMPS[it] >= temp1:
            ithi = it
            if it==0:
                # edge case, layer T < T grid
                temp1 = TEMPS[it]
                itl = 0
                ithi = 1
            else:
                itl = it - 1

        elif TEMPS[it]<temp1:
            NT = len(TEMPS)
            itl = it
            if it == NT - 1:
                # edge case, layer T > T grid
                temp1 = TEMPS[it]
                ithi = NT - 1
                itl = NT - 2
            else:
                ithi = it + 1

        # find opacities for the chosen T
        ktlo = K_CIA[:,itl,:]
        kthi = K_CIA[:,ithi,:]

        fhl = (temp1 - TEMPS[itl])/(TEMPS[ithi]-TEMPS[itl])
        fhh = (TEMPS[ithi]-temp1)/(TEMPS[ithi]-TEMPS[itl])

        kt = ktlo * (1.-fhl) + kthi * (1.-fhh)

        # checking that interpolation can be performed to the calculation wavenumbers
        inwave = np.where( (cia_nu_grid>=WAVEN.min()) & (cia_nu_grid<=WAVEN.max()) )
        inwave = inwave[0]

        if len(inwave)>0:

            k_cia = np.zeros((NWAVEC,NPAIR))
            inwave1 = np.where( (WAVEN>=cia_nu_grid.min())&(WAVEN<=cia_nu_grid.max()) )
            inwave1 = inwave1[0]

            for ipair in range(NPAIR):

                # wavenumber interpolation
                # f = interpolate.interp1d(cia_nu_grid,kt[ipair,:])
                # k_cia[inwave1,ipair] = f(WAVEN[inwave1])

                # use numpy for numba integration
                k_cia[inwave1,ipair] = np.interp(WAVEN[inwave1],cia_nu_grid,kt[ipair,:])

            #Combining the CIA absorption of the different pairs (included in .cia file)
            sum1 = np.zeros(NWAVEC)
            if INORMAL==0: # equilibrium hydrogen (1:1)
                sum1[:] = sum1[:] + k_cia[:,0] * qh2[ilay] * qh2[ilay] \
                    + k_cia[:,1] * qhe[ilay] * qh2[ilay]

            elif INORMAL==1: # normal hydrogen (3:1)
                sum1[:] = sum1[:] + k_cia[:,2] * qh2[ilay] * qh2[ilay]\
                    + k_cia[:,3] * qhe[ilay] * qh2[ilay]

            sum1[:] = sum1[:] + k_cia[:,4] * qh2[ilay] * qn2[ilay]
            sum1[:] = sum1[:] + k_cia[:,5] * qn2[ilay] * qch4[ilay]
            sum1[:] = sum1[:] + k_cia[:,6] * qn2[ilay] * qn2[ilay]
            sum1[:] = sum1[:] + k_cia[:,7] * qch4[ilay] * qch4[ilay]
            sum1[:] = sum1[:] + k_cia[:,8] * qh2[ilay] * qch4[ilay]

            # look up CO2-CO2 CIA coefficients (external)
            """
            TO BE DONE
            """
            k_co2 = sum1*0
            # k_co2 = co2cia(WAVEN)

            sum1[:] = sum1[:] + k_co2[:] * qco2[ilay] * qco2[ilay]

            #Look up N2-N2 NIR CIA coefficients
            """
            TO BE DONE
            """
            # TO BE DONE

            #Look up N2-H2 NIR CIA coefficients
            """
            TO BE DONE
            """
            # TO BE DONE

            tau_cia_layer[:,ilay] = sum1[:] * tau[ilay]

    if ISPACE==1:
        tau_cia_layer[:,:] = tau_cia_layer[isort,:]

    return tau_cia_layer


# ---- nemesispy/radtran/calc_tau_rayleigh.py ----
@jit(nopython=True)
def calc_tau_rayleigh(wave_grid,U_layer,ISPACE=1):
    """
    Calculate the Rayleigh scattering optical depth for Gas Giant atmospheres
    using data from Allen (1976) Astrophysical Quantities.

    Parameters
    ----------
    wave_grid(NWAVE) : ndarray
        Wavenumber (cm-1) or wavelength array (um)
    U_layer(NLAYER) : ndarray
        Total absober amount
    ISPACE : int
        Flag indicating the spectral units
        (0) Wavenumber in cm-1 or (1) Wavelegnth (um)

    Outputs
    -------
    tau_rayleigh(NWAVE,NLAYER) : ndarray
        Rayleigh scattering optical path at each wavlength in each layer
    """
    AH2 = 13.58E-5
    BH2 = 7.52E-3
    AHe = 3.48E-5
    BHe = 2.30E-3
    fH2 = 0.864
    k = 1.37971e-23 # JK-1
    P0 = 1.01325e5 # Pa
    T0 = 273.15 # K

    NLAYER = len(U_layer)
    NWAVE = len(wave_grid)

    if ISPACE == 0:
        LAMBDA = 1./wave_grid * 1.0e-2 # converted wavelength unit to m
        x = 1.0/(LAMBDA*1.0e6)
    else:
        LAMBDA = wave_grid * 1.0e-6 # wavelength in m
        x = 1.0/(LAMBDA*1.0e6)

    # calculate refractive index
    nH2 = AH2 * (1.0+BH2*x*x)
    nHe = AHe * (1.0+BHe*x*x)

    #calculate Jupiter air's refractive index at STP (Actually n-1)
    nAir = fH2 * nH2 + (1-fH2)*nHe

    #H2,He Seem pretty isotropic to me?...Hence delta = 0.
    #Penndorf (1957) quotes delta=0.0221 for H2 and 0.025 for He.
    #(From Amundsen's thesis. Amundsen assumes delta=0.02 for H2-He atmospheres
    delta = 0.0
    temp = 32*(np.pi**3.)*nAir**2.
    N0 = P0/(k*T0)

    x = N0*LAMBDA*LAMBDA
    faniso = (6.0+3.0*delta)/(6.0 - 7.0*delta)

    # Calculate the scattering cross sections in m2
    k_rayleighj = temp*faniso/(3.*(x**2)) #(NWAVE)

    # Calculate the Rayleigh opacities in each layer
    tau_rayleigh = np.zeros((len(wave_grid),NLAYER))

    for ilay in range(NLAYER):
        tau_rayleigh[:,ilay] = k_rayleighj[:] * U_layer[ilay] #(NWAVE,NLAYER)
    return tau_rayleigh


# ---- nemesispy/radtran/calc_radiance.py ----
"""
Routines to calculate thermal emission spectra from a planetary atmosphere
using the correlated-k method to combine gaseous opacities.
We inlcude collision-induced absorption from H2-H2, H2-he, H2-N2, N2-Ch4, N2-N2,
Ch4-Ch4, H2-Ch4 pairs and Rayleigh scattering from H2 molecules and
He molecules.

As of now the routines are fully accelerated using numba.jit.
"""

@jit(nopython=True)
def calc_radiance(wave_grid, U_layer, P_layer, T_layer, VMR_layer, k_gas_w_g_p_t,
    P_grid, T_grid, del_g, ScalingFactor, RADIUS, solspec,
    k_cia, ID, cia_nu_grid, cia_T_grid, DEL_S):
    """
    Calculate emission spectrum using the correlated-k method.

    Parameters
    ----------
    wave_grid(NWAVE) : ndarray
        Wavelengths (um) grid for calculating spectra.
    U_layer(NLAYER) : ndarray
        Total number of gas particles in each layer.
        We want SI unit (no. of particle/m^2) here.
    P_layer(NLAYER) : ndarray
        Atmospheric pressure grid.
        Unit: Pa
    T_layer(NLAYER) : ndarray
        Atmospheric temperature grid. In Kelvin.
    VMR_layer(NLAYER,NGAS) : ndarray
        Array of volume mixing ratios for NGAS.
        Has dimensioin: NLAYER x NGAS
    k_gas_w_g_p_t(NGAS,NWAVE,NG,NPRESSK,NTEMPK) : ndarray
        k-coefficients.
        Has dimension: NGAS x NWAVE x NG x NPRESSK x NTEMPK.
    P_grid(NPRESSK) : ndarray
        Pressure grid on which the k-coeff's are pre-computed.
        We want SI unit (Pa) here.
    T_grid(NTEMPK) : ndarray
        Temperature grid on which the k-coeffs are pre-computed. In Kelvin
    del_g : ndarray
        Quadrature weights of the g-ordinates.
    ScalingFactor(NLAYER) : ndarray ##
        Scale stuff to line of sight
    RADIUS : real ##
        Planetary radius
        We want SI unit (m) here.
    solspec : ndarray ##
        Stellar spectra, used when the unit of the output is in fraction
        of stellar irradiance.

        Stellar flux at planet's distance (W cm-2 um-1 or W cm-2 (cm-1)-1)

    Returns
    -------
    spectrum : ndarray
        Output spectrum (W cm-2 um-1 sr-1)
    """
    # Reorder atmospheric layers from top to bottom
    ScalingFactor = ScalingFactor[::-1]
    P_layer = P_layer[::-1] # layer pressures (Pa)
    T_layer = T_layer[::-1] # layer temperatures (K)
    U_layer = U_layer[::-1] # layer absorber amounts (no./m^2)
    VMR_layer = VMR_layer[::-1,:] # layer volume mixing ratios
    DEL_S = DEL_S[::-1] # path lengths in each layer

    # Record array dimensions
    NGAS, NWAVE, NG, NPRESS, NTEMP = k_gas_w_g_p_t.shape
    NLAYER = len(P_layer)

    # Initiate arrays to record total optical paths
    tau_total_w_g_l = np.zeros((NWAVE,NG,NLAYER))

    # Collision induced absorptioin optical path (NWAVE x NLAYER)
    tau_cia = calc_tau_cia(wave_grid=wave_grid,K_CIA=k_cia,ISPACE=1,
        ID=ID,TOTAM=U_layer,T_layer=T_layer,P_layer=P_layer,VMR_layer=VMR_layer,
        DELH=DEL_S,cia_nu_grid=cia_nu_grid,TEMPS=cia_T_grid,INORMAL=1,NPAIR=9)

    # Rayleigh scattering optical path (NWAVE x NLAYER)
    tau_rayleigh = calc_tau_rayleigh(wave_grid=wave_grid,U_layer=U_layer)

    # Dust scattering optical path (NWAVE x NLAYER)
    tau_dust = np.zeros((NWAVE,NLAYER))

    # FORTRAN straight transcript
    tau_gas = calc_tau_gas(k_gas_w_g_p_t, P_layer, T_layer, VMR_layer, U_layer,
            P_grid, T_grid, del_g)

    # Merge all different opacities
    for ig in range(NG):
        tau_total_w_g_l[:,ig,:] = tau_gas[:,ig,:] + tau_cia[:,:] \
            + tau_dust[:,:] + tau_rayleigh[:,:]

    #Scale to the line-of-sight opacities
    tau_total_w_g_l = tau_total_w_g_l * ScalingFactor

    # Defining the units of the output spectrum / divide by stellar spectrum
    # IFORM = 1
    # radextra = np.sum(DEL_S[:-1])
    # radextra = 0
    # xfac = np.pi*4.*np.pi*((RADIUS+radextra)*1e2)**2./solspec[:]
    xfac = np.pi*4.*np.pi*(RADIUS*1e2)**2./solspec[:]

    # Calculating atmospheric gases contribution
    tau_cumulative_w_g = np.zeros((NWAVE,NG))
    tr_old_w_g = np.ones((NWAVE,NG))
    spec_w_g = np.zeros((NWAVE,NG))

    for ilayer in range(NLAYER):
        tau_cumulative_w_g[:,:] =  tau_total_w_g_l[:,:,ilayer] + tau_cumulative_w_g[:,:]
        tr_w_g = np.exp(-tau_cumulative_w_g[:,:]) # transmission function
        bb = calc_planck(wave_grid, T_layer[ilayer]) # blackbody function

        for iwave in range(NWAVE):
            for ig in range(NG):
                spec_w_g[iwave,ig] = spec_w_g[iwave,ig] \
                    + np.float32(tr_old_w_g[iwave,ig]-tr_w_g[iwave,ig])\
                    *bb[iwave]*xfac[iwave]

        tr_old_w_g = tr_w_g

    # surface/bottom layer contribution
    p1 = P_layer[int(len(P_layer)/2-1)] #midpoint
    p2 = P_layer[-1] # lowest point in altitude/highest in pressure

    surface = None
    if p2 > p1: # i.e. if not a limb path
        if not surface:
            radground = calc_planck(wave_grid,T_layer[-1])

        for ig in range(NG):
            spec_w_g[:,ig] = spec_w_g[:,ig] + tr_old_w_g[:,ig]*radground*xfac

    # Integrate over g-ordinates
    spectrum = np.zeros((NWAVE))
    for iwave in range(NWAVE):
        for ig in range(NG):
            spectrum[iwave] += spec_w_g[iwave,ig]*del_g[ig]

    return spectrum
# ---- harness (not part of the program) ----
ENTRY = "run_emission"


def run_emission(wave_grid, U_layer, P_layer, T_layer, VMR_layer, k_gas_w_g_p_t,
                 P_grid, T_grid, del_g, ScalingFactor, RADIUS, solspec,
                 k_cia, ID, cia_nu_grid, cia_T_grid, DEL_S):
    spectrum = calc_radiance(wave_grid, U_layer, P_layer, T_layer, VMR_layer,
                             k_gas_w_g_p_t, P_grid, T_grid, del_g, ScalingFactor,
                             RADIUS, solspec, k_cia, ID, cia_nu_grid, cia_T_grid,
                             DEL_S)
    tau_gas = calc_tau_gas(k_gas_w_g_p_t, P_layer, T_layer, VMR_layer, U_layer,
                           P_grid, T_grid, del_g)
    tau_cia = calc_tau_cia(wave_grid, k_cia, 1, ID, U_layer, T_layer, P_layer,
                           VMR_layer, DEL_S, cia_nu_grid, cia_T_grid, 1)
    tau_rayleigh = calc_tau_rayleigh(wave_grid, U_layer)
    return spectrum, tau_gas, tau_cia, tau_rayleigh


def inputs():
    rng = np.random.default_rng(0)
    nlayer, nwave, ng, npress, ntemp = 7, 6, 4, 5, 4
    wave_grid = np.linspace(1.2, 4.6, nwave)                  # um
    P_layer = np.geomspace(1.0e6, 1.0e2, nlayer)              # Pa, bottom to top
    T_layer = np.linspace(1600.0, 900.0, nlayer)              # K
    U_layer = np.geomspace(3.0e28, 3.0e25, nlayer)            # particles / m^2
    DEL_S = np.linspace(2.0e5, 4.0e5, nlayer)                 # m
    vmr = np.array([1e-3, 2e-4, 5e-4, 1e-4, 0.15, 0.0])
    VMR_layer = np.tile(vmr, (nlayer, 1))
    VMR_layer[:, :4] *= rng.uniform(0.5, 1.5, size=(nlayer, 4))
    VMR_layer[:, 5] = 1.0 - VMR_layer[:, :5].sum(axis=1)
    ID = np.array([1, 2, 5, 6, 40, 39], dtype=np.int64)
    P_grid = np.geomspace(1.0e1, 1.0e7, npress)
    T_grid = np.array([700.0, 1100.0, 1500.0, 1900.0])
    k_gas_w_g_p_t = np.sort(10.0 ** rng.uniform(-3.0, 1.0,
                            size=(4, nwave, ng, npress, ntemp)), axis=2)
    del_g = np.array([0.1739274225687269, 0.3260725774312731,
                      0.3260725774312731, 0.1739274225687269])
    ScalingFactor = np.full(nlayer, 1.0 / np.cos(0.3))
    solspec = np.linspace(2.0e-3, 8.0e-4, nwave)
    cia_nu_grid = np.linspace(1000.0, 10000.0, 12)
    cia_T_grid = np.array([400.0, 800.0, 1200.0, 1600.0, 2000.0])
    k_cia = 10.0 ** rng.uniform(-4.0, -2.0, size=(9, 5, 12))
    return (wave_grid, U_layer, P_layer, T_layer, VMR_layer, k_gas_w_g_p_t,
            P_grid, T_grid, del_g, ScalingFactor, 7.0e7, solspec,
            k_cia, ID, cia_nu_grid, cia_T_grid, DEL_S)
