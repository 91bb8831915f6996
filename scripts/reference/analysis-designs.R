# Reference values for the analysis designs (paired, clustered, sequential), computed with R
# independently of the TypeScript code. Writes test/fixtures/r-analysis-designs.json.
# Run: Rscript scripts/reference/analysis-designs.R
set.seed(7)
json_num <- function(x) if (length(x) == 1) sprintf("%.17g", x) else paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
json_str <- function(x) paste0("\"", x, "\"")

# Paired: 8 tasks, 3 sessions per task and arm, completion times with a task effect.
tasks <- 8
task_effect <- rnorm(tasks, 0, 60)
sessions <- list()
for (arm in c("cold", "warm")) for (k in 1:tasks) for (s in 1:3) {
  value <- round(300 + task_effect[k] + rnorm(1, 0, 25) - (arm == "warm") * 20, 2)
  sessions[[length(sessions) + 1]] <- list(variant = arm, task = sprintf("t%02d", k), value = value)
}
df <- do.call(rbind, lapply(sessions, as.data.frame))
means <- aggregate(value ~ variant + task, df, mean)
c_means <- means$value[means$variant == "cold"]
w_means <- means$value[means$variant == "warm"]
paired <- t.test(w_means, c_means, paired = TRUE)

# Sequential interval on the paired estimate (GrowthBook's mixture boundary), N = all sessions.
alpha <- 0.05; n_star <- 400; n <- nrow(df)
rho <- sqrt((-2 * log(alpha) + log(-2 * log(alpha) + 1)) / n_star)
se <- unname(paired$stderr); est <- unname(paired$estimate)
half <- se * sqrt(n) * sqrt(2 * (n * rho^2 + 1) / (n^2 * rho^2) * log(sqrt(n * rho^2 + 1) / alpha))
# The paired estimate has a t reference (df = tasks - 1): the boundary moves to the t scale by
# equal tail probability, and t to the z with the same tail before the always-valid p is taken
# (the alpha at which the boundary touches 0, rho kept at the configured alpha).
df_t <- unname(paired$parameter)
half <- se * qt(pnorm(half / se), df_t)
z <- -qnorm(pt(-abs(est / se), df_t))
seq_p <- min(1, sqrt(n * rho^2 + 1) * exp(-z^2 * n * rho^2 / (2 * (n * rho^2 + 1))))

# Clustered: 6 tasks in cold, 6 other tasks in warm, 4 sessions each (Miller eq. 4, divisor n).
cl <- list()
for (arm in c("cold", "warm")) for (k in 1:6) {
  effect <- rnorm(1, 0, 40)
  for (s in 1:4) cl[[length(cl) + 1]] <- list(variant = arm, task = sprintf("%s-%d", arm, k), value = round(200 + effect + rnorm(1, 0, 15) + (arm == "warm") * 30, 2))
}
cdf <- do.call(rbind, lapply(cl, as.data.frame))
clustered_se <- function(x, g) {
  r <- x - mean(x); n <- length(x)
  sqrt(sum(tapply(r, g, sum)^2)) / n
}
w <- cdf[cdf$variant == "warm", ]; c0 <- cdf[cdf$variant == "cold", ]
cl_est <- mean(w$value) - mean(c0$value)
cl_se <- sqrt(clustered_se(w$value, w$task)^2 + clustered_se(c0$value, c0$task)^2)
cl_p <- 2 * pnorm(-abs(cl_est / cl_se))
cl_ci <- cl_est + c(-1, 1) * qnorm(0.975) * cl_se

records <- function(d) paste0("[", paste(sprintf("{\"variant\": %s, \"task\": %s, \"value\": %s}", json_str(d$variant), json_str(d$task), sprintf("%.17g", d$value)), collapse = ",\n    "), "]")
out <- paste0("{\n",
  "  \"generator\": \"scripts/reference/analysis-designs.R (", R.version.string, ")\",\n",
  "  \"paired\": {\n    \"sessions\": ", records(df), ",\n",
  "    \"estimate\": ", json_num(est), ", \"se\": ", json_num(se), ", \"df\": ", json_num(unname(paired$parameter)), ",\n",
  "    \"pValue\": ", json_num(paired$p.value), ", \"ci\": ", json_num(as.numeric(paired$conf.int)), ",\n",
  "    \"correlation\": ", json_num(cor(w_means, c_means)), ",\n",
  "    \"sequential\": { \"expectedSessions\": ", n_star, ", \"ci\": ", json_num(est + c(-1, 1) * half), ", \"pValue\": ", json_num(seq_p), " }\n  },\n",
  "  \"clustered\": {\n    \"sessions\": ", records(cdf), ",\n",
  "    \"estimate\": ", json_num(cl_est), ", \"se\": ", json_num(cl_se), ", \"pValue\": ", json_num(cl_p), ", \"ci\": ", json_num(cl_ci), "\n  }\n}\n")
writeLines(out, "test/fixtures/r-analysis-designs.json")
