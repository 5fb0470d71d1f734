import Foundation
import Testing
import TestSupport
import Web

/// `openapi.yaml` against the API's routes, and the scanner that reads it.
@Suite struct OpenAPIDocumentTests {
    /// Every route the application serves, as its router lists them.
    static func routes() throws -> Set<OpenAPIPaths.Operation> {
        let app = try TestApp.start()
        return Set(app.application.router.routes.map { OpenAPIPaths.Operation($0.method.rawValue, $0.template) })
    }

    @Test func documentDeclaresExactlyTheRoutesOfTheAPI() throws {
        let operations = try OpenAPIPaths().operations
        let routes = try Self.routes()
        #expect(routes.count >= 33)
        #expect(operations.contains(.init("PUT", "/v1/entries/{id}/shares/{sponsorshipId}")))
        #expect(operations.subtracting(routes).isEmpty, "documented but not routed")
        #expect(routes.subtracting(operations).isEmpty, "routed but not documented")
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
        #expect(OpenAPIPaths(yaml: yaml.replacingOccurrences(of: "\n", with: "\r\n")).operations == expected)
    }
}
