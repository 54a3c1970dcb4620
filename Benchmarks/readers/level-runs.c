// The level runs of a cohort's files read alone, for comparing versions of
// the decoder without a Swift build (issue 15, target 3; branch `cohort11`):
//
//   clang -O2 Benchmarks/readers/level-runs.c Sources/CKernels/LevelRun.c \
//     -I Sources/CKernels/include -o /tmp/level-runs
//   /tmp/level-runs READS MODE [FOLDER]
//
// MODE: `a` mm_level_run (AVX2 when the machine has it), `p` the portable
// version, `s` the Swift loop it replaced (PlainLineCells.readRun at
// 5c3b30b) written in C, `n` none (the line finding alone, to subtract).
// Every line's level run (cell 9, 64 cells) and, in mentees.csv, its goal
// run after it, as `generate --competencies 64` writes them. Prints the
// cells read per read and the CPU time per read; under valgrind
// (`--tool=cachegrind --branch-sim=yes`) the instructions and simulated
// mispredictions per read are (N reads − `n` mode's) / N.
#include "CKernels.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
// The Swift readRun (5c3b30b) ported to C, for cycle comparisons.
static mm_level_run_result swiftlike(const uint8_t *base, long start, long end, long count, double *values, double empty, const double *tenths, long *starts) {
  long index = start, k = 0;
  for (;;) {
    long limit = k + ((end - index) >> 2); if (limit > count) limit = count;
    if (!(k < limit)) break;
    do {
      uint32_t word; memcpy(&word, base + index, 4);
      if ((uint8_t)word == ',') {
        if (k + 8 <= count && index + 8 <= end) {
          uint64_t w; memcpy(&w, base + index, 8); w ^= 0x2C2C2C2C2C2C2C2CULL;
          long e = __builtin_ctzll(w) >> 3;
          for (int i = 0; i < 8; i++) { values[k+i] = empty; starts[k+i] = index + i + 1; }
          k += e; index += e;
        } else { values[k] = empty; index++; starts[k] = index; k++; }
        continue;
      }
      uint32_t lng = (word >> 9) & 1;
      uint32_t shape = 0x2C00 + lng * 0x2C000200u, mask = 0xFF00 | lng * 0xFF000000u;
      long whole = (uint8_t)((uint8_t)word - '0');
      long tenth = (long)(uint8_t)((uint8_t)(word >> 16) - '0') & (0 - (long)lng);
      long dd = whole * 10 + tenth;
      if (!((word & mask) == shape && tenth < 10 && dd < 51)) return (mm_level_run_result){index, k, 0};
      values[k] = tenths[dd]; index += 2 + (long)(lng << 1); starts[k] = index; k++;
    } while (k < limit);
  }
  mm_level_run_result r = mm_level_run_portable(base, index, end, count - k, values + k, empty, tenths, starts + k);
  r.read += k; return r;
}
static char *load(const char *p, long *n){FILE*f=fopen(p,"rb"); if(!f){perror(p); exit(66);}fseek(f,0,2);*n=ftell(f);fseek(f,0,0);char*b=malloc(*n);fread(b,1,*n,f);fclose(f);return b;}
int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: level-runs READS a|p|s|n [FOLDER]\n"); return 64; }
  int mode = argv[2][0]; // s: swiftlike, a: mm_level_run, p: portable
  double tenths[51]; for(int i=0;i<51;i++) tenths[i]=i/10.0;
  double vals[200]; long starts[200]; long cells=0; double sum=0;
  const char *folder = argc > 3 ? argv[3] : "/tmp/c20";
  char mentees[4096], mentors[4096];
  snprintf(mentees, sizeof mentees, "%s/mentees.csv", folder);
  snprintf(mentors, sizeof mentors, "%s/mentors.csv", folder);
  const char *files[2] = {mentees, mentors};
  long n[2]; char *b[2]; for(int f=0;f<2;f++) b[f]=load(files[f],&n[f]);
  int reps = atoi(argv[1]);
  struct timespec t0,t1; clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t0);
  for(int rep=0;rep<reps;rep++) for(int f=0;f<2;f++){
    long i = (char*)memchr(b[f],'\n',n[f])-b[f]+1;
    while(i<n[f]){ char*nl=memchr(b[f]+i,'\n',n[f]-i); long end=nl?nl-b[f]:n[f];
      long idx=i; int c=0; while(c<9){ if(b[f][idx]==',')c++; idx++; }
      for (int run = 0; run < (f==0?2:1); run++) {
        double e = run ? __builtin_nan("") : 0.0;
        mm_level_run_result r = mode=='n' ? (mm_level_run_result){idx,64,0} : mode=='s' ? swiftlike((uint8_t*)b[f],idx,end,64,vals,e,tenths,starts) : mode=='a' ? mm_level_run((uint8_t*)b[f],idx,end,64,vals,e,tenths,starts) : mm_level_run_portable((uint8_t*)b[f],idx,end,64,vals,e,tenths,starts);
        cells+=r.read; sum+=vals[3]; idx=r.index; if (r.finished || r.read < 64) break; }
      i=end+1; }}
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t1);
  printf("%c %ld cells %g  %.2f ms per read\n",mode,cells/reps,sum,((t1.tv_sec-t0.tv_sec)*1e3+(t1.tv_nsec-t0.tv_nsec)/1e6)/reps);
}
