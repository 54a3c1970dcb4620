public enum Interchange {}
