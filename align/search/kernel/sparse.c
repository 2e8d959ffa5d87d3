/* Sparse matrices in compressed rows at compiled speed: the product of two (C = A B), and a matrix's rows
 * sorted and summed from entries in any order (which also transposes).
 *
 * Each row of C is gathered in a dense accumulator over B's columns (Gustavson's method): for every entry
 * a[i, k] of the row, row k of B is added in, scaled by a[i, k].  Sums are in double precision, in the order
 * of A's and B's stored entries, as in the numpy version (align/search/csr.py), so both give the
 * same sums; the row's columns are then sorted and exact zeros left out.
 */
#include <stdint.h>

#if defined(_WIN32)
#define EXPORT __declspec(dllexport)
#else
#define EXPORT __attribute__((visibility("default")))
#endif

static void insertion_sort(int32_t *cols, int64_t count) {
    for (int64_t k = 1; k < count; k++) {
        int32_t value = cols[k];
        int64_t p = k - 1;
        while (p >= 0 && cols[p] > value) { cols[p + 1] = cols[p]; p--; }
        cols[p + 1] = value;
    }
}

/* Quicksort of distinct column numbers (middle-of-three pivot, insertion sort for short runs): inlined, it
 * is several times faster than qsort's call per comparison on the rows of a product. */
static void quick_sort(int32_t *cols, int64_t count) {
    while (count > 24) {
        int32_t a = cols[0], b = cols[count / 2], c = cols[count - 1];
        int32_t pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        int64_t i = 0, j = count - 1;
        while (i <= j) {
            while (cols[i] < pivot) i++;
            while (cols[j] > pivot) j--;
            if (i <= j) { int32_t t = cols[i]; cols[i] = cols[j]; cols[j] = t; i++; j--; }
        }
        /* recurse into the smaller part, loop on the larger: the stack stays logarithmic */
        if (j + 1 < count - i) { quick_sort(cols, j + 1); cols += i; count -= i; }
        else { quick_sort(cols + i, count - i); count = j + 1; }
    }
    insertion_sort(cols, count);
}

/* Sort a row's column numbers (distinct): nothing to do when in order already (a transpose's rows, most
 * feature rows). */
static void sort_row(int32_t *cols, int64_t count) {
    int64_t k = 1;
    while (k < count && cols[k - 1] < cols[k]) k++;
    if (k < count) quick_sort(cols, count);
}

/* Upper bound of each row's entries in C (its distinct columns), into counts[0 .. n-1]; returns their sum.
 * Scratch: mark (m entries, all -1 on entry and on return). */
EXPORT int64_t product_sizes(int64_t n, const int64_t *a_ptr, const int32_t *a_idx, const int64_t *b_ptr,
                             const int32_t *b_idx, int64_t *mark, int64_t *counts) {
    int64_t total = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t count = 0;
        for (int64_t p = a_ptr[i]; p < a_ptr[i + 1]; p++) {
            int64_t k = a_idx[p];
            for (int64_t q = b_ptr[k]; q < b_ptr[k + 1]; q++) {
                int64_t j = b_idx[q];
                if (mark[j] != i) { mark[j] = i; count++; }
            }
        }
        counts[i] = count;
        total += count;
    }
    for (int64_t i = 0; i < n; i++) {       /* reset the marks the rows left */
        for (int64_t p = a_ptr[i]; p < a_ptr[i + 1]; p++) {
            int64_t k = a_idx[p];
            for (int64_t q = b_ptr[k]; q < b_ptr[k + 1]; q++) mark[b_idx[q]] = -1;
        }
    }
    return total;
}

/* Values are float or double: `single` says which, one bit each for A (1), B (2) and C (4), so a float32
 * matrix is read and written as it is stored (no double copy of a large feature matrix). */
#define A_VALUE(k) ((single & 1) ? (double)((const float *)a_data)[k] : ((const double *)a_data)[k])
#define B_VALUE(k) ((single & 2) ? (double)((const float *)b_data)[k] : ((const double *)b_data)[k])
#define PUT(k, value) do { if (single & 4) ((float *)out_data)[k] = (float)(value); \
                           else ((double *)out_data)[k] = (value); } while (0)

/* C = A B: out_ptr (n + 1), out_idx and out_data (at least product_sizes' total).  Scratch: mark (m entries,
 * all -1) and acc (m doubles, zeros), both left as they were found.  Returns the entries written. */
EXPORT int64_t product(int64_t n, int64_t single, const int64_t *a_ptr, const int32_t *a_idx, const void *a_data,
                       const int64_t *b_ptr, const int32_t *b_idx, const void *b_data, int64_t *mark,
                       double *acc, int64_t *out_ptr, int32_t *out_idx, void *out_data) {
    int64_t written = 0;
    out_ptr[0] = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t start = written, entries = a_ptr[i + 1] - a_ptr[i];
        if (entries == 1 || entries == 2) {
            /* one or two rows of B (a bead of one or two segments, a pooled pair): their sorted columns merged,
             * each sum (0 + x) + y as the accumulator would give it */
            int64_t p = a_ptr[i], q = b_ptr[a_idx[p]], qe = b_ptr[a_idx[p] + 1];
            int64_t r = 0, re = 0;
            double x = A_VALUE(p), y = 0.0;
            if (entries == 2) { r = b_ptr[a_idx[p + 1]]; re = b_ptr[a_idx[p + 1] + 1]; y = A_VALUE(p + 1); }
            while (q < qe || r < re) {
                int32_t j;
                double value;
                if (r >= re || (q < qe && b_idx[q] < b_idx[r])) { j = b_idx[q]; value = x * B_VALUE(q); q++; }
                else if (q >= qe || b_idx[r] < b_idx[q]) { j = b_idx[r]; value = y * B_VALUE(r); r++; }
                else { j = b_idx[q]; value = x * B_VALUE(q) + y * B_VALUE(r); q++; r++; }
                if (value != 0.0) { out_idx[written] = j; PUT(written, value); written++; }
            }
            out_ptr[i + 1] = written;
            continue;
        }
        for (int64_t p = a_ptr[i]; p < a_ptr[i + 1]; p++) {
            int64_t k = a_idx[p];
            double a = A_VALUE(p);
            for (int64_t q = b_ptr[k]; q < b_ptr[k + 1]; q++) {
                int64_t j = b_idx[q];
                if (mark[j] != i) { mark[j] = i; out_idx[written++] = (int32_t)j; }
                acc[j] += a * B_VALUE(q);
            }
        }
        sort_row(out_idx + start, written - start);
        int64_t kept = start;
        for (int64_t e = start; e < written; e++) {
            int32_t j = out_idx[e];
            double value = acc[j];
            acc[j] = 0.0;
            mark[j] = -1;
            if (value != 0.0) { out_idx[kept] = j; PUT(kept, value); kept++; }
        }
        written = kept;
        out_ptr[i + 1] = written;
    }
    return written;
}

/* Entries (rows[e], cols[e], vals[e]) in any order as canonical compressed rows: out_ptr (n_rows + 1), out_idx and
 * out_val (n_entries each, the first out_ptr[n_rows] used).  Repeated cells are summed in input order, as the numpy
 * version (a stable sort, then sums) does.  Scratch: order (n_entries), mark (n_cols, all -1), acc (n_cols zeros),
 * both left as found.  Returns the entries written. */
EXPORT int64_t from_entries(int64_t n_entries, const int64_t *rows, const int64_t *cols, const double *vals,
                            int64_t n_rows, int64_t *order, int64_t *mark, double *acc, int64_t *out_ptr,
                            int32_t *out_idx, double *out_val) {
    int64_t *next = out_ptr;      /* counting sort by row (stable): out_ptr holds each row's next free place */
    for (int64_t r = 0; r <= n_rows; r++) next[r] = 0;
    for (int64_t e = 0; e < n_entries; e++) next[rows[e] + 1]++;
    for (int64_t r = 0; r < n_rows; r++) next[r + 1] += next[r];
    for (int64_t e = 0; e < n_entries; e++) order[next[rows[e]]++] = e;
    /* next[r] is now the end of row r, which is where row r + 1 starts */
    int64_t written = 0, start = 0;
    for (int64_t r = 0; r < n_rows; r++) {
        int64_t end = next[r], first = written;
        for (int64_t p = start; p < end; p++) {
            int64_t e = order[p], j = cols[e];
            if (mark[j] != r) { mark[j] = r; out_idx[written++] = (int32_t)j; }
            acc[j] += vals[e];
        }
        sort_row(out_idx + first, written - first);
        for (int64_t q = first; q < written; q++) {
            int32_t j = out_idx[q];
            out_val[q] = acc[j];
            acc[j] = 0.0;
            mark[j] = -1;
        }
        start = end;
        next[r] = first;          /* the row's start in the output */
    }
    out_ptr[n_rows] = written;
    return written;
}

/* The transpose of an n_rows x n_cols matrix: out_ptr (n_cols + 1), out_idx and out_data (nnz each).  Each
 * column's rows come out in increasing order (a stable counting sort), so the result is canonical too.  The
 * values are float32 when `single`, else double. */
EXPORT int64_t transpose(int64_t n_rows, int64_t n_cols, int64_t single, const int64_t *indptr,
                         const int32_t *indices, const void *data, int64_t *out_ptr, int32_t *out_idx,
                         void *out_data) {
    for (int64_t c = 0; c <= n_cols; c++) out_ptr[c] = 0;
    for (int64_t p = 0; p < indptr[n_rows]; p++) out_ptr[indices[p] + 1]++;
    for (int64_t c = 0; c < n_cols; c++) out_ptr[c + 1] += out_ptr[c];
    for (int64_t r = 0; r < n_rows; r++) {
        for (int64_t p = indptr[r]; p < indptr[r + 1]; p++) {
            int64_t place = out_ptr[indices[p]]++;
            out_idx[place] = (int32_t)r;
            if (single) ((float *)out_data)[place] = ((const float *)data)[p];
            else ((double *)out_data)[place] = ((const double *)data)[p];
        }
    }
    for (int64_t c = n_cols; c > 0; c--) out_ptr[c] = out_ptr[c - 1];   /* each column's end is the next's start */
    out_ptr[0] = 0;
    return indptr[n_rows];
}

/* Blocks of float32 rows side by side: row r of the result is row r of block 0, then of block 1 (its columns
 * moved by offsets[1]), ...  ptrs, idxs, datas: each block's arrays; out_ptr must hold n_rows + 1 entries and
 * out_idx, out_data the sum of the blocks' entries. */
EXPORT int64_t hstack_rows(int64_t n_rows, int64_t n_blocks, const int64_t **ptrs, const int32_t **idxs,
                           const float **datas, const int64_t *offsets, int64_t *out_ptr, int32_t *out_idx,
                           float *out_data) {
    int64_t written = 0;
    out_ptr[0] = 0;
    for (int64_t r = 0; r < n_rows; r++) {
        for (int64_t b = 0; b < n_blocks; b++) {
            for (int64_t p = ptrs[b][r]; p < ptrs[b][r + 1]; p++) {
                out_idx[written] = (int32_t)(idxs[b][p] + offsets[b]);
                out_data[written] = datas[b][p];
                written++;
            }
        }
        out_ptr[r + 1] = written;
    }
    return written;
}

/* values[k] = the matrix's value at (rows[k], cols[k]), 0 where nothing is stored (a binary search in the row). */
EXPORT int64_t sample_cells(int64_t count, const int64_t *indptr, const int32_t *indices, const double *data,
                            const int64_t *rows, const int64_t *cols, double *values) {
    for (int64_t k = 0; k < count; k++) {
        int64_t lo = indptr[rows[k]], hi = indptr[rows[k] + 1];
        while (lo < hi) {
            int64_t mid = lo + (hi - lo) / 2;
            if (indices[mid] < cols[k]) lo = mid + 1;
            else hi = mid;
        }
        values[k] = (lo < indptr[rows[k] + 1] && indices[lo] == cols[k]) ? data[lo] : 0.0;
    }
    return count;
}

/* One side of a bead summed into acc: the rows segs[0 .. n-1] of a float32 matrix, in that order; each column
 * seen for the first time (mark != tag) is listed in cols.  Returns how many columns were listed. */
static int64_t add_side(const int64_t *segs, int64_t n, const int64_t *ptr, const int32_t *idx, const float *data,
                        int64_t tag, int64_t *mark, double *acc, int32_t *cols) {
    int64_t count = 0;
    for (int64_t e = 0; e < n; e++) {
        for (int64_t p = ptr[segs[e]]; p < ptr[segs[e] + 1]; p++) {
            int32_t j = idx[p];
            if (mark[j] != tag) { mark[j] = tag; cols[count++] = j; }
            acc[j] += (double)data[p];
        }
    }
    sort_row(cols, count);
    return count;
}

/* Per bead: the dot product of its source side's vector (the sum of its segments' rows) with its target side's,
 * and each side's squared norm, as bead_evidence computes them from the bead vectors: each vector summed in
 * double precision in the order of its segments, then the products added in the order of the columns.
 * Beads: src_ptr/src_segs and tgt_ptr/tgt_segs (CSR of segment numbers).  Scratch: mark (n_cols, all -1),
 * acc_s and acc_t (n_cols doubles, zeros), cols (2 n_cols), all left as found. */
EXPORT int64_t bead_dots(int64_t n_beads, const int64_t *src_ptr, const int64_t *src_segs, const int64_t *tgt_ptr,
                         const int64_t *tgt_segs, const int64_t *a_ptr, const int32_t *a_idx, const float *a_data,
                         const int64_t *b_ptr, const int32_t *b_idx, const float *b_data, int64_t *mark,
                         double *acc_s, double *acc_t, int32_t *cols, double *dot, double *norm_s,
                         double *norm_t) {
    for (int64_t k = 0; k < n_beads; k++) {
        /* each side's columns in order: its norm; the dot over the target's columns (acc_s is 0 where the
         * source lacks one); the two sides mark their columns with different tags */
        int64_t count = add_side(src_segs + src_ptr[k], src_ptr[k + 1] - src_ptr[k], a_ptr, a_idx, a_data, k,
                                 mark, acc_s, cols);
        int32_t *cols_t = cols + count;
        int64_t count_t = add_side(tgt_segs + tgt_ptr[k], tgt_ptr[k + 1] - tgt_ptr[k], b_ptr, b_idx, b_data,
                                   -2 - k, mark, acc_t, cols_t);
        double ns = 0.0, nt = 0.0, d = 0.0;
        for (int64_t q = 0; q < count; q++) ns += acc_s[cols[q]] * acc_s[cols[q]];
        for (int64_t q = 0; q < count_t; q++) {
            int32_t j = cols_t[q];
            nt += acc_t[j] * acc_t[j];
            d += acc_s[j] * acc_t[j];
        }
        for (int64_t q = 0; q < count_t; q++) { acc_t[cols_t[q]] = 0.0; mark[cols_t[q]] = -1; }
        for (int64_t q = 0; q < count; q++) { acc_s[cols[q]] = 0.0; mark[cols[q]] = -1; }
        dot[k] = d;
        norm_s[k] = ns;
        norm_t[k] = nt;
    }
    return n_beads;
}
