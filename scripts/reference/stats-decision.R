# Reference values for the decision statistics: the always-valid confidence sequence, pooled
# capping and chance to beat (the small-sample methods are in small-sample.R).
# Run from the repository root:  Rscript scripts/reference/stats-decision.R
# Writes test/fixtures/r-stats-decision.json; then run
#   npx prettier --write test/fixtures/r-stats-decision.json
# Base R only (no packages); formulas are written out here independently of the TypeScript code.

set.seed(20250301)

# --- a tiny JSON writer (base R has none; same as stats-extra.R) ----------------------------------
arr <- function(x) structure(x, class = "jsonarray") # force a JSON array even for length 1
num <- function(x) { # the shortest of 15 or 17 significant digits that reads back exactly
  stopifnot(all(is.finite(x)))
  short <- formatC(x, digits = 15, format = "g")
  ifelse(as.numeric(short) == x, short, formatC(x, digits = 17, format = "g"))
}
to_json <- function(x) {
  if (inherits(x, "jsonarray")) {
    return(paste0("[", paste(vapply(unclass(x), function(v) to_json(v), ""), collapse = ","), "]"))
  }
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (is.null(names(x))) {
      return(paste0("[", paste(vapply(x, to_json, ""), collapse = ","), "]"))
    }
    fields <- mapply(function(k, v) paste0('"', k, '":', to_json(v)), names(x), x)
    return(paste0("{", paste(fields, collapse = ","), "}"))
  }
  if (is.character(x)) {
    if (length(x) == 1) return(paste0('"', x, '"'))
    return(to_json(arr(as.list(x))))
  }
  if (is.logical(x)) return(if (x) "true" else "false")
  if (length(x) == 1) return(num(x))
  paste0("[", paste(num(x), collapse = ","), "]")
}

# --- confidence sequence (GrowthBook / Eppo normal mixture) ---------------------------------------
# rho and the half-width exactly as written in GrowthBook's documentation; the p-value in closed
# form, cross-checked here against a numerical root of halfWidth(alpha') = |estimate|.
cs_case <- function(estimate, se, n, alpha, expectedSessions) {
  rho <- sqrt((-2 * log(alpha) + log(-2 * log(alpha) + 1)) / expectedSessions)
  half_width <- function(a) {
    se * sqrt(n) * sqrt(2 * (n * rho^2 + 1) / (n^2 * rho^2) * log(sqrt(n * rho^2 + 1) / a))
  }
  hw <- half_width(alpha)
  p <- min(1, sqrt(n * rho^2 + 1) * exp(-estimate^2 * n * rho^2 / (2 * se^2 * (n * rho^2 + 1))))
  # Independent check: the smallest alpha' whose boundary excludes 0 solves hw(alpha') = |Δ|;
  # hw(alpha') >= |Δ| for every alpha' < 1 means p = 1.
  if (half_width(1) >= abs(estimate)) {
    stopifnot(p == 1)
  } else {
    # On the log scale of alpha', so that tiny alphas neither underflow nor lose precision.
    hw_log <- function(la) {
      se * sqrt(n) * sqrt(2 * (n * rho^2 + 1) / (n^2 * rho^2) * (log(sqrt(n * rho^2 + 1)) - la))
    }
    root <- uniroot(function(la) hw_log(la) - abs(estimate), c(-2000, 0), tol = 1e-13)
    stopifnot(abs(exp(root$root) - p) <= 1e-9 * p)
  }
  stopifnot((p < alpha) == (abs(estimate) > hw))
  list(estimate = estimate, se = se, n = n, alpha = alpha, expectedSessions = expectedSessions,
       rho = rho, halfWidth = hw, multiplier = hw / se, ci = c(estimate - hw, estimate + hw),
       pValue = p)
}
confidenceSequence <- list(
  cs_case(0.4, 0.2, 400, 0.05, 400), # n = N*: multiplier ≈ 3.0
  cs_case(0.7, 0.2, 5000, 0.05, 5000), # GrowthBook's default N*
  cs_case(-0.61, 0.2, 10000, 0.05, 10000), # Eppo's default N*
  cs_case(0.1, 0.2, 400, 0.05, 400), # p = 1
  cs_case(-1.3, 0.25, 120, 0.05, 400), # early look
  cs_case(2.5, 0.2, 2000, 0.01, 300), # late look, tiny p
  cs_case(-0.05, 0.01, 60, 0.1, 1000),
  cs_case(3, 1, 2, 0.05, 200), # the smallest n
  cs_case(0.62, 0.21, 250, 0.2, 250)
)

# --- pooled quantile (type 7) and capping ---------------------------------------------------------
cap_case <- function(control, treatment, p) {
  cap <- unname(quantile(c(control, treatment), p, type = 7))
  list(control = arr(control), treatment = arr(treatment), percentile = p, cap = cap,
       cappedControl = arr(pmin(control, cap)), cappedTreatment = arr(pmin(treatment, cap)),
       cappedCount = sum(c(control, treatment) > cap))
}
capping <- list(
  cap_case(round(rlnorm(700, 3, 1.2), 3), round(rlnorm(1300, 3.2, 1.2), 3), 0.999),
  cap_case(round(rlnorm(50, 0, 2), 4), round(rlnorm(41, 0, 2), 4), 0.9),
  cap_case(c(5, 1, 3), c(2, 4, 6, 7, 8), 0.5),
  cap_case(c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 11, 0.7), # (N − 1)·p = 7.000000000000001
  cap_case(c(3, 3, 3, 9), c(3, 3, 100), 0.8), # ties at the order statistics
  cap_case(c(4, -2, 7), numeric(0), 1), # p = 1: the maximum, nothing capped
  cap_case(numeric(0), c(4, -2, 7), 0), # p = 0: everything above the minimum capped
  cap_case(42, numeric(0), 0.95) # one value
)

# --- chance to beat: flat-prior normal posterior --------------------------------------------------
beat_case <- function(estimate, se, better) {
  z <- estimate / se
  list(estimate = estimate, se = se, better = better,
       probability = if (better == "higher") pnorm(z) else pnorm(-z))
}
chanceToBeat <- list(
  beat_case(0.3, 0.2, "higher"), beat_case(0.3, 0.2, "lower"), beat_case(-12, 1, "higher"),
  beat_case(-12, 1, "lower"), beat_case(0, 0.5, "higher"), beat_case(-0.042, 0.0137, "lower"),
  beat_case(3.1, 100, "higher")
)

out <- list(
  generator = paste(R.version.string, "scripts/reference/stats-decision.R"),
  confidenceSequence = confidenceSequence, capping = capping, chanceToBeat = chanceToBeat
)
writeLines(to_json(out), "test/fixtures/r-stats-decision.json")
