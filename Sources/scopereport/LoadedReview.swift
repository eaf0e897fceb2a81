import Foundation
import ScopeLoad

extension ReviewLoader {
    /// The review in the data folder `data`, for a command that needs it whole: when it does not load,
    /// its diagnostics (and `failing`, if given) are printed and the exit status is the build's.
    static func review(in data: String, failing: String? = nil) throws -> Review {
        switch ReviewLoader(dataDirectory: URL(fileURLWithPath: data), displayDirectory: data).load() {
        case .success(let review): return review
        case .failure(let failure):
            Console.print(diagnostics: failure.diagnostics)
            if let failing { Console.write(failing) }
            if case .missingInput = failure { throw ExitStatus.missingInput }
            throw ExitStatus.invalidData
        }
    }
}
