import Foundation
import Testing
import TestSupport

/// SECURITY.md's matrix for the comment endpoints: every role × every endpoint → the one
/// expected status; a 2xx for a role outside the endpoint's allowed set fails on its own.
@Suite struct CommentAccessMatrixTests {
    typealias Role = Cast.Role

    /// What a role may do to a comment someone else (the owner) wrote, and to the thread.
    enum Endpoint: String, CaseIterable, CustomStringConvertible {
        case readThread, post, readComment, editOwnersComment, deleteOwnersComment

        var description: String { rawValue }

        /// The roles that may succeed at all.
        var allowed: Set<Role> {
            switch self {
            case .readThread, .readComment: [.owner, .readSponsor, .commentSponsor]
            case .post: [.owner, .commentSponsor]
            case .editOwnersComment, .deleteOwnersComment: [.owner]
            }
        }

        /// The answer for each role.
        func expected(for role: Role) -> Int {
            if role == .anonymous { return 401 }
            if allowed.contains(role) {
                switch self {
                case .post: return 201
                case .deleteOwnersComment: return 204
                default: return 200
                }
            }
            // Visible but not allowed is 403; not visible is 404.
            return [.readSponsor, .commentSponsor].contains(role) ? 403 : 404
        }
    }

    @Test func everyRoleGetsExactlyItsAnswerFromEveryEndpoint() throws {
        let app = try TestApp.start()
        let cast = try Cast(api: CommentsAPI(app: app))
        let api = cast.api
        let hiddenAnswers = try notFoundBodies(api, as: cast[.stranger]!)
        for endpoint in Endpoint.allCases {
            for role in Role.allCases {
                let target = try api.comment("The owner's note", on: cast.entryId, as: cast.owner).id
                let reply = try call(endpoint, on: cast.entryId, target: target, as: cast[role], api: api)
                #expect(reply.status == endpoint.expected(for: role), "\(role) → \(endpoint): \(reply.status)")
                if (200..<300).contains(reply.status) {
                    #expect(endpoint.allowed.contains(role), "\(role) must not succeed at \(endpoint)")
                }
                if reply.status == 403 {
                    #expect(reply.code == "forbidden", "\(role) → \(endpoint)")
                }
                if reply.status == 404 {
                    #expect(reply.body == hiddenAnswers[endpoint], "\(role) → \(endpoint): 404 differs from a missing id's")
                }
            }
        }
    }

    /// Authors change their own comments only while they can see the entry: a former sponsor
    /// can no longer edit or delete what they wrote.
    @Test func authorsChangeTheirOwnCommentsOnlyWhileTheyCanSeeTheEntry() throws {
        let app = try TestApp.start()
        let cast = try Cast(api: CommentsAPI(app: app))
        let api = cast.api
        let expected: [(Role, edit: Int, delete: Int)] = [
            (.owner, 200, 204), (.commentSponsor, 200, 204), (.revokedSponsor, 404, 404), (.endedSponsor, 404, 404),
        ]
        for (role, editStatus, deleteStatus) in expected {
            let user = cast[role]!
            let own = try cast.formerSponsorComments[role]
                ?? api.comment("Mine", on: cast.entryId, as: user).id
            #expect(try api.edit(own, body: "Changed", as: user).status == editStatus, "\(role) edits own")
            #expect(try api.delete(own, as: user).status == deleteStatus, "\(role) deletes own")
        }
        // What the former sponsors wrote is untouched.
        let thread = try api.wholeThread(of: cast.entryId, as: cast.owner)
        for role in [Role.revokedSponsor, .endedSponsor] {
            let comment = thread.first { $0.id == cast.formerSponsorComments[role] }
            #expect(comment?.body == "Written while shared" && comment?.deleted == false)
        }
    }

    /// The owner may remove any comment on their entry; nobody else may remove another's.
    @Test func theOwnerDeletesASponsorsCommentButAnotherSponsorCannot() throws {
        let app = try TestApp.start()
        let cast = try Cast(api: CommentsAPI(app: app))
        let api = cast.api
        let sponsors = try api.comment("Have you talked it over?", on: cast.entryId, as: cast[.commentSponsor]!).id
        #expect(try api.delete(sponsors, as: cast[.readSponsor]!).status == 403)
        #expect(try api.edit(sponsors, body: "Rewritten", as: cast.owner).status == 403)
        #expect(try api.delete(sponsors, as: cast.owner).status == 204)
        #expect(try api.show(sponsors, as: cast[.commentSponsor]!).decode(CommentJSON.self).deleted)
    }

    /// Refused writes leave no trace: the thread holds only what allowed roles wrote.
    @Test func refusedPostsLeaveNoTrace() throws {
        let app = try TestApp.start()
        let cast = try Cast(api: CommentsAPI(app: app))
        for role in Role.allCases {
            _ = try cast.api.post("From \(role)", on: cast.entryId, as: cast[role])
        }
        let bodies = Set(try cast.api.wholeThread(of: cast.entryId, as: cast.owner).map(\.body))
        #expect(bodies == ["Written while shared", "From owner", "From commentSponsor"])
    }

    private func call(_ endpoint: Endpoint, on entryId: String, target: String, as user: User?, api: CommentsAPI)
        throws -> TestHTTPResponse
    {
        switch endpoint {
        case .readThread: try api.thread(of: entryId, as: user)
        case .post: try api.post("A thought", on: entryId, as: user)
        case .readComment: try api.show(target, as: user)
        case .editOwnersComment: try api.edit(target, body: "Edited", as: user)
        case .deleteOwnersComment: try api.delete(target, as: user)
        }
    }

    /// What each endpoint answers for ids that exist nowhere.
    private func notFoundBodies(_ api: CommentsAPI, as user: User) throws -> [Endpoint: [UInt8]] {
        let missing = UUID().uuidString
        var bodies: [Endpoint: [UInt8]] = [:]
        for endpoint in Endpoint.allCases {
            let reply = try call(endpoint, on: missing, target: missing, as: user, api: api).expect(404)
            bodies[endpoint] = reply.body
        }
        return bodies
    }
}
