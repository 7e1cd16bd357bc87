# Source: dBarthaux/PARCELY PARCELY_FUNCS.py (at commit 044e3891)
# Licence: MIT (PARCELY, LICENSE; Copyright (c) 2023 dBarthaux)
# Notes: PARCELY, a Lagrangian cloud parcel model of droplet activation with co-condensation of semi-volatile organics (atmospheric science): module constants, terminal velocity and periodic vertical boundaries, water surface tension, latent heats and saturation vapour pressure selected by a string phase ('liquid'/'ice', with float default arguments and a variable assigned only in the if-branches), diffusivity and conductivity with kinetic corrections returning a tuple, drop surface tension by four string-selected methods with several return points (DropSurfTension, string default method='OrgFilm'), kappa-Koehler surface saturation (np.all of a comparison, a string compared inside an or), a Cash-Karp Runge-Kutta step of droplet water mass with tuple-unpacking assignment into two columns and an adaptive step size, environmental saturation/pressure/temperature/updraft evolution, organic co-condensation (Clausius-Clapeyron saturation concentrations, mole fractions, Kelvin factors, np.where, np.ascontiguousarray and np.dot for the kappa mixing rule) and the jitted Simulator: a while loop over time with an inner retry loop (while Good == False), `CoCond is True` tests on a boolean argument, reassignment of array arguments, np.median, print() of the output times, `x in array`, and boolean-mask rows written into tracking arrays. Pasted: the imports numpy and numba and every @nb.njit function of the file with the module constants and section comments, as published; left out are the plain-Python set-up and analysis functions (SolPopInitialize, MassFracCalc, WrapMassFrac, KappaRandomizer, CritParamFinder, RadiusDistributor, SoluteAllocator, the activation detectors, PopInitialize, DiffusivityOA, OrganicsArray, KappaSigmoidFit, MolecularCorridor, DataSaver) and the imports only they use (pandas, scipy.optimize, scipy.signal, sklearn, warnings). The harness builds 24 ammonium-sulfate particles with two condensed organics as SolPopInitialize/OrganicsArray lay them out, initialises droplets as PopInitialize does (positions given instead of drawn), runs Simulator for 0.4 s with co-condensation, an evolving environment and hydrometeor loading, and 0.3 s without co-condensation with a constant surface tension, then calls the helpers directly (the MixRule and WaterTemp surface tensions, the ice branch of SVP, KapKrit/KapAmbient, VaporMoleFraction)
import numpy as np
import numba as nb


# =============================================================================
# Global Variables
# =============================================================================

g       = 9.81          # Gravitational acceleration, m/s^2
rhoL    = 997.0         # Density of liquid water, kg/m^3
Ma      = 28.97e-3      # Molar mass of dry air, kg/mol
Mw      = 18.01528e-3   # Molar Mass of water, kg/mol
R       = 8.3145        # Universal molar gas constant, J/K/mol
cp      = 1005.0        # Specific heat capacity (constant pressure), J/kg/K
Rv      = 467           # Gas constant for water vapour, J/kg/K
Rd      = 287.0         # Gas constant of dry air, J/kg/K
eta     = Rd/Rv
kB      = 1.380649e-23  # Boltzmann constant, J/K
NA      = 6.02214076e23 # Avogadro's number
Rd_alt  = 8.20573e-5    # Ideal gas constant, m3 atm/K/mol
cpl     = 4220          # Isobaric heat capacity of liquid water, J/K
cpi     = 2097          # Isobaric heat capacity of ice, J/K


# =============================================================================
# Dynamics
# =============================================================================

@nb.njit
def TerminalVel(Rad, Temperature, Pressure, AmbSat):
    """Function to determine the terminal velocity of a droplet as a function
    of its radius, using the analytic expression from force balance and an
    empirically derived drag coefficient function of radius.
    
    Rad         : m (Droplet radius)
    Temperature : K (Ambient temperature)
    Pressure    : Pa (Ambient pressure)
    AmbSat      : % (Saturation ratio)
    Output      : Array, m/s"""

    # Get dry air density
    rhoa = AirDensity(Temperature, Pressure, AmbSat)
    # Drag coefficient
    Cd = DragCoefficient(Rad)
    # Terminal velocity
    VelTerm = np.sqrt(8*Rad*g*(rhoL-rhoa)/(3*Cd*rhoa))
    
    return VelTerm


@nb.njit
def BoundaryConds3D(Drops, ZLIM): 
    """Function applying the periodic boundary conditions to the domain.
    
    Drops   : Droplet array
    ZLIM    : m (Array of the z-direction bounds)
    Output  : Droplet array."""
    
    # Copy the data so as not to overwrite
    DropTemp = Drops.copy()
    
    # Mask for if the position is larger/smaller than the bounds
    HitTopZBoundary = DropTemp[:,1] > ZLIM[1]
    HitBottomZBoundary = DropTemp[:,1] < ZLIM[0]
    
    # Shifting the positions to the opposite boundary
    DropTemp[HitTopZBoundary, 1] = ZLIM[0]
    DropTemp[HitBottomZBoundary, 1] = ZLIM[1]

    return DropTemp


# =============================================================================
# Physics
# =============================================================================

@nb.njit
def WaterSurfaceTension(Temperature, CritTemp=647.15):
    """Calculate the surface tension of water using the equation from Kalova
    and Mares (2018).
    
    Temperature : K (Ambient temperature of air)
    CritTemp    : K (Critical temperature of water)
    Output      : J/m2 (Surface tension)"""
    
    # Dimensionless variable
    tau = 1 - Temperature/CritTemp
    
    # Surface tension, J/m2
    sigma = 241.322*(tau**1.26)*(1- 0.0589*(tau**0.5) - 0.56917*tau)*1e-3
    
    return sigma
    

@nb.njit
def LatentHeatEvap(Temperature, T0=273.16, cpv=2040, L0=2.501e6):
    """Latent heat of condensation from Ambaum (2020).
    
    Temperature : K (Ambient temperature)
    T0          : K (Temperature at triple point)
    cpv         : J/kg/K (Isobaric mass heat capacity of vapor)
    L0          : J/kg (Latent heat of vaporization at triple point)
    Output      : J/kg (Latent heat of vaporization)."""
    
    # Latent heat of vaporization, J/kg
    L = L0 - (cpl-cpv)*(Temperature- T0)
    
    return L


@nb.njit
def LatentHeatSub(Temperature, T0=273.16, cpv=1885, L0=2.260e6):
    """Latent heat of sublimation from Ambaum (2020).
    
    Temperature : K (Ambient temperature)
    T0          : K (Temperature at triple point)
    cpv         : J/kg/K (Isobaric mass heat capacity of vapor)
    L0          : J/kg (Latent heat of sublimation at triple point)
    Output      : J/kg (Latent heat of sublimation)."""
    
    # Latent heat of sublimation, J/kg
    L = L0 - (cpi-cpv)*(Temperature- T0)
    
    return L


@nb.njit
def SVP(Temperature, Phase, es0=611.655, T0=273.16, cpvl=2040, cpvi=1885,
        L0l = 2.501e6, L0i = 2.260e6):
    """Calculate the saturation vapour pressure for a given temperature and
    phase of water (ice or liquid). Taken from Ambaum (2020).
    
    Temperature : K (Ambient temperature)
    Phase       : String ('ice' or 'liquid')
    es0         : Pa (Saturation vapor pressure at triple point [TRPLP])
    T0          : K (Temperature at TRPLP)
    cpvl        : J/kg/K (Isobaric mass heat capacity of vapor [liquid SVP])
    cpvi        : J/kg/K (Isobaric mass heat capacity of vapor [ice SVP])
    L0l         : J/kg (Latent heat of vaporization at TRPLP)
    L0i         : J/kg (Latent heat of sublimation at TRPLP)
    Output      : Pa (Saturation vapor pressure)."""
    
    if Phase == 'liquid':
        
        # Latent heat of vaporization, J/kg
        L = LatentHeatEvap(Temperature, T0, cpvl, L0l)
        
        Part1 = es0*(T0/Temperature)**((cpl-cpvl)/Rv)
        Part2 = np.exp(L0l/(Rv*T0) - L/(Rv*Temperature))
        
        es = Part1*Part2
        
    if Phase == 'ice':
        
        # Latent heat of vaporization, J/kg
        L = LatentHeatSub(Temperature, T0, cpvi, L0i)
        
        Part1 = es0*(T0/Temperature)**((cpi-cpvi)/Rv)
        Part2 = np.exp(L0i/(Rv*T0) - L/(Rv*Temperature))
        
        es = Part1*Part2
        
    return es


@nb.njit
def Diffusivity(Temperature, Pressure, P0 = 101325, T0=273.15):
    """Calculate the coefficient of diffusivity given temperature T.
    Equation from Seinfeld and Pandis Chapter 17, equivalently also from
    Pruppacher and Klett (1997).
    
    Temperature : K (Ambient temperature)
    Pressure    : Pa (Ambient pressure)
    Output      : m^2/s (Diffusivity)."""
    
    # Diffusivity, m^2/s
    D = 1e-4*0.211*((Temperature/T0)**1.94)*(P0/Pressure)
    
    return D


@nb.njit
def ThermConduct(Temperature):
    """Calculate the thermal conductivity of air at a given temperature.
    Equation from Pruppacher and Klett or Seinfeld and Pandis.
    
    Temperature : K (Ambient temperature)
    Output      : J/m/s/K."""
    
    # Converts Kelvin to Celsius, J/m/s/K
    K = 4.1868e-3*(5.69 + 0.017*(Temperature - 273.15))
    
    return K


@nb.njit
def DragCoefficient(Radius):
    """Calculate the drag coefficient for a droplet with radius Rad using
    a fitted power-law function to data from Shafrir and Gal-Chen 1971.
    
    Radius : m
    Output : unitless."""
    
    # Coefficient with 95% confidence bounds
    a = 9.86e-10    #(7.956e-10, 1.176e-09)
    b = -2.375      #(-2.394, -2.357)
    c = 1.014       #(0.9607, 1.068)
    
    # Drag coefficient
    Cd = a*(Radius**b) + c
    
    return Cd


@nb.njit
def KineticEffects(Radius, Temperature, Pressure, AmbSat, ac, at):
    """Calculate thermal conductivity and diffusivity adjusted for kinetic
    effects using equations from Seinfeld and Pandis (2006).
    
    Radius      : m (Droplet radius)
    Temperature : K (Ambient temperature)
    Pressure    : Pa (Ambient pressure)
    AmbSat      : % (Saturation ratio)
    ac, at      : (coefficients used in the kinetic adjustments)
    Outputs     : (1) J/m/K/s (Conductivity), (2) m^2/s (Diffusivity)."""
     
    # Conductivity, diffusivity (J/m/s/K, m^2/s)
    K = ThermConduct(Temperature)
    D = Diffusivity(Temperature, Pressure)

    # Density of dry air, kg/m3
    rhoa = AirDensity(Temperature, Pressure, AmbSat)
    
    # Vapor and thermal jump lengths (m)
    Vv = 1.3*(8e-8)
    VT = 2.16e-7
        
    # Adjusted values of conductivity and diffusivity
    Kn = K/(Radius/(Radius+VT) + \
            (K/(at*Radius*rhoa*cp))*np.sqrt(2.0*np.pi/(Rd*Temperature)))
    
    Dn = D/(Radius/(Radius+Vv) + \
            (D/(ac*Radius))*np.sqrt(2.0*np.pi/(Rv*Temperature)))
    
    return Kn, Dn


@nb.njit
def AirDensity(Temperature, Pressure, AmbSat):
    """Function to calculate the density of air as a function of pressure and
    temperature, taking into account the partial pressure of water vapour using
    the environmental saturation.
    
    Temperature : K (Ambient temperature)
    Pressure    : Pa (Ambient pressure)
    AmbSat      : %, (Saturation ratio)
    Output      : kg/m^3 (Dry air density)."""
    
    # Saturation vapour pressure, Pa
    es = SVP(Temperature, 'liquid')
    # Given water vapour partial pressure, Pa
    e = es*AmbSat
    # Dry air density
    rhoa = (Pressure-e)/(Rd*Temperature)
    
    return rhoa


@nb.njit(cache=True)
def DropSurfTension(WetData, DryData, OAParameters, 
                    Temperature, method='OrgFilm', sft=0.072):
    """Function to calculate the effective surface tension of a droplet. Four
    modes are listen below in the 'method' parameter to calculate surface
    tension to varying complexity.
    
    WetData       : Droplet array
    DryData       : Solute array
    OAParameters  : SVO parameter array
    Temperature   : K (Ambient temperature)
    method        : string : ('WaterTemp', 'Constant', 'MixRule', 'OrgFilm')
    sft           : float, used for Constant surface tension method
    Output        : J/m^2 (Surface tension)"""
    
    # Surface tension of water as a function of temperature
    if method == 'WaterTemp':
        # J/m2
        AltSigma = np.ones_like(WetData[:,0])*WaterSurfaceTension(Temperature)
        
        return AltSigma
    
    # Constant surface tension, user defined
    if method == 'Constant':
        # J/m2
        AltSigma = sft*np.ones_like(WetData[:,0])
        
        return AltSigma
    
    # Volumes from mass and density
    Vos = DryData[:,6:]/OAParameters[:,1] # Organics
    Vw  = WetData[:,3]/rhoL               # Water
    Vd  = DryData[:,2]/DryData[:,4]       # Solutes
    
    # Surface tension of water, J/m2
    SigWater = WaterSurfaceTension(Temperature)
    
    # Volume-weighted mixing rule
    if method == 'MixRule':
        # Check if any organics even exist in droplets
        if np.all(DryData[:,6:]) != 0:
            
            # Calculating for every droplet
            if DryData[:,6:].ndim > 1:
                # Total volume, m^3
                Vtot = Vw + Vos.sum(axis=1) + Vd
                # Volume-weighted surface tension contributions
                VSigW  = SigWater*Vw/Vtot
                VSigD  = SigWater*Vd/Vtot
                VSigOA = np.zeros_like(DryData[:,6:])
                # Get contribution for each OA
                for i in range(DryData[:,6:].shape[1]):
                    VSigOA[:,i] = OAParameters[i,6]*Vos[:,i]/Vtot
                        
                # Mixture surface tension, J/m2
                SigMix = VSigW + VSigOA.sum(axis=1) + VSigD
                
            # Calculating only for one droplet
            if DryData[:,6:].ndim == 1:
                # Total volume
                Vtot = Vw + Vos.sum() + Vd
                # Volume-weighted surface tension contributions
                VSigW = SigWater*Vw/Vtot
                VSigD  = SigWater*Vd/Vtot
                VSigOA = np.zeros((Vw.size, DryData[:,6:].size))
                # Get contribution for each OA
                for i in range(DryData[:,6:].size):
                    VSigOA[:,i] = OAParameters[i,6]*Vos[i]/Vtot
        
                # Mixture surface tension
                SigMix = VSigW + VSigOA.sum(axis=1) + VSigD
        
        else:
            SigMix = np.ones(Vw.size)*SigWater
        
        return SigMix
    
    # Organic-film method
    if method == 'OrgFilm':
        
        # Characteristic monolayer thickness taken from AIOMFAC
        delz = 0.2e-9
        # Volume of the monolayer, m^3
        Vmono = (4/3)*np.pi*(WetData[:,4]**3 - (WetData[:,4] - delz)**3)
        
        # Determine if there's enough organics to cover the particle
        # If not enough, define the surface coverage fraction, else = 1
        SurfCov = np.where(Vos.sum(axis=1) <= Vmono, Vos.sum(axis=1)/Vmono, 1)
        
        # Get volume weighted-mean surface tension
        VSigOA = np.zeros_like(SurfCov)
        for i in range(Vos.shape[0]):
            VSigOA[i] = np.sum(Vos[i,:]*OAParameters[:,6]/Vos[i,:].sum())
        
        # Effective surface tension, J/m2
        EffSigma = VSigOA*SurfCov + (1-SurfCov)*SigWater
        
        return EffSigma
    

@nb.njit
def KappaKoehler(WetData, SolData, OAParameters, Temperature, SurfMode, sft):
    """Function to calculate the saturation ratio of water vapor at the 
    surface of a droplet using Kappa-Koehler theory by 
    Petters and Kreidenweis (2007).
    
    WetData      : Droplet data array
    SolData      : Solute data array
    OAParameters : Organic aerosol parameter array
    Temperature  : K, (Ambient temperature)
    SurfMode     : string, method of calculating surface tension
    sft          : if method is 'Constant', value for surface tension
    Output       : Unitless, J/m^2."""
    
    # Kelvin factor, unitless
    Factor = (WetData[:,4]**3 - SolData[:,1]**3)/(WetData[:,4]**3 - \
                (SolData[:,1]**3)*(1.0- SolData[:,5]))
    
    # Check to see if there's any organics
    Check = np.all(SolData[:,6:] == 0)
    # If there are organics or a constant surface tension is requested
    if (SolData.shape[1] > 6 and Check == False) or SurfMode=='Constant':
        # Calculate surface tension of the droplet, J/m2
        Sigsw = DropSurfTension(WetData, SolData, OAParameters, 
                                Temperature, SurfMode, sft)
            
        # Droplet surface saturation ratio
        DropSat = Factor*np.exp((2.0*Sigsw*Mw)/\
                                (Temperature*R*WetData[:,4]*rhoL))
    
    else:
        # Calculate surface tension of the droplet, J/m2
        Sigsw = np.ones_like(Factor)*WaterSurfaceTension(Temperature)
        # Droplet surface saturation ratio
        DropSat = Factor*np.exp((2.0*Sigsw*Mw)/\
                                (Temperature*R*WetData[:,4]*rhoL))
    
    return DropSat, Sigsw


@nb.njit
def KapKrit(Radius, DryRadius, A, Kappa):
    """Wrapper function to find the critical radius and supersaturation of
    a droplet, using in CritParamFinder. Returns a negative supersaturation
    in order to use the fmin function.
    
    Radius      : m (Wet radius)
    DryRadius   : m (Solute radius)
    A           : (Collection of parameters in the surface tension term)
    Kappa       : unitless (Hygroscopicity)
    Output      : -% (Negative supersaturation)"""
    
    # Rename variables
    r = Radius
    rd = DryRadius
    k = Kappa
    
    # Supersaturation
    Ko = (((r**3 - rd**3)/(r**3 - rd**3*(1-k))*np.exp(A/r)) -1)*100
    
    # Return negative value
    return -Ko


@nb.njit
def KapAmbient(Radius, DryRadius, A, Kappa, AmbSat):
    """Wrapper function to find the equilibrium radius of a droplet at a 
    given saturation, used in CritParamFinder. 
    
    Radius      : m (Wet radius)
    DryRadius   : m (Solute radius)
    A           : (Collection of parameters in the surface tension term)
    Kappa       : unitless (Hygroscopicity)
    AmbSat      : % (Ambient saturation ratio)
    Output      : (Inverted supersaturation)"""
    
    # Rename variables
    r = Radius
    rd = DryRadius
    k = Kappa
    S = AmbSat
    
    # Droplet surface saturation ratio minus the ambient saturation ratio
    Ko = ((r**3 - rd**3)/(r**3 - rd**3*(1-k))*np.exp(A/r)) - S
    
    return Ko


@nb.njit
def GrowthRate(WetData, AmbSat, Temperature, Pressure, ac, at):
    """Function that calculates the new droplet radius and the mass growth 
    rate of a droplet(s).
    
    WetData     : Water data array
    AmbSat      : % (Saturation ratio)
    Temperature : K (Ambient temperature)
    Pressure    : Pa (Ambient pressure)
    Output      : kg/s (Growth rates)"""

    # Saturation vapor pressure, Pa
    es = SVP(Temperature, 'liquid')
    # Conductivity (J/m/s/K) and Diffusivity (m^2/s)
    K, D = KineticEffects(WetData[:,4], Temperature, Pressure, AmbSat, ac, at)
    # Latent head of condensation, J/kg
    L = LatentHeatEvap(Temperature)
    
    # Growth parameters, mass-based
    Fk = (L/(Rv*Temperature)-1.0)*L/(K*Temperature)
    Fd = Rv*Temperature/(D*es)
    
    # Growth rate
    GRate = (AmbSat-WetData[:,5])*((4*np.pi)**(2/3))*\
            ((3/rhoL)**(1/3))*(WetData[:,3]**(1/3))/(Fd + Fk)
    
    return GRate


@nb.njit
def NewMass(WetData, DryData, AmbSat, Temperature, Pressure,
            OAParameters, ac, at, dt, mtol, SurfMode, sft):
    """Runge-Kutta Cash-Karp 4th order method to solve the growth equation from
    the GrowthRate function, returning a new array of water masses for each
    droplet.
    
    WetData         : Water data array
    DryData         : Solute data array
    AmbSat          : % (Saturation ratio)
    Temperature     : K (Ambient temperature)
    Pressure        : Pa (Ambient pressure)
    OAParameters    : Organics data array
    ac, at          : Kinetic coefficients
    dt              : s (time-step size)
    mtol            : kg (Error tolerance)
    SurfMode        : string (Surface tension method)
    sft             : if SurfMode is 'Constant', value for it in J/m^2
    Output          : kg (New mass)."""
    
    # Calculate k1
    k1 = WetData[:,6]
    
    # Adjust solution
    StepData = WetData.copy()
    
    StepData[:,3] = WetData[:,3] + k1*dt/5
    StepData[:,4] = ((3/(4*np.pi)*(StepData[:,3]/rhoL)) +\
                      DryData[:,1]**3)**(1/3) 
    StepData[:,5], StepData[:,7] = KappaKoehler(StepData, DryData, 
                                    OAParameters, Temperature, SurfMode, sft)
    
    # Calculate k2
    k2 = GrowthRate(StepData, AmbSat, Temperature, Pressure, ac, at)
    
    # Adjust solution
    StepData[:,3] = WetData[:,3] + dt*(k1*(3/40) + k2*(9/40))
    StepData[:,4] = ((3/(4*np.pi)*(StepData[:,3]/rhoL)) + \
                      DryData[:,1]**3)**(1/3)
    StepData[:,5], StepData[:,7] = KappaKoehler(StepData, DryData, 
                                    OAParameters, Temperature, SurfMode, sft)
    
    # Calculate k3
    k3 = GrowthRate(StepData, AmbSat, Temperature, Pressure, ac, at)
    
    # Adjust solution
    StepData[:,3] = WetData[:,3] + dt*(k1*(3/10) - k2*(9/10) + k3*(6/5))
    StepData[:,4] = ((3/(4*np.pi)*(StepData[:,3]/rhoL)) + \
                      DryData[:,1]**3)**(1/3)
    StepData[:,5], StepData[:,7] = KappaKoehler(StepData, DryData, 
                                    OAParameters, Temperature, SurfMode, sft)
    
    # Calculate k4
    k4 = GrowthRate(StepData, AmbSat, Temperature, Pressure, ac, at)
    
    # Adjust solution
    StepData[:,3] = WetData[:,3] - dt*(k1*(11/54) + k2*(5/2) - k3*(70/27)\
                    + k4*(35/27))
    StepData[:,4] = ((3/(4*np.pi)*(StepData[:,3]/rhoL)) + \
                      DryData[:,1]**3)**(1/3)
    StepData[:,5], StepData[:,7] = KappaKoehler(StepData, DryData, 
                                    OAParameters, Temperature, SurfMode, sft)
    
    # Calculate k5
    k5 = GrowthRate(StepData, AmbSat, Temperature, Pressure, ac, at)
    
    # Adjust solution
    StepData[:,3] = WetData[:,3] + dt*(k1*(1631/55296) + k2*(175/512) - \
                    k3*(575/13824) + k4*(44275/110592) + k5*(253/4096))
    StepData[:,4] = ((3/(4*np.pi)*(StepData[:,3]/rhoL)) + \
                      DryData[:,1]**3)**(1/3)
    StepData[:,5], StepData[:,7] = KappaKoehler(StepData, DryData, 
                                    OAParameters, Temperature, SurfMode, sft)
    
    # Calculate k6
    k6 = GrowthRate(StepData, AmbSat, Temperature, Pressure, ac, at)
    # Mass 4th order accurate
    MassE4 = WetData[:,3] + dt*(((37/378)*k1) + ((250/621)*k3) + \
                                ((125/594)*k4) + ((512/1771)*k6))
    # Mass 5th order accurate
    MassE5 = WetData[:,3] + dt*(((2825/27648)*k1) + ((18575/48384)*k3) + \
            ((13525/55296)*k4)+((277/14336)*k5)+((1/4)*k6))
    
    # Take the largest error from the population of particles
    Error = np.max(np.abs(MassE4-MassE5))
    # Calculate new time-step size, s
    if Error != 0:
        Newdt = 0.8*dt*(mtol/Error)**(0.2)
    else:
        Newdt = 2*dt
    
    return MassE4, Newdt, Error


@nb.njit
def EnvSatTime(Temperature, Pressure, AmbSat, Updraft, GrowthRates, dt, Cubes):
    """Equation for the change in environmental saturation ratio, dependent on
    temperature, pressure, updraft velocity, the sum of the droplet growth 
    rates, the current saturation ratio and the time-step size.
    
    Temperature : K (Ambient temperature)
    Pressure    : Pa (Ambient pressure)
    AmbSat      : % (Saturation ratio)
    Updraft     : m/s (Updraft velocity)
    GrowthRates : kg/s (Droplet growth rates)
    dt          : s (Time-step size)
    Cubes       : unitless (number of cubic centimeters)
    Output      : % (New saturation ratio)."""
     
    # Saturation vapour pressure, Pa
    es = SVP(Temperature, 'liquid')
    # Latent heat, J/kg
    L = LatentHeatEvap(Temperature)
    # Density of dry air, kg/m3
    rhoa = AirDensity(Temperature, Pressure, AmbSat)
    
    # Parameters
    # For adiabatic cooling
    Q1 = (1/Temperature)*((L*g)/(Rv*Temperature*cp)) - g/(Rd*Temperature)
    # For condensation onto droplets
    Q2 = Pressure/(eta*es) + (1/Temperature)*(L**2/(Rv*Temperature*cp))

    # New saturation ratio
    Snew = AmbSat + dt*(Q1*Updraft - \
                    (Q2*GrowthRates.sum())/(rhoa*Cubes*(1e-2)**3))
    
    return Snew


@nb.njit
def VirtualTemp(Temperature, Pressure, AmbSat):
    """Calculate the virtual temperature.
    
    Temperature : K (Ambient temperature)
    Pressure    : Pa (Ambient pressure)
    AmbSat      : % (Saturation ratio)
    Output      : K (Virtual temperature."""
    
    # Saturation vapor pressure, Pa
    es = SVP(Temperature, 'liquid')
    # Vapor pressure using saturation ratio, Pa
    e = es*AmbSat
    # Mixing ratio
    w = eta*e/Pressure
    # Virtual temperature, K
    Tv = Temperature*((1 + w/eta)/(1+w))
    
    return Tv


@nb.njit
def PressEvolution(Temperature, Pressure, AmbSat, Updraft, dt):
    """Function to calculate the new pressure with time using the 
    hypsometric equation.
    
    Temperature : K (Ambient temperature)
    Pressure    : Pa (Ambient pressure)
    AmbSat      : % (Saturation ratio)
    Updraft     : m/s (Updraft velocity)
    dt          : s (TIme-step size)
    Output      : Pa (New ambient pressure)."""
    
    # Virtual temperature, K
    Tv = VirtualTemp(Temperature, Pressure, AmbSat)
    # New pressure, Pa
    Pnew = Pressure*np.exp(-g*Updraft*dt/(Rd*Tv))
    
    return Pnew


@nb.njit
def TempEvolution(Temperature, Pressure, AmbSat, Updraft,
                  GrowthRates, dt, Cubes):
    """Function to calculate the new temperature with time.
    
    Temperature : K (Ambient temperature)
    Pressure    : Pa (Ambient pressure)
    AmbSat      : % (Saturation ratio)
    Updraft     : m/s (Updraft velocity)
    dt          : s (Time-step size)
    Cubes       : unitless (Number of cubic centimeters)
    Output      : K (New ambient temperature)."""
    
    # Latent heat of condensation, J/kg
    L = LatentHeatEvap(Temperature)
    # Dry air density, kg/m3
    rhoa = AirDensity(Temperature, Pressure, AmbSat)
    # New environmental temperature, K
    Tnew = Temperature - \
        (g*Updraft/cp - (L/(cp*rhoa))*GrowthRates.sum()/(Cubes*(1e-2)**3))*dt
    
    return Tnew


@nb.njit
def UpdraftUpdate(U0, T0, dt, Tp, mua, DropPop, InitZ, Pressure,
                  AmbSat, Cubes):
    """Function that takes into account hydrometeor loading by condensation of
    liquid water only on the updraft velocity.
    
    U0          : m/s, initial updraft velocity
    T0          : K, initial air temperature
    Tp          : K, parcel temperature
    mua         : kg/kg, condensate mixing ratio
    DropPop     : Droplet array
    InitZ       : m, initial parcel height
    Pressure    : Pa
    AmbSat      : %, saturation ratio
    Output      : m/s."""
    
    # Ambient temperature, K
    Ta = T0 - (g/cp)*(DropPop[:,1].mean() - InitZ)
    # Condensate mixing ratio, kg/kg
    mup = DropPop[:,3].sum()/((Cubes*(1e-2)**3)*AirDensity(Ta, 
                                                           Pressure, AmbSat))
    
    # Buoyancy
    B = (Tp/Ta)*(1 + mua) - (1 + mup)
    
    Unew = U0 + dt*g*B
    
    return Unew


# =============================================================================
# Co-condensation of Organics
# =============================================================================

@nb.njit(cache=True)
def OASatPressure2(Temperature, MolarMass, C0):
    """Calculate the saturation pressure of an OA component using a known
    C0 value from Cappa and Jimenez (2010). This assumes that C0 is a fixed 
    constant.
    
    Temperature : K (Ambient temperature)
    MolarMass   : kg/mol (Molar mass)
    C0          : ug/m3 (Saturation concentraion)
    Output      : Pa (Saturation vapor pressure)"""

    # Saturation vapor pressure
    pSat = (R*Temperature*C0)/(MolarMass*1e9)
    
    return pSat


@nb.njit(cache=True)
def VaporMoleFraction(OAVapor, OAParameters, Temperature, 
                      Pressure, AmbSat, Cubes):
    """Function to calculate the mole fraction of the organic aerosol in the
    domain.
    
    OAVapor             : Pa (SVO vapor pressures)
    OAParameters        : SVO parameter array
    Temperature         : K (Ambient temperature)
    Pressure            : Pa (Ambient pressure)
    AmbSat              : % (Saturation ratio)
    Cubes               : Unitless (Number of cubic centimeters)
    Output              : unitless (Mole fraction)."""
    
    # Rename variables for ease
    T = Temperature
    S = AmbSat
    P = Pressure
    
    p = np.zeros_like(OAVapor)
    nOA = np.zeros_like(OAVapor)
    
    # Convert vapor concentration (ug/m3) to partial pressure (Pa)
    for c in range(OAVapor.shape[0]):
        p[c,:] = OAVapor[c,:]*(R*T)/(OAParameters[c,0]*1e9)
        nOA[c,:] = (p[c,:]*Cubes*(1e-2)**3)/(R*T)
    
    # Saturation vapour pressure, Pa
    es = SVP(T, 'liquid')
    # Vapour pressure, Pa
    e = es*S
    # Dry air pressure, Pa
    Pdry = P - e - np.sum(p, axis=0)
    
    # Molar amounts
    nAir = Pdry*((Cubes*1e-2)**3)/(R*T)
    nWat = e*((Cubes*1e-2)**3)/(R*T)
    
    # Mole fraction
    x = np.zeros_like(OAVapor)
    for c in range(OAVapor.shape[0]):
        x[c,:] = nOA[c,:]/(nAir+nWat+np.sum(nOA, axis=0))
    
    return x


@nb.njit(cache=True)
def DropMoleFrac(MassWet, MassDry, MassOA, MolarMassDry, MolarMassOA):
    """Function to calculate the mole fraction of OA in a droplet.
    
    MassWet         : kg (Condensed water mass)
    MassDry         : kg (Inorganic mass)
    MassOA          : kg (Organic mass)
    MolarMassDry    : kg/mol (Inorganic molar mass)
    MolarMassOA     : kg/mol (Organic molar mass)
    Output          : unitless (Mole fraction)"""
    
    # Get moles
    nW = MassWet/Mw
    nD = MassDry/MolarMassDry
    
    # OA moles array
    nOs = np.zeros((MassWet.shape[0], MolarMassOA.shape[0]))
    for i in range(MolarMassOA.shape[0]):
        nOs[:,i] = MassOA[:,i]/MolarMassOA[i]
    
    # Total moles
    nTot = nW + nD + nOs.sum(axis=1)
    
    # Mole fraction array
    xs = np.zeros_like(nOs)
    # OA mole fraction
    for i in range(MolarMassOA.shape[0]):
        xs[:,i] = nOs[:,i]/nTot
    
    return xs


@nb.njit(cache=True)
def SatCondTempFunc(Temperature, Concentration, Tref):
    """Function to calculate the new saturation concentration as a function
    of temperature, based off of a Clausius-Clapeyron relation from Cappa
    and Jimenez (2010).
    
    Temperature     : K (Ambient temperature)
    Concentration   : ug/m3 (Organic saturation concentration)
    Tref            : K (Reference temperature)
    Output          : ug/m3 (New saturation concentration)."""
    
    # Delh_vap, enthalpy of vaporization term parameterization, in J/mol
    # from the same paper/Epstein et al (2009)
    DelH = (131 - 11*np.log10(Concentration))*1e3
    
    # New saturation concentration, ug/m3
    NewC = Concentration*(Tref/Temperature)*\
            np.exp(-(DelH/R)*(1/Temperature - 1/Tref))
    
    return NewC


@nb.njit(cache=True)
def Cocondense(Temperature, Tref, OAParameters, DropArray, 
                SoluteArray, SoluteDry, dt, Cubes):
    
    """Function to calculate the condensation equation for each organic species
    in the simulation.
    
    Temperature     : K (Ambient temperature)
    Tref            : K (Reference temperature, initial tmperature of 
                      simulation)
    OAParameters    : Organics parameter array
    DropArray       : Water data array
    SoluteArray     : Solute data array
    SoluteDry       : Dry solute array
    dt              : s (Time-step size)
    Cubes           : Unitless (Number of cubic centimeters)
    Output          : (1) Concentrations array (ug/m3), 
                      (2) Growth Rates array (kg/s),
                      (3) Organics data array."""
    
    # Rename variable for ease
    T = Temperature

    # Concentration, from ug/m3 to molecules/cm^3
    C = ((OAParameters[:,4]*1.0e-9)/OAParameters[:,0])*1.0e-6*NA
    # Saturation concentration, ug/m3
    CSat = SatCondTempFunc(T, OAParameters[:,3], Tref)
    # Convert C* to a pure component saturation vapour pressure [atm]
    P_sat = (CSat*Rd_alt*T)/(1.0e9*OAParameters[:,0])
    
    # Mole fractions, condensed
    x = DropMoleFrac(DropArray[:,3], SoluteDry[:,2], SoluteArray[:,6:], 
                      SoluteArray[:,3], OAParameters[:,0])
    
    # Kelvin effect factor
    KelFactor = np.zeros_like(x)
    # Equilibrium pressure at particle surface
    EquiPress = np.zeros_like(x)
    # Mean molar volume of each particle
    MolVol = np.zeros((x.shape[0], x.shape[1]+1))
    # Loop over organics
    for i in range(C.size):
        MolVol[:,i] = x[:,i]*OAParameters[i,0]
    # Include inorganic
    MolVol[:,-1] = (1-x.sum(axis=1))*SoluteDry[:,3]
    MolVol = MolVol.sum(axis=1)/SoluteArray[:,4]
    
    # Populate
    for i in range(C.size):
        # Kelvin effect
        KelFactor[:,i] = np.exp((2*DropArray[:,7]/(R*T*DropArray[:,4]))*MolVol)
        # Equilibrium pressure
        EquiPress[:,i] = x[:,i]*P_sat[i]*KelFactor[:,i]
    
    # Equilibrium concentration at particle surface in molecules/cm^3
    Csurf = EquiPress*(NA/(Rd_alt*1.0e6*T))
    
    # Condensation rates array, kg/s
    dmdt = np.zeros((DropArray[:,4].size, OAParameters.shape[0]))
    # Arrays to save means (necessary due to numba package)
    CSurfmeans = np.zeros_like(C)
    xmeans = np.zeros_like(C)
    
    for i in range(C.size):
        
        # Adjusted for mass accommodation effects, alpha=0.1 (Sahle et al 2013)           
        Dact = OAParameters[i,2]/(DropArray[:,4]/(DropArray[:,4] + \
                    (1.12e-7)/2) + (OAParameters[i,2]/(0.1*DropArray[:,4]))*\
                        np.sqrt(2.0*np.pi*OAParameters[i,0]/(R*T)))
        
        CSurfmeans[i] = np.mean(Csurf[:,i])
        xmeans[i] = np.mean(x[:,i])

        # Growth rate per droplet, in kg/s
        dmdt[:,i] = (4*np.pi*DropArray[:,4]*1e2*Dact*1e4*(C[i] - Csurf[:,i]))*\
                    OAParameters[i,0]/NA
    
    # Total growth rate for OA in kg/cm^3/s
    NewConc = np.where(OAParameters[:,4] - dt*(dmdt.sum(axis=0))*1.0e6*1.0e9 \
                       < OAParameters[:,7], 
                       OAParameters[:,4] - dt*(dmdt.sum(axis=0))*1.0e6*1.0e9, 
                       OAParameters[:,7])
    
    DatChem = np.zeros((4, C.size))
    DatChem[0,:] = C
    DatChem[1,:] = CSat
    DatChem[2,:] = CSurfmeans
    DatChem[3,:] = xmeans
    
    return NewConc, dmdt, DatChem


@nb.njit(cache=True)
def KappaChanger(MassSol, MassOa, RhoSol, RhoOA, KappaSol, KappaOA):
    """Function to calculate the new kappa of a droplet undergoing co-
    condensation, based off of Petters and Kreidenweis (2007) mixing-rule.
    
    MassSol     : kg (Inorganic mass)
    MassOA      : kg (Organic mass)
    RhoSol      : kg/m3 (Inorganic density)
    RhoOA       : kg/m3 (Organic density)
    KappaSol    : Unitless (Inorganic hygroscopicity)
    KappaOA     : Unitless (Organic hygroscopicity)
    Output      : Unitless (New hygroscopicity)"""
    
    # Volumes from mass and density, m^3
    Vd = MassSol/RhoSol
    Vos = MassOa/RhoOA
    
    # Total volume, m^3
    Vtot = Vd + Vos.sum(axis=1)
    # Volume fractions of solute and organics
    VfracD = Vd/Vtot
    Vfracos = np.zeros_like(MassOa)
    for i in range(MassOa.shape[1]):
        Vfracos[:,i] = Vos[:,i]/Vtot
    
    Vfracos = np.ascontiguousarray(Vfracos)
    KappaOA = np.ascontiguousarray(KappaOA)
    
    # New kappa mixing rule
    Mixture = np.dot(Vfracos, KappaOA)
    NewKappa = KappaSol*VfracD + Mixture
    
    return NewKappa


@nb.njit(cache=True)
def SoluteGrowth(Solutes, SolutesDry, OAGrowthRate, OAParameters, dt):
    """Function to calculate the change in dry radius and dry mass of each
    particle due to co-condensation of organic aerosols.
    
    Solutes      : Data array
    SolutesDry   : Data array, Inorganics
    OAGrowthRate : kg/s (Organic condensation growth rate)
    OAParameters : Data array
    dt           : s (Time-step size)
    Output       : (1) kg (mass), (2) kg/m3 (density), (3) m (radius), 
                    (4) kg (Organic mass) (5) unitless (hygroscopicity)."""
    
    # Initialize arrays
    CondMasses = np.zeros_like(OAGrowthRate)
    DensityFraction = np.zeros_like(OAGrowthRate)
    
    # Condensed mass of each OA so far, kg
    for i in range(OAGrowthRate.shape[1]):
        CondMasses[:,i] = Solutes[:,6+i] + OAGrowthRate[:,i]*dt
        # Prevent negative mass
        CondMasses[:,i] = np.where(CondMasses[:,i]>0, CondMasses[:,i], 
                                   Solutes[:,6+i])
        
    # New total solute mass, kg
    # Prevent total mass smaller than the original pure solute
    Md = np.where(SolutesDry[:,2] + CondMasses.sum(axis=1) < SolutesDry[:,2], 
                  SolutesDry[:,2], SolutesDry[:,2] + CondMasses.sum(axis=1))
    
    # Density fractions of each OA
    for i in range(OAGrowthRate.shape[1]):
        DensityFraction[:,i] = (CondMasses[:,i]/Md)*OAParameters[i,1]
    
    # New density, kg/m3
    Rhodry = (SolutesDry[:,2]/Md)*SolutesDry[:,4] + DensityFraction.sum(axis=1)
    
    # New radius, m
    rd = ((3/(4*np.pi))*(Md/Rhodry))**(1/3)
        
    # New kappa
    NewKappa = KappaChanger(SolutesDry[:,2], CondMasses, SolutesDry[:,4],
                            OAParameters[:,1], SolutesDry[:,5],
                            OAParameters[:,5])

    return Md, Rhodry, rd, CondMasses, NewKappa


# =============================================================================
# Simulation
# =============================================================================

@nb.njit(cache=True)
def Simulator(DropPop, DropTrack, Solutes, dt, EnvEvolve, T, P, DomainZLims, 
             Updraft, Sdt, Pdt, Tdt, Zlims, Cubes, ac, at, S, SoluteFilter,
             OAParameters, SolTrack, ChemData, CoCond, RunTime, Instances, 
             Time, BreakTime, mtol, DTs, ErrTrack, SurfMode, sft, InitZ,
             Updt, Loading):
    
    # Save initial time as reference temperature and updraft velocity
    Tref = T
    U0 = Updraft
    
    # Initialize time tracking
    time = 0
    timeNew = 0
            
    while time <= RunTime:
        
        # Update time
        time = timeNew
        timeNew += dt
        
        # If there is a NaN value, break the simulation
        if np.sum(np.isnan(DropPop)) != 0:
            # Save the timestep at which it occurs
            BreakTime[0] = int((np.abs(time-Instances)).argmin())
            
            break
        
        # Get terminal velocities
        TerminalVels = TerminalVel(DropPop[:,4], T, P, S)
        # Update velocities and positions
        DropPop[:,2] = Updraft - TerminalVels
        # Update vertical boundaries
        DomainZLims = np.median(DropPop[:,2])*dt + DomainZLims
        # Apply boundary conditions
        DropPop = BoundaryConds3D(DropPop, DomainZLims)
        
        Good = False
        
        while Good == False:
        
            if CoCond is True:
                
                # Co-condensation of organics
                TempOA, OAGrowth, Chems = \
                        Cocondense(T, Tref, OAParameters, DropPop, 
                                    Solutes, SoluteFilter, dt, Cubes)
                # Changes to dry mass and size
                TempSol2, TempSol4, TempSol1, TempSol6, TempSol5 = \
                    SoluteGrowth(Solutes, SoluteFilter, OAGrowth, 
                                  OAParameters, dt)
            
            # New droplet mass
            TempMass, Ndt, StepError = NewMass(DropPop, Solutes, S, T, P, 
                                                OAParameters, ac, at, dt, mtol,
                                                SurfMode, sft)
            
            TempDrop = DropPop.copy()
            TempDrop[:,3] = TempMass
            
            # Update radii                 
            TempRads = ((3/(4*np.pi)*(TempMass/rhoL)) + Solutes[:,1]**3)**(1/3) 
            TempRads = np.where(TempRads<Solutes[:,1], Solutes[:,1], TempRads)
            TempDrop[:,4]  = TempRads
            
            # Droplet saturation
            TempSdrop, TempSigma = KappaKoehler(TempDrop, Solutes, 
                                                OAParameters, T, SurfMode, sft)
            TempDrop[:,5], TempDrop[:,7]  = TempSdrop, TempSigma
            
            # New diffusional growth rate
            TempGRates = GrowthRate(TempDrop, S, T, P, ac, at)
            TempDrop[:,6] = TempGRates
        
            if np.sum(np.isnan(TempDrop)) == 0:
                if CoCond is True:
                    OAParameters[:,4] = TempOA
                    Solutes[:,2], Solutes[:,4] = TempSol2, TempSol4
                    Solutes[:,1] =  TempSol1
                    Solutes[:,6:], Solutes[:,5] = TempSol6, TempSol5
                    
                DropPop = TempDrop
                    
                Good = True
                
            else:
                dt = 0.0001*dt
                
        if EnvEvolve is True:
            # Environment
            # Update pressure level
            P = PressEvolution(T, P, S, Updraft, dt)
            # Update temeprature
            T = TempEvolution(T, P, S, Updraft, DropPop[:,6], dt, Cubes)
            # Update saturation ratio grid field
            S = EnvSatTime(T, P, S, Updraft, DropPop[:,6], dt, Cubes)
            if Loading is True:
                # Update updraft velocity due to hydrometeor loading
                Updraft = UpdraftUpdate(U0, Tref, dt, T, 0, DropPop, InitZ,
                                        P, S, Cubes)
        
        # Update time-step size
        dt = Ndt
        
        # Data Tracking
        for i in range(Instances.size):
            if timeNew > Instances[i] and time < Instances[i]:
                
                print(timeNew)
                
                Time[i] = timeNew
                
                DTs[i]    = dt
                ErrTrack[i] = StepError
                
                Sdt[i]    = S
                Tdt[i]    = T
                Pdt[i]    = P
                Updt[i]   = Updraft
                Zlims[i,:] = DomainZLims
                            
                if CoCond is True:
                    ChemData[:,:,i] = Chems
                
                # Alloting data according to tracking number
                for Drop in range(DropTrack.shape[0]):
                    if DropTrack[Drop,0,i] in DropPop[:,0]:
                        DropTrack[Drop,1:,i] = \
                                        DropPop[:,1:][DropPop[:,0] == Drop]
                        
                        SolTrack[Drop,1:,i] = \
                                        Solutes[:,1:][Solutes[:,0] == Drop]
    
                                
    return   
# ---- harness (not part of the program) ----
ENTRY = "run_parcel"


def _pop_initialize(radius, solutes, z, temperature, pressure, ambsat, updraft,
                    ac, at, oa_parameters, surf_mode, sft):
    # as PARCELY_FUNCS.PopInitialize, with the positions given instead of drawn
    n = radius.size
    drop_pop = np.zeros((n, 8), dtype=np.float64)
    drop_pop[:, 0] = np.arange(0, n, 1, dtype=np.int32)
    drop_pop[:, 1] = z
    drop_pop[:, 2] = updraft
    drop_pop[:, 4] = radius
    drop_pop[:, 3] = (4 * np.pi / 3) * rhoL * (radius**3 - solutes[:, 1]**3)
    drop_pop[:, 3] = np.where(drop_pop[:, 3] > 0, drop_pop[:, 3], 0)
    sdrop, surf = KappaKoehler(drop_pop, solutes, oa_parameters, temperature, surf_mode, sft)
    drop_pop[:, 5], drop_pop[:, 7] = sdrop, surf
    drop_pop[:, 6] = GrowthRate(drop_pop, ambsat, temperature, pressure, ac, at)
    return drop_pop


def _simulate(case, cocond, env_evolve, loading, surf_mode, sft, run_time):
    (solutes, solute_filter, oa_parameters, radius, z, T, P, S, U, ac, at, cubes) = case
    solutes = solutes.copy()
    oa_parameters = oa_parameters.copy()
    n, n_inst = solutes.shape[0], 4
    drop_pop = _pop_initialize(radius, solutes, z, T, P, S, U, ac, at, oa_parameters,
                               surf_mode, sft)
    instances = np.linspace(run_time / n_inst, run_time, n_inst) - 1e-7
    drop_track = np.zeros((n, 8, n_inst))
    drop_track[:, 0, :] = drop_pop[:, 0][:, None]
    sol_track = np.zeros((n, solutes.shape[1], n_inst))
    sol_track[:, 0, :] = solutes[:, 0][:, None]
    chem = np.zeros((4, oa_parameters.shape[0], n_inst))
    sdt, pdt, tdt, updt = (np.zeros(n_inst) for _ in range(4))
    zlims = np.zeros((n_inst, 2))
    time_, dts, errs = np.zeros(n_inst), np.zeros(n_inst), np.zeros(n_inst)
    break_time = np.zeros(1)
    domain = np.array([0.0, 100.0])
    Simulator(drop_pop, drop_track, solutes, 1e-3, env_evolve, T, P, domain, U,
              sdt, pdt, tdt, zlims, cubes, ac, at, S, solute_filter, oa_parameters,
              sol_track, chem, cocond, run_time, instances, time_, break_time,
              1e-21, dts, errs, surf_mode, sft, 50.0, updt, loading)
    return (drop_track, sol_track, chem, sdt, pdt, tdt, updt, zlims, time_, dts,
            errs, break_time, solutes, oa_parameters)


def run_parcel(case):
    (solutes, solute_filter, oa_parameters, radius, z, T, P, S, U, ac, at, cubes) = case
    out = []
    out.append(_simulate(case, True, True, True, 'OrgFilm', 0.072, 0.4))
    out.append(_simulate(case, False, True, False, 'Constant', 0.06, 0.3))
    # the environment and microphysics helpers on their own
    wet = _pop_initialize(radius, solutes, z, T, P, S, U, ac, at, oa_parameters, 'MixRule', 0.072)
    out.append(wet)
    out.append(DropSurfTension(wet, solutes, oa_parameters, T))
    out.append(DropSurfTension(wet, solutes, oa_parameters, T, 'WaterTemp'))
    out.append(DropSurfTension(wet, solutes, oa_parameters, T, 'MixRule'))
    out.append(NewMass(wet, solutes, S, T, P, oa_parameters, ac, at, 1e-3, 1e-21, 'OrgFilm', 0.072))
    out.append((SVP(T, 'liquid'), SVP(263.0, 'ice'), LatentHeatSub(263.0),
                VirtualTemp(T, P, S), AirDensity(T, P, S)))
    out.append(TerminalVel(wet[:, 4], T, P, S))
    out.append(BoundaryConds3D(wet, np.array([40.0, 60.0])))
    A = 2 * WaterSurfaceTension(T) * Mw / (R * T * rhoL)
    out.append(np.array([KapKrit(3e-7, 5e-8, A, 0.6), KapAmbient(3e-7, 5e-8, A, 0.6, S)]))
    out.append(OASatPressure2(T, oa_parameters[:, 0], oa_parameters[:, 3]))
    vap = np.outer(oa_parameters[:, 4], np.ones(3))
    out.append(VaporMoleFraction(vap, oa_parameters, T, P, S, cubes))
    return tuple(out)


def inputs():
    rng = np.random.default_rng(0)
    n, n_oa = 24, 2
    # organic aerosol parameters, as OrganicsArray (DiffusivityOA's formula)
    molar = np.array([0.20, 0.25])
    oa = np.zeros((n_oa, 8))
    oa[:, 0] = molar
    oa[:, 1] = np.array([1400.0, 1300.0])
    oa[:, 2] = (1.9 * ((molar * 1e3)**(-2 / 3))) * 1e-4
    oa[:, 3] = np.array([1.0, 10.0])
    oa[:, 4] = np.array([2.0, 3.0])
    oa[:, 5] = np.array([0.10, 0.12])
    oa[:, 6] = np.array([0.040, 0.050])
    oa[:, 7] = oa[:, 4]
    # ammonium sulfate cores with condensed organics (solute array columns as SolPopInitialize)
    rd = np.sort(rng.lognormal(np.log(60e-9), 0.35, n))
    sol = np.zeros((n, 6 + n_oa))
    sol[:, 0] = np.arange(n)
    sol[:, 1] = rd
    sol[:, 3] = 0.13214
    sol[:, 4] = 1770.0
    sol[:, 5] = 0.61
    sol[:, 2] = (4 * np.pi / 3) * 1770.0 * rd**3
    filt = sol[:, :6].copy()
    filt[:, 2] = 0.7 * sol[:, 2]
    sol[:, 6] = 0.18 * sol[:, 2]
    sol[:, 7] = 0.12 * sol[:, 2]
    radius = 2.5 * rd
    z = rng.uniform(0.0, 100.0, n)
    case = (sol, filt, oa, radius, z, 285.0, 90000.0, 0.998, 0.8, 1.0, 0.96, 1.0)
    return (case,)
