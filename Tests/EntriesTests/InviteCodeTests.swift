import Testing
@testable import Sponsorships

@Suite struct InviteCodeTests {
    static let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    @Test func generatedCodesAreThreeGroupsOfFourCrockfordCharacters() throws {
        for _ in 0..<200 {
            let code = try InviteCode.generate()
            let groups = code.formatted.split(separator: "-", omittingEmptySubsequences: false)
            #expect(groups.count == 3 && groups.allSatisfy { $0.count == 4 })
            #expect(code.canonical.count == 12 && code.canonical.allSatisfy(Self.alphabet.contains))
            #expect(InviteCode(typed: code.formatted) == code)
        }
    }

    @Test func generatedCodesDiffer() throws {
        let codes = try (0..<1000).map { _ in try InviteCode.generate().canonical }
        #expect(Set(codes).count == codes.count)
    }

    @Test func typedCodesAreReadForgivingly() {
        let expected = InviteCode(typed: "K7QM-2XWD-9HTB")
        #expect(expected?.canonical == "K7QM2XWD9HTB")
        for typed in ["k7qm-2xwd-9htb", "K7QM2XWD9HTB", "k7qm 2xwd 9htb", "K7QM--2XWD-9HTB-"] {
            #expect(InviteCode(typed: typed) == expected, "\(typed)")
        }
        // Crockford's look-alikes: I and L are 1, O is 0.
        #expect(InviteCode(typed: "ilo0-1111-0000")?.canonical == "110011110000")
    }

    @Test func anythingElseIsNoCode() {
        for typed in ["", "K7QM-2XWD-9HT", "K7QM-2XWD-9HTBX", "K7QU-2XWD-9HTB", "K7QM_2XWD_9HTB", "K7QM-2XWD-9HTÉ", "\u{0}"] {
            #expect(InviteCode(typed: typed) == nil, "\(typed)")
        }
    }

    @Test func onlyTheSHA256OfTheCanonicalFormIsKept() {
        // printf K7QM2XWD9HTB | sha256sum
        #expect(InviteCode(typed: "k7qm-2xwd-9htb")?.hash == "2d000d26d1b1aeb89547375b408e24f1c3e27d002986538a58cff8b3b26b0127")
    }
}
