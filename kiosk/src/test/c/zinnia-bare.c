/*
 * The bare Zinnia call, for scripts/bench handwriting: the same strokes the Java bench wrote
 * (already scaled to Zinnia's 300x300, one character a line, "-1" ending each stroke), classified
 * through libzinnia.so.0 with nothing around it. Declares the few prototypes of zinnia.h (0.06)
 * itself, so Debian's libzinnia0 suffices (no libzinnia-dev). Times one whole recognition as the
 * adapter does it: a character made, its points added, classified (10 best), the values read, both freed.
 *   usage: zinnia-bare MODEL POINTS ROUNDS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct zinnia_character_t zinnia_character_t;
typedef struct zinnia_recognizer_t zinnia_recognizer_t;
typedef struct zinnia_result_t zinnia_result_t;
extern zinnia_recognizer_t *zinnia_recognizer_new(void);
extern int zinnia_recognizer_open(zinnia_recognizer_t *, const char *);
extern const char *zinnia_recognizer_strerror(zinnia_recognizer_t *);
extern zinnia_result_t *zinnia_recognizer_classify(zinnia_recognizer_t *, const zinnia_character_t *, size_t);
extern zinnia_character_t *zinnia_character_new(void);
extern void zinnia_character_set_width(zinnia_character_t *, size_t);
extern void zinnia_character_set_height(zinnia_character_t *, size_t);
extern int zinnia_character_add(zinnia_character_t *, size_t, int, int);
extern void zinnia_character_destroy(zinnia_character_t *);
extern const char *zinnia_result_value(zinnia_result_t *, size_t);
extern float zinnia_result_score(zinnia_result_t *, size_t);
extern size_t zinnia_result_size(zinnia_result_t *);
extern void zinnia_result_destroy(zinnia_result_t *);

#define MAX_CHARS 64
#define MAX_INTS 8192

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s MODEL POINTS ROUNDS\n", argv[0]);
        return 2;
    }
    zinnia_recognizer_t *r = zinnia_recognizer_new();
    if (!zinnia_recognizer_open(r, argv[1])) {
        fprintf(stderr, "%s\n", zinnia_recognizer_strerror(r));
        return 3;
    }
    static int ints[MAX_CHARS][MAX_INTS];
    static int lens[MAX_CHARS];
    int chars = 0;
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 2;
    }
    static char line[1 << 16];
    while (chars < MAX_CHARS && fgets(line, sizeof line, f)) {
        char *save = NULL;
        for (char *tok = strtok_r(line, " \n", &save); tok && lens[chars] < MAX_INTS; tok = strtok_r(NULL, " \n", &save)) {
            ints[chars][lens[chars]++] = atoi(tok);
        }
        if (lens[chars] > 0) {
            chars++;
        }
    }
    fclose(f);
    int rounds = atoi(argv[3]);
    double *ms = malloc(sizeof(double) * (size_t)rounds * chars);
    size_t n = 0;
    char top[MAX_CHARS][8] = {{0}};
    for (int round = 0; round < rounds + 20; round++) {
        for (int c = 0; c < chars; c++) {
            struct timespec a, b;
            clock_gettime(CLOCK_MONOTONIC, &a);
            zinnia_character_t *ch = zinnia_character_new();
            zinnia_character_set_width(ch, 300);
            zinnia_character_set_height(ch, 300);
            size_t stroke = 0;
            for (int i = 0; i < lens[c];) {
                if (ints[c][i] == -1) {
                    stroke++;
                    i++;
                    continue;
                }
                zinnia_character_add(ch, stroke, ints[c][i], ints[c][i + 1]);
                i += 2;
            }
            zinnia_result_t *res = zinnia_recognizer_classify(r, ch, 10);
            size_t k = res ? zinnia_result_size(res) : 0;
            volatile float sum = 0;
            for (size_t i = 0; i < k; i++) {
                sum += zinnia_result_score(res, i) + (float)strlen(zinnia_result_value(res, i));
            }
            if (k > 0 && round == 0) {
                snprintf(top[c], sizeof top[c], "%s", zinnia_result_value(res, 0));
            }
            if (res) {
                zinnia_result_destroy(res);
            }
            zinnia_character_destroy(ch);
            clock_gettime(CLOCK_MONOTONIC, &b);
            if (round >= 20) { /* the first rounds warm the caches */
                ms[n++] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
            }
        }
    }
    qsort(ms, n, sizeof(double), cmp);
    printf("bare C call (gcc, libzinnia.so.0)  p50 %7.3f ms   p99 %7.3f ms   (%zu recognitions)   first:", ms[(n - 1) / 2],
           ms[(size_t)(0.99 * n + 0.999) - 1], n);
    for (int c = 0; c < chars; c++) {
        printf(" %s", top[c]);
    }
    printf("\n");
    return 0;
}
