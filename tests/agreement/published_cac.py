"""Rating data of Gwet's Handbook and his irrCAC package, with the values printed for them.

Layouts: raw ratings are ``[rater][unit]`` (None missing), as the agreement package takes them;
count tables are units x categories; contingency tables rows rater A, columns rater B.
"""

from __future__ import annotations

N = None

# cac.raw4raters: Gwet (2014) Handbook of Inter-Rater Reliability, 4th ed., p. 120 (irrCAC
# dataset; the same data as Krippendorff 2011, section C). Printed in the irrCAC README
# (github.com/kgwet/irrCAC, README.md) and its "weighting" vignette (vignettes/weighting.html).
RAW_4RATERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, N],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# weights: (pa, pe, coefficient, se) as irrCAC prints them (README: unweighted; weighting
# vignette: quadratic). AC1/AC2 = gwet.ac1.raw, Fleiss = fleiss.kappa.raw, pa = pa.coeff.raw.
RAW_4RATERS_AC = {
    "identity": (0.8181818, 0.1903212, 0.77544, 0.14295),
    "quadratic": (0.9753788, 0.7137044, 0.914, 0.10396),
}
RAW_4RATERS_FLEISS = {
    "identity": (0.8181818, 0.2387153, 0.76117, 0.15302),
    "quadratic": (0.9753788, 0.8177083, 0.86494, 0.14603),
}
RAW_4RATERS_PA_SE = {"identity": 0.12561, "quadratic": 0.09062}
# The other weights of Gwet (2014, ch. 3) on the same data, to three decimals: (pa, pe, AC2, se)
# and (pe, Fleiss, se), from the test suite of the Python port of irrCAC (afergadis/irrCAC,
# test/unit/irrCAC/raw/test_gwet.py and test_fleiss.py), which reproduces the R package.
RAW_4RATERS_AC_3DP = {
    "linear": (0.939, 0.571, 0.859, 0.117),
    "ordinal": (0.968, 0.685, 0.899, 0.107),
    "radical": (0.897, 0.430, 0.820, 0.128),
    "ratio": (0.954, 0.678, 0.857, 0.122),
    "circular": (0.902, 0.426, 0.830, 0.133),
    "bipolar": (0.968, 0.682, 0.900, 0.106),
}
RAW_4RATERS_FLEISS_3DP = {
    "linear": (0.667, 0.818, 0.149),
    "ordinal": (0.788, 0.850, 0.147),
    "radical": (0.511, 0.790, 0.150),
    "ratio": (0.743, 0.821, 0.152),
    "circular": (0.494, 0.807, 0.149),
    "bipolar": (0.785, 0.853, 0.145),
}

# cac.raw5obser: 5 observers x 15 units on a 0-3 scale; Gwet (2014, a larger version on
# p. 125). Data and values (3 decimals) as in the Python port of irrCAC (datasets.py and its
# tests): AC1 pa .616 pe .236 AC1 .497 se .122 CI (.235, .758); Fleiss pe .291 kappa .458
# se .120 CI (.199, .716).
RAW_5OBSERVERS = [
    [1, 1, 2, N, 0, 0, 1, 1, 2, 2, N, 0, 1, 3, 1],
    [1, 1, 3, 0, 0, 0, 0, N, 2, 1, 1, 0, 2, 3, 1],
    [2, 0, 3, 0, 0, 0, 2, 2, 2, 1, 0, 0, 2, 2, 1],
    [N, 1, 3, N, N, N, N, 0, N, 1, 0, 0, 2, 2, N],
    [2, N, N, 0, 0, 0, 1, N, 2, N, N, N, N, 3, 1],
]

# cac.ben.gerry: Ben and Gerry rate 12 units (irrCAC dataset; same source as above):
# AC1 pa .727 pe .194 AC1 .661 se .184 CI (.257, 1); Fleiss pe .222 kappa .649 se .191.
BEN_GERRY = [
    ["a", "a", "b", "b", "d", "c", "c", "c", "e", "d", "d", "a"],
    ["b", "a", "b", "b", "b", "c", "c", "c", "e", N, "d", "d"],
]

# distrib.6raters: 6 psychiatrists x 15 patients x 5 diagnoses, the first 15 patients of
# Fleiss (1971). irrCAC README: gwet.ac1.dist AC1 .4448007 se .08418757 pa .5511111
# pe .1914815; fleiss.kappa.dist .4139265 se .08119291 pe .2340741. Weighting vignette,
# quadratic weights: AC2 .4837438 se .1058227 pa .8544444 pe .7180556; Fleiss .2511909
# se .1457381 pe .8056173.
DISTRIB_6RATERS = [
    [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
]

# cac.dist4cat[, 2:4]: 4 raters x 15 subjects x categories a, b, c (irrCAC dataset, as in
# the Python port's datasets.py). irrCAC README: gwet.ac1.dist gives AC1 = 0.3518903.
DIST_4CAT = [
    [3, 0, 1], [2, 1, 1], [2, 1, 1], [2, 0, 2], [3, 1, 0], [3, 1, 0], [0, 4, 0], [0, 3, 1],
    [0, 0, 4], [3, 1, 0], [0, 4, 0], [0, 3, 1], [0, 2, 2], [0, 0, 4], [3, 1, 0],
]

# cont3x3abstractors: 100 pregnant women, 2 abstractors (Gwet 2014). irrCAC README:
# kappa2.table .7964094 se .05891072; gwet.ac1.table .8493305 se .04321747; pa2.table .89.
# Weighting vignette, quadratic weights: kappa .8921569 se .03535151; AC2 .9402369
# se .01792019; pa .9725.
CONT_3X3_ABSTRACTORS = [[13, 0, 0], [0, 20, 7], [0, 4, 56]]

# Cohen (1968), Table 1: two judges, 200 patients, personality disorder / neurosis /
# psychosis, as proportions (the table of Cohen 1960, p. 45). Disagreement weights v: 1 for
# PD-N, 3 for PD-P, 6 for N-P; Cohen reports kappa = .492 and kappa_w = .348, and .353 with
# the asymmetric weights below (as quoted in the examples of R psych::cohen.kappa).
COHEN_1968 = [[0.44, 0.07, 0.09], [0.05, 0.20, 0.05], [0.01, 0.03, 0.06]]
COHEN_1968_V = [[0, 1, 3], [1, 0, 6], [3, 6, 0]]
COHEN_1968_V_ASYMMETRIC = [[0, 1, 4], [1, 0, 6], [2, 2, 0]]
