# Reference values for api/src/stats (Cox, cox.zph, logistic, adjusted curves, funnel limits).
# Run from the repository root:
#   Rscript api/src/stats/testing/r-reference/models.R > api/src/stats/testing/r-reference/models.json
#   npx prettier --write api/src/stats/testing/r-reference/models.json
# Needs R with the survival package (>= 3). The Jest specs read the JSON only, so CI needs no R.
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "reference-helpers.R"))

out <- list()

# Data, written out so the specs fit exactly what R fitted.
lung_cc <- lung[, c("time", "status", "age", "sex", "ph.ecog")]
out$data <- list(
  aml = list(time = arr(aml$time), status = arr(aml$status), x = arr(as.character(aml$x))),
  lung = list(time = arr(lung_cc$time), status = arr(lung_cc$status), age = arr(lung_cc$age),
              sex = arr(lung_cc$sex), phEcog = arr(lung_cc$ph.ecog))
)

aml_fit <- coxph(Surv(time, status) ~ x, data = aml)
out$amlCox <- c(cox_summary(aml_fit), list(zph = zph_summary(aml_fit)))

lung_fit <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung)
out$lungCox <- c(cox_summary(lung_fit), list(zph = zph_summary(lung_fit)))

# A factor with 2 columns: cox.zph's per-term test then has 2 df.
lung3 <- subset(lung, !is.na(ph.ecog) & ph.ecog < 3)
lung3$ecog <- factor(lung3$ph.ecog)
lung_factor_fit <- coxph(Surv(time, status) ~ age + sex + ecog, data = lung3)
out$lungFactorCox <- c(cox_summary(lung_factor_fit), list(zph = zph_summary(lung_factor_fit)))

# Heavy ties: time in whole months.
lung_months <- transform(lung, months = time %/% 30)
months_fit <- coxph(Surv(months, status) ~ age + sex, data = lung_months, ties = "efron")
out$lungMonthsCox <- c(cox_summary(months_fit), list(zph = zph_summary(months_fit)))

# A factor level with no events: aml plus a third, all-censored arm.
aml_empty <- rbind(aml, data.frame(time = c(10, 20, 30, 40), status = 0, x = "Empty"))
aml_empty$x <- factor(aml_empty$x, levels = c("Maintained", "Nonmaintained", "Empty"))
empty_fit <- suppressWarnings(coxph(Surv(time, status) ~ x, data = aml_empty))
out$amlEmptyLevelCox <- list(terms = arr(names(coef(empty_fit))), coef = arr(unname(coef(empty_fit))),
  warning = tryCatch({ coxph(Surv(time, status) ~ x, data = aml_empty); "" }, warning = function(w) conditionMessage(w)))

# A covariate constant within the data: R gives NA (aliased).
lung_const <- transform(lung, program = 1)
const_fit <- coxph(Surv(time, status) ~ age + program + sex, data = lung_const)
out$lungConstantCox <- cox_summary(const_fit)

lung_glm <- glm(I(status == 2) ~ age + sex, data = lung, family = binomial)
out$lungLogistic <- glm_summary(lung_glm)
const_glm <- glm(I(status == 2) ~ age + program + sex, data = lung_const, family = binomial)
out$lungConstantLogistic <- glm_summary(const_glm)
ecog_glm <- glm(I(status == 2) ~ age + ecog, data = lung3, family = binomial)
out$lungFactorLogistic <- glm_summary(ecog_glm)

# Complete separation: every subject over 70 died. glm warns; the stats module must refuse.
separated <- data.frame(age = c(50, 55, 60, 62, 65, 71, 73, 75, 80, 85), died = c(0, 0, 1, 0, 0, 1, 1, 1, 1, 1))
separated$old <- as.numeric(separated$age > 70)
sep_warnings <- character(0)
invisible(withCallingHandlers(glm(died ~ old, data = separated, family = binomial),
  warning = function(w) { sep_warnings <<- c(sep_warnings, conditionMessage(w)); invokeRestart("muffleWarning") }))
out$separatedLogistic <- list(data = list(old = arr(separated$old), died = arr(separated$died)), warnings = arr(sep_warnings))

# Direct adjustment: mean over every modelled subject of S(t | x with sex set to each level).
lung_cc2 <- na.omit(lung_cc)
lung_cc2$sexf <- factor(lung_cc2$sex, labels = c("male", "female"))
adj_fit <- coxph(Surv(time, status) ~ sexf + age + ph.ecog, data = lung_cc2)
adjusted <- lapply(levels(lung_cc2$sexf), function(level) {
  nd <- lung_cc2; nd$sexf <- factor(level, levels = levels(lung_cc2$sexf))
  sf <- survfit(adj_fit, newdata = nd)
  keep <- sf$n.event > 0
  list(group = level, time = arr(sf$time[keep]), survival = arr(unname(rowMeans(sf$surv)[keep])))
})
out$lungAdjustedCurves <- list(coef = arr(unname(coef(adj_fit))), curves = adjusted)

# Funnel plot limits (Spiegelhalter 2005, appendix A.1.1): interpolated exact binomial quantiles.
funnel_limit <- function(n, p0, prob) {
  r <- qbinom(prob, n, p0)
  alpha <- (pbinom(r, n, p0) - prob) / (pbinom(r, n, p0) - pbinom(r - 1, n, p0))
  (r - alpha) / n
}
cases <- list(c(20, 0.6), c(57, 0.45), c(250, 0.823), c(1000, 0.07), c(5, 0.5), c(3000, 0.91))
out$funnel <- lapply(cases, function(case) {
  n <- case[1]; p0 <- case[2]
  list(n = n, p0 = p0, lower998 = funnel_limit(n, p0, 0.001), lower95 = funnel_limit(n, p0, 0.025),
       upper95 = funnel_limit(n, p0, 0.975), upper998 = funnel_limit(n, p0, 0.999))
})

cat(json(out), "\n")
