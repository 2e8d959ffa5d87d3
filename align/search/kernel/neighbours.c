/* Dot products of each segment's vector with those of its next few neighbours, at compiled speed.
 *
 * The numpy version (align/search/vectors.py, neighbour_dots) reads the matrix column by column and finds
 * the pairs of rows `step` entries apart in a column's row list, one step after the other; here the two rows'
 * sorted feature lists are merged, and each shared feature's product goes to the partial sum of its step (one
 * more than the rows between the two that have the feature too), the partial sums added in the numpy
 * version's order.  Both work in double precision, so they give the same sums to the last bit.
 */
#include <stdint.h>

#define MAX_OFFSET 16

/* whether sorted row `t` holds feature column c */
static int holds(const int64_t *indptr, const int32_t *indices, int64_t t, int32_t c) {
    int64_t a = indptr[t], b = indptr[t + 1];
    while (a < b) {
        int64_t mid = a + (b - a) / 2;
        if (indices[mid] < c) a = mid + 1;
        else b = mid;
    }
    return a < indptr[t + 1] && indices[a] == c;
}

#if defined(_WIN32)
#define EXPORT __declspec(dllexport)
#else
#define EXPORT __attribute__((visibility("default")))
#endif

/* CSR rows with sorted, unique column indexes (indptr: n + 1 entries); out: (max_offset + 1, n), where
 * out[k * n + r] = dot(row r, row r + k), zero past the end. */
EXPORT int64_t neighbour_dots(int64_t n, int64_t max_offset, const int64_t *indptr, const int32_t *indices,
                              const float *data, double *out) {
    if (max_offset >= MAX_OFFSET) return -1;
    for (int64_t r = 0; r < n; r++) {
        double own = 0.0;
        for (int64_t p = indptr[r]; p < indptr[r + 1]; p++) own += (double)data[p] * (double)data[p];
        out[r] = own;
        for (int64_t k = 1; k <= max_offset; k++) {
            double by_step[MAX_OFFSET] = {0.0};
            if (r + k < n) {
                int64_t p = indptr[r], pe = indptr[r + 1], q = indptr[r + k], qe = indptr[r + k + 1];
                while (p < pe && q < qe) {
                    if (indices[p] < indices[q]) p++;
                    else if (indices[p] > indices[q]) q++;
                    else {
                        int64_t step = 1;
                        for (int64_t t = r + 1; t < r + k; t++) step += holds(indptr, indices, t, indices[p]);
                        by_step[step] += (double)data[p] * (double)data[q];
                        p++;
                        q++;
                    }
                }
            }
            double sum = 0.0;
            for (int64_t step = 1; step <= k; step++) sum += by_step[step];
            out[k * n + r] = sum;
        }
    }
    return 0;
}
