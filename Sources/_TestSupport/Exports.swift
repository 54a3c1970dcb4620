@_exported import Assignment
