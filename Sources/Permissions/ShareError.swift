/// The refusals of the share rules.
enum ShareError: Error {
    /// The sponsorship is unknown, ended, or not one in which the entry's owner is the sponsee.
    case invalidSponsorship
}
