/**
 * z of every 95% interval (docs/METRICS.md, "Intervals"): R's qnorm(0.975), which survfit,
 * binom and confint use. 1.96 is already off in the sixth decimal of a bound (Wilson 18/20:
 * 0.6989618 against binom's 0.6989664).
 */
export const Z_95 = 1.959963984540054;
