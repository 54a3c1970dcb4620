// The level runs of /tmp/c20 decoded into an arena of the reader's shape
// (one row of 64 levels + 64 goals per mentee, 64 levels per mentor; a new
// arena per read), for comparing ways of writing the values without a
// Swift build (issue 15, target 3; branch `cohort16`):
//
//   clang -O2 Benchmarks/readers/level-run-arena.c Sources/CKernels/LevelRun.c \
//     -I Sources/CKernels/include -o /tmp/level-run-arena
//   /tmp/level-run-arena READS MODE        (FRESH=1: each arena mmap-ed, fresh pages)
//
// MODE: `a` mm_level_run straight into the arena's row (the reader's in-place
// path), `v` into a reused 1.6 KB buffer (no arena writes), `b` into that
// buffer then memcpy to the row, `c` the same with non-temporal stores, `n`
// no decoding (the line finding and the memcpy alone), `z` the arena only
// zeroed, `w` mm_level_run2: a variant linked in beside LevelRun.c, such as
// the one of `level-run-compress.diff` (applied to a copy of LevelRun.c).
// Prints the cells read and the CPU time per read; under callgrind the
// instructions per read are (N reads − 1 read) / (N − 1).
#include "CKernels.h"
__attribute__((weak)) mm_level_run_result mm_level_run2(const uint8_t *base, long start, long end, long count, double *values, double empty, const double *tenths, long *starts);
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
static char *load(const char *p, long *n){FILE*f=fopen(p,"rb"); if(!f){perror(p); exit(66);}fseek(f,0,2);*n=ftell(f);fseek(f,0,0);char*b=malloc(*n);fread(b,1,*n,f);fclose(f);return b;}
__attribute__((target("avx2"))) static void ntcopy(double *dst, const double *src, long n) {
  long i = 0;
  while (i < n && ((uintptr_t)(dst + i) & 31)) { dst[i] = src[i]; i++; }
  for (; i + 4 <= n; i += 4) _mm256_stream_pd(dst + i, _mm256_loadu_pd(src + i));
  for (; i < n; i++) dst[i] = src[i];
}
int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: level-run-arena READS a|v|b|c|n|z|w\n"); return 64; }
  int mode = argv[2][0];
  if (mode == 'w' && !mm_level_run2) { fprintf(stderr, "no mm_level_run2 linked\n"); return 64; }
  double tenths[51]; for(int i=0;i<51;i++) tenths[i]=i/10.0;
  double vals[200]; long starts[200]; long cells=0; double sum=0;
  const char *files[2] = {"/tmp/c20/mentees.csv", "/tmp/c20/mentors.csv"};
  long n[2]; char *b[2]; for(int f=0;f<2;f++) b[f]=load(files[f],&n[f]);
  int reps = atoi(argv[1]);
  struct timespec t0,t1; clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t0);
  for(int rep=0;rep<reps;rep++) for(int f=0;f<2;f++){
    long width = f==0 ? 128 : 64;
    long rows = f==0 ? 20000 : 4000;
    double *arena = getenv("FRESH") ? mmap(0, rows*width*8+4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) : malloc(rows * width * 8 + 64);
    double *row = arena;
    if (mode=='z') { memset(arena, 0, rows*width*8); row = arena + rows*width; }
    long i = (char*)memchr(b[f],'\n',n[f])-b[f]+1;
    while(mode!='z' && i<n[f]){ char*nl=memchr(b[f]+i,'\n',n[f]-i); long end=nl?nl-b[f]:n[f];
      long idx=i; int c=0; while(c<9){ if(b[f][idx]==',')c++; idx++; }
      double *dst = (mode=='a' || mode=='w') ? row : vals;
      long got = 0;
      for (int run = 0; run < (f==0?2:1); run++) {
        double e = run ? __builtin_nan("") : 0.0;
        mm_level_run_result r = mode=='n' ? (mm_level_run_result){idx,64,0} : mode=='w' ? mm_level_run2((uint8_t*)b[f],idx,end,64,dst + run*64,e,tenths,starts) : mm_level_run((uint8_t*)b[f],idx,end,64,dst + run*64,e,tenths,starts);
        cells+=r.read; got += r.read; idx=r.index; if (r.finished || r.read < 64) break; }
      if (mode=='b' || mode=='n') memcpy(row, vals, width*8);
      if (mode=='c') ntcopy(row, vals, width);
      sum += (mode=='v') ? vals[3] : row[3];
      row += width;
      i=end+1; }
    if (getenv("FRESH")) munmap(arena, rows*width*8+4096); else free(arena);
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t1);
  printf("%c %ld cells %g  %.2f ms per read\n",mode,cells/reps,sum,((t1.tv_sec-t0.tv_sec)*1e3+(t1.tv_nsec-t0.tv_nsec)/1e6)/reps);
}
