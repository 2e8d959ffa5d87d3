/* The alignment search's recurrence over one block of rows, at compiled speed.
 *
 * The same recurrence as align/search/dp.py (which is also its fallback when this library is not built):
 * M (a bead with both sides), X (a source segment left out), Y (target segments left out), D = min(M, X, Y),
 * with the same tie rules, so both give the same path.  Plain C with no Python headers: the library is loaded
 * with ctypes, and a machine with a C compiler but without Python's development files can still build it.
 */
#include <math.h>
#include <stdint.h>

#if defined(_WIN32)
#define EXPORT __declspec(dllexport)
#else
#define EXPORT __attribute__((visibility("default")))
#endif

/* Which sources the library was built from: align/search/kernel/__init__.py refuses any other number. */
EXPORT int64_t kernel_version(void) { return 13; }

/* Rows i0 .. i1-1 of the search.
 *
 * costs[k, r, w]   cost of move k ending at row i0+r, column lo[i0+r]+w (inf where it does not fit)
 * d_rows           rolling buffer of D: `slots` rows of `row_len` values, row i at (i % slots) * row_len + pad
 * prev_*           M, X and Y of row i0-1 (prev_width values, from column lo[i0-1]); updated to row i1-1
 * tgt_open         per target segment, with a sentinel (inf) at m; tgt_ext_cum: cumulative extend costs (m+1)
 * trace outputs    (rows, width) each: best move, Y wins, X rather than M, X extends, X opens after Y,
 *                  and where the Y run that ends the path at the cell started (column offset).
 */
EXPORT int64_t dp_rows(int64_t i0, int64_t i1, int64_t width, int64_t m, int64_t n_moves,
                       const int64_t *moves_a, const int64_t *moves_b, const int64_t *lo,
                       const double *costs, double *d_rows, int64_t slots, int64_t row_len, int64_t pad,
                       double *prev_m, double *prev_x, double *prev_y, int64_t *prev_width,
                       const double *src_open, const double *src_extend,
                       const double *tgt_open, const double *tgt_ext_cum,
                       int8_t *move_best, uint8_t *y_wins, uint8_t *a_from, uint8_t *x_extends,
                       uint8_t *x_from_y, int32_t *y_from,
                       double *cur_m, double *cur_x, double *cur_y) {
    const double inf = INFINITY;
    int64_t rows = i1 - i0;
    for (int64_t r = 0; r < rows; r++) {
        int64_t i = i0 + r;
        int64_t base_j = lo[i];
        int64_t cell = r * width;
        /* M */
        if (i == 0) {
            for (int64_t w = 0; w < width; w++) cur_m[w] = (w == 0) ? 0.0 : inf;
        } else {
            for (int64_t w = 0; w < width; w++) cur_m[w] = inf;
            for (int64_t w = 0; w < width; w++) move_best[cell + w] = 0;
            for (int64_t k = 0; k < n_moves; k++) {
                int64_t src_row = i - moves_a[k];
                const double *cost = costs + (k * rows + r) * width;
                if (src_row < 0) {
                    /* every candidate of this move is inf; it wins only where all are inf (then move 0) */
                    continue;
                }
                int64_t shift = base_j - lo[src_row] - moves_b[k];
                const double *d = d_rows + (src_row % slots) * row_len + pad + shift;
                int64_t lim = row_len - pad - shift; /* columns w < lim stay inside the row's slot */
                int64_t stop = width < lim ? width : lim;
                for (int64_t w = 0; w < stop; w++) {
                    double cand = d[w] + cost[w];
                    if (cand < cur_m[w]) {
                        cur_m[w] = cand;
                        move_best[cell + w] = (int8_t)k;
                    }
                }
            }
        }
        /* X */
        if (i == 0) {
            for (int64_t w = 0; w < width; w++) {
                cur_x[w] = inf;
                x_extends[cell + w] = 0;
                x_from_y[cell + w] = 0;
            }
        } else {
            int64_t dcol = lo[i] - lo[i - 1];
            double so = src_open[i - 1], se = src_extend[i - 1];
            for (int64_t w = 0; w < width; w++) {
                int64_t p = w + dcol;
                double pm = inf, py = inf, px = inf;
                if (p < *prev_width) {
                    pm = prev_m[p];
                    py = prev_y[p];
                    px = prev_x[p];
                }
                int from_y = py < pm;
                double opened = (from_y ? py : pm) + so;
                double extended = px + se;
                cur_x[w] = extended < opened ? extended : opened;
                x_extends[cell + w] = extended < opened;
                x_from_y[cell + w] = (uint8_t)from_y;
            }
        }
        /* Y: a running minimum over the columns where the run of target skips started; among equal
         * starts the last one wins, as the trace of the numpy version takes it */
        double *slot = d_rows + (i % slots) * row_len;
        for (int64_t q = 0; q < row_len; q++) slot[q] = inf;
        double best = inf, prev_start = inf;
        int32_t best_k = 0;
        for (int64_t w = 0; w < width; w++) {
            int64_t j = base_j + w;
            double a_val = cur_x[w] < cur_m[w] ? cur_x[w] : cur_m[w];
            a_from[cell + w] = cur_x[w] < cur_m[w];
            double y = inf;
            if (w > 0) {
                if (prev_start <= best) {
                    best = prev_start;
                    best_k = (int32_t)(w - 1);
                }
                y = (j <= m ? tgt_ext_cum[j] : inf) + best;
            }
            prev_start = a_val + (j < m ? tgt_open[j] - tgt_ext_cum[j + 1] : inf);
            y_from[cell + w] = best_k;
            cur_y[w] = y;
            if (j > m) cur_m[w] = inf;
            int wins = y < a_val;
            y_wins[cell + w] = (uint8_t)wins;
            slot[pad + w] = wins ? y : a_val;
        }
        for (int64_t w = 0; w < width; w++) {
            prev_m[w] = cur_m[w];
            prev_x[w] = cur_x[w];
            prev_y[w] = cur_y[w];
        }
        *prev_width = width;
    }
    return 0;
}
