# Reference values for the decision statistics: confidence sequences, paired and clustered
# comparisons, pooled capping, chance to beat and paired power.
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

# --- paired comparison of task means (Miller eq. 7) -----------------------------------------------
paired_case <- function(t, c, level) {
  r <- t.test(t, c, paired = TRUE, conf.level = level)
  list(treatment = arr(t), control = arr(c), level = level, tasks = length(t),
       estimate = unname(r$estimate), se = unname(r$stderr), statistic = unname(r$statistic),
       df = unname(r$parameter), pValue = r$p.value, ci = as.numeric(r$conf.int),
       correlation = cor(t, c), varianceSaved = 1 - var(t - c) / (var(t) + var(c)))
}
task <- rnorm(30, 0.6, 0.2)
task_small <- rnorm(8, 10, 3)
anti <- rnorm(12)
paired <- list(
  paired_case(round(task + 0.04 + rnorm(30, 0, 0.08), 4), round(task + rnorm(30, 0, 0.08), 4), 0.95),
  paired_case(round(task_small + rnorm(8, 1, 2), 3), round(task_small + rnorm(8), 3), 0.9),
  paired_case(c(0.8, 0.4), c(0.5, 0.3), 0.95), # k = 2
  paired_case(round(anti + rnorm(12, 0, 0.3), 4), round(-anti + rnorm(12, 0, 0.3), 4), 0.99) # r < 0
)

# --- clustered standard error (Miller eq. 4), the double sum written out ---------------------------
clustered_arm <- function(x, ids) {
  n <- length(x)
  s_bar <- mean(x)
  se2 <- sum((x - s_bar)^2) / n^2 # Miller's SE² = Var(s)/n with the population variance
  cross <- 0
  for (c in unique(ids)) {
    r <- x[ids == c] - s_bar
    for (i in seq_along(r)) for (j in seq_along(r)) if (i != j) cross <- cross + r[i] * r[j]
  }
  se2c <- se2 + cross / n^2
  list(n = n, mean = s_bar, se = sqrt(se2c), naiveSe = sqrt(se2),
       clusters = length(unique(ids)), designEffect = se2c / se2)
}
clustered_case <- function(xT, idsT, xC, idsC, level) {
  aT <- clustered_arm(xT, idsT); aC <- clustered_arm(xC, idsC)
  est <- aT$mean - aC$mean
  se <- sqrt(aT$se^2 + aC$se^2)
  q <- qnorm(1 - (1 - level) / 2)
  list(treatment = list(values = arr(xT), clusterIds = arr(as.list(idsT))),
       control = list(values = arr(xC), clusterIds = arr(as.list(idsC))), level = level,
       treatmentArm = aT, controlArm = aC,
       difference = list(estimate = est, se = se, statistic = est / se,
                         pValue = 2 * pnorm(-abs(est / se)), ci = c(est - q * se, est + q * se)))
}
tasks_arm <- function(k, m, icc, shift, prefix) { # k tasks × m sessions, normal task effects
  effect <- rnorm(k, 0, sqrt(icc))
  ids <- rep(seq_len(k), each = m)
  x <- round(shift + effect[ids] + rnorm(k * m, 0, sqrt(1 - icc)), 4)
  list(x = x, ids = if (is.null(prefix)) ids else paste0(prefix, ids))
}
uneven_ids <- c(1, 1, 1, 2, 2, 3, 4, 4, 4, 4, 4, 5)
a1 <- tasks_arm(20, 5, 0.3, 0.2, "task-"); b1 <- tasks_arm(20, 5, 0.3, 0, "task-")
a2 <- tasks_arm(6, 3, 0.6, 1, NULL); b2 <- tasks_arm(9, 2, 0.1, 0, NULL)
clustered <- list(
  clustered_case(a1$x, a1$ids, b1$x, b1$ids, 0.95),
  clustered_case(a2$x, a2$ids, b2$x, b2$ids, 0.9),
  clustered_case(round(rbinom(12, 1, 0.6) + 0, 0), uneven_ids,
                 round(rlnorm(12), 4), uneven_ids, 0.99),
  clustered_case(c(1, 0, 1, 1, 0, 0), c("a", "a", "b", "b", "c", "c"),
                 c(2, 4, 6, 8), c("x", "y", "z", "w"), 0.95) # singletons: se = naive se
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

# --- paired power (Miller eq. 9–10) ---------------------------------------------------------------
pp_case <- function(v, delta, alpha, power) {
  z <- qnorm(1 - alpha / 2) + qnorm(power)
  list(varianceOfDifferences = v, delta = delta, alpha = alpha, power = power,
       unrounded = z^2 * v / delta^2, tasks = ceiling(z^2 * v / delta^2))
}
pmde_case <- function(v, tasks, alpha, power) {
  list(varianceOfDifferences = v, tasks = tasks, alpha = alpha, power = power,
       mde = (qnorm(1 - alpha / 2) + qnorm(power)) * sqrt(v / tasks))
}
pairedPower <- list(
  sessions = list(
    pp_case(1 / 9, 0.03, 0.05, 0.8), # Miller's example: 969
    pp_case(0.04, 0.02, 0.05, 0.9),
    pp_case(2.5, -0.5, 0.01, 0.8),
    pp_case(0.3, 0.1, 0.1, 0.5)
  ),
  mde = list(
    pmde_case(1 / 9, 969, 0.05, 0.8),
    pmde_case(0.04, 50, 0.01, 0.9),
    pmde_case(2.5, 7.5, 0.2, 0.6)
  )
)

out <- list(
  generator = paste(R.version.string, "scripts/reference/stats-decision.R"),
  confidenceSequence = confidenceSequence, paired = paired, clustered = clustered,
  capping = capping, chanceToBeat = chanceToBeat, pairedPower = pairedPower
)
writeLines(to_json(out), "test/fixtures/r-stats-decision.json")
