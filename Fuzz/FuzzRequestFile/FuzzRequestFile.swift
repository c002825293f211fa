import FuzzTargets

#if FUZZING
  import CLibFuzzer
  import Foundation

  /// libFuzzer's callback: one input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    RequestFileFuzzTarget.run(UnsafeBufferPointer(start: data, count: size))
    return 0
  }

  /// The entry point under libFuzzer: hands `RequestFileFuzzTarget` to libFuzzer's driver, which takes
  /// the usual libFuzzer arguments (corpus folders, -max_total_time, ...).
  @main
  struct FuzzRequestFileDriver {
    /// Runs libFuzzer.
    static func main() {
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      let status = LLVMFuzzerRunDriver(&argc, &argv) { fuzzOneInput($0, $1) }
      exit(status)
    }
  }
#else
  /// Without libFuzzer: replays the files or folders given as arguments.
  @main
  struct FuzzRequestFileReplay {
    /// Runs every input and says how many ran.
    static func main() {
      let count = FuzzReplay.run(
        Array(CommandLine.arguments.dropFirst()), through: RequestFileFuzzTarget.run)
      print("\(count) inputs ran without a finding.")
    }
  }
#endif
