import Foundation
import FuzzSupport
import Interchange

/// The `columns:` and `scales:` sections of a configuration and the people
/// file they map: the bytes before the first NUL are `config.yaml`, the rest
/// `people.csv`. Every problem must point into one of the two files, and a
/// cohort read through a mapping keeps its sides' ids distinct.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMapping(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = bytes.map(UnsafeRawPointer.init) else { return 0 }
  let (configuration, people) = FuzzInput.twoTexts(data, size)
  do {
    let mapping = try CohortMappingReader.parse(configuration, file: "config.yaml")
    let cohort = try CohortReader.parse(people: people, mapping: mapping).cohort
    precondition(Set(cohort.mentors.map(\.id)).count == cohort.mentors.count, "a mentor id accepted twice")
    precondition(Set(cohort.mentees.map(\.id)).count == cohort.mentees.count, "a mentee id accepted twice")
    let levels = cohort.mentors.flatMap(\.person.levels) + cohort.mentees.flatMap(\.person.levels)
    precondition(levels.allSatisfy(\.isFinite), "a level that is not a finite number accepted")
  } catch {
    FuzzInput.checkReported(error, files: ["config.yaml", "people.csv"])
  }
  return 0
}

exit(FuzzInput.run(fuzzMapping))
