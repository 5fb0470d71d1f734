import Auth
import Foundation
import Sponsorships

/// The small leading members of the export document; the large lists follow, streamed.
struct ExportHeader: Encodable {
    let format = "stepwork-export/1"
    let exportedAt: Date
    let user: UserOutput
    let sponsorships: [Sponsorship]
}
