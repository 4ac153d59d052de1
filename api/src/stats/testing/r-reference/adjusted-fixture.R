# Reference values for api/src/adjusted/adjusted.e2e.spec.ts: the same hand-made program, fitted in R.
# Run from the repository root:
#   Rscript api/src/stats/testing/r-reference/adjusted-fixture.R > api/src/adjusted/adjusted-fixture.json
#   npx prettier --write api/src/adjusted/adjusted-fixture.json
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "reference-helpers.R"))

# One row per modelled episode (the e2e fixture's, with t and the dropout event of METRICS.md;
# completed episodes are censored at as_of − admission = 180 days).
d <- data.frame(
  id     = c("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "S1", "S2", "S3", "S4", "S5", "S6", "S7"),
  group  = c(rep("process", 9), rep("skills", 7)),
  t      = c(10, 10, 180, 30, 45, 180, 75, 180, 180, 10, 20, 180, 30, 40, 180, 30),
  event  = c(1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1),
  discharged = c(1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1),
  completed  = c(0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0),
  co     = c("yes", "no", "no", "yes", "no", "yes", "no", "yes", "no", "yes", "yes", "no", "no", "yes", "no", "yes"),
  base   = c(20, 5, 0, 12, 3, 8, 15, 2, 25, 10, 30, 1, 6, 18, 4, 22)
)
d$group <- factor(d$group, levels = c("process", "skills"))
d$co <- factor(d$co, levels = c("no", "yes"))

fit <- coxph(Surv(t, event) ~ group + co + base, data = d)
curves <- lapply(levels(d$group), function(level) {
  nd <- d; nd$group <- factor(level, levels = levels(d$group))
  sf <- survfit(fit, newdata = nd)
  keep <- sf$n.event > 0
  list(group = level, time = arr(sf$time[keep]), survival = arr(unname(rowMeans(sf$surv)[keep])))
})
discharged <- subset(d, discharged == 1)
completion <- glm(completed ~ group + co + base, data = discharged, family = binomial)
out <- list(cox = c(cox_summary(fit), list(zph = zph_summary(fit))), curves = curves, logistic = glm_summary(completion))
cat(json(out), "\n")
