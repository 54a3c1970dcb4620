import ArgumentParser
import Intake

extension ChoicesMode: ExpressibleByArgument {}
