# Reference values for funnelPosition (api/src/stats/funnel-limits.ts): where k of n lies against the
# 99.8% limits of Binomial(n, p0), by the exact binomial test. Run from the repository root:
#   Rscript api/src/stats/testing/r-reference/funnel-flags.R > api/src/stats/testing/r-reference/funnel-flags.json
#   npx prettier --write api/src/stats/testing/r-reference/funnel-flags.json
# Base R only. The Jest spec reads the JSON, so CI needs no R.
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "reference-helpers.R"))

# Spiegelhalter's interpolated limit, as models.R draws it: what the flag must NOT be read from.
interpolated <- function(n, p0, prob) {
  r <- qbinom(prob, n, p0)
  alpha <- (pbinom(r, n, p0) - prob) / (pbinom(r, n, p0) - pbinom(r - 1, n, p0))
  (r - alpha) / n
}

# k, n, p0: tiny groups at a high target, the edges of the tails, and ordinary sizes.
cases <- list(
  c(1, 1, 0.6), c(0, 1, 0.6), c(5, 5, 0.6), c(0, 5, 0.6), c(10, 10, 0.6), c(14, 14, 0.6),
  c(0, 14, 0.4), c(20, 20, 0.6), c(1, 20, 0.6), c(3, 20, 0.6), c(4, 20, 0.6), c(40, 57, 0.45),
  c(39, 57, 0.45), c(12, 57, 0.45), c(13, 57, 0.45), c(1, 1, 0.999), c(0, 1, 0.001),
  c(250, 250, 0.823), c(183, 250, 0.823)
)
out <- lapply(cases, function(case) {
  k <- case[1]; n <- case[2]; p0 <- case[3]
  q001 <- qbinom(0.001, n, p0); q999 <- qbinom(0.999, n, p0)
  list(
    k = k, n = n, p0 = p0, q001 = q001, q999 = q999,
    # binom.test's one-sided p-values: P(X >= k) and P(X <= k).
    pAbove = binom.test(k, n, p0, alternative = "greater")$p.value,
    pBelow = binom.test(k, n, p0, alternative = "less")$p.value,
    upper998 = min(1, interpolated(n, p0, 0.999)), lower998 = max(0, interpolated(n, p0, 0.001)),
    position = if (k > q999) "above" else if (k < q001) "below" else "within"
  )
})
cat(json(list(cases = out)), "\n")
