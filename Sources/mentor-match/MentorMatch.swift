@main
struct MentorMatch {
  static func main() {}
}
