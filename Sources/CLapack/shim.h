// The only C boundary of MentorMatch: CBLAS and LAPACKE from Debian's
// libblas-dev, liblapack-dev and liblapacke-dev. OpenBLAS (libopenblas0-pthread)
// serves the same sonames at run time through Debian's alternatives.
#ifndef MENTORMATCH_CLAPACK_SHIM_H
#define MENTORMATCH_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
