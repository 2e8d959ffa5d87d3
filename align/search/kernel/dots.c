/* Dot products of segment vectors at compiled speed: each segment with its next few neighbours, and a block
 * of source segments with the target segments a block of search rows can reach.
 *
 * The numpy version (align/search/vectors.py, neighbour_dots) reads the matrix column by column and finds
 * the pairs of rows `step` entries apart in a column's row list, one step after the other; here the two rows'
 * sorted feature lists are merged, and each shared feature's product goes to the partial sum of its step (the
 * difference of the two entries' places in their column), the partial sums added in the numpy version's
 * order.  Both work in double precision, so they give the same sums to the last bit.
 */
#include <stdint.h>

#if defined(_WIN32)
#define EXPORT __declspec(dllexport)
#else
#define EXPORT __attribute__((visibility("default")))
#endif

#define MAX_OFFSET 16

/* CSR rows with sorted, unique column indexes (indptr: n + 1 entries); out: (max_offset + 1, n),
 * out[k * n + r] = dot(row r, row r + k), zero past the end.  Scratch: rank (one per stored entry: its place
 * in its column's list of rows, so the rows between two entries of one column that have it too are the
 * difference of their ranks, less one) and seen (one per feature column, zeros). */
EXPORT int64_t neighbour_dots(int64_t n, int64_t max_offset, const int64_t *indptr, const int32_t *indices,
                              const float *data, int32_t *rank, int32_t *seen, double *out) {
    if (max_offset >= MAX_OFFSET) return -1;
    for (int64_t p = 0; p < indptr[n]; p++) rank[p] = seen[indices[p]]++;
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
                        by_step[rank[q] - rank[p]] += (double)data[p] * (double)data[q];
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

/* acc[t - c0] += dot(source row r, target t) for the targets c0 <= t < c1, summed in double precision in the
 * order of the source row's stored features, as the numpy version (vectors.dot_block) sums them.
 * b: the targets as CSC over the feature columns (each feature's targets in ascending order). */
static void add_dots(int64_t r, int64_t c0, int64_t c1, const int64_t *a_indptr, const int32_t *a_indices,
                     const float *a_data, const int64_t *b_indptr, const int32_t *b_indices, const float *b_data,
                     double *acc) {
    for (int64_t p = a_indptr[r]; p < a_indptr[r + 1]; p++) {
        const int32_t f = a_indices[p];
        const double v = a_data[p];
        int64_t first = b_indptr[f], last = b_indptr[f + 1];
        while (first < last) {           /* the first target >= c0 */
            int64_t mid = first + (last - first) / 2;
            if (b_indices[mid] < c0) first = mid + 1;
            else last = mid;
        }
        for (int64_t q = first; q < b_indptr[f + 1] && b_indices[q] < c1; q++) {
            acc[b_indices[q] - c0] += v * (double)b_data[q];
        }
    }
}

/* Prefix sums along the target columns c0 .. c1-1 of the dot products of source rows r0 .. r1-1 with them:
 * prefix[(r - r0) * (span + 1) + c + 1] = sum of dot(source r, target c0 + q) for q <= c, span = c1 - c0.
 *
 * The source rows are CSR, the targets CSC over the same feature columns (see add_dots); the prefix sums
 * are in double precision.  acc: scratch of span doubles. */
EXPORT int64_t block_prefix(int64_t r0, int64_t r1, int64_t c0, int64_t c1,
                            const int64_t *a_indptr, const int32_t *a_indices, const float *a_data,
                            const int64_t *b_indptr, const int32_t *b_indices, const float *b_data,
                            double *acc, double *prefix) {
    const int64_t span = c1 - c0;
    for (int64_t r = r0; r < r1; r++) {
        for (int64_t c = 0; c < span; c++) acc[c] = 0.0;
        add_dots(r, c0, c1, a_indptr, a_indices, a_data, b_indptr, b_indices, b_data, acc);
        double *row = prefix + (r - r0) * (span + 1);
        row[0] = 0.0;
        for (int64_t c = 0; c < span; c++) row[c + 1] = row[c] + acc[c];
    }
    return 0;
}

/* Dot products of source rows 0 .. n_rows-1 with the targets lo[r] .. lo[r]+width-1 (0 past the last target,
 * m): out[r * width + w], summed as add_dots sums them, then rounded to single precision.  acc: scratch of
 * width doubles. */
EXPORT int64_t band_dots(int64_t n_rows, int64_t width, int64_t m, const int64_t *lo,
                         const int64_t *a_indptr, const int32_t *a_indices, const float *a_data,
                         const int64_t *b_indptr, const int32_t *b_indices, const float *b_data, double *acc,
                         float *out) {
    for (int64_t r = 0; r < n_rows; r++) {
        for (int64_t w = 0; w < width; w++) acc[w] = 0.0;
        const int64_t c0 = lo[r], c1 = lo[r] + width < m ? lo[r] + width : m;
        if (c1 > c0) add_dots(r, c0, c1, a_indptr, a_indices, a_data, b_indptr, b_indices, b_data, acc);
        for (int64_t w = 0; w < width; w++) out[r * width + w] = (float)acc[w];
    }
    return 0;
}
