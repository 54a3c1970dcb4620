public enum Rationale {}
