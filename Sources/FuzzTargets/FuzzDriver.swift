import Foundation

#if FUZZING
  import CLibFuzzer

  /// The target the running fuzz executable serves (set once by ``FuzzDriver/main(_:)``,
  /// before libFuzzer starts calling back).
  nonisolated(unsafe) private var fuzzTarget: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

  /// libFuzzer's callback: one input through the target.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzTarget(UnsafeBufferPointer(start: data, count: size))
    return 0
  }
#endif

/// The `main` of each `Fuzz/` executable: under libFuzzer (built with `-DFUZZING` by
/// `Scripts/fuzz`) it hands the target to libFuzzer's driver, which takes the usual libFuzzer
/// arguments; otherwise it replays the files or folders given as arguments.
public enum FuzzDriver {
  /// Runs `target` as the process's work, then exits.
  public static func main(_ target: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
    #if FUZZING
      fuzzTarget = target
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzOneInput($0, $1) })
    #else
      let count = FuzzReplay.run(Array(CommandLine.arguments.dropFirst()), through: target)
      print("\(count) inputs ran without a finding.")
      exit(0)
    #endif
  }
}
