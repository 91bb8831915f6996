# Reference values for the small-sample methods (issue 8), computed with R independently of the
# TypeScript code: CR2 cluster-robust variance and Satterthwaite degrees of freedom (clubSandwich),
# the within-task comparison, Fieller's interval, Miettinen–Nurminen score intervals, exact
# unconditional p-values, exact permutation p-values, and group-sequential boundaries and repeated
# p-values (rpact). Writes test/fixtures/r-small-sample.json.
# Needs the Debian packages r-base-core, r-cran-clubsandwich, r-cran-rpact (jsonlite comes with
# them). Run: Rscript scripts/reference/small-sample.R
suppressPackageStartupMessages({
  library(clubSandwich)
  library(rpact)
  library(jsonlite)
})
set.seed(20261130)
# sample(x, 1) draws from 1:x when x is one number: pick from the values themselves.
pick <- function(x) x[sample.int(length(x), 1)]

# --- CR2 and Bell–McCaffrey degrees of freedom: tasks nested in arms, unequal task sizes -------
clustered_case <- function(tasks_c, tasks_t, sizes, shift) {
  rows <- list()
  add <- function(arm, k, n) {
    effect <- rnorm(1, 0, 40)
    for (s in seq_len(n)) {
      rows[[length(rows) + 1]] <<- data.frame(
        variant = arm, task = sprintf("%s-%d", arm, k),
        value = round(200 + effect + rnorm(1, 0, 15) + (arm == "warm") * shift, 2))
    }
  }
  for (k in seq_len(tasks_c)) add("cold", k, pick(sizes))
  for (k in seq_len(tasks_t)) add("warm", k, pick(sizes))
  d <- do.call(rbind, rows)
  d$treated <- as.numeric(d$variant == "warm")
  fit <- lm(value ~ treated, data = d)
  v <- vcovCR(fit, cluster = d$task, type = "CR2")
  test <- coef_test(fit, vcov = v, test = "Satterthwaite")
  list(sessions = d[, c("variant", "task", "value")],
       estimate = unname(coef(fit)["treated"]),
       variance = v["treated", "treated"],
       df = test$df_Satt[2])
}
clustered <- list(
  clustered_case(3, 3, 4, 20),
  clustered_case(4, 6, 2:6, 10),
  clustered_case(8, 5, c(1, 3, 8), -15)
)

# --- Within-task comparison, written out: weights nT*nC/(nT+nC), pooled within-arm variances ---
paired_case <- function(tasks, sizes_c, sizes_t, shift) {
  rows <- list()
  for (k in seq_len(tasks)) {
    effect <- rnorm(1, 0, 50)
    nc <- pick(sizes_c); nt <- pick(sizes_t)
    for (arm in c("cold", "warm")) for (s in seq_len(if (arm == "cold") nc else nt)) {
      rows[[length(rows) + 1]] <- data.frame(variant = arm, task = sprintf("t%02d", k),
        value = round(300 + effect + rnorm(1, 0, 25) + (arm == "warm") * shift, 2))
    }
  }
  d <- do.call(rbind, rows)
  cells <- aggregate(value ~ task + variant, d, function(x) c(n = length(x), mean = mean(x), ss = sum((x - mean(x))^2)))
  cc <- cells[cells$variant == "cold", ]; ct <- cells[cells$variant == "warm", ]
  stopifnot(all(cc$task == ct$task))
  nc <- cc$value[, "n"]; nt <- ct$value[, "n"]
  w <- nc * nt / (nc + nt); w <- w / sum(w)
  treatment <- sum(w * ct$value[, "mean"]); control <- sum(w * cc$value[, "mean"])
  dfc <- sum(nc - 1); dft <- sum(nt - 1)
  if (dfc > 0 && dft > 0) {
    vc <- sum(cc$value[, "ss"]) / dfc * sum(w^2 / nc)
    vt <- sum(ct$value[, "ss"]) / dft * sum(w^2 / nt)
    df <- (vc + vt)^2 / (vc^2 / dfc + vt^2 / dft)
    se <- sqrt(vc + vt)
  } else {
    diffs <- ct$value[, "mean"] - cc$value[, "mean"]
    test <- t.test(ct$value[, "mean"], cc$value[, "mean"], paired = TRUE)
    stopifnot(abs(unname(test$estimate) - (treatment - control)) < 1e-9)
    se <- unname(test$stderr); df <- unname(test$parameter)
  }
  # How alike the arms' task means are, and the share of variance pairing removes.
  mt <- ct$value[, "mean"]; mc <- cc$value[, "mean"]
  correlation <- cor(mt, mc)
  variance_saved <- 1 - var(mt - mc) / (var(mt) + var(mc))
  list(sessions = d, treatment = treatment, control = control, se = se, df = df,
       correlation = correlation, varianceSaved = variance_saved)
}
paired <- list(
  paired_case(5, 4, 4, -20),
  paired_case(6, 1:3, 2:5, 10),
  paired_case(8, 1, 1, -12),
  paired_case(4, 1, 4, 5)
)

# --- Fieller's interval, by root finding on the statistic (not the closed form) ---------------
fieller_case <- function(t, c, vt, vc, cov, crit) {
  f <- function(rho) (t - rho * c)^2 - crit^2 * (vt - 2 * rho * cov + rho^2 * vc)
  est <- t / c
  lo <- uniroot(f, c(est - 100 * abs(est) - 100, est), tol = 1e-14)$root
  hi <- uniroot(f, c(est, est + 100 * abs(est) + 100), tol = 1e-14)$root
  list(treatment = t, control = c, varT = vt, varC = vc, cov = cov, critical = crit, ci = c(lo, hi))
}
fieller <- list(
  fieller_case(0.06, 0.12, 0.0001, 0.00015, 0, 1.96),
  fieller_case(550, 600, 900, 1600, 300, 2.1),
  fieller_case(3.2, 2.0, 0.2, 0.1, -0.05, 2.57)
)

# --- Miettinen–Nurminen score intervals of a difference and a ratio of proportions ------------
mn_difference_z <- function(x1, n1, x0, n0, delta) {
  theta <- n0 / n1; a <- 1 + theta
  p1h <- x1 / n1; p0h <- x0 / n0
  b <- -(1 + theta + p1h + theta * p0h + delta * (theta + 2))
  cc <- delta^2 + delta * (2 * p1h + theta + 1) + p1h + theta * p0h
  d <- -p1h * delta * (1 + delta)
  v <- b^3 / (27 * a^3) - b * cc / (6 * a^2) + d / (2 * a)
  u <- sign(v) * sqrt(max(0, b^2 / (9 * a^2) - cc / (3 * a)))
  w <- (pi + acos(max(-1, min(1, if (u == 0) 0 else v / u^3)))) / 3
  p1 <- min(1, max(0, 2 * u * cos(w) - b / (3 * a))); p0 <- min(1, max(0, p1 - delta))
  N <- n1 + n0
  (p1h - p0h - delta) / sqrt((p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0) * N / (N - 1))
}
mn_ratio_z <- function(x1, n1, x0, n0, rho) {
  A <- rho * (n1 + n0); B <- -(rho * n1 + x1 + n0 + rho * x0); C <- x1 + x0
  p0 <- (-B - sqrt(B^2 - 4 * A * C)) / (2 * A); p1 <- rho * p0
  N <- n1 + n0
  (x1 / n1 - rho * x0 / n0) / sqrt((p1 * (1 - p1) / n1 + rho^2 * p0 * (1 - p0) / n0) * N / (N - 1))
}
mn_case <- function(x1, n1, x0, n0, level = 0.95) {
  z <- qnorm(1 - (1 - level) / 2)
  est <- x1 / n1 - x0 / n0
  lo <- if (mn_difference_z(x1, n1, x0, n0, -1 + 1e-12) <= z) -1 else
    uniroot(function(dl) mn_difference_z(x1, n1, x0, n0, dl) - z, c(-1 + 1e-12, est), tol = 1e-13)$root
  hi <- if (mn_difference_z(x1, n1, x0, n0, 1 - 1e-12) >= -z) 1 else
    uniroot(function(dl) mn_difference_z(x1, n1, x0, n0, dl) + z, c(est, 1 - 1e-12), tol = 1e-13)$root
  rho <- (x1 / n1) / (x0 / n0)
  rlo <- if (x1 == 0) 0 else uniroot(function(r) mn_ratio_z(x1, n1, x0, n0, r) - z, c(1e-9, rho), tol = 1e-13)$root
  rhi <- uniroot(function(r) mn_ratio_z(x1, n1, x0, n0, r) + z, c(max(rho, 1e-9), 1e6), tol = 1e-13)$root
  list(x1 = x1, n1 = n1, x0 = x0, n0 = n0, level = level,
       pValue = 2 * pnorm(-abs(mn_difference_z(x1, n1, x0, n0, 0))),
       difference = c(lo, hi), ratio = c(rlo, rhi))
}
mn <- list(mn_case(56, 70, 48, 80), mn_case(7, 10, 2, 10), mn_case(9, 10, 3, 10, 0.9),
           mn_case(0, 30, 5, 30), mn_case(40, 45, 38, 60))

# --- Exact unconditional p-values ordered by the MN score (Chan & Zhang), a fine grid ---------
exact_p <- function(x1, n1, x0, n0, kind, value) {
  stat <- function(a, b) if (kind == "difference") mn_difference_z(a, n1, b, n0, value) else mn_ratio_z(a, n1, b, n0, value)
  obs <- abs(stat(x1, x0))
  if (!is.finite(obs) || obs == 0) return(if (is.finite(obs)) 1 else NA)
  tables <- expand.grid(a = 0:n1, b = 0:n0)
  z <- mapply(stat, tables$a, tables$b)
  z[is.nan(z)] <- 0 # 0/0: a table the hypothesis fits exactly (all 0 or all 1 in both arms)
  extreme <- abs(z) >= obs * (1 - 1e-9)
  range <- if (kind == "difference") c(max(0, -value), min(1, 1 - value)) else c(0, min(1, 1 / value))
  prob <- function(p0) {
    p1 <- if (kind == "difference") p0 + value else value * p0
    sum(dbinom(tables$a[extreme], n1, p1) * dbinom(tables$b[extreme], n0, p0))
  }
  grid <- seq(range[1], range[2], length.out = 2001)
  values <- sapply(grid, prob)
  best <- which.max(values)
  refine <- optimize(prob, c(grid[max(1, best - 1)], grid[min(length(grid), best + 1)]), maximum = TRUE, tol = 1e-12)
  min(1, max(values[best], refine$objective))
}
exact_case <- function(x1, n1, x0, n0, kind, value) {
  list(x1 = x1, n1 = n1, x0 = x0, n0 = n0, kind = kind, value = value, pValue = exact_p(x1, n1, x0, n0, kind, value))
}
exact <- list(
  exact_case(7, 10, 2, 10, "difference", 0),
  exact_case(4, 4, 0, 4, "difference", 0),
  exact_case(3, 4, 0, 4, "difference", 0),
  exact_case(7, 10, 2, 10, "difference", 0.1),
  exact_case(2, 15, 9, 15, "difference", -0.3),
  exact_case(5, 12, 2, 12, "ratio", 1.5),
  exact_case(0, 20, 4, 20, "difference", 0)
)

# --- Exact permutation p-values of the studentized statistic, by enumeration ------------------
welch_t <- function(x, y) (mean(x) - mean(y)) / sqrt(var(x) / length(x) + var(y) / length(y))
perm_independent <- function(control, treatment) {
  all <- c(control, treatment); n <- length(all); k <- length(treatment)
  obs <- abs(welch_t(treatment, control))
  combos <- combn(n, k)
  t <- apply(combos, 2, function(i) abs(welch_t(all[i], all[-i])))
  list(control = control, treatment = treatment, pValue = mean(t >= obs * (1 - 1e-9)), assignments = ncol(combos))
}
perm_paired <- function(control, treatment) {
  # One session per arm and task: swapping within a task flips the sign of its difference.
  d <- treatment - control; k <- length(d)
  obs <- abs(mean(d) / (sd(d) / sqrt(k)))
  signs <- as.matrix(expand.grid(rep(list(c(-1, 1)), k)))
  t <- apply(signs, 1, function(s) { x <- s * d; abs(mean(x) / (sd(x) / sqrt(k))) })
  t[!is.finite(t)] <- Inf
  list(control = control, treatment = treatment, pValue = mean(t >= obs * (1 - 1e-9)), assignments = nrow(signs))
}
permutation <- list(
  independent = list(
    perm_independent(round(rlnorm(6, 5, 1), 1), round(rlnorm(5, 4.4, 1), 1)),
    perm_independent(c(3, 5, 2, 8, 4, 6, 7), c(1, 2, 2, 3)),
    perm_independent(round(rnorm(8, 10, 2), 2), round(rnorm(8, 12, 3), 2))
  ),
  paired = list(
    perm_paired(c(12, 15, 9, 20, 14, 11), c(10, 14, 9.5, 15, 13, 8)),
    perm_paired(round(rnorm(9, 50, 10), 1), round(rnorm(9, 45, 10), 1))
  )
)

# --- Group-sequential boundaries (Lan–DeMets O'Brien–Fleming, two-sided) and repeated p-values -
gs_case <- function(rates, alpha = 0.05) {
  d <- getDesignGroupSequential(kMax = length(rates), alpha = alpha, sided = 2,
                                typeOfDesign = "asOF", informationRates = rates)
  list(fractions = rates, alpha = alpha, boundaries = d$criticalValues)
}
group_sequential <- list(gs_case(c(0.25, 0.5, 0.75, 1)), gs_case(c(0.1, 0.45, 1)),
                         gs_case(c(0.2, 0.4, 0.6, 0.8, 1)), gs_case(c(0.3, 0.7, 1), 0.1),
                         gs_case(c(0.5, 1), 0.01))
repeated_case <- function(rates, nominal) {
  k <- length(rates)
  level_at <- function(a) {
    d <- getDesignGroupSequential(kMax = max(2, k), alpha = a, sided = 2, typeOfDesign = "asOF",
                                  informationRates = if (k == 1) c(rates, 1) else rates)
    2 * (1 - pnorm(d$criticalValues[k]))
  }
  p <- uniroot(function(a) log(level_at(a)) - log(nominal), c(1e-6, 0.49), tol = 1e-10)$root
  list(fractions = rates, nominalP = nominal, repeatedP = p)
}
repeated <- list(repeated_case(c(0.25, 0.5), 0.003), repeated_case(c(0.25, 0.5, 0.75, 1), 0.02),
                 repeated_case(c(0.2, 0.4, 0.6), 0.01), repeated_case(c(0.5, 1), 0.04))

write_json(
  list(generator = paste("scripts/reference/small-sample.R", R.version.string,
                         "clubSandwich", as.character(packageVersion("clubSandwich")),
                         "rpact", as.character(packageVersion("rpact"))),
       clustered = clustered, paired = paired, fieller = fieller, mn = mn, exact = exact,
       permutation = permutation, groupSequential = group_sequential, repeatedP = repeated),
  "test/fixtures/r-small-sample.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
