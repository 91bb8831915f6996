# Extra reference values for the statistics core, beyond /work/shared/reference/stats-r.json.
# Run from the repository root:  Rscript scripts/reference/stats-extra.R
# Writes test/fixtures/r-stats-extra.json; then run
#   npx prettier --write test/fixtures/r-stats-extra.json
# Base R only (no packages); formulas are written out here independently of the TypeScript code.

set.seed(20241121)

# --- a tiny JSON writer (base R has none) ---------------------------------------------------------
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

# --- ratio metrics by the delta method ------------------------------------------------------------
# Var(Σm/Σd) ≈ (σ²m/μd² + σ²d·μm²/μd⁴ − 2·cov(m,d)·μm/μd³)/n, written out literally.
ratio_arm <- function(m, d) {
  n <- length(m)
  mm <- mean(m); md <- mean(d)
  v <- (var(m) / md^2 + var(d) * mm^2 / md^4 - 2 * cov(m, d) * mm / md^3) / n
  list(n = n, ratio = sum(m) / sum(d), varianceOfRatio = v)
}
ratio_case <- function(nT, nC, callsT, callsC, errT, errC, level = 0.95) {
  dT <- rpois(nT, callsT); mT <- rbinom(nT, dT, errT)
  dC <- rpois(nC, callsC); mC <- rbinom(nC, dC, errC)
  aT <- ratio_arm(mT, dT); aC <- ratio_arm(mC, dC)
  est <- aT$ratio - aC$ratio
  se <- sqrt(aT$varianceOfRatio + aC$varianceOfRatio)
  df <- (aT$varianceOfRatio + aC$varianceOfRatio)^2 /
    (aT$varianceOfRatio^2 / (nT - 1) + aC$varianceOfRatio^2 / (nC - 1))
  stat <- est / se
  q <- qt(1 - (1 - level) / 2, df)
  list(
    level = level,
    treatment = list(numerators = arr(mT), denominators = arr(dT)),
    control = list(numerators = arr(mC), denominators = arr(dC)),
    treatmentArm = aT, controlArm = aC,
    difference = list(estimate = est, se = se, statistic = stat, df = df,
                      pValue = 2 * pt(-abs(stat), df), ci = c(est - q * se, est + q * se))
  )
}
ratio <- list(
  ratio_case(100, 100, 8, 8, 0.10, 0.10),
  ratio_case(40, 60, 5, 12, 0.05, 0.15),
  ratio_case(300, 280, 20, 18, 0.30, 0.25, level = 0.9),
  ratio_case(5, 7, 3, 3, 0.5, 0.4, level = 0.99)
)

# --- Mann-Whitney at tricky sizes -----------------------------------------------------------------
mw_case <- function(treatment, control) {
  w <- suppressWarnings(wilcox.test(treatment, control, correct = TRUE))
  exact <- length(treatment) < 50 && length(control) < 50 &&
    length(unique(c(treatment, control))) == length(c(treatment, control))
  list(treatment = arr(treatment), control = arr(control), u = unname(w$statistic),
       pValue = w$p.value, method = if (exact) "exact" else "asymptotic")
}
mannWhitney <- list(
  mw_case(round(rnorm(49, 0.3), 6), round(rnorm(49), 6)),
  mw_case(round(rnorm(49, 1.5), 6), round(rnorm(49), 6)), # tiny exact p
  mw_case(round(rnorm(1), 6), round(rnorm(10), 6)),
  mw_case(round(rnorm(10), 6), round(rnorm(1), 6)),
  mw_case(c(11, 12, 13, 14), c(1, 2, 3, 4)), # most extreme 4 vs 4
  mw_case(1:20 + 100, 1:20), # complete separation 20 vs 20
  mw_case(round(rnorm(49), 6), round(rnorm(1), 6)),
  mw_case(round(rnorm(50), 6), round(rnorm(3), 6)), # 50 values: asymptotic
  mw_case(c(1, 1, 2), c(1, 2, 2, 3)), # ties in a tiny sample
  mw_case(c(5), c(5, 6))
)

# --- Fisher for large n and extreme tables --------------------------------------------------------
fisher_case <- function(sT, nT, sC, nC) {
  p <- fisher.test(matrix(c(sT, nT - sT, sC, nC - sC), 2, byrow = TRUE))$p.value
  list(successesT = sT, nT = nT, successesC = sC, nC = nC, pValue = p)
}
fisher <- list(
  fisher_case(9300, 20000, 9000, 20000),
  fisher_case(120, 20000, 80, 20000),
  fisher_case(10000, 20000, 10000, 20000),
  fisher_case(20, 20, 0, 20),
  fisher_case(0, 3, 0, 5),
  fisher_case(1, 1, 0, 1),
  fisher_case(1, 20000, 19, 20000),
  fisher_case(501500, 1000000, 500000, 1000000),
  fisher_case(5200, 1000000, 5000, 1000000),
  fisher_case(0, 1000, 1000, 1000) # R underflows to 0
)

# --- multiple testing -----------------------------------------------------------------------------
adjust_case <- function(p) {
  list(p = arr(p), holm = arr(p.adjust(p, "holm")), bh = arr(p.adjust(p, "BH")))
}
adjust <- list(
  adjust_case(0.03),
  adjust_case(c(0.01, 0.01, 0.04, 0.04)),
  adjust_case(c(0, 1, 0.5, 0.5)),
  adjust_case(c(0.2, 0.02, 0.02, 0.02, 0.8, 0.001))
)

# --- SRM ------------------------------------------------------------------------------------------
srm_case <- function(counts, weights) {
  t <- chisq.test(counts, p = weights, rescale.p = TRUE)
  list(counts = arr(counts), weights = arr(weights), statistic = unname(t$statistic),
       df = unname(t$parameter), pValue = t$p.value)
}
srm <- list(
  srm_case(c(330, 340, 330), c(1, 1, 1)),
  srm_case(c(100, 200, 250), c(0.2, 0.4, 0.4)),
  srm_case(c(1000, 10, 10), c(1, 1, 1)),
  srm_case(c(5000, 5400), c(0.5, 0.5))
)

# --- t quantiles at other levels ------------------------------------------------------------------
tq <- expand.grid(p = c(0.5, 0.9, 0.95, 0.995, 0.9995, 0.025), df = c(1, 3.7, 30, 10000))
tQuantile <- lapply(seq_len(nrow(tq)), function(i) {
  list(p = tq$p[i], df = tq$df[i], t = qt(tq$p[i], tq$df[i]))
})

# --- Welch, Wilson and summaries at other levels --------------------------------------------------
welch_case <- function(treatment, control, level) {
  t <- t.test(treatment, control, var.equal = FALSE, conf.level = level)
  list(treatment = arr(treatment), control = arr(control), level = level,
       statistic = unname(t$statistic), df = unname(t$parameter), pValue = t$p.value,
       estimate = unname(t$estimate[1] - t$estimate[2]), ci = as.numeric(t$conf.int),
       se = unname(t$stderr))
}
welch <- list(
  welch_case(round(rnorm(12, 5, 2), 4), round(rnorm(9, 4, 1), 4), 0.9),
  welch_case(round(rlnorm(30), 4), round(rlnorm(25), 4), 0.99),
  welch_case(c(3, 3, 3), c(1, 2, 3, 4), 0.95) # zero variance in one arm only
)
wilson <- lapply(list(c(0, 7, 0.9), c(3, 7, 0.99), c(7, 7, 0.8), c(512, 1000, 0.95)), function(a) {
  list(successes = a[1], n = a[2], level = a[3],
       ci = as.numeric(suppressWarnings(prop.test(a[1], a[2], correct = FALSE, conf.level = a[3]))$conf.int))
})
summary_case <- function(x, level) {
  t <- t.test(x, conf.level = level)
  list(values = arr(x), level = level, mean = mean(x), sd = sd(x), median = median(x),
       ci = as.numeric(t$conf.int))
}
summaries <- list(
  summary_case(round(rlnorm(11, 3), 3), 0.95),
  summary_case(round(rnorm(20, 40, 9), 2), 0.9),
  summary_case(c(1, 2), 0.95)
)

out <- list(
  generator = paste(R.version.string, "scripts/reference/stats-extra.R"),
  ratio = ratio, mannWhitney = mannWhitney, fisher = fisher,
  adjust = adjust, srm = srm, tQuantile = tQuantile, welch = welch, wilson = wilson,
  summary = summaries
)
writeLines(to_json(out), "test/fixtures/r-stats-extra.json")
