#!/usr/bin/env python3
"""Writes reference.json: what scipy/numpy say for every quantity ScopeStatistics computes.

Run from this folder with scipy 1.17 and numpy:  python3 make_reference.py
The output is deterministic (seeded generators, sorted keys), so a re-run that changes the JSON means
scipy or numpy changed behaviour. Values scipy reports as NaN are written as null: the Swift side must
then answer "not computable".
"""

import json
import math
import pathlib
import warnings

import numpy as np
import scipy
from scipy import special, stats

warnings.simplefilter("ignore")  # constant-input warnings are expected for the null cases

FISHER_Z_975 = 1.959963984540054


def number(value):
    """A float for JSON, or None when scipy's answer is NaN (the not-computable cases)."""
    value = float(value)
    return None if math.isnan(value) else value


# ---------------------------------------------------------------- correlations


def pearson(x, y):
    res = stats.pearsonr(x, y)
    if math.isnan(res.statistic):
        return None
    ci = res.confidence_interval(0.95)
    # scipy returns (-1, 1) for n = 3, where Fisher's z has no standard error; ScopeStatistics
    # reports that interval as not computable, so it is written as null.
    interval = None if len(x) <= 3 else {"low": float(ci.low), "high": float(ci.high)}
    return {"r": float(res.statistic), "p": float(res.pvalue), "ci": interval}


def spearman(x, y):
    res = stats.spearmanr(x, y)
    if math.isnan(res.statistic):
        return None
    return {"coefficient": float(res.statistic), "p": float(res.pvalue)}


def kendall(x, y):
    res = stats.kendalltau(x, y, method="asymptotic")
    if math.isnan(res.statistic):
        return None
    return {"coefficient": float(res.statistic), "p": float(res.pvalue)}


def correlation_case(name, x, y, store_data=True, generator=None):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    case = {
        "name": name,
        "n": int(len(x)),
        "pearson": pearson(x, y),
        "spearman": spearman(x, y),
        "kendall": kendall(x, y),
    }
    if store_data:
        case["x"] = x.tolist()
        case["y"] = y.tolist()
    if generator is not None:
        case["generator"] = generator
    return case


def modular_data(n, x_multiplier, x_modulus, y_multiplier, y_modulus, divisor):
    """Integer-only data both sides can rebuild exactly (too large to store in the JSON)."""
    x = [(i * x_multiplier) % x_modulus for i in range(n)]
    y = [x[i] // divisor + (i * y_multiplier) % y_modulus for i in range(n)]
    return x, y


def correlation_cases():
    rng = np.random.default_rng(20240517)
    cases = [
        correlation_case("tiny n = 3", [1, 2, 3], [1, 3, 2]),
        correlation_case("tiny n = 3 with a tie", [1, 2, 3], [1, 1, 2]),
        correlation_case("tiny n = 4", [2.5, 1.0, 4.0, 3.5], [3.0, 1.5, 2.0, 5.0]),
        correlation_case("perfect positive", [1, 2, 3, 4, 5, 6], [3, 5, 7, 9, 11, 13]),
        correlation_case("perfect negative", [1, 2, 3, 4, 5, 6, 7], [10, 8, 6, 4, 2, 0, -2]),
        # For n = 3 the Pearson p-value is ill-conditioned near |r| = 1 (p grows like sqrt(1 - |r|)),
        # so these two only agree when r is computed with scipy's exact sequence of operations.
        correlation_case("perfect positive n = 3", [1, 2, 3], [5, 6, 7]),
        correlation_case("perfect positive n = 3, decimals", [0.1, 0.2, 0.3], [5, 6, 7]),
        correlation_case("zero correlation", [-2, -1, 0, 1, 2], [4, 1, 0, 1, 4]),
        correlation_case("exactly uncorrelated ranks", [1, 2, 3, 4], [2, 4, 1, 3]),
        correlation_case("outlier", [1, 2, 3, 4, 5, 6, 7, 8, 9, 100], [2, 1, 4, 3, 6, 5, 8, 7, 10, 9]),
        correlation_case("ties in both", [1, 1, 2, 2, 3, 3, 4, 4], [1, 2, 1, 2, 3, 3, 4, 5]),
        correlation_case("joint ties", [1, 1, 1, 2, 2, 3, 3, 3, 4], [5, 5, 4, 4, 4, 2, 2, 1, 1]),
        correlation_case("binary x", [0, 0, 0, 1, 1, 1, 1], [0, 1, 2, 3, 4, 5, 6]),
        correlation_case("likert", [1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 5], [2, 2, 3, 3, 2, 4, 4, 5, 4, 5, 5, 3]),
        correlation_case("negative values and decimals", [-3.2, -1.1, 0.0, 0.7, 2.9, 4.4], [1.5, 0.2, -0.3, -1.0, -2.2, -2.1]),
        correlation_case("large magnitudes", [1e12, 2e12, 3.5e12, 4e12, 6e12], [7e-9, 5e-9, 6e-9, 2e-9, 1e-9]),
        correlation_case("constant x", [2, 2, 2, 2], [1, 2, 3, 4]),
        correlation_case("constant y", [1, 2, 3, 4, 5], [7, 7, 7, 7, 7]),
    ]
    # Publication years against study sizes: the typical scoping-review pairing, with many ties.
    years = rng.integers(2005, 2025, size=60)
    sizes = np.round(np.exp(rng.normal(4.0, 1.0, size=60)) + (years - 2005) * 3.0)
    cases.append(correlation_case("years vs sizes (n = 60)", years, sizes))
    for n, strength in [(30, 0.3), (200, 0.1), (2000, 0.05), (2000, 0.6)]:
        x = rng.normal(size=n)
        y = strength * x + rng.normal(size=n)
        cases.append(correlation_case(f"normal n = {n}, slope {strength}", x, y))
    x = rng.normal(size=500)
    cases.append(correlation_case("strong n = 500 (p far below 1e-6)", x, x + 0.5 * rng.normal(size=500)))
    x = rng.normal(size=40)
    cases.append(correlation_case("moderate n = 40 (p near 1e-7)", x, 0.75 * x + 0.6 * rng.normal(size=40)))
    x = rng.integers(0, 5, size=2000).astype(float)
    y = x + rng.integers(0, 7, size=2000)
    cases.append(correlation_case("heavy ties n = 2000", x, y))
    for name, params in [
        ("modular n = 100000, weak", (100000, 7919, 1009, 104729, 331, 370)),
        ("modular n = 100000, strong", (100000, 7919, 1009, 104729, 331, 4)),
        ("modular n = 100000, none", (100000, 7919, 1009, 104729, 331, 100000)),
    ]:
        x, y = modular_data(*params)
        generator = dict(zip(["n", "xMultiplier", "xModulus", "yMultiplier", "yModulus", "divisor"], params))
        cases.append(correlation_case(name, x, y, store_data=False, generator=generator))
    return cases


# ---------------------------------------------------------------- descriptive statistics


def descriptive_case(name, values):
    present = np.array([v for v in values if v is not None], dtype=float)
    n = len(present)
    if n == 0:
        stats_ = dict.fromkeys(["mean", "sd", "median", "q1", "q3", "min", "max"])
        stats_["sum"] = 0.0
    else:
        q1, median, q3 = np.percentile(present, [25, 50, 75])  # numpy's default is R's type 7
        stats_ = {
            "mean": float(np.mean(present)),
            "sd": float(np.std(present, ddof=1)) if n >= 2 else None,
            "median": float(median),
            "q1": float(q1),
            "q3": float(q3),
            "min": float(np.min(present)),
            "max": float(np.max(present)),
            "sum": float(np.sum(present)),
        }
    return {"name": name, "values": values, "n": n, "missing": len(values) - n, **stats_}


def descriptive_cases():
    rng = np.random.default_rng(7)
    return [
        descriptive_case("empty", []),
        descriptive_case("all missing", [None, None]),
        descriptive_case("single value", [4.5]),
        descriptive_case("two values", [1.0, 4.0]),
        descriptive_case("odd count", [3, 1, 4, 1, 5, 9, 2]),
        descriptive_case("even count with missing", [10, None, 2, 38, 23, None, 38, 23, 21]),
        descriptive_case("constant", [2.5, 2.5, 2.5, 2.5]),
        descriptive_case("negative and fractional", [-0.5, -7.25, 3.125, 0.0, 11.0, -2.0]),
        descriptive_case("large offset", (1e9 + rng.normal(size=50)).tolist()),
        descriptive_case("lognormal n = 2000", np.exp(rng.normal(3, 1.5, size=2000)).tolist()),
        descriptive_case("years", rng.integers(1998, 2025, size=137).astype(float).tolist()),
    ]


# ---------------------------------------------------------------- distributions and special functions


def t_quantile_cases():
    cases = []
    for df in [1, 2, 3, 4, 5, 7.5, 10, 28, 30, 98, 1000, 99998, 1e7]:
        for p in [1e-300, 1e-100, 1e-12, 1e-6, 0.001, 0.025, 0.1, 0.3, 0.5, 0.6, 0.9, 0.975, 0.995, 1 - 1e-9]:
            value = float(stats.t.ppf(p, df))
            # scipy answers -inf far in the tail of moderate df (e.g. p = 1e-300, df = 3), where the true
            # quantile is finite; those points are left out rather than asserted.
            if math.isfinite(value):
                cases.append({"p": p, "df": df, "value": value})
    return cases


def precise_t_cdf(t, df):
    """P(T <= t) in 40-digit arithmetic, or None when mpmath is missing or does not converge."""
    try:
        import mpmath
    except ImportError:
        return None
    mpmath.mp.dps = 40
    try:
        t, df = mpmath.mpf(t), mpmath.mpf(df)
        tail = mpmath.betainc(df / 2, mpmath.mpf(0.5), 0, df / (df + t * t), regularized=True) / 2
    except mpmath.libmp.NoConvergence:
        return None
    return float(tail if t < 0 else 1 - tail)


def t_cdf_cases():
    cases = []
    for df in [1, 2, 3, 5, 10.5, 30, 1000, 1e6]:
        for t in [-1e200, -1e6, -40, -8.5, -3, -1.96, -0.5, -1e-8, 0, 0.25, 1, 2.5, 12, 1e5]:
            case = {"t": t, "df": df, "cdf": float(special.stdtr(df, t)),
                    "twoSided": float(2 * special.stdtr(df, -abs(t)))}
            # scipy's stdtr loses digits for df = 1 next to t = 0 (stdtr(1, -1e-8) is 0.49999999526
            # where 1/2 + atan(t)/pi = 0.49999999682); where a 40-digit evaluation disagrees by more
            # than 1e-12 relative, the precise value is the reference and the case says so.
            precise = precise_t_cdf(t, df)
            if precise is not None and abs(precise - case["cdf"]) > 1e-12 * precise:
                lower = precise if t < 0 else precise_t_cdf(-t, df)
                case.update(cdf=precise, twoSided=2 * lower, source="mpmath (scipy.special.stdtr is off here)")
            cases.append(case)
    return cases


def beta_cases():
    cases = []
    parameters = [(0.5, 0.5), (0.5, 1.5), (1, 1), (2, 3), (5, 0.5), (0.5, 40), (10, 10), (25, 4),
                  (60, 60), (0.5, 1000), (1000, 0.5), (999, 999), (50000, 50000), (3.7, 120.2)]
    for a, b in parameters:
        for x in [1e-10, 1e-3, 0.05, 0.3, 0.4999, 0.5, 0.5001, 0.7, 0.95, 0.999, 1 - 1e-9]:
            cases.append({"a": a, "b": b, "x": x, "value": float(special.betainc(a, b, x)),
                          "complement": float(special.betaincc(a, b, x))})
    return cases


def normal_cases():
    zs = [-38.5, -30, -20, -10, -6, -3, -1.959963984540054, -1, -0.1, 0, 0.3, 1, 2.5, 5, 8.2]
    return [{"z": z, "value": float(special.ndtr(z))} for z in zs]


def log_gamma_cases():
    xs = [1e-8, 0.1, 0.5, 1, 1.5, 2, 2.5, 3.3, 7.9, 8, 9.99, 10, 10.01, 12.5, 50, 333.3, 5000.5, 1e6]
    return [{"x": x, "value": float(special.gammaln(x))} for x in xs]


# ---------------------------------------------------------------- multiple comparisons


def holm(p):
    """Holm step-down, as R's p.adjust: pmin(1, cummax((m - i + 1) * p[o]))[ro]."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    adjusted = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adjusted
    return out.tolist()


def benjamini_hochberg(p):
    """BH step-up, as R's p.adjust: pmin(1, cummin(m / i * p[o]))[ro] with p in decreasing order."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(-p, kind="stable")
    ranks = np.arange(m, 0, -1)
    adjusted = np.minimum(1.0, np.minimum.accumulate(m / ranks * p[order]))
    out = np.empty(m)
    out[order] = adjusted
    return out.tolist()


def adjustment_cases():
    rng = np.random.default_rng(11)
    inputs = [
        [],
        [0.03],
        [0.01, 0.04, 0.03, 0.005],
        [0.2, 0.2, 0.01, 0.01, 0.9, 1.0, 0.0],
        [1e-12, 0.049, 0.051, 0.5, 0.0001],
        rng.uniform(0, 0.2, size=25).tolist(),
    ]
    # Hand check of the definitions (R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") gives
    # 0.03 0.06 0.06 0.02 and "BH" gives 0.02 0.04 0.04 0.02).
    assert np.allclose(holm(inputs[2]), [0.03, 0.06, 0.06, 0.02])
    assert np.allclose(benjamini_hochberg(inputs[2]), [0.02, 0.04, 0.04, 0.02])
    return [{"p": p, "holm": holm(p), "bh": benjamini_hochberg(p)} for p in inputs]


# ---------------------------------------------------------------- linear regression


def regression_case(name, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    fit = stats.linregress(x, y)
    residuals = y - (fit.intercept + fit.slope * x)
    s = math.sqrt(np.sum(residuals ** 2) / (n - 2))
    sxx = np.sum((x - x.mean()) ** 2)
    critical = stats.t.ppf(0.975, n - 2)
    bands = []
    for at in np.linspace(x.min() - 1, x.max() + 1, 5):
        centre = fit.intercept + fit.slope * at
        half = critical * s * math.sqrt(1 / n + (at - x.mean()) ** 2 / sxx)
        bands.append({"x": float(at), "fitted": float(centre), "lower": float(centre - half),
                      "upper": float(centre + half)})
    return {"name": name, "x": x.tolist(), "y": y.tolist(), "slope": float(fit.slope),
            "intercept": float(fit.intercept), "criticalT": float(critical), "bands": bands}


def regression_cases():
    rng = np.random.default_rng(3)
    x = rng.uniform(2000, 2024, size=300)
    return [
        regression_case("n = 3", [1, 2, 4], [2, 3, 7]),
        regression_case("exact line", [0, 1, 2, 3, 4], [1, 3, 5, 7, 9]),
        regression_case("flat", [1, 2, 3, 4, 5, 6], [3, 1, 4, 1, 5, 9]),
        regression_case("years n = 300", x, 0.8 * (x - 2000) + rng.normal(0, 4, size=300)),
    ]


def main():
    reference = {
        "generatedBy": f"make_reference.py with scipy {scipy.__version__}, numpy {np.__version__}",
        "correlations": correlation_cases(),
        "descriptive": descriptive_cases(),
        "tQuantiles": t_quantile_cases(),
        "tCDF": t_cdf_cases(),
        "incompleteBeta": beta_cases(),
        "normalCDF": normal_cases(),
        "logGamma": log_gamma_cases(),
        "adjustments": adjustment_cases(),
        "regressions": regression_cases(),
    }
    path = pathlib.Path(__file__).with_name("reference.json")
    path.write_text(json.dumps(reference, indent=1, sort_keys=True, allow_nan=False) + "\n")


if __name__ == "__main__":
    main()
