import Foundation
import Testing
import TestSupport

/// `openapi.yaml` against the API's routes, and the scanner that reads it.
@Suite struct OpenAPIDocumentTests {
    /// Every route of API.md, version 1, and those of 1.1 built so far. To be replaced by the App router's own `routes`
    /// once it exists, so the document and the code cannot drift apart.
    static let routes: Set<OpenAPIPaths.Operation> = [
        .init("GET", "/"),
        .init("GET", "/healthz"),
        .init("GET", "/readyz"),
        .init("POST", "/v1/auth/register"),
        .init("POST", "/v1/auth/login"),
        .init("POST", "/v1/auth/logout"),
        .init("GET", "/v1/me"),
        .init("PATCH", "/v1/me"),
        .init("POST", "/v1/me/password"),
        .init("GET", "/v1/me/sessions"),
        .init("DELETE", "/v1/me/sessions/{id}"),
        .init("POST", "/v1/invites"),
        .init("POST", "/v1/invites/accept"),
        .init("GET", "/v1/sponsorships"),
        .init("DELETE", "/v1/sponsorships/{id}"),
        .init("POST", "/v1/entries"),
        .init("GET", "/v1/entries"),
        .init("GET", "/v1/entries/{id}"),
        .init("PATCH", "/v1/entries/{id}"),
        .init("DELETE", "/v1/entries/{id}"),
        .init("GET", "/v1/shared"),
        .init("PUT", "/v1/entries/{id}/shares/{sponsorshipId}"),
        .init("DELETE", "/v1/entries/{id}/shares/{sponsorshipId}"),
        .init("GET", "/v1/entries/{id}/shares"),
        .init("GET", "/v1/entries/{id}/comments"),
        .init("POST", "/v1/entries/{id}/comments"),
        .init("GET", "/v1/comments/{id}"),
        .init("PATCH", "/v1/comments/{id}"),
        .init("DELETE", "/v1/comments/{id}"),
        // Version 1.1.
        .init("GET", "/v1/amends/summary"),
        .init("POST", "/v1/entries/{id}/reviews"),
        .init("GET", "/v1/entries/{id}/reviews"),
        .init("GET", "/v1/reviews"),
        .init("GET", "/v1/reviews/{id}"),
        .init("PUT", "/v1/reviews/{id}/verdict"),
        .init("DELETE", "/v1/reviews/{id}"),
        .init("GET", "/v1/activity"),
        .init("POST", "/v1/activity/seen"),
        .init("GET", "/v1/events"),
        .init("GET", "/v1/entries/{id}/access-log"),
        .init("GET", "/v1/me/access-log"),
        .init("POST", "/v1/me/export"),
        .init("DELETE", "/v1/me"),
        .init("POST", "/v1/me/lockdown"),
    ]

    @Test func documentDeclaresExactlyTheRoutesOfTheAPI() throws {
        let operations = try OpenAPIPaths().operations
        #expect(operations.count == 44)
        #expect(operations.contains(.init("PUT", "/v1/entries/{id}/shares/{sponsorshipId}")))
        #expect(operations.subtracting(Self.routes).isEmpty, "documented but not routed")
        #expect(Self.routes.subtracting(operations).isEmpty, "routed but not documented")
    }

    /// The routes declared `idempotent` are exactly the creating `POST`s of API.md 1.1, and
    /// the document offers `Idempotency-Key` on exactly those.
    @Test func documentOffersIdempotencyKeyOnTheIdempotentRoutes() throws {
        let app = try TestApp.start()
        let idempotent = Set(app.application.router.routes.filter(\.isIdempotent)
            .map { OpenAPIPaths.Operation($0.method.rawValue, $0.template) })
        #expect(idempotent == [
            .init("POST", "/v1/entries"), .init("POST", "/v1/entries/{id}/comments"),
            .init("POST", "/v1/entries/{id}/reviews"), .init("POST", "/v1/invites"),
        ])
        let documented = try OpenAPIPaths().parameters.filter { $0.value.contains("IdempotencyKey") }.keys
        #expect(Set(documented) == idempotent)
    }

    @Test func scannerReadsOnlyTheMethodsOfPathTemplates() {
        let yaml = """
            openapi: 3.1.0
            info:
              description: |
                paths:
                  /in/a/text:
                    get:
            paths:
              # /commented/out:
              /a/{id}:
                parameters:
                  - $ref: '#/components/parameters/Id'
                summary: 'get: not an operation'
                get:
                  responses:
                    '200':
                      content:
                        application/json:
                          schema:
                            properties:
                              post:
                                type: string
                delete:
                  description: gone
                  parameters:
                    - $ref: '#/components/parameters/Key'
              '/quoted':
                put:
                  description: quoted template
              x-extension:
                post:
                  description: not a path
            components:
              pathItems:
                /b:
                  patch:
                    description: not under paths
            """
        let expected: Set<OpenAPIPaths.Operation> = [
            .init("GET", "/a/{id}"), .init("DELETE", "/a/{id}"), .init("PUT", "/quoted"),
        ]
        #expect(OpenAPIPaths(yaml: yaml).operations == expected)
        #expect(OpenAPIPaths(yaml: yaml).parameters == [.init("DELETE", "/a/{id}"): ["Key"]])
        #expect(OpenAPIPaths(yaml: yaml.replacingOccurrences(of: "\n", with: "\r\n")).operations == expected)
    }
}
