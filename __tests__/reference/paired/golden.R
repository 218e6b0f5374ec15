# Golden answers for benchgate's paired statistics (src/stats/signedrank.ts, hodges-lehmann.ts,
# paired.ts), computed by references that share no code with ours. Run through regen.sh.
#
# Which reference covers which regime (the `pRef` / `ciRef` fields of every case say it too):
#
#   p-value, n ≤ 50 non-zero differences (our exact regime)
#     no ties in |d|      R  wilcox.test(d[d != 0], exact = TRUE)          ("R exact")
#                          (zeros are dropped first: Wilcoxon's rule, which is what R itself
#                          does before it declines the exact test "with zeroes")
#     ties, n ≤ 20        enumeration of all 2^n sign assignments of the midranks, below:
#                          the *definition* of the exact conditional distribution ("enumeration"),
#                          cross-checked against exactRankTests
#     ties, 20 < n ≤ 50   exactRankTests::wilcox.exact (Streitberg–Röhmel shift algorithm)
#   p-value, n > 50       R  wilcox.test(d, exact = FALSE, correct = TRUE) ("R normal")
#
#   Hodges–Lehmann estimate: median of the Walsh averages of the non-zero differences, as R's
#     exact branch computes it (and asserted equal to wilcox.test's estimate where R is exact).
#     R's asymptotic branch returns instead a uniroot of the uncorrected z, which is not the
#     Walsh median; we do not compare with that.
#   Interval, n ≤ 50 and no equal non-zero differences (our exact regime)
#     no ties in |d|      R  wilcox.test(d[d != 0], exact = TRUE, conf.int = TRUE)  ("R exact")
#     opposite-sign ties  R's own exact-branch formula (qsignrank on the Walsh averages), since
#                          wilcox.test declines exact there                       ("R qsignrank")
#   Interval otherwise    R  wilcox.test(d, exact = FALSE, correct = TRUE, conf.int = TRUE,
#                          tol.root = 1e-13)                                       ("R normal")
#     `reached` is FALSE where R could not reach the requested level (it then widens α or returns
#     NaN); there benchgate returns ±∞ or a wider interval, and the test checks only containment.

suppressPackageStartupMessages(library(exactRankTests))
set.seed(20261129)

num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.nan(x), '"NaN"', ifelse(is.infinite(x), ifelse(x > 0, '"Inf"', '"-Inf"'), sprintf("%.17g", x)))
  paste0("[", paste(s, collapse = ","), "]")
}
one <- function(x) substring(num(x), 2, nchar(num(x)) - 1)
str <- function(s) paste0('"', s, '"')

# The exact conditional distribution by its definition: every sign assignment, once.
enumerate_p <- function(r, wplus) {
  v <- 0
  for (ri in r) v <- c(v, v + ri)
  min(1, 2 * min(mean(v <= wplus), mean(v >= wplus)))
}

walsh_of <- function(x) {
  w <- outer(x, x, "+")
  sort(w[!lower.tri(w)]) / 2
}

reference <- function(d) {
  nz <- d[d != 0]
  n <- length(nz)
  zeros <- sum(d == 0)
  out <- list(n = n, zeros = zeros)
  if (n == 0) {
    out$wPlus <- 0; out$p <- 1; out$pMethod <- "exact"; out$pRef <- "definition (no non-zero pair)"
    out$estimate <- 0
    for (conf in c(0.95, 0.9)) out[[paste0("ci", conf * 100)]] <- list(lo = -Inf, hi = Inf, reached = FALSE, method = "exact", ref = "definition")
    return(out)
  }
  r <- rank(abs(nz))
  wplus <- sum(r[nz > 0])
  out$wPlus <- wplus
  absTies <- anyDuplicated(abs(nz)) > 0
  if (n <= 50) {
    out$pMethod <- "exact"
    if (!absTies) {
      out$p <- wilcox.test(nz, exact = TRUE)$p.value
      out$pRef <- "R exact"
    } else if (n <= 20) {
      out$p <- enumerate_p(r, wplus)
      out$pRef <- "enumeration"
      other <- wilcox.exact(nz, exact = TRUE)$p.value
      if (abs(other - out$p) > 1e-12 * max(1, out$p)) stop(sprintf("exactRankTests %g vs enumeration %g", other, out$p))
    } else {
      out$p <- wilcox.exact(nz, exact = TRUE)$p.value
      out$pRef <- "exactRankTests"
    }
  } else {
    out$pMethod <- "normal"
    out$p <- suppressWarnings(wilcox.test(d, exact = FALSE, correct = TRUE))$p.value
    out$pRef <- "R normal"
  }

  walsh <- walsh_of(nz)
  out$estimate <- median(walsh)
  equal <- anyDuplicated(nz) > 0
  for (conf in c(0.95, 0.9)) {
    alpha <- 1 - conf
    ci <- list()
    if (n <= 50 && !equal) {
      ci$method <- "exact"
      ci$reached <- qsignrank(alpha / 2, n) > 0
      if (!absTies) {
        wt <- suppressWarnings(wilcox.test(nz, exact = TRUE, conf.int = TRUE, conf.level = conf))
        if (!isTRUE(all.equal(unname(wt$estimate), out$estimate, tolerance = 1e-15))) stop("R's estimate is not the Walsh median")
        ci$lo <- wt$conf.int[1]; ci$hi <- wt$conf.int[2]; ci$ref <- "R exact"
      } else {
        qu <- qsignrank(alpha / 2, n)
        if (qu == 0) qu <- 1
        ql <- n * (n + 1) / 2 - qu
        ci$lo <- walsh[qu]; ci$hi <- walsh[ql + 1]; ci$ref <- "R qsignrank"
      }
    } else {
      ci$method <- "normal"
      wt <- suppressWarnings(wilcox.test(d, exact = FALSE, correct = TRUE, conf.int = TRUE, conf.level = conf, tol.root = 1e-13))
      ci$lo <- wt$conf.int[1]; ci$hi <- wt$conf.int[2]
      ci$reached <- isTRUE(attr(wt$conf.int, "conf.level") == conf) && is.finite(ci$lo)
      ci$ref <- "R normal"
    }
    out[[paste0("ci", conf * 100)]] <- ci
  }
  out
}

ci_json <- function(ci) sprintf('{"lo":%s,"hi":%s,"reached":%s,"method":%s,"ref":%s}',
  one(ci$lo), one(ci$hi), tolower(ci$reached), str(ci$method), str(ci$ref))

case_json <- function(kind, d, base = NULL, head = NULL) {
  ref <- reference(d)
  pairs <- if (is.null(base)) "" else sprintf('"base":%s,"head":%s,', num(base), num(head))
  sprintf('{"kind":%s,%s"d":%s,"n":%d,"zeros":%d,"wPlus":%s,"p":%s,"pMethod":%s,"pRef":%s,"estimate":%s,"ci95":%s,"ci90":%s}',
    str(kind), pairs, num(d), ref$n, ref$zeros, one(ref$wPlus), one(ref$p), str(ref$pMethod), str(ref$pRef),
    one(ref$estimate), ci_json(ref$ci95), ci_json(ref$ci90))
}

cases <- character()
add <- function(...) cases <<- c(cases, case_json(...))
shift <- function() sample(c(0, 0, 0.005, 0.02, 0.05, -0.03), 1)
spread <- function() sample(c(0.003, 0.01, 0.05), 1)

# Continuous log ratios: no ties. Every n from 1 to 60 twice, and some larger.
for (n in c(1:60, 1:60, 75, 100, 100, 150)) add("continuous", rnorm(n, shift(), spread()))
# Coarse ratios (equal values, opposite-sign ties, zeros), small to large.
for (n in c(2:60, seq(2, 50, 4), 100, 100)) add("ties", round(rnorm(n, shift() * 50, 2)) / 100)
# Exact zeros among continuous differences (head = base in some pairs).
for (n in c(3, 5, 6, 8, 10, 15, 20, 30, 45, 50, 51, 55, 60, 100)) {
  d <- rnorm(n, shift(), spread())
  d[sample(n, max(1, n %/% 4))] <- 0
  add("zeros", d)
}
# Opposite-sign ties of |d| only: no two differences equal.
for (n in c(4, 6, 9, 12, 20, 30, 40, 50, 60)) {
  a <- abs(rnorm(ceiling(n / 2), 0.01, spread())) + 1e-4
  d <- c(a, -a[seq_len(n - length(a))])
  add("opposite", sample(d))
}
# All pairs equal, and all differences equal.
for (n in c(1, 5, 30, 60)) add("all-zero", rep(0, n))
for (n in c(1, 3, 6, 10, 30, 51, 60)) add("all-equal", rep(sample(c(0.02, -0.01), 1), n))
# One pair.
for (x in c(0.01, -0.2, 1e-9)) add("one-pair", x)
# Pairs as comparePairs sees them: base and head, d = log(head/base).
for (n in c(1, 4, 6, 8, 12, 16, 20, 25, 30, 40, 50, 60, 80, 100)) {
  base <- rlnorm(n, log(sample(c(1e-8, 1e-3, 1, 1e4), 1)), 0.1)
  head <- base * exp(rnorm(n, shift(), spread()))
  if (n >= 8) head[sample(n, 2)] <- base[sample(n, 2)] # unequal draws
  if (n >= 12) { k <- sample(n, 2); head[k] <- base[k] } # two exact zeros
  add("pairs", log(head / base), base, head)
}

cat("{\n\"seed\": 20261129,\n\"R\": ", str(R.version.string), ",\n\"exactRankTests\": ", str(as.character(packageVersion("exactRankTests"))),
  ",\n\"cases\": [\n", paste(cases, collapse = ",\n"), "\n]\n}\n", sep = "")
