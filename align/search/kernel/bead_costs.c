/* Bead costs for one block of rows of the search, at compiled speed.
 *
 * Computes what `make_cost_rows` in align/search/costs.py computes with numpy (its fallback), term by term
 * and in the same order, from the same inputs: prefix sums of the dot products of source segments with the
 * target columns the block reaches, and per-segment lengths, norms and kinds.  Every (a, b) block sum of dot
 * products is built from the prefix sums inside one loop over the cells; no bead vector is ever built.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(_WIN32)
#define EXPORT __declspec(dllexport)
#else
#define EXPORT __attribute__((visibility("default")))
#endif

#define MAX_RUN 8

/* the weights, in the order costs.py passes them */
enum {
    P_MU, P_SD, P_SIMILARITY, P_MAX_Z, P_SQRT_MAX_Z, P_LENGTH, P_SIZE, P_DILUTION, P_ORPHAN, P_ORPHAN_Z,
    P_ORPHAN_LENGTH, P_RATIO, P_VARIANCE, P_MAX_LENGTH_COST, P_CUT_PAREN, P_CUT_CLAUSE, P_CUT_ANCHOR,
    P_MAX_CUT_ANCHORS, P_UNRELATED, P_MARKED, P_HEADING, P_HEADING_LENGTH, P_COUNT
};

/* numpy's nan_to_num: nan -> 0, +-inf -> the largest finite double of that sign */
static inline double nan_to_num(double x) {
    if (isnan(x)) return 0.0;
    if (isinf(x)) return x > 0 ? DBL_MAX : -DBL_MAX;
    return x;
}

static inline double log_erfc(double x) {
    double t = 1.0 / (1.0 + 0.5 * x);
    double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277))))))));
    return log(t) - x * x + poly;
}

static inline double dmax(double a, double b) { return a > b ? a : b; }
static inline double dmin(double a, double b) { return a < b ? a : b; }
static inline int64_t imax(int64_t a, int64_t b) { return a > b ? a : b; }
static inline int64_t imin(int64_t a, int64_t b) { return a < b ? a : b; }
static inline int64_t iclip(int64_t x, int64_t lo, int64_t hi) { return x < lo ? lo : (x > hi ? hi : x); }

/* Rows i0 .. i1-1 (one row before them, e0 = max(0, i0-1), is computed too: a bead without its last source
 * segment ends there).  out: (n_moves, i1 - i0, width), inf where a move does not fit.
 *
 * prefix: (rows from r0, span + 1) cumulative dot products of source segment r with target columns c0 ...
 * run_norm2 / run_length: (max_run + 1, segments + 1) per side; cum_*: cumulative kind counts (segments + 1);
 * paren / clause: per boundary (segments + 1); anchors: (i1 - e0, width) names and numbers a boundary at each
 * cell separates, or NULL.  cos_rows: scratch of 2 * (max_a + 1) * (max_b + 1) * width doubles, orphans:
 * scratch of n_moves * width doubles.
 */
EXPORT int64_t bead_costs(int64_t i0, int64_t i1, int64_t width, int64_t n, int64_t m,
                          int64_t n_moves, const int64_t *moves_a, const int64_t *moves_b, const int64_t *lo,
                          const double *prefix, int64_t r0, int64_t c0, int64_t span,
                          const double *src_norm2, const double *src_runlen, const double *tgt_norm2,
                          const double *tgt_runlen, const double *src_lengths, const double *tgt_lengths,
                          const double *sub_src, const double *sub_tgt,
                          const double *unrel_src, const double *unrel_tgt, const double *marked_src,
                          const double *marked_tgt, const double *heading_src, const double *heading_tgt,
                          const double *paren_src, const double *paren_tgt, const double *clause_src,
                          const double *clause_tgt, const double *anchors, const double *params,
                          const double *unbalanced, double *cos_rows, double *orphans, double *out) {
    int64_t max_a = 1, max_b = 1;
    for (int64_t k = 0; k < n_moves; k++) {
        max_a = imax(max_a, moves_a[k]);
        max_b = imax(max_b, moves_b[k]);
    }
    if (max_a >= MAX_RUN || max_b >= MAX_RUN) return -1;
    const int64_t A = max_a + 1, B = max_b + 1, AB = A * B;
    const int64_t sn = n + 1, sm = m + 1, ps = span + 1;
    const double mu = params[P_MU], sd = params[P_SD];
    const double inf = INFINITY;
    const int64_t e0 = i0 > 0 ? i0 - 1 : 0;
    const int64_t skip = i0 - e0;
    const int64_t rows_out = i1 - i0;
    double by_a[MAX_RUN][MAX_RUN];
    double tgt_worst[MAX_RUN][MAX_RUN], src_worst[MAX_RUN][MAX_RUN];

    for (int64_t i = e0; i < i1; i++) {
        const int64_t rr = i - e0;
        double *cos_cur = cos_rows + (rr % 2) * AB * width;
        const double *cos_prev = cos_rows + ((rr + 1) % 2) * AB * width;
        const int64_t step = rr > 0 ? lo[i] - lo[i - 1] : 0;
        const int out_row = rr >= skip;
        const int64_t r_out = rr - skip;
        for (int64_t w = 0; w < width; w++) {
            const int64_t j = lo[i] + w;
            const int64_t jc = iclip(j, 0, m);
            const int64_t base = j - c0;
            /* block dot products: by_a[a][b] = sum over source segments i-a .. i-1 of their dots with
             * targets j-b .. j-1, accumulated over a as the numpy version does */
            for (int64_t b = 0; b < B; b++) by_a[0][b] = 0.0;
            double acc[MAX_RUN] = {0.0};
            for (int64_t a = 1; a < A; a++) {
                const int64_t r = i - a;
                by_a[a][0] = 0.0;
                if (r >= 0) {
                    const double *row = prefix + (imax(r, r0) - r0) * ps;
                    const double hi = row[iclip(base, 0, span)];
                    for (int64_t b = 1; b < B; b++) acc[b] = acc[b] + (hi - row[iclip(base - b, 0, span)]);
                } else {
                    for (int64_t b = 1; b < B; b++) acc[b] = acc[b] + 0.0;
                }
                for (int64_t b = 1; b < B; b++) by_a[a][b] = acc[b];
            }
            for (int64_t a = 1; a < A; a++)
                for (int64_t b = 1; b < B; b++)
                    cos_cur[(a * B + b) * width + w] =
                        nan_to_num(by_a[a][b] / sqrt(src_norm2[a * sn + i] * tgt_norm2[b * sm + jc]));
            if (!out_row) continue;
            /* how unrelated the least related segment of each side looks (see _orphan_evidence) */
            const double thr = params[P_ORPHAN_Z], full = params[P_ORPHAN_LENGTH];
            for (int64_t a = 1; a < A; a++) {
                const double n_src = src_norm2[a * sn + i];
                double worst = 0.0;
                for (int64_t q = 1; q < B; q++) {
                    const int64_t seg = imax(jc - q, 0);
                    const double c = nan_to_num((by_a[a][q] - by_a[a][q - 1]) / sqrt(tgt_norm2[1 * sm + seg + 1] * n_src));
                    const double weight = dmin(1.0, tgt_lengths[imin(seg, m - 1)] / full);
                    worst = dmax(worst, weight * (thr - (c - mu) / sd));
                    tgt_worst[a][q] = worst;
                }
            }
            for (int64_t b = 1; b < B; b++) {
                const double n_tgt = tgt_norm2[b * sm + jc];
                double worst = 0.0;
                for (int64_t p = 1; p < A; p++) {
                    const int64_t seg = imax(i - p, 0);
                    const double c = nan_to_num((by_a[p][b] - by_a[p - 1][b]) / sqrt(src_norm2[1 * sn + seg + 1] * n_tgt));
                    const double weight = dmin(1.0, src_lengths[seg] / full);
                    worst = dmax(worst, weight * (thr - (c - mu) / sd));
                    src_worst[p][b] = worst;
                }
            }
            for (int64_t k = 0; k < n_moves; k++) {
                const int64_t a = moves_a[k], b = moves_b[k];
                double o = 0.0;
                if (a > 1 && b > 1) o = dmax(tgt_worst[a][b], src_worst[a][b]);
                else if (b > 1) o = tgt_worst[a][b];
                else if (a > 1) o = src_worst[a][b];
                orphans[k * width + w] = o;
            }
        }
        if (!out_row) continue;
        for (int64_t w = 0; w < width; w++) {
            const int64_t j = lo[i] + w;
            const int64_t jc = iclip(j, 0, m);
            double cut = params[P_CUT_PAREN] * (paren_src[i] + paren_tgt[jc])
                         + params[P_CUT_CLAUSE] * dmax(clause_src[i], clause_tgt[jc]);
            if (anchors != NULL && params[P_CUT_ANCHOR] != 0.0)
                cut = cut + params[P_CUT_ANCHOR] * dmin(anchors[rr * width + w], params[P_MAX_CUT_ANCHORS]);
            for (int64_t k = 0; k < n_moves; k++) {
                const int64_t a = moves_a[k], b = moves_b[k];
                double *dest = out + (k * rows_out + r_out) * width + w;
                if (!(i - a >= 0 && j - b >= 0 && j <= m)) {
                    *dest = inf;
                    continue;
                }
                const double c = cos_cur[(a * B + b) * width + w];
                double z = dmax((c - mu) / sd, -2.0);
                if (z > params[P_MAX_Z])
                    z = params[P_MAX_Z] + log1p(dmax(z - params[P_MAX_Z], 0.0)) * params[P_SQRT_MAX_Z];
                const double sl = src_runlen[a * sn + i], tl = tgt_runlen[b * sm + jc];
                const double ratio = params[P_RATIO];
                const double mean = (sl + tl / ratio) / 2.0;
                const double delta = (tl - sl * ratio) / sqrt(params[P_VARIANCE] * dmax(mean, 1.0));
                double len_term = dmin(-log_erfc(fabs(delta) / sqrt(2.0)), params[P_MAX_LENGTH_COST]);
                const int titles = heading_src[i] - heading_src[imax(i - a, 0)] == (double)a
                                   && heading_tgt[jc] - heading_tgt[imax(jc - b, 0)] == (double)b;
                if (titles && params[P_HEADING_LENGTH] != 1.0)   /* a bead of headings only: rewritten freely */
                    len_term = len_term * params[P_HEADING_LENGTH];
                double extra_src = dmax(sub_src[i] - sub_src[imax(i - a, 0)] - 1.0, 0.0);
                double extra_tgt = dmax(sub_tgt[jc] - sub_tgt[imax(jc - b, 0)] - 1.0, 0.0);
                if (a > 1 && b > 1) {
                    extra_src = (double)(a - 1);
                    extra_tgt = (double)(b - 1);
                }
                const double size_pen = params[P_SIZE] * (extra_src + extra_tgt) + unbalanced[k];
                double cost = size_pen + params[P_LENGTH] * len_term - params[P_SIMILARITY] * z;
                if (a > 1 || b > 1) cost = cost + params[P_ORPHAN] * orphans[k * width + w];
                if (a > 1 || b > 1) {
                    /* the best cosine of the same bead without its first or last segment on one side */
                    double without = -inf;
                    if (b > 1) {
                        const double *fewer = cos_cur + (a * B + b - 1) * width;
                        without = dmax(without, fewer[w]);
                        without = dmax(without, w >= 1 ? fewer[w - 1] : -inf);
                    }
                    if (a > 1) {
                        without = dmax(without, cos_cur[((a - 1) * B + b) * width + w]);
                        double previous = -inf;
                        if (rr >= 1 && w + step < width) previous = cos_prev[((a - 1) * B + b) * width + w + step];
                        without = dmax(without, previous);
                    }
                    if (!titles)   /* a title's second line shares no words with the first's translation */
                        cost = cost + params[P_DILUTION] * dmax(without - c, 0.0) / sd;
                }
                if (params[P_UNRELATED] != 0.0)
                    cost = cost + params[P_UNRELATED] * fabs((unrel_src[i] - unrel_src[imax(i - a, 0)])
                                                             - (unrel_tgt[jc] - unrel_tgt[imax(jc - b, 0)]));
                if (params[P_MARKED] != 0.0)
                    cost = cost + params[P_MARKED] * fabs((marked_src[i] - marked_src[imax(i - a, 0)])
                                                          - (marked_tgt[jc] - marked_tgt[imax(jc - b, 0)]));
                if (params[P_HEADING] != 0.0 && !titles)   /* a bead of headings only mixes in no sentence */
                    cost = cost + params[P_HEADING] * fabs((heading_src[i] - heading_src[imax(i - a, 0)])
                                                           - (heading_tgt[jc] - heading_tgt[imax(jc - b, 0)]));
                *dest = cost + cut;
            }
        }
    }
    return 0;
}
