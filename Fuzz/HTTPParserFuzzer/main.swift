// libFuzzer target for `HTTPRequestParser` (built by `make fuzz`, not by SwiftPM).
//
// Each input is parsed three ways — whole, split in two at a point taken from the data, and
// one byte at a time — and every run must see the same events and the same final error.
// Small limits make the fuzzer reach the 413/414/431 paths and the chunk metadata cap with
// short inputs.

let limits = HTTPParserLimits(maxHeadBytes: 384, maxHeaderCount: 8, maxBodyBytes: 512, maxChunkMetadataBytes: 48)

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let whole = ParserRun(input: input, pieces: [size], limits: limits)
    let splitPoint = size == 0 ? 0 : Int(input[size - 1]) * size / 255
    let split = ParserRun(input: input, pieces: [splitPoint, size - splitPoint], limits: limits)
    check(whole.outcome == split.outcome, "whole and split at \(splitPoint) differ", whole, split)
    if size <= 2048 {
        let bytewise = ParserRun(input: input, pieces: Array(repeating: 1, count: size), limits: limits)
        check(whole.outcome == bytewise.outcome, "whole and byte-at-a-time differ", whole, bytewise)
    }
    return 0
}

func check(_ condition: Bool, _ message: @autoclosure () -> String, _ runs: ParserRun...) {
    guard !condition else { return }
    fatalError("\(message())\n" + runs.map { "\($0.outcome)" }.joined(separator: "\n"))
}
