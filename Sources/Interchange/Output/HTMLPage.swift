/// The start of every self-contained HTML report (plans and circles): the
/// document type, language, character set, viewport, title and one inline
/// stylesheet, up to and including `<body>`.
enum HTMLPage {
  /// The page head of a report, ending with `<body>` and a line break.
  ///
  /// - Parameters:
  ///   - title: The page title, already HTML-safe (the renderers pass constants).
  ///   - style: The CSS rules, inlined between `<style>` tags.
  /// - Complexity: O(length of `style`).
  static func head(title: String, style: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(title)</title>
    <style>
    \(style)
    </style>
    </head>
    <body>

    """
  }
}
