# Source: gicait/PyAEZ pyaez/numba_core/CropWatCalc.py (at commit 247243de)
# Licence: MIT (PyAEZ, LICENSE: "MIT License, Copyright (c) 2022 GIC-AIT, Copyright (c) 2022 FAO-UN")
# Notes: the moisture-limited crop yield of FAO's Agro-Ecological Zones (GAEZ) methodology for one growing cycle of one grid cell (agriculture / crop modelling): CropWatCalc.calculateMoistureLimitedYieldNumba (a @staticmethod over @nb.jit(nopython=True)) turns the stage percentages into cumulative day counts (np.cumsum(...)/100 then .astype(np.int_)), interpolates the rooting depth with slice assignments and np.arange, builds the crop water requirement with stage-wise interpolated kc, runs two daily soil-water buckets (per stage and whole season) with np.min(np.array([...])) and a one-line "if W<0: W=0", then applies the FAO-33 yield-response factors per stage (np.sum over slices of the daily arrays) and for the whole season and clips the yield factor to [0, 1]. Pasted: the whole module verbatim (docstring, numpy / numba imports, the class with its setters, the jitted static method and the plain calculateMoistureLimitedYield that calls it); the harness adds crop_water_yield, which does what PyAEZ's crop simulation does for one cell: CropWatCalc(cycle_begin, cycle_end), setClimateData(pet, precipitation), setCropParameters(...), calculateMoistureLimitedYield(); it passes a 120-day maize cycle starting on day 121 with daily reference ET (3.5-6.5 mm/day, float64) and intermittent rain (exponential storms with a 14 mm mean on 40 % of the days, a 12-day dry spell in the flowering stage), stage percentages [20, 30, 30, 20], kc [0.5, 1.2, 0.6], kc_all 1.0, yield-response factors [0.4, 0.4, 1.5, 0.5] and 1.25 (FAO-33 maize), a potential yield of 8000.0, rooting depths 0.3 and 1.2 m, Sa 100.0 mm/m and pc 0.5
"""
PyAEZ
Written by N. Lakmal Deshapriya and Thaileng Thol

Reference: http://oar.icrisat.org/198/1/316_2009_GTAE_55_Poten_obt_yield_in_SAT.pdf
"""

import numpy as np
import numba as nb

class CropWatCalc(object):

    def __init__(self, cycle_begin, cycle_end):
        self.cycle_begin = cycle_begin
        self.cycle_end = cycle_end
        self.cycle_len = cycle_end - cycle_begin + 1

    def setClimateData(self, pet, precipitation):
        self.peto = pet
        self.Prec = precipitation

    def setCropParameters(self, stage_per, kc, kc_all, yloss_f, yloss_f_all, est_yield, D1, D2, Sa, pc):
        self.d_per = np.array(stage_per) # Percentage for D1, D2, D3, D4 stages
        self.kc = np.array(kc) # 3 crop water requirements for initial, reproductive, the end of the maturation stages
        self.kc_all = kc_all # crop water requirements for entire growth cycle
        self.yloss_f = np.array(yloss_f)  # yield loss for D1, D2, D3, D4
        self.yloss_f_all = yloss_f_all  # yield loss for entire growth cycle
        self.y_potential = est_yield  # potential yield
        self.D1 = D1  # rooting depth (m)
        self.D2 = D2  # rooting depth (m)
        self.Sa = Sa  # available soil moisture holding capacity (mm/m) , usually assume as 100
        self.pc = pc  # soil water depletion fraction below which ETa < ETo (from literature)

    @staticmethod
    @nb.jit(nopython=True)
    def calculateMoistureLimitedYieldNumba(cycle_begin, cycle_end, cycle_len, peto, Prec, d_per, kc, kc_all, yloss_f, yloss_f_all, y_potential, D1, D2, Sa, pc):
        '''Convert Percentage of stage in the crop cycle to cumulative number of days'''

        d_days = (cycle_len * (np.cumsum(d_per)/100)).astype(np.int_)
        #d_days = np.round( cycle_len * (np.cumsum(d_per)/100) ).astype(np.int_)

        '''Interpolate Rotting Depth (D)'''
        D = np.zeros(peto.size)
        D[d_days[1]:] = D2
        D[:d_days[1]] = D1 + ((D2-D1)/(d_days[1])) * np.arange(d_days[1])

        '''Lets calculate crop specific PET for each stage'''

        petc_stage = np.zeros(peto.size)
        petc_all = np.zeros(peto.size)

        for ii in range(cycle_len):

            ## each growing stage
            if ii <= d_days[0]:
                petc_stage[ii] = kc[0] * peto[ii]
            elif ii <= d_days[1]:
                kc_temp = kc[0] + (ii-d_days[0]) * ( (kc[1]-kc[0])/(d_days[1]-d_days[0]) )
                petc_stage[ii] = kc_temp * peto[ii]
            elif ii <= d_days[2]:
                petc_stage[ii] = kc[1] * peto[ii]
            else:
                kc_temp = kc[1] + (ii-d_days[2]) * ( (kc[2]-kc[1])/(d_days[3]-d_days[2]) )
                petc_stage[ii] = kc_temp * peto[ii]

            ## entire gorwing season
            petc_all[ii] = kc_all * peto[ii]

        '''Lets calculate Actual ET for each stage'''

        peta_stage = np.zeros(peto.size)
        peta_all = np.zeros(peto.size)

        ## each growing stage
        W = Sa*D[0]
        for ii in range(cycle_len):

            if Prec[ii] >= petc_stage[ii]:
                peta_stage[ii] = petc_stage[ii]
            elif Prec[ii] + W >= Sa*D[ii]*(1-pc):
                peta_stage[ii] = petc_stage[ii]
            else:
                kk = (W+Prec[ii]) / (Sa*D[ii]*(1-pc))
                peta_stage[ii] = kk * petc_stage[ii]

            W = np.min(np.array([W+Prec[ii]-peta_stage[ii], Sa*D[ii]]))
            if W<0: W=0

        ## entire gorwing season
        W = Sa*D[0]
        for ii in range(cycle_len):

            if Prec[ii] >= petc_all[ii]:
                peta_all[ii] = petc_all[ii]
            elif Prec[ii] + W >= Sa*D[ii]*(1-pc):
                peta_all[ii] = petc_all[ii]
            else:
                kk = (W+Prec[ii]) / (Sa*D[ii]*(1-pc))
                peta_all[ii] = kk * petc_all[ii]

            W = np.min(np.array([W+Prec[ii]-peta_all[ii], Sa*D[ii]]))
            if W<0: W=0

        '''Assess Yield Loss in entire growth cycle'''

        peta_all_sum = np.sum( peta_all )
        petc_all_sum = np.sum( petc_all )

        f0 = 1 - yloss_f_all * ( 1 - (peta_all_sum/petc_all_sum) )

        '''Assess Yield Loss in individual growth stages separately'''

        peta_d1 = np.sum( peta_stage[0:d_days[0]] )
        peta_d2 = np.sum( peta_stage[d_days[0]:d_days[1]] )
        peta_d3 = np.sum( peta_stage[d_days[1]:d_days[2]] )
        peta_d4 = np.sum( peta_stage[d_days[2]:d_days[3]] )

        petc_d1 = np.sum( petc_stage[0:d_days[0]] )
        petc_d2 = np.sum( petc_stage[d_days[0]:d_days[1]] )
        petc_d3 = np.sum( petc_stage[d_days[1]:d_days[2]] )
        petc_d4 = np.sum( petc_stage[d_days[2]:d_days[3]] )

        f1_d1 = 1 - yloss_f[0] * ( 1 - (peta_d1/petc_d1) )
        f1_d2 = 1 - yloss_f[1] * ( 1 - (peta_d2/petc_d2) )
        f1_d3 = 1 - yloss_f[2] * ( 1 - (peta_d3/petc_d3) )
        f1_d4 = 1 - yloss_f[3] * ( 1 - (peta_d4/petc_d4) )

        f1 = np.min(np.array([f1_d1,f1_d2,f1_d3,f1_d4])) # some references use product, some use minimum. here we use minimum as in Thailand report

        '''Use more severe of above two conditions determines final yield'''

        f_final = np.min(np.array([f0,f1]))

        # to avoid, possible error
        if f_final < 0:
            f_final = 0
        if f_final > 1:
            f_final = 1

        y_water_limited = f_final * y_potential

        return y_water_limited

    def calculateMoistureLimitedYield(self):
        return CropWatCalc.calculateMoistureLimitedYieldNumba(self.cycle_begin, self.cycle_end, self.cycle_len, self.peto, self.Prec, self.d_per, self.kc, self.kc_all, self.yloss_f, self.yloss_f_all, self.y_potential, self.D1, self.D2, self.Sa, self.pc)
# ---- harness (not part of the program) ----
ENTRY = "crop_water_yield"


def crop_water_yield(cycle_begin, cycle_end, pet, prec, stage_per, kc, kc_all,
                     yloss_f, yloss_f_all, est_yield, D1, D2, Sa, pc):
    # what PyAEZ's crop simulation does for one grid cell and cycle start
    obj = CropWatCalc(cycle_begin, cycle_end)
    obj.setClimateData(pet, prec)
    obj.setCropParameters(stage_per, kc, kc_all, yloss_f, yloss_f_all,
                          est_yield, D1, D2, Sa, pc)
    return obj.calculateMoistureLimitedYield()


def inputs():
    # a 120-day maize cycle from day 121: daily ETo and rain (mm/day) with a
    # dry spell over days 60-71 (flowering)
    rng = np.random.default_rng(0)
    n = 120
    day = np.arange(n)
    pet = 5.0 + 1.5 * np.sin(2 * np.pi * day / 120.0) + rng.uniform(-0.5, 0.5, n)
    prec = np.where(rng.random(n) < 0.4, rng.exponential(14.0, n), 0.0)
    prec[60:72] = 0.0
    return (121, 121 + n - 1, pet, prec, [20, 30, 30, 20], [0.5, 1.2, 0.6],
            1.0, [0.4, 0.4, 1.5, 0.5], 1.25, 8000.0, 0.3, 1.2, 100.0, 0.5)
