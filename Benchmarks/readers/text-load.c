// Benchmarks/readers/text-load.c (branch cohort14, Docs/performance.md): the kernel's side
// of getting a cohort's two files into memory, one thread, no Swift: cc -O2 text-load.c && ./a.out MODE READS FILE...
// per read (the median of READS reads in one process; READS 1 is a fresh process's one read): MODE p = pread
// into a fresh malloc buffer (as InputFile.readASCIIBytes, one part), m = mmap(MAP_POPULATE) of the page
// cache (as MappedFile), n = mmap without MAP_POPULATE, P = pread into a buffer advised MADV_HUGEPAGE;
// each followed by an ASCII check of the bytes.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <sys/resource.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1e3+t.tv_nsec/1e6;}
static double cpu(){struct rusage u;getrusage(RUSAGE_SELF,&u);return (u.ru_utime.tv_sec+u.ru_stime.tv_sec)*1e3+(u.ru_utime.tv_usec+u.ru_stime.tv_usec)/1e3;}
static int ascii(const uint8_t*b,size_t n){uint64_t s=0;size_t i=0;for(;i+8<=n;i+=8){uint64_t w;memcpy(&w,b+i,8);s|=w;}for(;i<n;i++)s|=b[i];return (s&0x8080808080808080ULL)==0;}
static int cmp(const void*a,const void*b){double x=*(double*)a,y=*(double*)b;return x<y?-1:x>y;}
int main(int argc,char**argv){char mode=argv[1][0];int R=atoi(argv[2]);double w[1000],c[1000];long ok=0;
 for(int r=0;r<R;r++){double t0=now(),c0=cpu();
  for(int f=3;f<argc;f++){int fd=open(argv[f],O_RDONLY);struct stat st;fstat(fd,&st);size_t n=st.st_size;
   if(mode=='m'||mode=='n'){uint8_t*p=mmap(0,n,PROT_READ,MAP_PRIVATE|(mode=='m'?MAP_POPULATE:0),fd,0);ok+=ascii(p,n);munmap(p,n);}
   else{uint8_t*p=malloc(n);if(mode=='P'){uintptr_t h=2<<20,a=((uintptr_t)p+h-1)&~(h-1),e=((uintptr_t)p+n)&~(h-1);if(e>a)madvise((void*)a,e-a,MADV_HUGEPAGE);}
    size_t d=0;while(d<n){ssize_t k=pread(fd,p+d,n-d,d);if(k<=0)break;d+=k;}ok+=ascii(p,n);free(p);}
   close(fd);}
  w[r]=now()-t0;c[r]=cpu()-c0;}
 qsort(w,R,sizeof(double),cmp);qsort(c,R,sizeof(double),cmp);printf("%c: median wall %.3f ms, CPU %.3f ms (%ld)\n",mode,w[R/2],c[R/2],ok);return 0;}
