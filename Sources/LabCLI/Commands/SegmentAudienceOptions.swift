import ArgumentParser
import LabCore
import Sandbox
import Segmentation

/// What `estimate` and `preview` evaluate: a stored segment, or an expression.
struct SegmentAudienceOptions: ParsableArguments {
  @Argument(help: "A segment id or name (or give an expression with --pql).")
  var segment: String?

  @OptionGroup var source: SegmentExpressionOptions

  @Option(name: .long, help: "A merge policy id or name, with --pql (default: the default policy).")
  var mergePolicy: String?

  /// The audience of the stored segment or of the expression.
  func audience(_ sandbox: Sandbox, limit: Int) throws(LabFailure) -> SegmentAudience {
    let expression = try source.expression()
    switch (segment, expression) {
    case (let key?, nil):
      return try segmentCall { () throws(SandboxError) in
        try sandbox.previewSegment(key, limit: limit)
      }
    case (nil, let expression?):
      return try segmentCall { () throws(SandboxError) in
        try sandbox.previewSegment(expression: expression, mergePolicy: mergePolicy, limit: limit)
      }
    default:
      throw .usage("Give a segment id or name, or an expression with --pql, not both.")
    }
  }
}
