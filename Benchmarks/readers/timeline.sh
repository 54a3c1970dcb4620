#!/usr/bin/env bash
# The cohort read's timeline (issue 15, target 3; Docs/performance.md, branch
# `cohort14`): uprobes at the entry and return of each phase of
# `CohortReader.read(_:)` in a readers' driver (read-cpu.swift linked by
# run.sh), recorded with their thread and time by `perf record`, then each
# phase's start and end per read (timeline.py: the medians, minima and
# maxima of reads 2 and on). Needs root (uprobes) and tracefs.
#
#   Benchmarks/readers/timeline.sh DRIVER COHORT_FOLDER [READS] [WRAPPER…]
#
# e.g. `timeline.sh /tmp/base /tmp/c20 15 chrt -f 50`. The probes sit on
# the symbols of `main` at cebf137 (found by `nm DRIVER | swift demangle`);
# a phase whose symbol is gone (renamed, inlined) is reported and left out.
set -euo pipefail
driver="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
folder="$2"
reads="${3:-15}"
shift $(($# < 3 ? $# : 3))
here="$(cd "$(dirname "$0")" && pwd)"
group="rdtl$$"
declare -A P=(
 [read]='$s11Interchange12CohortReaderO4read_7mapping13referenceDateAA0B10ReadResultVAA0B6SourceV_AA0B7MappingV20FoundationEssentials0G0VtAA11InputErrorsVYKFZTf4nnnd_n'
 [load]='$s11Interchange14CohortFileTextO4load4pathACSS_tFZTf4nd_n'
 [asciipart]='$s11Interchange9InputFileO6Target33_79424D4558924A89C2B8CC2DE8231A03LLV9readASCIIySbSnySiGF'
 [fileparse]='$s11Interchange16CohortFileParserV4read_4file4side13referenceDate7mapping8problemsACSgAA0bC4TextO_SSAA0B7ColumnsV4SideO20FoundationEssentials0I0VAA0B7MappingVSayAA10InputErrorVGztFZ'
 [header]='$s11Interchange13CohortColumnsV6header4side4file7mapping8problemsAcA8CSVTableV6RecordV_AC4SideOSSAA0B7MappingVSayAA10InputErrorVGztcfCTf4nnnnnd_n'
 [parserows]='$s11Interchange16CohortFileParserV9parseRows33_DA30988126FC03B19573D4572419098BLL_4from8templateACSgSRys5UInt8VG_SiAC8TemplateAELLVtFZ'
 [linecount]='$s11Interchange16CohortFileParserV9parseRows33_DA30988126FC03B19573D4572419098BLL_4from8templateACSgSRys5UInt8VG_SiAC8TemplateAELLVtFZSiAK_SnySiGtYbXEfU_'
 [chunk]='$s11Interchange16CohortFileParserV10parseChunk33_DA30988126FC03B19573D4572419098BLL__8template9firstLine5lines4into2atSi4rows_ACSg6parsertSRys5UInt8VG_SnySiGAC8TemplateAELLVS2iAC6OutputAELLVSitFZTf4nnnnnnnd_nTf4nnnnnxn_n'
 [merge]='$s11Interchange7IDTableV12insertAllNew4fromSbAC_tFTf4xn_n'
 [assemble]='$s11Interchange12CohortReaderO8assemble33_FBC9B63C8EA0722F5BA2547C44079CBBLL10mentorFile06menteeN08problemsAA0B10ReadResultVAA0bN6ParserVSgz_AMzSayAA10InputErrorVGtAA0T6ErrorsVYKFZTf4nnnd_n'
 [cycles]='$s11Interchange12CohortReaderO8assemble33_FBC9B63C8EA0722F5BA2547C44079CBBLL10mentorFile06menteeN08problemsAA0B10ReadResultVAA0bN6ParserVSgz_AMzSayAA10InputErrorVGtAA0T6ErrorsVYKFZyyYbcfU2_'
 [build]='$s11Interchange12CohortPeopleV5build_5slots7mentors7mentees14hasGoalColumns0G4FileACSayAA0bK6ParserV3RowVGz_AK5SlotsVS3bSStFZ'
 [buildpart]='$s11Interchange12CohortPeopleV5build_5slots7mentors7mentees14hasGoalColumns0G4FileACSayAA0bK6ParserV3RowVGz_AK5SlotsVS3bSStFZySryAMGzXEfU0_ySrySiGzXEfU_yARzXEfU_ySry15CompetencyModel6MentorVGz_SiztXEfU_ySryAS6MenteeVGz_SiztXEfU_ySiYbXEfU_'
)
cleanup() { perf probe -q -d "$group:*" >/dev/null 2>&1 || true; }
trap cleanup EXIT
symbols="$(mktemp)"
nm "$driver" >"$symbols"
for k in "${!P[@]}"; do
  s="${P[$k]}"
  if grep -qF " $s" "$symbols"; then
    perf probe -q -x "$driver" -a "$group:${k}=${s}" >/dev/null 2>&1 || echo "no probe for $k" >&2
    perf probe -q -x "$driver" -a "$group:${k}_ret=${s}%return" >/dev/null 2>&1 || echo "no return probe for $k" >&2
  else
    echo "no symbol for $k" >&2
  fi
done
data="$(mktemp)"
perf record -q -e "$group:*" -o "$data" "$@" "$driver" "$folder" - "$reads"
perf script -i "$data" -F tid,time,event 2>/dev/null >"$data.txt"
python3 "$here/timeline.py" "$data.txt"
rm -f "$data" "$data.txt" "$symbols"
