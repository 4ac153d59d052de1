# Shared by the reference scripts: a JSON writer and the summaries of coxph, cox.zph and glm fits.
suppressMessages(library(survival))

# A minimal JSON writer (jsonlite is not always installed): lists with names become objects,
# vectors of length != 1 become arrays, NA becomes null, numbers keep 17 significant digits.
json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      parts <- mapply(function(k, v) paste0('"', k, '":', json(v)), names(x), x)
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, json, ""), collapse = ","), "]"))
  }
  scalar <- function(v) {
    if (is.na(v)) return("null")
    if (is.logical(v)) return(if (v) "true" else "false")
    if (is.character(v)) return(paste0('"', v, '"'))
    if (is.infinite(v)) return("null")
    sprintf("%.17g", v)
  }
  values <- vapply(as.list(x), scalar, "")
  if (length(x) == 1 && is.null(attr(x, "array"))) return(values)
  paste0("[", paste(values, collapse = ","), "]")
}
arr <- function(x) { attr(x, "array") <- TRUE; x }
z95 <- qnorm(0.975)

cox_summary <- function(fit) {
  coef <- fit$coefficients
  se_full <- sqrt(diag(fit$var)); se_full[is.na(coef)] <- NA
  df <- sum(!is.na(coef))
  # summary.coxph rounds the Wald statistic to 2 decimals; take the fit's own values instead.
  test <- function(statistic) list(statistic = unname(statistic), df = df, p = pchisq(unname(statistic), df, lower.tail = FALSE))
  list(
    terms = arr(names(coef)),
    coef = arr(unname(coef)),
    se = arr(se_full),
    hazardRatio = arr(unname(exp(coef))),
    lower = arr(unname(exp(coef - z95 * se_full))),
    upper = arr(unname(exp(coef + z95 * se_full))),
    z = arr(unname(coef / se_full)),
    p = arr(unname(2 * pnorm(-abs(coef / se_full)))),
    loglik = arr(fit$loglik),
    n = fit$n, events = fit$nevent,
    likelihoodRatio = test(2 * (fit$loglik[2] - fit$loglik[1])),
    wald = test(fit$wald.test),
    score = test(fit$score),
    concordance = unname(concordance(fit)$concordance),
    concordanceSe = unname(sqrt(concordance(fit)$var))
  )
}

zph_summary <- function(fit) {
  z <- cox.zph(fit)
  # The scaled Schoenfeld residuals (one row per event, one column per term) against the KM
  # transform of time, as plot(cox.zph(fit)) draws them.
  residuals <- lapply(seq_len(ncol(z$y)), function(j) arr(unname(z$y[, j])))
  names(residuals) <- colnames(z$y)
  list(terms = arr(rownames(z$table)), chiSquare = arr(unname(z$table[, "chisq"])),
       df = arr(unname(z$table[, "df"])), p = arr(unname(z$table[, "p"])),
       time = arr(unname(z$time)), transformedTime = arr(unname(z$x)), scaledResiduals = residuals)
}

glm_summary <- function(fit) {
  cf <- summary(fit)$coefficients
  est <- coef(fit)
  se <- rep(NA_real_, length(est)); names(se) <- names(est); se[rownames(cf)] <- cf[, 2]
  list(terms = arr(names(est)), estimate = arr(unname(est)), se = arr(unname(se)),
       oddsRatio = arr(unname(exp(est))), lower = arr(unname(exp(est - z95 * se))),
       upper = arr(unname(exp(est + z95 * se))), z = arr(unname(est / se)),
       p = arr(unname(2 * pnorm(-abs(est / se)))), deviance = fit$deviance,
       nullDeviance = fit$null.deviance, converged = fit$converged)
}

